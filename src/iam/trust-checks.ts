// Two checks on who a trust or resource policy lets in, beside analyzePrincipals:
// - everyone (`Principal: "*"`, an account wildcard) in a trust policy is open to the world unless a
//   condition names an identity: sts:ExternalId is a shared secret, not an identity, and keys such as
//   aws:ResourceAccount or aws:ResourceTag describe the role itself, which every caller matches;
// - a service principal AWS recommends tying to a source (trust-service-principals.ts) without
//   aws:SourceArn / aws:SourceAccount can be made to act for any account (confused deputy).
// A Deny that refuses every request outside the scope counts as a condition. Never throws.
import { isUnknown, type Unknown, type Val } from "../core/value";
import { parseArn } from "./arn";
import type { StatementRef } from "./findings";
import type { PrincipalEntry, Statement } from "./model";
import { parsePolicy } from "./parse";
import { conditionsDenyOutsideScope, conditionsScope, scopingKeys, type ScopingKeys } from "./scoping";
import { confusedDeputyService, SOURCE_CONDITION_KEYS, type ServicePolicyKind } from "./trust-service-principals";

/** The keys that tie an assumption of a role open to everyone to an identity, an organisation or a source. */
export const TRUST_IDENTITY_CONDITION_KEYS: readonly string[] = [
  "aws:PrincipalOrgID",
  "aws:PrincipalOrgPaths",
  "aws:PrincipalAccount",
  "aws:PrincipalArn",
  "aws:userid",
  ...SOURCE_CONDITION_KEYS,
];
const IDENTITY_KEYS = scopingKeys(TRUST_IDENTITY_CONDITION_KEYS);

export type TrustCheckKind = "public-without-identity" | "service-without-source";

export interface TrustCheckFinding {
  readonly kind: TrustCheckKind;
  readonly statement: StatementRef;
  readonly message: string;
}

export interface TrustCheckUnknown {
  readonly kind: TrustCheckKind;
  readonly unknown: Unknown;
  readonly message: string;
}

export interface TrustChecks {
  readonly findings: readonly TrustCheckFinding[];
  readonly unknowns: readonly TrustCheckUnknown[];
}

interface Collected {
  readonly findings: TrustCheckFinding[];
  readonly unknowns: TrustCheckUnknown[];
}

/**
 * Runs the checks that apply to a policy of `kind` over the statements that are known. A document
 * that is unknown or malformed gives nothing here: analyzePrincipals reports it.
 */
export function trustChecks(document: unknown, kind: ServicePolicyKind): TrustChecks {
  const out: Collected = { findings: [], unknowns: [] };
  try {
    const parsed = parsePolicy(document, { kind });
    if (parsed.status !== "ok") return out;
    const statements = parsed.document.statements.filter((s): s is Statement => !isUnknown(s));
    parsed.document.statements.forEach((st, index) => {
      if (isUnknown(st)) return openService(out, `Statement[${index}]`, st, "the statement is not known");
      if (isUnknown(st.effect)) return openService(out, `${st.path}.Effect`, st.effect, "whether it allows is not known");
      if (st.effect !== "Allow") return;
      if (isUnknown(st.principals)) return openService(out, `${st.path}.Principal`, st.principals, "who it allows is not known");
      if (st.principals === undefined || st.principals.element !== "Principal") return;
      if (kind === "trust") checkPublic(st, statements, out);
      checkServices(st, statements, kind, out);
    });
  } catch {
    // Exotic inputs (throwing getters) are analyzePrincipals' to report.
  }
  return out;
}

function checkPublic(st: Statement, all: readonly Statement[], out: Collected): void {
  const open = st.principals !== undefined && !isUnknown(st.principals) ? st.principals.entries.find(isEveryone) : undefined;
  if (open === undefined) return;
  const who = open.value === "*" ? "everyone" : `every account (${String(open.value)})`;
  const scoped = scopedOrDenied(st, all, IDENTITY_KEYS, isEveryone);
  if (scoped === true) return;
  if (isUnknown(scoped)) {
    out.unknowns.push({ kind: "public-without-identity", unknown: scoped, message: `${st.path}: whether a condition ties ${who} to an identity is not known (${scoped.detail || scoped.reason})` });
    return;
  }
  const keys = conditionKeys(st);
  const why =
    keys.length === 0
      ? "no condition names an identity"
      : `its conditions on ${keys.join(", ")} name no identity${keys.some((k) => k.toLowerCase() === "sts:externalid") ? " (sts:ExternalId is a shared secret, not an identity)" : ""}`;
  out.findings.push({ kind: "public-without-identity", statement: ref(st), message: `${st.path} lets ${who} assume the role: ${why}` });
}

