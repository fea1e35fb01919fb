import { isUnknown, type Unknown, type Val } from "../core/value";
import { POSITIVE_MATCH_OPERATORS } from "./condition-operators";
import type { Grant } from "./grants";
import type { ConditionEntry } from "./model";

const COGNITO = "cognito-identity.amazonaws.com";

/** `arn:aws:iam::123:oidc-provider/token.actions.githubusercontent.com` -> `token.actions.githubusercontent.com`. */
export function oidcProviderHost(federated: string): string | undefined {
  if (federated.includes(":saml-provider/")) return undefined;
  const marker = ":oidc-provider/";
  const at = federated.indexOf(marker);
  if (at >= 0) return federated.slice(at + marker.length);
  return federated.startsWith("arn:") ? undefined : federated;
}

/** Cognito identity pools are restricted by audience (the pool id); other OIDC providers by subject. */
export function subjectKeyFor(host: string): string {
  return host.toLowerCase() === COGNITO ? `${COGNITO}:aud` : `${host}:sub`;
}

/**
 * A subject pattern that admits everyone: only wildcards, a claim name followed by wildcards
 * (`repo:*`, `repo:*:*`), or a GitHub subject whose owner is a wildcard (`repo:*:ref:refs/heads/main`
 * lets every repository on GitHub in).
 */
export function subjectUnrestricted(value: string): boolean {
  if (/^[*?]*$/.test(value) || /^[a-z]+:[*?]+(:[*?]*)*$/i.test(value)) return true;
  const github = /^repo:([^/:]*)/.exec(value);
  return github !== null && /[*?]/.test(github[1] ?? "");
}

function restricts(entry: ConditionEntry): Val<boolean> {
  if (!POSITIVE_MATCH_OPERATORS.has(entry.baseOperator) || entry.baseOperator === "IpAddress") return false;
  if (entry.ifExists || entry.setQualifier === "ForAllValues") return false;
  const wildcards = entry.baseOperator === "StringLike" || entry.baseOperator.startsWith("Arn");
  let open: Unknown | undefined;
  for (const v of entry.values) {
    if (isUnknown(v)) open ??= v;
    else if (wildcards && subjectUnrestricted(v)) return false;
  }
  return open !== undefined && wildcards ? open : true;
}

/**
 * True when a federated principal can assume the role with any subject of its OIDC provider:
 * the statement allows sts:AssumeRoleWithWebIdentity and no condition restricts `<provider>:sub`.
 */
export function webIdentitySubjectVerdict(
  federated: string,
  conditions: Val<readonly ConditionEntry[]>,
  grant: Grant,
): Val<boolean> {
  const host = oidcProviderHost(federated);
  if (host === undefined) return false;
  const unrestricted = subjectUnrestrictedBy(host, conditions);
  if (unrestricted === false) return false;
  if (grant.actions.some((a) => a.key === "sts:assumerolewithwebidentity")) return unrestricted;
  // The action might be among the statement's unknown entries, or one a Deny may not take away.
  const doubtful = grant.doubtful.some((id) => id.toLowerCase() === "sts:assumerolewithwebidentity");
  return grant.openActionEntry ?? (doubtful ? grant.doubtfulBecause : undefined) ?? false;
}

function subjectUnrestrictedBy(host: string, conditions: Val<readonly ConditionEntry[]>): Val<boolean> {
  if (isUnknown(conditions)) return conditions;
  const key = subjectKeyFor(host).toLowerCase();
  let open: Unknown | undefined;
  for (const entry of conditions) {
    if (entry.keyLower !== key) continue;
    const r = restricts(entry);
    if (r === true) return false;
    if (isUnknown(r)) open ??= r;
  }
  return open ?? true;
}
