import { isUnknown, type Unknown, type Val } from "../core/value";
import type { ParseProblem } from "./model";

/** Collects problems while a document is read; the readers never throw. */
export type Problems = ParseProblem[];

export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  switch (typeof value) {
    case "string":
      return value === "" ? "an empty string" : "a string";
    case "number":
      return "a number";
    case "boolean":
      return "a boolean";
    case "object":
      return "an object";
    case "undefined":
      return "nothing";
    default:
      return `a ${typeof value}`;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isUnknown(value);
}

/**
 * Problems name a position (a path such as `Statement[3].Condition`, the n-th key of an object) and
 * the kind of mistake, never the document's own text: a document may hold secrets, and a Sid, a
 * condition key or an ARN can be as long as the whole document.
 */
const ordinalOf = (n: number): string => `${n}${n % 100 >= 11 && n % 100 <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] ?? "th"}`;

/** "the 3rd key" of an object, counted from 1 in the document's order. */
export function nthKey(index: number): string {
  return `the ${ordinalOf(index + 1)} key`;
}

export interface StringListOptions {
  /** Names one item in messages, without an article, e.g. "action". */
  readonly itemName: string;
  /** Returns a problem text for a bad item, or undefined when it is fine. */
  readonly checkItem?: (item: string) => string | undefined;
}

/**
 * Reads a string or a list of strings; items may be Unknown.
 * Returns Unknown when the whole value is, and undefined (with a problem) when it is malformed.
 */
export function readStringList(
  value: unknown,
  path: string,
  problems: Problems,
  options: StringListOptions,
): Val<Val<string>[]> | undefined {
  if (isUnknown(value)) return value;
  const items: readonly unknown[] | undefined =
    typeof value === "string" ? [value] : Array.isArray(value) ? value : undefined;
  if (items === undefined) {
    problems.push({ path, problem: `expected a string or a list of strings, got ${describeValue(value)}` });
    return undefined;
  }
  if (items.length === 0) {
    problems.push({ path, problem: `expected at least one ${options.itemName}, got an empty list` });
    return undefined;
  }
  const out: Val<string>[] = [];
  let ok = true;
  items.forEach((item, i) => {
    const itemPath = typeof value === "string" ? path : `${path}[${i}]`;
    if (isUnknown(item)) {
      out.push(item);
      return;
    }
    if (typeof item !== "string") {
      problems.push({ path: itemPath, problem: `expected a string, got ${describeValue(item)}` });
      ok = false;
      return;
    }
    if (item === "") {
      problems.push({ path: itemPath, problem: `expected a non-empty ${options.itemName}, got an empty string` });
      ok = false;
      return;
    }
    const bad = options.checkItem?.(item);
    if (bad !== undefined) {
      problems.push({ path: itemPath, problem: bad });
      ok = false;
      return;
    }
    out.push(item);
  });
  return ok ? out : undefined;
}

/** Reads an optional string element (Sid, Version, Id). */
export function readOptionalString(
  value: unknown,
  path: string,
  problems: Problems,
): Val<string> | undefined {
  if (value === undefined || isUnknown(value)) return value as Unknown | undefined;
  if (typeof value === "string") return value;
  problems.push({ path, problem: `expected a string, got ${describeValue(value)}` });
  return undefined;
}

/** Reports every key of `obj` that is not in `allowed`, suggesting the right spelling for a case slip. */
export function checkKeys(
  obj: Record<string, unknown>,
  allowed: readonly string[],
  path: string,
  problems: Problems,
): void {
  Object.keys(obj).forEach((key, i) => {
    if (allowed.includes(key)) return;
    const sameWord = allowed.find((a) => a.toLowerCase() === key.toLowerCase());
    problems.push({
      path: path === "" ? "(document)" : path,
      problem:
        sameWord !== undefined
          ? `unexpected element (${nthKey(i)}): element names are case-sensitive, did you mean "${sameWord}"?`
          : `unexpected element (${nthKey(i)}); expected one of ${allowed.join(", ")}`,
    });
  });
}
