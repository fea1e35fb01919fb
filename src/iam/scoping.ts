import { isUnknown, type Unknown, type Val } from "../core/value";
import { conditionKeyInfo } from "./condition-catalogue";
import { NEGATED_MATCH_OPERATORS, PATTERN_OPERATORS, POSITIVE_MATCH_OPERATORS } from "./condition-operators";
import type { ConditionEntry } from "./model";

/** Condition keys that tie a request to a known network, account, organisation, caller or resource. */
export const SCOPING_CONDITION_KEYS: readonly string[] = [
  "aws:SourceVpce",
  "aws:SourceVpc",
  "aws:SourceIp",
  "aws:SourceArn",
  "aws:SourceAccount",
  "aws:SourceOwner",
  "aws:SourceOrgID",
  "aws:SourceOrgPaths",
  "aws:PrincipalOrgID",
  "aws:PrincipalOrgPaths",
  "aws:PrincipalAccount",
  "aws:PrincipalArn",
  "aws:userid",
  "aws:ResourceAccount",
  "aws:ResourceOrgID",
  "aws:ResourceOrgPaths",
  "kms:ViaService",
  "kms:CallerAccount",
  "sts:ExternalId",
  "s3:DataAccessPointAccount",
  "s3:DataAccessPointArn",
  "lambda:FunctionArn",
];

/** The keys that make a cross-account trust policy safe (confused deputy, organisation). */
export const TRUST_SCOPING_CONDITION_KEYS: readonly string[] = [
  "sts:ExternalId",
  "aws:PrincipalOrgID",
  "aws:PrincipalOrgPaths",
];

const DEFAULT_KEYS = new Set(SCOPING_CONDITION_KEYS.map((k) => k.toLowerCase()));
/** `aws:ResourceTag/team`, `s3:ResourceTag/...`: attribute-based scoping of the resource. */
const RESOURCE_TAG_KEY = /^[a-z0-9-]+:resourcetag\//;

export interface ScopingKeys {
  readonly has: (keyLower: string) => boolean;
}

export const DEFAULT_SCOPING_KEYS: ScopingKeys = {
  // A tag key of a service that has none (`x:ResourceTag/team`, a typo) matches no request: no scope a reviewer can rely on.
  has: (key) => DEFAULT_KEYS.has(key) || (RESOURCE_TAG_KEY.test(key) && conditionKeyInfo(key) !== undefined),
};

export function scopingKeys(keys: readonly string[]): ScopingKeys {
  const set = new Set(keys.map((k) => k.toLowerCase()));
  return { has: (key) => set.has(key) };
}

function matchesEverything(value: string, entry: ConditionEntry): boolean {
  const op = entry.baseOperator;
  if (op === "IpAddress" || op === "NotIpAddress") return value === "0.0.0.0/0" || value === "::/0";
  return PATTERN_OPERATORS.has(op) && (/^[*?]*\*[*?]*$/.test(value) || onlyFormatAndWildcards(value, entry.keyLower));
}

/** Identifier prefixes every value of a key starts with: `vpce-*` names every endpoint. */
const FORMAT_PREFIXES: ReadonlyMap<string, RegExp> = new Map([
  ["aws:sourcevpce", /^vpce-$/],
  ["aws:sourcevpc", /^vpc-$/],
  ["aws:principalorgid", /^o-$/],
  ["aws:sourceorgid", /^o-$/],
  ["aws:resourceorgid", /^o-$/],
  ["aws:principalorgpaths", /^(o-|r-|ou-|\/)*$/],
  ["aws:sourceorgpaths", /^(o-|r-|ou-|\/)*$/],
  ["aws:resourceorgpaths", /^(o-|r-|ou-|\/)*$/],
  // Account ids: a value of wildcards alone (`????????????`) names every account.
  ...["aws:resourceaccount", "aws:sourceaccount", "aws:principalaccount", "aws:sourceowner", "kms:calleraccount", "s3:dataaccesspointaccount"].map(
    (k): [string, RegExp] => [k, /^$/],
  ),
]);

const ARN_KEYS: ReadonlySet<string> = new Set(["aws:sourcearn", "aws:principalarn", "s3:dataaccesspointarn", "lambda:functionarn"]);

/**
 * A pattern value whose fixed text is only the format every value has: `vpce-*`, `o-*`, or an ARN of
 * any account naming no resource (`arn:aws:iam::*:role/*`, `arn:*:s3:::*`). Such a value matches
 * every request that carries the key, in any account.
 */
function onlyFormatAndWildcards(value: string, keyLower: string): boolean {
  const prefix = FORMAT_PREFIXES.get(keyLower);
  if (prefix !== undefined) return /[*?]/.test(value) && prefix.test(value.replace(/[*?]/g, ""));
  if (!ARN_KEYS.has(keyLower)) return false;
  const parts = value.split(":");
  if (parts.length < 6) return /^arn:[*?]*$/.test(value) || /^arn(:[*?a-z0-9-]*)*:[*?]+$/.test(value);
  const account = parts[4] ?? "";
  const resource = parts.slice(5).join(":");
  const anyAccount = account === "" || /^[*?]+$/.test(account);
  return anyAccount && /^([a-z0-9-]+[/:])?[*?]+$/i.test(resource);
}

