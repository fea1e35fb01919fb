import { readFileSync } from "node:fs";
import { closest } from "fastest-levenshtein";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from "yaml";
import type { AnyRule } from "./rule";
import { resourceMatcher } from "./waiver-glob";
import { isCalendarDate, type Waiver } from "./waivers";

/** One entry of a waivers file: every field is required. */
export interface FileWaiver extends Waiver {
  /** Pattern on the resource's ARN or URN (waiver-glob.ts). */
  readonly resource: string;
  readonly owner: string;
  readonly until: string;
  readonly line: number;
}

export interface WaiversFile {
  readonly path: string;
  readonly waivers: readonly FileWaiver[];
}

/** The rules a waiver may name, by id or slug (src/rules ALL_RULES, or a pack's rules). */
export type RuleNames = readonly Pick<AnyRule, "id" | "slug">[];

export interface WaiversFileProblem {
  /** 1-based; absent when the file could not be read at all. */
  readonly line?: number;
  readonly message: string;
}

/** Every problem of a waivers file, each with its line: `<file>:<line>: <message>`. */
export class WaiversFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly WaiversFileProblem[],
  ) {
    super(problems.map((p) => `${file}${p.line === undefined ? "" : `:${p.line}`}: ${p.message}`).join("\n"));
    this.name = "WaiversFileError";
  }

  /** The line of the first problem. */
  get line(): number | undefined {
    return this.problems[0]?.line;
  }
}

const FIELDS = ["rule", "resource", "reason", "owner", "expires"] as const;
type Field = (typeof FIELDS)[number];

/** Reads and checks a waivers file; throws a WaiversFileError naming the file and each problem's line. */
export function loadWaiversFile(path: string, rules: RuleNames): WaiversFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WaiversFileError(path, [{ message: `cannot read the waivers file${code ? ` (${code})` : ""}` }]);
  }
  return parseWaiversFile(text, path, rules);
}

/**
 * A waivers file: `waivers:`, a list of entries each giving `rule` (id or slug), `resource` (a
 * pattern), `reason`, `owner` and `expires` (YYYY-MM-DD, the last day it applies). An empty file
 * holds no waivers. Every scalar is read as text (YAML's failsafe schema): `expires: 2027-03-31` is
 * the text written, never a timestamp.
 */
export function parseWaiversFile(text: string, path: string, rules: RuleNames): WaiversFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, schema: "failsafe", prettyErrors: false });
  const lineOf = (node: { range?: readonly number[] | null } | null | undefined): number | undefined =>
    node?.range ? lines.linePos(node.range[0] ?? 0).line : undefined;
  const problems: WaiversFileProblem[] = doc.errors.map((e) => ({ line: lines.linePos(e.pos[0]).line, message: e.message }));
  if (problems.length > 0) throw new WaiversFileError(path, problems);

  const root = doc.contents;
  if (root === null) return { path, waivers: [] };
  if (!isMap(root)) throw new WaiversFileError(path, [{ line: lineOf(root), message: "expected a mapping holding a 'waivers' list" }]);
  let list: Node | null | undefined;
  for (const pair of root.items as Pair<Node, Node | null>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    if (key === "waivers") list = pair.value;
    else problems.push({ line: lineOf(pair.key), message: `'${key}' is not a key of a waivers file (did you mean 'waivers'?)` });
  }
  if (list === undefined) problems.push({ line: lineOf(root), message: "there is no 'waivers' list" });
  else if (list !== null && !(isScalar(list) && list.value === "") && !isSeq(list)) {
    problems.push({ line: lineOf(list), message: "'waivers' must be a list of waivers" });
  }
  const entries = isSeq(list) ? (list.items as (Node | null)[]) : [];
  const reading: Reading = { path, registry: ruleRegistry(rules), lineOf, problems };
  const waivers: FileWaiver[] = [];
  for (const [i, entry] of entries.entries()) {
    const waiver = readEntry(entry, i + 1, reading);
    if (waiver) waivers.push(waiver);
  }
  if (problems.length > 0) throw new WaiversFileError(path, problems);
  return { path, waivers };
}

interface Reading {
  readonly path: string;
  /** Rule ids and slugs, each to the rule's id. */
  readonly registry: ReadonlyMap<string, string>;
  readonly lineOf: (node: { range?: readonly number[] | null } | null | undefined) => number | undefined;
  readonly problems: WaiversFileProblem[];
}

function readEntry(entry: Node | null, n: number, { path, registry, lineOf, problems }: Reading): FileWaiver | undefined {
  const line = lineOf(entry);
  if (!isMap(entry)) {
    problems.push({ line, message: `waiver ${n} is not a mapping of ${FIELDS.join(", ")}` });
    return undefined;
  }
  const found = problems.length;
  const values: Partial<Record<Field, string>> = {};
  for (const pair of entry.items as Pair<Node, Node | null>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    const at = lineOf(pair.value) ?? lineOf(pair.key);
    if (!(FIELDS as readonly string[]).includes(key)) {
      problems.push({ line: lineOf(pair.key), message: `waiver ${n}: '${key}' is not a waiver field${suggest(key, FIELDS)}` });
      continue;
    }
    const value = isScalar(pair.value) ? String(pair.value.value).trim() : undefined;
    if (value === undefined) problems.push({ line: at, message: `waiver ${n}: '${key}' must be text` });
    else if (value === "") problems.push({ line: at, message: `waiver ${n}: '${key}' is empty` });
    else values[key as Field] = value;
  }
  for (const field of FIELDS) {
    const given = entry.items.some((p) => isScalar(p.key) && p.key.value === field);
    if (!given) problems.push({ line, message: `waiver ${n} has no '${field}'` });
  }
  const fieldLine = (field: Field): number | undefined => lineOf(entry.items.find((p) => isScalar(p.key) && p.key.value === field)?.value as Node | undefined);
  const ruleId = values.rule === undefined ? undefined : registry.get(values.rule);
  if (values.rule !== undefined && ruleId === undefined) {
    problems.push({ line: fieldLine("rule"), message: `waiver ${n}: '${values.rule}' is not a rule${suggest(values.rule, [...registry.keys()])}` });
  }
  if (values.expires !== undefined && !isCalendarDate(values.expires)) {
    const shape = /^\d{4}-\d{2}-\d{2}$/.test(values.expires) ? "is not a real date" : "is not a date written YYYY-MM-DD";
    problems.push({ line: fieldLine("expires"), message: `waiver ${n}: expires '${values.expires}' ${shape}` });
  }
  if (values.resource !== undefined) {
    try {
      resourceMatcher(values.resource);
    } catch (e) {
      problems.push({ line: fieldLine("resource"), message: `waiver ${n}: resource is not a pattern (${e instanceof Error ? e.message : String(e)})` });
    }
  }
  const { resource, reason, owner, expires } = values;
  if (problems.length > found || !ruleId || !resource || !reason || !owner || !expires || line === undefined) return undefined;
  return { ruleId, resource, reason, owner, until: expires, source: path, line };
}

function ruleRegistry(rules: RuleNames): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rules) {
    out.set(r.id, r.id);
    out.set(r.slug, r.id);
  }
  return out;
}

const suggest = (name: string, valid: readonly string[]): string => (valid.length === 0 ? "" : ` (did you mean '${closest(name, [...valid])}'?)`);
