// The event log `pulumi preview --event-log FILE` writes (also `up`, `refresh`, `destroy`, `import`), and the
// stream `pulumi policy analyze --json` and `pulumi up --json` print: one JSON-encoded `apitype.EngineEvent` per
// line. Field names are those of the Pulumi CLI v3.274.1 Go structs:
//   sdk/v3/go/common/apitype/events.go           EngineEvent, PolicyEvent, PolicyAnalyzeSummaryEvent,
//                                                PolicyAnalyzeStackSummaryEvent, SummaryEvent
//   pkg/v3/backend/display/display.go            startEventLogger, logJSONEvent (json.Encoder: one event a line)
//   pkg/v3/backend/display/events.go             ConvertEngineEvent
// Only the parts a report needs are typed here; every other event kind is read and skipped.

/** A line that cannot be read as an engine event; the message names the file and the line. */
export class EventLogError extends Error {
  override readonly name = "EventLogError";
}

export interface PolicyEventException {
  readonly id: string;
  readonly reason: string;
}

/** `apitype.PolicyEvent`: one violation reported by a policy. */
export interface PolicyViolationEvent {
  /** `omitempty`: absent for a stack policy's violation the engine attributed to no resource. */
  readonly resourceUrn?: string;
  /** A preview wraps it in color directives and ends it with a new line (engine/events.go policyViolationEvent). */
  readonly message: string;
  readonly policyName: string;
  readonly policyPackName: string;
  readonly policyPackVersion: string;
  /** "advisory" or "mandatory" (the engine turns "remediate" into "mandatory" before reporting). */
  readonly enforcementLevel: string;
  readonly severity?: string;
  /** Policy exceptions matching the violation: it then fails nothing, whatever its level. */
  readonly exceptions?: readonly PolicyEventException[];
}

/**
 * `apitype.PolicyAnalyzeSummaryEvent` (per resource, `resourceUrn` set) and `PolicyAnalyzeStackSummaryEvent`
 * (no `resourceUrn`): the pack's policies of that kind that reported a violation (`failed`) and those that did
 * not and were not "not applicable" (`passed`; pkg/v3/resource/analyzer/summary.go newPolicySummary).
 */
export interface PolicySummaryEvent {
  readonly resourceUrn?: string;
  readonly policyPackName: string;
  readonly policyPackVersion: string;
  readonly passed?: readonly string[];
  readonly failed?: readonly string[];
}

/** `apitype.SummaryEvent`: the last event of a run. `PolicyPacks` is spelled so in the Go struct's JSON tag. */
export interface RunSummaryEvent {
  readonly isPreview: boolean;
  readonly result?: string;
  /** Pack name -> version; a local pack's name is `<name>|local|<path>` (engine/update.go NameForEvents). */
  readonly PolicyPacks?: Readonly<Record<string, string>>;
}

export type LoggedEvent =
  | { readonly kind: "policy"; readonly line: number; readonly timestamp: number; readonly event: PolicyViolationEvent }
  | { readonly kind: "resource-summary"; readonly line: number; readonly timestamp: number; readonly event: PolicySummaryEvent }
  | { readonly kind: "stack-summary"; readonly line: number; readonly timestamp: number; readonly event: PolicySummaryEvent }
  | { readonly kind: "run-summary"; readonly line: number; readonly timestamp: number; readonly event: RunSummaryEvent }
  | { readonly kind: "other"; readonly line: number; readonly timestamp: number; readonly urns: readonly string[] };

const ENVELOPE = new Set(["sequence", "timestamp"]);

/** Reads every line of an event log; blank lines are skipped, anything else must be an engine event. */
export function readEventLog(text: string, source: string): LoggedEvent[] {
  const events: LoggedEvent[] = [];
  const lines = text.split("\n");
  const last = lines.length - 1;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === "") return;
    events.push(readLine(line, i + 1, source, { wholeText: i === 0 ? text : undefined, unterminated: i === last }));
  });
  if (events.length === 0) throw new EventLogError(`${source}: the event log is empty`);
  return events;
}

interface LinePlace {
  /** The whole file, given with its first line: a file that is one indented document is told apart. */
  readonly wholeText: string | undefined;
  /** The file's last line, with no new line after it: the CLI may have been stopped while writing it. */
  readonly unterminated: boolean;
}

