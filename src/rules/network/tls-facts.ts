import { isUnknown, unknown, type Unknown, type Val } from "../../core/value";
import { CONDITION_KEYS } from "../../iam/condition-keys";
import { parseArn, parsePolicy, resourceMatches, type ConditionEntry, type Statement } from "../../iam";
import type { ResourcePolicy } from "../../models/exposure";

/**
 * Whether one of the policy's statements denies every S3 action to everyone on the bucket's
 * objects when the request is not over TLS: `Bool aws:SecureTransport false`, or
 * `NumericLessThan s3:TlsVersion ...`. Returns the statement's path, false, or Unknown when a
 * part that decides it is not known.
 */
export function deniesInsecureTransport(policy: ResourcePolicy, bucketName: string | undefined): Val<string | false> {
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
      () => allS3Actions(statement),
      () => coversObjects(statement, bucketName),
      () => requiresTls(statement),
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

function allS3Actions(s: Statement): Val<boolean> {
  const a = s.actions;
  if (a === undefined) return false;
  if (isUnknown(a)) return a;
  if (a.element !== "Action") return false;
  return anyOf(a.values, (v) => (v.service === "*" || v.service === "s3") && /^\*+$/.test(v.name));
}

function coversObjects(s: Statement, bucketName: string | undefined): Val<boolean> {
  const r = s.resources;
  if (r === undefined) return false;
  if (isUnknown(r)) return r;
  if (r.element !== "Resource") return false;
  return anyOf(r.values, (pattern) => {
    if (pattern === "*") return true;
    const arn = parseArn(pattern);
    if (!arn || !/^(s3|\*)$/.test(arn.service) || !arn.resource.endsWith("/*")) return false;
    if (bucketName === undefined) return true;
    const partition = /[*?]/.test(arn.partition) ? "aws" : arn.partition;
    return resourceMatches(pattern, `arn:${partition}:s3:::${bucketName}/any-object`);
  });
}

function requiresTls(s: Statement): Val<boolean> {
  const c = s.conditions;
  if (isUnknown(c)) return c;
  return anyOf(c, (e: ConditionEntry) => {
    if (e.setQualifier !== undefined) return false;
    if (e.keyLower === CONDITION_KEYS.secureTransport && e.baseOperator === "Bool") return anyOf(e.values, (v) => v.toLowerCase() === "false");
    return e.keyLower === "s3:tlsversion" && e.baseOperator === "NumericLessThan";
  });
}
