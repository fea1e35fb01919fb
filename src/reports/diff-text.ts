import type { DiffEntry, ReportDiff, RunTimes } from "./diff";
import { describeScope } from "./diff-scope";
import type { ReportScope } from "./report";

/** One line of counts, the runs compared, then each non-empty list; for a terminal (no colors). */
export function renderDiffText(diff: ReportDiff): string {
  const lines = [`cdguard diff: ${countsLine(diff)}`, `  OLD: ${runLine(diff.scope.old, diff.runs.old)}`, `  NEW: ${runLine(diff.scope.new, diff.runs.new)}`];
  if (diff.scope.changed) lines.push(`  scope changed: ${diff.scope.differences.join("; ")}`);
  const section = (title: string, entries: readonly DiffEntry[], transition: (e: DiffEntry) => string): void => {
    if (entries.length === 0) return;
    lines.push("", `${title} (${entries.length}):`);
    for (const e of entries) {
      lines.push(`  [${e.severity}] ${e.ruleId} ${e.resource.label} '${e.resource.name}'${transition(e)}`);
      lines.push(...e.message.split("\n").map((l) => `      ${l}`));
    }
  };
  section("New failures", diff.new, (e) => (e.oldStatus === "absent" ? "" : `  (was ${e.oldStatus})`));
  section("Resolved", diff.resolved, (e) => (e.newStatus === "absent" ? "  (gone)" : `  (now ${e.newStatus})`));
  section("Status changed", diff.changed, (e) => `  (${e.oldStatus} -> ${e.newStatus})`);
  section("Unverified: failing in OLD, rule not run in NEW", diff.unverified, () => "");
  section("Persisting", diff.persisting, () => "");
  return `${lines.join("\n")}\n`;
}

export function countsLine(diff: ReportDiff): string {
  const c = diff.counts;
  return `${c.new} new, ${c.resolved} resolved, ${c.persisting} persisting, ${c.changed} changed status, ${c.unverified} unverified`;
}

export const runLine = (scope: ReportScope, times: RunTimes): string => `${describeScope(scope)}, finished ${times.finishedAt}`;
