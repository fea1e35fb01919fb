import { isUnknown, unknown, type Val } from "../core/value";
import type {
  ActionElement,
  ActionPattern,
  Effect,
  ParseResult,
  PolicyDocument,
  PolicyKind,
  ResourceElement,
  Statement,
} from "./model";
import { readConditions } from "./parse-condition";
import { readPrincipal } from "./parse-principal";
import {
  checkKeys,
  describeValue,
  isPlainObject,
  readOptionalString,
  readStringList,
  type Problems,
} from "./parse-values";
import { memoByDocument } from "./memo";
import { describeJsonError } from "./parse-json";

export interface ParseOptions {
  /** Checks the elements this kind requires or forbids; without it only the shared grammar is checked. */
  readonly kind?: PolicyKind;
  /**
   * A resource policy of one resource that names no Resource (ECR repository policies): a statement
   * without Resource or NotResource governs that resource, read as `"Resource": "*"`.
   */
  readonly implicitResource?: boolean;
}

const DOCUMENT_KEYS = ["Version", "Id", "Statement"] as const;
const STATEMENT_KEYS = [
  "Sid",
  "Effect",
  "Principal",
  "NotPrincipal",
  "Action",
  "NotAction",
  "Resource",
  "NotResource",
  "Condition",
] as const;
const VERSIONS = ["2012-10-17", "2008-10-17"];

/**
 * Parses an IAM policy document given as a JSON string or an object whose values may be Unknown.
 * Never throws: anything AWS would reject comes back as a problem naming its path.
 */
export function parsePolicy(input: unknown, options: ParseOptions = {}): ParseResult {
  return parseMemo(input, options.implicitResource ? `${options.kind ?? ""}${IMPLICIT}` : options.kind);
}

/** The memo keys by kind; a kind with this suffix also takes implicitResource. */
const IMPLICIT = "+implicit-resource";

const parseMemo = memoByDocument((input, key) => {
  const implicitResource = key?.endsWith(IMPLICIT) ?? false;
  const kind = (implicitResource ? key?.slice(0, -IMPLICIT.length) : key) || undefined;
  return parseGuarded(input, { ...(kind ? { kind: kind as PolicyKind } : {}), implicitResource });
});

function parseGuarded(input: unknown, options: ParseOptions): ParseResult {
  try {
    return parseUnchecked(input, options);
  } catch (error) {
    // Only exotic inputs get here (throwing getters, proxies); report them as unreadable.
    return malformed(undefined, [{ path: "(document)", problem: `could not be read (${errorKind(error)})` }]);
  }
}

function parseUnchecked(input: unknown, options: ParseOptions): ParseResult {
  if (isUnknown(input)) return { status: "unknown", unknown: input, problems: [] };
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input) as unknown;
    } catch {
      // JSON.parse's own message quotes the text around the mistake: name the position instead.
      return malformed(undefined, [{ path: "(document)", problem: `is not valid JSON: ${describeJsonError(input)}` }]);
    }
  }
  if (!isPlainObject(value)) {
    return malformed(undefined, [
      { path: "(document)", problem: `expected a JSON object, got ${describeValue(value)}` },
    ]);
  }
  const problems: Problems = [];
  checkKeys(value, DOCUMENT_KEYS, "", problems);
  const version = readOptionalString(value.Version, "Version", problems);
  if (typeof version === "string" && !VERSIONS.includes(version)) {
    problems.push({ path: "Version", problem: `expected "2012-10-17" or "2008-10-17", got another string` });
  }
  const id = readOptionalString(value.Id, "Id", problems);
  const raw = value.Statement;
  if (isUnknown(raw)) {
    return problems.length > 0 ? malformed(undefined, problems) : { status: "unknown", unknown: raw, problems: [] };
  }
  let rawStatements: readonly unknown[] = [];
  if (raw === undefined) problems.push({ path: "Statement", problem: "is missing" });
  else if (Array.isArray(raw)) rawStatements = raw;
  else if (isPlainObject(raw)) rawStatements = [raw];
  else problems.push({ path: "Statement", problem: `expected an object or a list of objects, got ${describeValue(raw)}` });

  const single = !Array.isArray(raw);
  const statements = rawStatements.map((s, i) =>
    readStatement(s, i, single ? "Statement" : `Statement[${i}]`, problems, options.kind, options.implicitResource ?? false),
  );
  const document: PolicyDocument = { version, id, statements };
  return problems.length > 0 ? malformed(document, problems) : { status: "ok", document, problems: [] };
}

