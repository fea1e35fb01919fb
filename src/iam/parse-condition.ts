import { isUnknown, type Val } from "../core/value";
import { parseConditionOperator } from "./condition-operators";
import type { ConditionEntry } from "./model";
import { describeValue, isPlainObject, nthKey, type Problems } from "./parse-values";

/** Reads a Condition block: `{ operator: { key: value | [values] } }`. Absent means no conditions. */
export function readConditions(
  value: unknown,
  path: string,
  problems: Problems,
): Val<readonly ConditionEntry[]> | undefined {
  if (value === undefined) return [];
  if (isUnknown(value)) return value;
  if (!isPlainObject(value)) {
    problems.push({ path, problem: `expected an object of condition operators, got ${describeValue(value)}` });
    return undefined;
  }
  const before = problems.length;
  const entries: ConditionEntry[] = [];
  for (const [n, [operator, block]] of Object.entries(value).entries()) {
    const parsed = parseConditionOperator(operator);
    if (parsed === undefined) {
      problems.push({ path, problem: `unknown condition operator (${nthKey(n)})` });
      continue;
    }
    // A known operator is the grammar's own word; a condition key is the document's text (a tag key,
    // a service's key), so keys are named by position.
    const opPath = `${path}.${operator}`;
    // Without the keys nothing can be said about the conditions, so the whole block is unknown.
    if (isUnknown(block)) return block;
    if (!isPlainObject(block)) {
      problems.push({ path: opPath, problem: `expected an object of condition keys, got ${describeValue(block)}` });
      continue;
    }
    if (Object.keys(block).length === 0) {
      problems.push({ path: opPath, problem: "expected at least one condition key, got an empty object" });
      continue;
    }
    for (const [k, [key, raw]] of Object.entries(block).entries()) {
      const values = readConditionValues(raw, `${opPath} (${nthKey(k)})`, problems);
      if (values === undefined) continue;
      entries.push({ operator, ...parsed, key, keyLower: key.toLowerCase(), values });
    }
  }
  return problems.length === before ? entries : undefined;
}

function readConditionValues(raw: unknown, path: string, problems: Problems): Val<string>[] | undefined {
  if (isUnknown(raw)) return [raw];
  const items: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
  if (items.length === 0) {
    problems.push({ path, problem: "expected at least one condition value, got an empty list" });
    return undefined;
  }
  const out: Val<string>[] = [];
  let ok = true;
  items.forEach((item, i) => {
    const itemPath = Array.isArray(raw) ? `${path}[${i}]` : path;
    if (isUnknown(item)) out.push(item);
    else if (typeof item === "string") out.push(item);
    else if (typeof item === "number" && Number.isFinite(item)) out.push(String(item));
    else if (typeof item === "boolean") out.push(item ? "true" : "false");
    else {
      problems.push({
        path: itemPath,
        problem: `expected a string, number or boolean condition value, got ${describeValue(item)}`,
      });
      ok = false;
    }
  });
  return ok ? out : undefined;
}
