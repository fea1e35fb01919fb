import { isUnknown, unknown, type Unknown, type Val } from "../../core/value";
import { CONDITION_KEYS } from "../../iam/condition-keys";
import { parseArn, parsePolicy, resourceMatches, type ConditionEntry, type Statement } from "../../iam";
import type { ResourcePolicy } from "../../models/exposure";

/** What a TLS-enforcing Deny must cover: a service's resource, known by its ARN or not yet. */
export interface TransportTarget {
  /** The IAM service prefix (`s3`, `sqs`, `sns`, `secretsmanager`...): the Deny names `<service>:*` or `*`. */
  readonly service: string;
  /**
   * An ARN the Deny's Resource must match (S3: one object of the bucket); undefined when not known
   * yet, and then any Resource of the service (or `*`) counts.
   */
  readonly arn?: string;
  /** S3: the Resource must name the bucket's objects (`.../*`), not only the bucket. */
  readonly objects?: true;
}

/** The target of a bucket's TLS Deny: its objects. */
export const bucketObjects = (bucketName: string | undefined): TransportTarget => ({
  service: "s3",
  objects: true,
  ...(bucketName === undefined ? {} : { arn: `arn:aws:s3:::${bucketName}/any-object` }),
});

/**
 * Whether one of the policy's statements denies every S3 action to everyone on the bucket's
 * objects when the request is not over TLS: `Bool aws:SecureTransport false`, or
 * `NumericLessThan s3:TlsVersion ...`. Returns the statement's path, false, or Unknown when a
 * part that decides it is not known.
 */
export function deniesInsecureTransport(policy: ResourcePolicy, bucketName: string | undefined): Val<string | false> {
  return deniesInsecureTransportTo(policy, bucketObjects(bucketName));
}

/**
 * Whether one of the policy's statements denies everyone every action of the target's service
 * (`<service>:*` or `*`) on the target (its ARN, a pattern matching it, or `*`) when the request is
 * not over TLS. Returns the statement's path, false, or Unknown when a part that decides it is not known.
 */
export function deniesInsecureTransportTo(policy: ResourcePolicy, target: TransportTarget): Val<string | false> {
  const parsed = parsePolicy(policy.document, { kind: "resource" });
  if (parsed.status === "unknown") return unknown(parsed.unknown.reason, `${policy.origin}: ${parsed.unknown.detail}`);
  if (parsed.status === "malformed") return unknown("error", `${policy.origin} is not a valid policy (AWS would reject it)`);
  let undetermined: Unknown | undefined;
  for (const statement of parsed.document.statements) {
    if (isUnknown(statement)) {
      undetermined ??= statement;
      continue;
    }
    const verdict = all([
      () => (isUnknown(statement.effect) ? statement.effect : statement.effect === "Deny"),
      () => everyone(statement),
      () => allServiceActions(statement, target.service),
      () => coversTarget(statement, target),
      () => requiresTls(statement, target.service),
    ]);
    if (verdict === true) return `${policy.origin} (${statement.path})`;
    if (isUnknown(verdict)) undetermined ??= unknown(verdict.reason, `${policy.origin} ${statement.path}: ${verdict.detail}`);
  }
  return undetermined ?? false;
}

/** False as soon as one check is false; else Unknown if one is; else true. */
function all(checks: readonly (() => Val<boolean>)[]): Val<boolean> {
  let open: Unknown | undefined;
  for (const check of checks) {
    const v = check();
    if (v === false) return false;
    if (isUnknown(v)) open ??= v;
  }
  return open ?? true;
}

function anyOf<T>(values: readonly Val<T>[], test: (v: T) => Val<boolean>): Val<boolean> {
  let open: Unknown | undefined;
  for (const v of values) {
    const r = isUnknown(v) ? v : test(v);
    if (r === true) return true;
    if (isUnknown(r)) open ??= r;
  }
  return open ?? false;
}

function everyone(s: Statement): Val<boolean> {
  const p = s.principals;
  if (p === undefined) return false;
  if (isUnknown(p)) return p;
  if (p.element !== "Principal") return false;
  return anyOf(
    p.entries.map((e) => (isUnknown(e.value) ? e.value : e)),
    (e) => e.type === "AWS" && e.value === "*",
  );
}

function allServiceActions(s: Statement, service: string): Val<boolean> {
  const a = s.actions;
  if (a === undefined) return false;
  if (isUnknown(a)) return a;
  if (a.element !== "Action") return false;
  return anyOf(a.values, (v) => (v.service === "*" || v.service === service) && /^\*+$/.test(v.name));
}

function coversTarget(s: Statement, target: TransportTarget): Val<boolean> {
  const r = s.resources;
  if (r === undefined) return false;
  if (isUnknown(r)) return r;
  if (r.element !== "Resource") return false;
  return anyOf(r.values, (pattern) => {
    if (pattern === "*") return true;
    const arn = parseArn(pattern);
    if (!arn || (arn.service !== target.service && arn.service !== "*")) return false;
    if (target.objects && !arn.resource.endsWith("/*")) return false;
    if (target.arn === undefined) return true;
    // The rule may not know the target's partition: the pattern's own partition is taken.
    const partition = /[*?]/.test(arn.partition) ? "aws" : arn.partition;
    return resourceMatches(pattern, target.arn.replace(/^arn:[^:]*:/, `arn:${partition}:`));
  });
}

function requiresTls(s: Statement, service: string): Val<boolean> {
  const c = s.conditions;
  if (isUnknown(c)) return c;
  return anyOf(c, (e: ConditionEntry) => {
    if (e.setQualifier !== undefined) return false;
    if (e.keyLower === CONDITION_KEYS.secureTransport && e.baseOperator === "Bool") return anyOf(e.values, (v) => v.toLowerCase() === "false");
    return service === "s3" && e.keyLower === "s3:tlsversion" && e.baseOperator === "NumericLessThan";
  });
}
