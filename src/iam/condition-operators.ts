import type { SetQualifier } from "./model";

const BASE_OPERATORS = [
  "StringEquals",
  "StringNotEquals",
  "StringEqualsIgnoreCase",
  "StringNotEqualsIgnoreCase",
  "StringLike",
  "StringNotLike",
  "NumericEquals",
  "NumericNotEquals",
  "NumericLessThan",
  "NumericLessThanEquals",
  "NumericGreaterThan",
  "NumericGreaterThanEquals",
  "DateEquals",
  "DateNotEquals",
  "DateLessThan",
  "DateLessThanEquals",
  "DateGreaterThan",
  "DateGreaterThanEquals",
  "Bool",
  "BinaryEquals",
  "IpAddress",
  "NotIpAddress",
  "ArnEquals",
  "ArnLike",
  "ArnNotEquals",
  "ArnNotLike",
  "Null",
] as const;

const BY_LOWER = new Map<string, string>(BASE_OPERATORS.map((op) => [op.toLowerCase(), op]));

export interface ParsedOperator {
  readonly baseOperator: string;
  readonly setQualifier: SetQualifier | undefined;
  readonly ifExists: boolean;
}

/** Splits `ForAnyValue:StringLikeIfExists` into its parts; undefined for an operator AWS does not know. */
export function parseConditionOperator(operator: string): ParsedOperator | undefined {
  let rest = operator;
  let setQualifier: SetQualifier | undefined;
  const colon = rest.indexOf(":");
  if (colon >= 0) {
    const qualifier = rest.slice(0, colon).toLowerCase();
    if (qualifier === "forallvalues") setQualifier = "ForAllValues";
    else if (qualifier === "foranyvalue") setQualifier = "ForAnyValue";
    else return undefined;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.toLowerCase().endsWith("ifexists")) {
    ifExists = true;
    rest = rest.slice(0, -"ifexists".length);
  }
  const baseOperator = BY_LOWER.get(rest.toLowerCase());
  if (baseOperator === undefined) return undefined;
  // `NullIfExists` means nothing: Null already tests for presence.
  if (baseOperator === "Null" && ifExists) return undefined;
  return { baseOperator, setQualifier, ifExists };
}

/** Operators that grant only when the key matches a listed value (the ones that can narrow an Allow). */
export const POSITIVE_MATCH_OPERATORS: ReadonlySet<string> = new Set([
  "StringEquals",
  "StringEqualsIgnoreCase",
  "StringLike",
  "ArnEquals",
  "ArnLike",
  "IpAddress",
]);

/** The negations of the positive operators: a Deny using them fires outside the listed values. */
export const NEGATED_MATCH_OPERATORS: ReadonlySet<string> = new Set([
  "StringNotEquals",
  "StringNotEqualsIgnoreCase",
  "StringNotLike",
  "ArnNotEquals",
  "ArnNotLike",
  "NotIpAddress",
]);

/** Operators whose values are patterns (`*`, `?`), so a value of `*` matches anything. ArnEquals takes wildcards too. */
export const PATTERN_OPERATORS: ReadonlySet<string> = new Set([
  "StringLike",
  "StringNotLike",
  "ArnEquals",
  "ArnNotEquals",
  "ArnLike",
  "ArnNotLike",
]);
