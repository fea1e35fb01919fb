// A Pulumi run's policy results as a canonical report: the events `pulumi preview --policy-pack <this pack>
// --event-log FILE` writes become the same findings a scan reports, so violations stopped before deployment
// reach the same dashboards.
import type { AnyRule } from "../../core/rule";
import { ALL_RULES } from "../../rules";
import { buildReport } from "../canonical";
import type { CanonicalReport } from "../report";
import { EventLogError, readEventLog, type LoggedEvent } from "./event-log";
import { FindingReader, type PackEvent } from "./findings";
import { parseUrn } from "./urn";

export { EventLogError } from "./event-log";

export const PACK_NAME = "customer-data-guard";

export interface PreviewReportOptions {
  /** The event log's name in error messages (its path). */
  readonly source: string;
  /** The policy pack whose events become findings; other packs' events are ignored. */
  readonly packName?: string;
  /** The rules the pack's policies are named after (by slug). */
  readonly rules?: readonly AnyRule[];
}

/**
 * The canonical report of one Pulumi run's policy events:
 * - each violation of the pack is a finding: "fail", or what the pack's message says it is (report-findings.ts:
 *   "not assessed" with its reason, "waived" with the waiver tag's reason and expiry, an expired or unreadable
 *   waiver); a violation a Pulumi policy exception matches is "waived" by that exception;
 * - each policy a per-resource summary event lists as passed is a "pass" on that resource when the pack adapts
 *   the resource's type, and a stack policy the stack summary lists as passed is a "pass" on the root stack.
 *   The engine counts a policy that returned nothing as passed: a pass here means no violation was reported,
 *   including rules with nothing to judge on that resource. CLIs that write no summary events give no passes.
 * Scope: project and stack from the URNs; operation "preview" unless the run's summary says it was not one
 * (`pulumi up`, and `pulumi policy analyze --json`, which writes the same events).
 */
export function previewReport(eventLogText: string, opts: PreviewReportOptions): CanonicalReport {
  const { source } = opts;
  const packName = opts.packName ?? PACK_NAME;
  const events = readEventLog(eventLogText, source);
  const run = [...events].reverse().find((e) => e.kind === "run-summary");
  if (run?.kind !== "run-summary") {
    throw new EventLogError(`${source}: no summaryEvent: the run did not finish, or the file is cut short (a complete event log ends with one)`);
  }
  const ours = eventsOfPack(events, packName);
  const packRan = ours.length > 0 || Object.keys(run.event.PolicyPacks ?? {}).some((k) => isPackKey(k, packName));
  if (!packRan) throw new EventLogError(`${source}: ${noPackEvents(events, packName)}`);
  const { project, stack } = stackOf(events, source);
  const rules = new Map((opts.rules ?? ALL_RULES).map((r) => [r.slug, r]));
  const reader = new FindingReader(rules, project, stack, source);
  for (const e of ours) reader.read(e);
  // Math.min(...times) would overflow the call stack on a log of a few hundred thousand events.
  const first = events.reduce((t, e) => Math.min(t, e.timestamp), Infinity);
  const last = events.reduce((t, e) => Math.max(t, e.timestamp), -Infinity);
  return buildReport({
    tool: { name: packName, version: packVersion(ours, run.event.PolicyPacks, packName) ?? "unknown" },
    scope: { front: "pulumi", project, stack, operation: run.event.isPreview ? "preview" : "update" },
    startedAt: isoTime(first),
    finishedAt: isoTime(last),
    rules: reader.rulesSeen(),
    findings: reader.findings(),
  });
}

function eventsOfPack(events: readonly LoggedEvent[], packName: string): PackEvent[] {
  return events.filter((e): e is PackEvent => (e.kind === "policy" || e.kind === "resource-summary" || e.kind === "stack-summary") && e.event.policyPackName === packName);
}

/** A summary event names a local pack `<name>|local|<path>`, a published one by its name. */
const isPackKey = (key: string, packName: string): boolean => key === packName || key.startsWith(`${packName}|`);

function noPackEvents(events: readonly LoggedEvent[], packName: string): string {
  const others = new Set(events.flatMap((e) => (e.kind === "policy" ? [e.event.policyPackName] : [])));
  const seen = others.size > 0 ? ` (it has policy events of ${[...others].sort().join(", ")} only)` : "";
  return `no event of policy pack '${packName}'${seen}: run \`pulumi preview --policy-pack <path to ${packName}> --event-log FILE\``;
}

/** The one project and stack the run's URNs name. */
function stackOf(events: readonly LoggedEvent[], source: string): { project: string; stack: string } {
  const seen = new Map<string, number>();
  for (const e of events) {
    for (const urn of urnsOf(e)) {
      const parts = parseUrn(urn);
      if (parts && !seen.has(`${parts.project}\n${parts.stack}`)) seen.set(`${parts.project}\n${parts.stack}`, e.line);
    }
  }
  const found = [...seen.entries()].map(([key, line]) => ({ project: key.split("\n")[0]!, stack: key.split("\n")[1]!, line }));
  if (found.length === 0) throw new EventLogError(`${source}: no event names a resource URN, so the project and stack are unknown`);
  if (found.length > 1) {
    const list = found.map((f) => `project '${f.project}' stack '${f.stack}' (line ${f.line})`).join(", ");
    throw new EventLogError(`${source}: the events name more than one stack: ${list}; a report covers one`);
  }
  return found[0]!;
}

function urnsOf(e: LoggedEvent): readonly string[] {
  if (e.kind === "other") return e.urns;
  if (e.kind === "run-summary") return [];
  return e.event.resourceUrn ? [e.event.resourceUrn] : [];
}

function packVersion(ours: readonly PackEvent[], packs: Readonly<Record<string, string>> | undefined, packName: string): string | undefined {
  const fromEvents = ours.find((e) => e.event.policyPackVersion)?.event.policyPackVersion;
  if (fromEvents) return fromEvents;
  const fromSummary = Object.entries(packs ?? {}).find(([k]) => isPackKey(k, packName))?.[1];
  return fromSummary?.replace(/^v/, "");
}

const isoTime = (unixSeconds: number): string => new Date(unixSeconds * 1000).toISOString();
