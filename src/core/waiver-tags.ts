import { DEFAULT_CONFIG } from "./config";
import { isCalendarDate, type WaiverTagField } from "./waivers";

/**
 * The strictest tag rules among AWS services (IAM, EFS, ...): letters, digits, spaces and `_ . : / = + - @`
 * only; keys of 1 to 128 characters, values of at most 256; the `aws:` prefix is reserved.
 */
export const AWS_TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
export const AWS_TAG_KEY_MAX = 128;
export const AWS_TAG_VALUE_MAX = 256;

export interface WaiverTagSpec {
  readonly ruleId: string;
  readonly reason: string;
  readonly owner?: string;
  /** Last day (YYYY-MM-DD) the waiver applies. */
  readonly until?: string;
}

export class WaiverTagError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`cannot write the waiver as tags:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "WaiverTagError";
  }
}

/**
 * The tags that waive `spec.ruleId` on a resource, valid on every AWS service's resources:
 * `<prefix><rule-id>` = reason, and `:until` and `:owner` tags beside it when given. Throws a
 * WaiverTagError naming every field AWS (or the reader) would refuse.
 */
export function waiverTags(spec: WaiverTagSpec, prefix = DEFAULT_CONFIG.tagKeys.waiverPrefix): Record<string, string> {
  const key = `${prefix}${spec.ruleId}`;
  const problems: string[] = [];
  if (!/^[A-Z]+-[A-Z]+-\d+$/.test(spec.ruleId)) problems.push(`rule '${spec.ruleId}' is not a rule id (CDG-ENC-001)`);
  const fields: [string, string][] = [["reason", spec.reason]];
  if (spec.owner !== undefined) fields.push(["owner", spec.owner]);
  if (spec.until !== undefined) fields.push(["until", spec.until]);
  const tags: Record<string, string> = {};
  for (const [name, value] of fields) {
    const tagKey = name === "reason" ? key : fieldKey(key, name as WaiverTagField);
    problems.push(...keyProblems(tagKey), ...valueProblems(name, value));
    if (name === "until" && !isCalendarDate(value)) problems.push(`until '${value}' is not a real date written YYYY-MM-DD`);
    tags[tagKey] = value;
  }
  if (problems.length > 0) throw new WaiverTagError([...new Set(problems)]);
  return tags;
}

const fieldKey = (key: string, field: WaiverTagField): string => `${key}:${field}`;

function keyProblems(key: string): string[] {
  const problems: string[] = [];
  if (key.length > AWS_TAG_KEY_MAX) problems.push(`tag key '${key}' is longer than ${AWS_TAG_KEY_MAX} characters`);
  if (!AWS_TAG_CHARACTERS.test(key)) problems.push(`tag key '${key}' holds a character AWS refuses (allowed: letters, digits, spaces, _ . : / = + - @)`);
  if (key.toLowerCase().startsWith("aws:")) problems.push(`tag key '${key}' starts with the reserved 'aws:'`);
  return problems;
}

function valueProblems(name: string, value: string): string[] {
  const problems: string[] = [];
  if (value.trim() === "") problems.push(`${name} is empty`);
  else if (value !== value.trim()) problems.push(`${name} starts or ends with a space (the reader trims it)`);
  if (value.length > AWS_TAG_VALUE_MAX) problems.push(`${name} is longer than ${AWS_TAG_VALUE_MAX} characters`);
  if (!AWS_TAG_CHARACTERS.test(value)) problems.push(`${name} holds a character AWS refuses (allowed: letters, digits, spaces, _ . : / = + - @)`);
  return problems;
}