function readStatement(
  input: unknown,
  index: number,
  path: string,
  problems: Problems,
  kind: PolicyKind | undefined,
  implicitResource: boolean,
): Val<Statement> {
  if (isUnknown(input)) return input;
  if (!isPlainObject(input)) {
    problems.push({ path, problem: `expected an object, got ${describeValue(input)}` });
    return unknown("error", `${path} is malformed`);
  }
  const raw = implicitResource && !("Resource" in input) && !("NotResource" in input) ? { ...input, Resource: "*" } : input;
  checkKeys(raw, STATEMENT_KEYS, path, problems);
  const sid = readOptionalString(raw.Sid, `${path}.Sid`, problems);
  const effect = readEffect(raw.Effect, `${path}.Effect`, problems);
  const actions = readExclusive(raw, "Action", "NotAction", path, problems, true, (element, value, p) =>
    readActions(element as ActionElement["element"], value, p, problems),
  );
  const resourceRequired = kind === "identity" || kind === "resource";
  const resources = readExclusive(raw, "Resource", "NotResource", path, problems, resourceRequired, (element, value, p) =>
    readResources(element as ResourceElement["element"], value, p, problems),
  );
  const principals = readExclusive(raw, "Principal", "NotPrincipal", path, problems, kind === "resource" || kind === "trust", (element, value, p) =>
    readPrincipal(element as "Principal" | "NotPrincipal", value, p, problems),
  );
  if (kind === "identity" && principals !== undefined) {
    const element = "Principal" in raw ? "Principal" : "NotPrincipal";
    problems.push({ path: `${path}.${element}`, problem: "identity policies cannot name a principal" });
  }
  const conditions = readConditions(raw.Condition, `${path}.Condition`, problems) ?? [];
  return { index, path, sid, effect, actions, resources, principals, conditions };
}

function readEffect(value: unknown, path: string, problems: Problems): Val<Effect> {
  if (isUnknown(value)) return value;
  if (value === "Allow" || value === "Deny") return value;
  if (value === undefined) problems.push({ path, problem: "is missing" });
  else if (typeof value === "string") {
    const hint = ["allow", "deny"].includes(value.toLowerCase()) ? " (the value is case-sensitive)" : "";
    problems.push({ path, problem: `expected "Allow" or "Deny", got another string${hint}` });
  } else problems.push({ path, problem: `expected "Allow" or "Deny", got ${describeValue(value)}` });
  return unknown("error", `${path} is malformed`);
}

/** Reads one of a pair of mutually exclusive elements (Action/NotAction, ...). */
function readExclusive<T>(
  raw: Record<string, unknown>,
  positive: string,
  negative: string,
  path: string,
  problems: Problems,
  required: boolean,
  read: (element: string, value: unknown, path: string) => Val<T> | undefined,
): Val<T> | undefined {
  const hasPositive = positive in raw;
  const hasNegative = negative in raw;
  if (hasPositive && hasNegative) {
    problems.push({ path, problem: `has both ${positive} and ${negative}; a statement takes only one of them` });
    return undefined;
  }
  if (!hasPositive && !hasNegative) {
    if (required) problems.push({ path, problem: `needs ${positive} or ${negative}` });
    return undefined;
  }
  const element = hasPositive ? positive : negative;
  return read(element, raw[element], `${path}.${element}`);
}

const ACTION_SHAPE = /^[^\s:]+:[^\s:]+$/;

function readActions(
  element: ActionElement["element"],
  value: unknown,
  path: string,
  problems: Problems,
): Val<ActionElement> | undefined {
  const list = readStringList(value, path, problems, {
    itemName: "action",
    checkItem: (item) => (item === "*" || ACTION_SHAPE.test(item) ? undefined : `expected "service:action" or "*", got ${actionShape(item)}`),
  });
  if (list === undefined) return undefined;
  // An unknown list keeps its element name: NotAction and Action mean opposite things.
  if (isUnknown(list)) return { element, values: [list] };
  return { element, values: list.map((v) => (isUnknown(v) ? v : toActionPattern(v))) };
}

export function toActionPattern(text: string): ActionPattern {
  if (text === "*") return { text, service: "*", name: "*" };
  const colon = text.indexOf(":");
  return { text, service: text.slice(0, colon).toLowerCase(), name: text.slice(colon + 1) };
}

function readResources(
  element: ResourceElement["element"],
  value: unknown,
  path: string,
  problems: Problems,
): Val<ResourceElement> | undefined {
  const list = readStringList(value, path, problems, {
    itemName: "resource",
    checkItem: (item) =>
      item === "*" || item.startsWith("arn:") ? undefined : `expected an ARN or "*", got a string that does not start with "arn:"`,
  });
  if (list === undefined) return undefined;
  return { element, values: isUnknown(list) ? [list] : list };
}

function malformed(document: PolicyDocument | undefined, problems: Problems): ParseResult {
  return { status: "malformed", document, problems };
}

/** What kind of error reading threw, never its message (which may quote the value). */
function errorKind(error: unknown): string {
  return error instanceof Error ? `reading it threw a ${error.constructor.name === "Error" ? "generic error" : error.constructor.name}` : "reading it threw";
}

/** What is wrong with an action's shape, without quoting it. */
function actionShape(item: string): string {
  if (/\s/.test(item)) return "a string with white space in it";
  const colons = item.split(":").length - 1;
  if (colons === 0) return 'a string without ":"';
  if (colons > 1) return 'a string with more than one ":"';
  return 'a string with nothing before or after its ":"';
}