function readLine(line: string, number: number, source: string, place: LinePlace): LoggedEvent {
  const at = `${source}:${number}`;
  let doc: unknown;
  try {
    doc = JSON.parse(line);
  } catch {
    if (place.wholeText !== undefined && isPreviewDigest(place.wholeText)) {
      throw new EventLogError(`${source}: this is the JSON digest \`pulumi preview --json\` prints, not an event log; run \`pulumi preview --event-log FILE\``);
    }
    // The parser's own message quotes the text, which may hold anything: the line is named, not shown.
    const why = place.unterminated ? "the last line is cut short (was the run stopped while writing it?)" : "an event log has one JSON engine event per line";
    throw new EventLogError(`${at}: not JSON; ${why}`);
  }
  if (!isRecord(doc) || typeof doc.sequence !== "number" || typeof doc.timestamp !== "number") {
    throw new EventLogError(`${at}: not a Pulumi engine event (an object with a numeric "sequence" and "timestamp")`);
  }
  const kinds = Object.keys(doc).filter((k) => !ENVELOPE.has(k));
  if (kinds.length !== 1 || !kinds[0]!.endsWith("Event")) {
    throw new EventLogError(`${at}: not a Pulumi engine event (it should hold exactly one "...Event" field; it holds ${kinds.map((k) => `"${k}"`).join(", ") || "none"})`);
  }
  const kind = kinds[0]!;
  const body = doc[kind];
  const base = { line: number, timestamp: doc.timestamp };
  switch (kind) {
    case "policyEvent":
      return { kind: "policy", ...base, event: policyEvent(body, at) };
    case "policyAnalyzeSummaryEvent":
      return { kind: "resource-summary", ...base, event: summaryEvent(body, at, kind) };
    case "policyAnalyzeStackSummaryEvent":
      return { kind: "stack-summary", ...base, event: summaryEvent(body, at, kind) };
    case "summaryEvent":
      return { kind: "run-summary", ...base, event: runSummary(body, at) };
    default:
      return { kind: "other", ...base, urns: urnsOf(body) };
  }
}

function policyEvent(body: unknown, at: string): PolicyViolationEvent {
  const e = object(body, at, "policyEvent");
  for (const field of ["message", "policyName", "policyPackName", "enforcementLevel"]) text(e, field, at, "policyEvent");
  optionalText(e, "resourceUrn", at, "policyEvent");
  if (e.exceptions !== undefined) {
    const ok = Array.isArray(e.exceptions) && e.exceptions.every((x) => isRecord(x) && typeof x.id === "string" && typeof x.reason === "string");
    if (!ok) throw new EventLogError(`${at}: policyEvent "exceptions" is not a list of {id, reason}`);
  }
  return e as unknown as PolicyViolationEvent;
}

function summaryEvent(body: unknown, at: string, kind: string): PolicySummaryEvent {
  const e = object(body, at, kind);
  text(e, "policyPackName", at, kind);
  optionalText(e, "resourceUrn", at, kind);
  for (const field of ["passed", "failed"]) {
    const v = e[field];
    if (v !== undefined && v !== null && !(Array.isArray(v) && v.every((x) => typeof x === "string"))) {
      throw new EventLogError(`${at}: ${kind} "${field}" is not a list of policy names`);
    }
  }
  return e as unknown as PolicySummaryEvent;
}

function runSummary(body: unknown, at: string): RunSummaryEvent {
  const e = object(body, at, "summaryEvent");
  if (typeof e.isPreview !== "boolean") throw new EventLogError(`${at}: summaryEvent has no boolean "isPreview"`);
  return e as unknown as RunSummaryEvent;
}

/** The URNs an event of another kind names (resource steps, diagnostics), for the stack and project. */
function urnsOf(body: unknown): string[] {
  if (!isRecord(body)) return [];
  const urns: string[] = [];
  if (typeof body.urn === "string") urns.push(body.urn);
  if (isRecord(body.metadata) && typeof body.metadata.urn === "string") urns.push(body.metadata.urn);
  return urns.filter((u) => u.startsWith("urn:pulumi:"));
}

/** `pulumi preview --json` prints one indented document ({"steps": ..., "changeSummary": ...}), not events. */
function isPreviewDigest(text: string): boolean {
  try {
    const doc: unknown = JSON.parse(text);
    return isRecord(doc) && !("sequence" in doc) && ("steps" in doc || "changeSummary" in doc || "diagnostics" in doc || "config" in doc);
  } catch {
    return false;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function object(v: unknown, at: string, kind: string): Record<string, unknown> {
  if (!isRecord(v)) throw new EventLogError(`${at}: ${kind} is not an object`);
  return v;
}

function text(e: Record<string, unknown>, field: string, at: string, kind: string): void {
  if (typeof e[field] !== "string") throw new EventLogError(`${at}: ${kind} has no text "${field}"`);
}

function optionalText(e: Record<string, unknown>, field: string, at: string, kind: string): void {
  if (e[field] !== undefined && typeof e[field] !== "string") throw new EventLogError(`${at}: ${kind} "${field}" is not text`);
}
