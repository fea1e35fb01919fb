import { isUnknown, type Unknown } from "../core/value";
import { conditionKeyInfo, isMultiValued, type ConditionKeyInfo } from "./condition-catalogue";
import type { StatementRef } from "./findings";
import { statementRef } from "./grants";
import type { ConditionEntry, ParseProblem, Statement } from "./model";
import { parsePolicy, type ParseOptions } from "./parse";
import { whyNotScoping } from "./scoping";

// Conditions of Allow statements that do not restrict what they appear to: ForAllValues on a key with
// one value per request (true when the key is absent), scoping keys with values that match everything,
// and conditions the analyzer cannot read (a key AWS does not document, an operator that does not fit
// the key's type), which a person must review.

export type ConditionIssueKind = "for-all-values-single-valued" | "does-not-scope" | "needs-review";

export interface ConditionIssue {
  readonly kind: ConditionIssueKind;
  readonly statement: StatementRef;
  /** e.g. `Statement[1].Condition.ForAllValues:StringEquals`. */
  readonly path: string;
  readonly key: string;
  readonly message: string;
}

export type ConditionReview =
  | { readonly status: "reviewed"; readonly issues: readonly ConditionIssue[]; readonly unknowns: readonly { readonly path: string; readonly unknown: Unknown }[] }
  | { readonly status: "malformed"; readonly problems: readonly ParseProblem[] }
  | { readonly status: "unknown"; readonly unknown: Unknown };

const TAG_KEY = /^[a-z0-9-]+:resourcetag\//;

/** Operator families a key type accepts (String operators read any key as text; Null tests presence). */
const OPERATORS_BY_TYPE: ReadonlyMap<string, RegExp> = new Map([
  ["String", /^(String|Arn|Null)/],
  ["ARN", /^(Arn|String|Null)/],
  ["Bool", /^(Bool|String|Null)/],
  ["Numeric", /^(Numeric|String|Null)/],
  ["Date", /^(Date|Numeric|String|Null)/],
  ["IPAddress", /^(IpAddress|NotIpAddress|Null)$/],
  ["Binary", /^(BinaryEquals|Null)$/],
]);

function operatorFits(entry: ConditionEntry, info: ConditionKeyInfo): boolean {
  const base = info.type.replace(/^ArrayOf/, "");
  const accepted = OPERATORS_BY_TYPE.get(base);
  return accepted === undefined || accepted.test(entry.baseOperator);
}

function entryIssue(entry: ConditionEntry, statement: Statement): ConditionIssue | undefined {
  const path = `${statement.path}.Condition.${entry.operator}`;
  const at = { statement: statementRef(statement), path, key: entry.key };
  const info = conditionKeyInfo(entry.keyLower);
  if (info === undefined) {
    return { kind: "needs-review", ...at, message: `${path} tests ${entry.key}, a condition key AWS does not document: what it restricts is not known (needs review)` };
  }
  if (!operatorFits(entry, info)) {
    return {
      kind: "needs-review",
      ...at,
      message: `${path} tests ${entry.key} (a ${info.type} key) with ${entry.baseOperator}, which does not fit its type: what it restricts is not known (needs review)`,
    };
  }
  if (entry.setQualifier === "ForAllValues" && !isMultiValued(info)) {
    return {
      kind: "for-all-values-single-valued",
      ...at,
      message: `${path} applies ForAllValues to ${entry.key}, which has one value per request: it is true when the request carries no ${entry.key}, so it restricts nothing then (use ${entry.operator.slice(entry.operator.indexOf(":") + 1)} without ForAllValues)`,
    };
  }
  // `aws:ResourceTag/team: *` still demands the tag: weak, but a restriction a reviewer can see.
  const why = TAG_KEY.test(entry.keyLower) ? undefined : whyNotScoping(entry);
  if (why !== undefined && !entry.ifExists && entry.setQualifier === undefined) {
    return { kind: "does-not-scope", ...at, message: `${path} does not scope the statement: ${why}` };
  }
  return undefined;
}

/** Reviews the conditions of every Allow statement of an identity or resource document. Never throws. */
export function reviewConditions(input: unknown, options: ParseOptions = { kind: "identity" }): ConditionReview {
  const parsed = parsePolicy(input, options);
  if (parsed.status === "malformed") return { status: "malformed", problems: parsed.problems };
  if (parsed.status === "unknown") return { status: "unknown", unknown: parsed.unknown };
  const issues: ConditionIssue[] = [];
  const unknowns: { path: string; unknown: Unknown }[] = [];
  parsed.document.statements.forEach((statement, index) => {
    if (isUnknown(statement)) {
      unknowns.push({ path: `Statement[${index}]`, unknown: statement });
      return;
    }
    if (isUnknown(statement.effect)) unknowns.push({ path: `${statement.path}.Effect`, unknown: statement.effect });
    else if (statement.effect !== "Allow") return;
    if (isUnknown(statement.conditions)) {
      unknowns.push({ path: `${statement.path}.Condition`, unknown: statement.conditions });
      return;
    }
    for (const entry of statement.conditions) {
      const issue = entryIssue(entry, statement);
      if (issue !== undefined) issues.push(issue);
      else {
        const open = entry.values.find((v): v is Unknown => isUnknown(v));
        if (open !== undefined && whyNotScopingMayDependOn(entry)) unknowns.push({ path: `${statement.path}.Condition.${entry.operator}`, unknown: open });
      }
    }
  });
  return { status: "reviewed", issues, unknowns };
}

/** Whether an unknown value could make the condition match everything (pattern operators on scoping keys). */
function whyNotScopingMayDependOn(entry: ConditionEntry): boolean {
  return /Like$|^Arn/.test(entry.baseOperator) && whyNotScoping({ ...entry, values: entry.values.map((v) => (isUnknown(v) ? "*" : v)) }) !== undefined;
}
