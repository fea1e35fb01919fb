import type { CanonicalReport } from "../report";
import { REASON_EXPLANATIONS } from "./html/labels";
import { formatCount, formatDuration, formatTime } from "./html/sections";
import { STATUSES, type ReportSummary } from "./html/summary";
import { markdownText } from "./markdown-escape";

export const STATUS_MARKS: Readonly<Record<string, string>> = {
  fail: "❌ fail",
  "not-assessed": "⚠️ not assessed",
  waived: "💤 waived",
  pass: "✅ pass",
};

/** Longest report text in a list item or cell: a PR comment is for reading, the full report has the rest. */
export const MAX_TEXT = 300;
const MAX_LISTED_ACCOUNTS = 10;
const MAX_LISTED_GAPS = 10;

function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

function headline(report: CanonicalReport, summary: ReportSummary): string {
  const tool = markdownText(report.tool.name, 100);
  const s = summary.byStatus;
  const notAssessed = s["not-assessed"] > 0 ? `, ${formatCount(s["not-assessed"])} not assessed` : "";
  if (s.fail > 0) {
    const bySeverity = summary.bySeverity
      .filter((t) => t.counts.fail > 0)
      .map((t) => `${formatCount(t.counts.fail)} ${t.label}`)
      .join(", ");
    return `## ❌ ${tool}: ${plural(s.fail, "failing finding", "failing findings")} (${bySeverity})${notAssessed}`;
  }
  if (s["not-assessed"] > 0 || report.gaps.length > 0) {
    const gaps = report.gaps.length > 0 ? `, ${plural(report.gaps.length, "coverage gap", "coverage gaps")}` : "";
    return `## ⚠️ ${tool}: no failures, but not everything was assessed (${formatCount(s["not-assessed"])} not assessed${gaps})`;
  }
  return `## ✅ ${tool}: no failures`;
}

function someOf(values: readonly string[], max: number): string {
  if (values.length === 0) return "none";
  const shown = values.slice(0, max).map((v) => markdownText(v, 100));
  return values.length > max ? `${shown.join(", ")} and ${formatCount(values.length - max)} more` : shown.join(", ");
}

function scopeLine(report: CanonicalReport): string {
  const scope = report.scope;
  const where =
    scope.front === "aws"
      ? [
          `AWS ${scope.accounts.length === 1 ? "account" : "accounts"} ${someOf(scope.accounts, MAX_LISTED_ACCOUNTS)}`,
          `${scope.regions.length === 1 ? "region" : "regions"} ${someOf(scope.regions, MAX_LISTED_ACCOUNTS)}`,
          ...(scope.regionsNotEnabled.length > 0 ? [`not enabled: ${someOf(scope.regionsNotEnabled, MAX_LISTED_ACCOUNTS)}`] : []),
        ]
      : [`Pulumi ${markdownText(scope.operation, 20)} of ${markdownText(scope.project, 100)}/${markdownText(scope.stack, 100)}`];
  const duration = formatDuration(report.startedAt, report.finishedAt);
  const when = `${markdownText(formatTime(report.startedAt), 40)}${duration ? ` (${duration})` : ""}`;
  const tool = `${markdownText(report.tool.name, 100)} ${markdownText(report.tool.version, 40)}, IAM data ${markdownText(report.tool.iamDataVersion, 40)}`;
  return [...where, when, tool].join(" · ");
}

function countTables(summary: ReportSummary): string {
  const statusRows = STATUSES.map((s) => `| ${STATUS_MARKS[s]} | ${formatCount(summary.byStatus[s])} |`);
  const severityRows = summary.bySeverity.map((t) => `| ${t.label} | ${STATUSES.map((s) => formatCount(t.counts[s])).join(" | ")} |`);
  return [
    "| status | findings |",
    "|---|---:|",
    ...statusRows,
    "",
    ...(severityRows.length === 0 ? [] : ["| severity | fail | not assessed | waived | pass |", "|---|---:|---:|---:|---:|", ...severityRows, ""]),
  ].join("\n");
}

function notAssessedSection(report: CanonicalReport, summary: ReportSummary): string {
  const notAssessed = summary.byStatus["not-assessed"];
  if (notAssessed === 0 && report.gaps.length === 0) return "Everything was assessed: no finding is \"not assessed\" and every listing succeeded.\n";
  const gapLines = report.gaps.slice(0, MAX_LISTED_GAPS).map((g) => {
    const why = `${markdownText(g.reason, 40)}: ${REASON_EXPLANATIONS[g.reason] ?? ""}`;
    return `- ${markdownText(g.what, 100)} in ${markdownText(g.region, 40)} could not be listed (${markdownText(g.action, 100)}, ${why}; ${markdownText(g.detail, 200)})`;
  });
  if (report.gaps.length > MAX_LISTED_GAPS) gapLines.push(`- and ${plural(report.gaps.length - MAX_LISTED_GAPS, "more gap", "more gaps")}: see the full report`);
  const rules = report.coverage.filter((c) => c.notAssessed > 0).map((c) => `${markdownText(c.ruleId, 40)} (${formatCount(c.notAssessed)})`);
  return [
    `### ⚠️ Not assessed: ${plural(notAssessed, "finding", "findings")}, ${plural(report.gaps.length, "coverage gap", "coverage gaps")}`,
    "",
    "Not assessed is neither a pass nor a failure: these resources were not judged.",
    "",
    ...(rules.length > 0 ? [`Rules with findings not assessed: ${rules.join(", ")}.`, ""] : []),
    ...(gapLines.length > 0 ? ["Listings that could not be made (every rule that would have judged those resources is affected):", "", ...gapLines, ""] : []),
  ].join("\n");
}

/** Everything before the findings: verdict, scope, counts, what was not assessed. Bounded in size. */
export function summaryMarkdown(report: CanonicalReport, summary: ReportSummary): string {
  return [headline(report, summary), "", scopeLine(report), "", countTables(summary), notAssessedSection(report, summary)].join("\n");
}