function checkServices(st: Statement, all: readonly Statement[], kind: ServicePolicyKind, out: Collected): void {
  if (st.principals === undefined || isUnknown(st.principals)) return;
  for (const entry of st.principals.entries) {
    if (entry.type === "Service" && isUnknown(entry.value)) openService(out, `${st.path}.Principal.Service`, entry.value, "which service it allows is not known");
    if (entry.type !== "Service" || isUnknown(entry.value)) continue;
    const service = confusedDeputyService(entry.value, kind);
    if (service === undefined) continue;
    const keys = scopingKeys([...SOURCE_CONDITION_KEYS, ...(service.extraKeys ?? [])]);
    const name = entry.value;
    const scoped = scopedOrDenied(st, all, keys, (e) => e.type === "Service" && e.value === name);
    if (scoped === true) continue;
    if (isUnknown(scoped)) {
      out.unknowns.push({ kind: "service-without-source", unknown: scoped, message: `${st.path}: whether a condition ties ${name} to your own resources is not known (${scoped.detail || scoped.reason})` });
      continue;
    }
    out.findings.push({
      kind: "service-without-source",
      statement: ref(st),
      message: `${st.path} lets ${name} act for any account: no aws:SourceArn or aws:SourceAccount condition ties it to your own resources (confused deputy; ${service.link})`,
    });
  }
}

/** A service principal may be one that needs its source: not judged until the value is known. */
function openService(out: Collected, path: string, u: Unknown, question: string): void {
  out.unknowns.push({ kind: "service-without-source", unknown: u, message: `${path}: ${question} (${u.detail || u.reason})` });
}

/** Whether a condition of the statement, or a Deny refusing every request outside the scope, scopes it. */
function scopedOrDenied(st: Statement, all: readonly Statement[], keys: ScopingKeys, denies: (e: PrincipalEntry) => boolean): Val<boolean> {
  const byCondition = conditionsScope(st.conditions, keys);
  if (byCondition === true) return true;
  let pending: Unknown | undefined = isUnknown(byCondition) ? byCondition : undefined;
  for (const d of all) {
    if (d.effect !== "Deny" || d.principals === undefined || isUnknown(d.principals) || d.principals.element !== "Principal") continue;
    if (!d.principals.entries.some((e) => e.value === "*" || denies(e))) continue;
    const covers = actionsCovered(st, d);
    if (covers === false) continue;
    const outside = conditionsDenyOutsideScope(d.conditions, keys);
    if (outside === true && covers === true) return true;
    if (outside !== false) pending ??= isUnknown(outside) ? outside : (covers as Unknown);
  }
  return pending ?? false;
}

/** Whether the Deny's actions cover every action the Allow names (patterns compared as written). */
function actionsCovered(allow: Statement, deny: Statement): Val<boolean> {
  const a = allow.actions;
  const d = deny.actions;
  if (a === undefined || d === undefined) return false;
  if (isUnknown(d)) return d;
  if (isUnknown(a) || a.element !== "Action" || d.element !== "Action") return false;
  let pending: Unknown | undefined;
  for (const action of a.values) {
    if (isUnknown(action)) return false;
    const covered = d.values.some((p) => !isUnknown(p) && wildcard(p.text).test(action.text));
    if (covered) continue;
    const open = d.values.find((p): p is Unknown => isUnknown(p));
    if (open === undefined) return false;
    pending ??= open;
  }
  return pending ?? true;
}

const wildcard = (pattern: string): RegExp =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");

function isEveryone(entry: PrincipalEntry): boolean {
  if (entry.type !== "AWS" || isUnknown(entry.value)) return false;
  if (entry.value === "*") return true;
  const arn = parseArn(entry.value);
  return arn !== undefined && /[*?]/.test(arn.account);
}

function conditionKeys(st: Statement): string[] {
  return isUnknown(st.conditions) ? [] : [...new Set(st.conditions.map((c) => c.key))];
}

function ref(st: Statement): StatementRef {
  return typeof st.sid === "string" ? { index: st.index, sid: st.sid } : { index: st.index };
}
