// Drift between two canonical reports of one scope: which failures are new, which were resolved, which
// persist, and which findings otherwise changed status. Findings are matched by their stable id
// (finding-id.ts: rule id and resource identity), never by message, so a reworded message is the same finding.
import type { FindingStatus } from "../core/finding";
import type { Severity } from "../core/rule";
import { compareScopes, type ScopeComparison } from "./diff-scope";
import type { CanonicalReport, ReportFinding, ReportResource, ReportWaiver } from "./report";
import { REPORT_SCHEMA_VERSION } from "./report";

/** A finding's status in one report; "absent" when that report has no finding with its id. */
export type DiffStatus = FindingStatus | "absent";

export interface DiffEntry {
  readonly id: string;
  readonly ruleId: string;
  /** The rule's severity in NEW (in OLD when NEW does not list the rule). */
  readonly severity: Severity;
  readonly resource: ReportResource;
  /** NEW's message, or OLD's when NEW has no such finding. */
  readonly message: string;
  readonly oldStatus: DiffStatus;
  readonly newStatus: DiffStatus;
  /** NEW's waiver (active, or expired), when it has one. */
  readonly waiver?: ReportWaiver;
}

export interface ReportDiff {
  /** When each report's run started and finished. */
  readonly runs: { readonly old: RunTimes; readonly new: RunTimes };
  readonly scope: ScopeComparison;
  readonly counts: {
    readonly new: number;
    readonly resolved: number;
    readonly persisting: number;
    readonly changed: number;
    readonly unverified: number;
  };
  /** Failing in NEW, not failing in OLD (absent, passing, waived or not assessed there). */
  readonly new: readonly DiffEntry[];
  /** Failing in OLD; in NEW passing, or absent while NEW ran its rule (the resource is gone or out of the rule's scope). */
  readonly resolved: readonly DiffEntry[];
  /** Failing in both. */
  readonly persisting: readonly DiffEntry[];
  /** In both, with another status, and neither new nor resolved: fail → waived, fail → not assessed, pass → not assessed... */
  readonly changed: readonly DiffEntry[];
  /** Failing in OLD, absent from NEW, whose rule NEW did not run: nothing says whether it was fixed. */
  readonly unverified: readonly DiffEntry[];
}

export interface RunTimes {
  readonly startedAt: string;
  readonly finishedAt: string;
}

export interface DiffOptions {
  /** Compare reports of different scopes (accounts, regions, front, project or stack) instead of refusing. */
  readonly allowScopeChange?: boolean;
}

/** Reports that cannot be compared: different schema major versions, or scopes without `allowScopeChange`. */
export class ReportDiffError extends Error {
  override readonly name = "ReportDiffError";
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { low: 0, medium: 1, high: 2, critical: 3 };

export function diffReports(oldReport: CanonicalReport, newReport: CanonicalReport, opts: DiffOptions = {}): ReportDiff {
  const major = REPORT_SCHEMA_VERSION.split(".")[0];
  for (const [which, r] of [["OLD", oldReport], ["NEW", newReport]] as const) {
    if (r.schemaVersion.split(".")[0] !== major) throw new ReportDiffError(`${which} has report schema version ${r.schemaVersion}; this cdguard compares ${major}.x`);
  }
  const scope = compareScopes(oldReport.scope, newReport.scope);
  if (scope.changed && !opts.allowScopeChange) {
    throw new ReportDiffError(`the reports judge different scopes (${scope.differences.join("; ")}); compare them anyway with --allow-scope-change`);
  }
  const olds = new Map(oldReport.findings.map((f) => [f.id, f]));
  const news = new Map(newReport.findings.map((f) => [f.id, f]));
  const severities = new Map([...oldReport.rules, ...newReport.rules].map((r) => [r.id, r.severity]));
  const rulesRunNew = new Set(newReport.rules.map((r) => r.id));
  const lists: Record<keyof ReportDiff["counts"], DiffEntry[]> = { new: [], resolved: [], persisting: [], changed: [], unverified: [] };
  for (const id of new Set([...olds.keys(), ...news.keys()])) {
    const before = olds.get(id);
    const after = news.get(id);
    const entry = diffEntry(id, before, after, severities);
    const kind = classify(entry.oldStatus, entry.newStatus, rulesRunNew.has(entry.ruleId));
    if (kind) lists[kind].push(entry);
  }
  for (const list of Object.values(lists)) list.sort(bySeverityRuleResource);
  return {
    runs: {
      old: { startedAt: oldReport.startedAt, finishedAt: oldReport.finishedAt },
      new: { startedAt: newReport.startedAt, finishedAt: newReport.finishedAt },
    },
    scope,
    counts: {
      new: lists.new.length,
      resolved: lists.resolved.length,
      persisting: lists.persisting.length,
      changed: lists.changed.length,
      unverified: lists.unverified.length,
    },
    ...lists,
  };
}

function classify(before: DiffStatus, after: DiffStatus, newRanRule: boolean): keyof ReportDiff["counts"] | undefined {
  if (after === "fail") return before === "fail" ? "persisting" : "new";
  if (before === "fail") {
    if (after === "pass") return "resolved";
    if (after === "absent") return newRanRule ? "resolved" : "unverified";
    return "changed";
  }
  return before !== after && before !== "absent" && after !== "absent" ? "changed" : undefined;
}

function diffEntry(id: string, before: ReportFinding | undefined, after: ReportFinding | undefined, severities: ReadonlyMap<string, Severity>): DiffEntry {
  const f = (after ?? before)!;
  return {
    id,
    ruleId: f.ruleId,
    severity: severities.get(f.ruleId) ?? "low",
    resource: f.resource,
    message: f.message,
    oldStatus: before?.status ?? "absent",
    newStatus: after?.status ?? "absent",
    ...(after?.waiver ? { waiver: after.waiver } : {}),
  };
}

const bySeverityRuleResource = (a: DiffEntry, b: DiffEntry): number =>
  SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.ruleId.localeCompare(b.ruleId) || a.resource.id.localeCompare(b.resource.id) || a.id.localeCompare(b.id);

/** The new failures at or above `failOn`: a scheduled job fails on these. */
export function newFailuresAtOrAbove(diff: ReportDiff, failOn: Severity): DiffEntry[] {
  return diff.new.filter((e) => SEVERITY_RANK[e.severity] >= SEVERITY_RANK[failOn]);
}

/** `cdguard diff` and `scan --baseline`: 1 when a new failure at or above `failOn` appeared, else 0. */
export function diffExitCode(diff: ReportDiff, failOn: Severity): 0 | 1 {
  return newFailuresAtOrAbove(diff, failOn).length > 0 ? 1 : 0;
}
