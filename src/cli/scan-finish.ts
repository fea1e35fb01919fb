import type { Severity } from "../core/rule";
import { diffExitCode } from "../reports/diff";
import { renderDiff } from "../reports/diff-render";
import type { CanonicalReport } from "../reports/report";
import type { StorageOptions } from "../storage/report-store";
import { compareReports, reportAt } from "./diff-command";
import { writeReports, type ExtraFormat } from "./report-writing";
import { severityRank } from "./select-rules";

export interface FinishFlags {
  readonly out?: string;
  readonly failOn: string;
  readonly quiet?: boolean;
  readonly baseline?: string;
  readonly allowScopeChange?: boolean;
}

/**
 * Writes a scan's (or a merge's) report in every format and answers the exit code: 1 on a failure at or
 * above --fail-on or, with --baseline, on a new one. The baseline is read and compared before anything is
 * written, so a scope mismatch leaves no half-done run behind.
 */
export async function finishReport(
  command: string,
  report: CanonicalReport,
  formats: readonly string[],
  flags: FinishFlags,
  storage: StorageOptions,
  extras: readonly ExtraFormat[] = [],
): Promise<number> {
  const baseline = flags.baseline ? await reportAt(flags.baseline, storage) : undefined;
  const drift = baseline && flags.baseline ? compareReports(baseline, report, flags.baseline, `this ${command}`, flags.allowScopeChange === true) : undefined;
  const outputs = await writeReports(report, formats, flags.out, extras, storage);
  const written = outputs.flatMap((o) => (o.path === undefined ? [] : [o.path]));
  if (!flags.quiet) process.stderr.write(summary(command, report, written));
  if (drift) {
    if (!flags.quiet) process.stderr.write(renderDiff(drift, "text"));
    return diffExitCode(drift, flags.failOn as Severity);
  }
  const floor = severityRank(flags.failOn);
  const severity = new Map(report.rules.map((r) => [r.id, r.severity]));
  return report.findings.some((f) => f.status === "fail" && severityRank(severity.get(f.ruleId) ?? "low") >= floor) ? 1 : 0;
}

function summary(command: string, report: CanonicalReport, written: readonly string[]): string {
  const by = (s: string) => report.findings.filter((f) => f.status === s).length;
  const scope = report.scope.front === "aws" ? report.scope : undefined;
  const accounts = scope ? (scope.accounts.length === 1 ? `account ${scope.accounts[0]}` : `${scope.accounts.length} accounts`) : "";
  const where = written.length > 0 ? ` report written to ${written.join(", ")};` : "";
  const calls = report.stats ? `; ${report.stats.apiCalls} API calls` : "";
  return `cdguard ${command}: ${accounts}, ${scope?.regions.length ?? 0} region(s):${where} ${by("fail")} failed, ${by("waived")} waived, ${by("pass")} passed, ${by("not-assessed")} not assessed${calls}\n`;
}