/** RFC 1918, shared (CGN), loopback, link-local and IPv6 unique-local/link-local ranges. */
const PRIVATE_RANGES = /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.|127\.|169\.254\.|f[cd][0-9a-f]{2}:|fe[89ab][0-9a-f]:)/i;

/**
 * `aws:SourceIp` holds the public address a request comes from; it is absent for requests through a
 * VPC endpoint. A list of private ranges therefore names no caller on the internet and ties the
 * request to no network of the account: it does not scope (the network may be any VPC's).
 */
function onlyPrivateRanges(entry: ConditionEntry): boolean {
  if (entry.keyLower !== "aws:sourceip" || entry.baseOperator !== "IpAddress") return false;
  return entry.values.length > 0 && entry.values.every((v) => !isUnknown(v) && PRIVATE_RANGES.test(v.trim()));
}

/** Whether the values restrict anything: false when one value matches everything, Unknown when one might. */
function valuesRestrict(entry: ConditionEntry): Val<boolean> {
  let unknownValue: Unknown | undefined;
  for (const v of entry.values) {
    if (isUnknown(v)) unknownValue ??= v;
    else if (matchesEverything(v, entry)) return false;
  }
  if (onlyPrivateRanges(entry)) return false;
  const valueMatters = PATTERN_OPERATORS.has(entry.baseOperator) || entry.baseOperator === "IpAddress";
  return unknownValue !== undefined && valueMatters ? unknownValue : true;
}

/** Why a condition that looks like scoping (a scoping key, a positive operator) does not scope; undefined when it does or may. */
export function whyNotScoping(entry: ConditionEntry, keys: ScopingKeys = DEFAULT_SCOPING_KEYS): string | undefined {
  if (!keys.has(entry.keyLower) || !POSITIVE_MATCH_OPERATORS.has(entry.baseOperator)) return undefined;
  if (entry.ifExists) return `${entry.operator} passes when the request carries no ${entry.key}`;
  if (entry.setQualifier === "ForAllValues") return `ForAllValues passes when the request carries no ${entry.key}`;
  const everything = entry.values.find((v): v is string => !isUnknown(v) && matchesEverything(v, entry));
  if (everything !== undefined) return `${entry.key} '${everything}' matches every value of the key`;
  if (onlyPrivateRanges(entry)) return `${entry.key} lists only private ranges, which name no network of the account`;
  return undefined;
}

function ipOperatorFitsKey(entry: ConditionEntry): boolean {
  const isIpKey = entry.keyLower === "aws:sourceip";
  const isIpOperator = entry.baseOperator === "IpAddress" || entry.baseOperator === "NotIpAddress";
  return isIpKey === isIpOperator;
}

/**
 * Whether one condition narrows an Allow to a scope: a scoping key under a positive operator
 * (StringEquals, ArnLike, ...), without IfExists (which passes when the key is absent) and without
 * ForAllValues (which passes on an empty set).
 */
export function isScopingCondition(entry: ConditionEntry, keys: ScopingKeys = DEFAULT_SCOPING_KEYS): Val<boolean> {
  if (!keys.has(entry.keyLower) || !POSITIVE_MATCH_OPERATORS.has(entry.baseOperator)) return false;
  if (entry.ifExists || entry.setQualifier === "ForAllValues" || !ipOperatorFitsKey(entry)) return false;
  return valuesRestrict(entry);
}

/**
 * Whether a Deny condition fires exactly outside a scope (`StringNotEquals aws:PrincipalOrgID o-1`),
 * so that the Deny narrows the Allows it covers. IfExists is fine here: an absent key then also denies.
 */
export function isNegatedScopingCondition(
  entry: ConditionEntry,
  keys: ScopingKeys = DEFAULT_SCOPING_KEYS,
): Val<boolean> {
  if (!keys.has(entry.keyLower) || !NEGATED_MATCH_OPERATORS.has(entry.baseOperator)) return false;
  if (entry.setQualifier !== undefined || !ipOperatorFitsKey(entry)) return false;
  return valuesRestrict(entry);
}

/** True when any condition scopes the statement; Unknown when that turns on an unknown value. */
export function conditionsScope(
  conditions: Val<readonly ConditionEntry[]>,
  keys: ScopingKeys = DEFAULT_SCOPING_KEYS,
): Val<boolean> {
  if (isUnknown(conditions)) return conditions;
  let pending: Unknown | undefined;
  for (const entry of conditions) {
    const scopes = isScopingCondition(entry, keys);
    if (scopes === true) return true;
    if (isUnknown(scopes)) pending ??= scopes;
  }
  return pending ?? false;
}

/** True when every condition is a negated scoping condition (and there is at least one). */
export function conditionsDenyOutsideScope(
  conditions: Val<readonly ConditionEntry[]>,
  keys: ScopingKeys = DEFAULT_SCOPING_KEYS,
): Val<boolean> {
  if (isUnknown(conditions)) return conditions;
  if (conditions.length === 0) return false;
  let pending: Unknown | undefined;
  for (const entry of conditions) {
    const negated = isNegatedScopingCondition(entry, keys);
    if (negated === false) return false;
    if (isUnknown(negated)) pending ??= negated;
  }
  return pending ?? true;
}
