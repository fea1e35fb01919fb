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

/** Quotes a value for a message, cut short so a huge value cannot flood a report. */
export function quote(text: string): string {
  const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return JSON.stringify(shown);
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
  for (const key of Object.keys(obj)) {
    if (allowed.includes(key)) continue;
    const sameWord = allowed.find((a) => a.toLowerCase() === key.toLowerCase());
    const where = path === "" ? key : `${path}.${key}`;
    problems.push({
      path: where,
      problem:
        sameWord !== undefined
          ? `unexpected element ${quote(key)}: element names are case-sensitive, did you mean ${quote(sameWord)}?`
          : `unexpected element ${quote(key)}; expected one of ${allowed.join(", ")}`,
    });
  }
}
