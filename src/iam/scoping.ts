import { isUnknown, type Unknown, type Val } from "../core/value";
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
  has: (key) => DEFAULT_KEYS.has(key) || RESOURCE_TAG_KEY.test(key),
};

export function scopingKeys(keys: readonly string[]): ScopingKeys {
  const set = new Set(keys.map((k) => k.toLowerCase()));
  return { has: (key) => set.has(key) };
}

function matchesEverything(value: string, baseOperator: string): boolean {
  if (baseOperator === "IpAddress" || baseOperator === "NotIpAddress") return value === "0.0.0.0/0" || value === "::/0";
  return PATTERN_OPERATORS.has(baseOperator) && /^[*?]*\*[*?]*$/.test(value);
}

/** Whether the values restrict anything: false when one value matches everything, Unknown when one might. */
function valuesRestrict(entry: ConditionEntry): Val<boolean> {
  let unknownValue: Unknown | undefined;
  for (const v of entry.values) {
    if (isUnknown(v)) unknownValue ??= v;
    else if (matchesEverything(v, entry.baseOperator)) return false;
  }
  const valueMatters = PATTERN_OPERATORS.has(entry.baseOperator) || entry.baseOperator === "IpAddress";
  return unknownValue !== undefined && valueMatters ? unknownValue : true;
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
