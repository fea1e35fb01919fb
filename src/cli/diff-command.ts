import { Command, Option } from "commander";
import type { Severity } from "../core/rule";
import { diffExitCode, diffReports, ReportDiffError, type ReportDiff } from "../reports/diff";
import { DIFF_FORMATS, renderDiff, type DiffFormat } from "../reports/diff-render";
import { countsLine } from "../reports/diff-text";
import { readReport, ReportInputError } from "../reports/read-report";
import type { CanonicalReport } from "../reports/report";
import { writeFileAtomic } from "../reports/write-atomic";
import { SEVERITIES, UsageError } from "./select-rules";

interface DiffFlags {
  failOn: Severity;
  allowScopeChange?: boolean;
  format: DiffFormat;
  out?: string;
}

/** `cdguard diff OLD NEW`: what changed between two reports of one scope; exit 1 on new failures at or above --fail-on. */
export function diffCommand(): Command {
  return new Command("diff")
    .description("compare two canonical reports of one scope: new, resolved, persisting and changed findings")
    .argument("<old>", "the earlier canonical report (JSON)")
    .argument("<new>", "the later canonical report (JSON)")
    .addOption(new Option("--fail-on <severity>", "exit 1 when a new failure at or above this severity appears").choices(SEVERITIES).default("high"))
    .option("--allow-scope-change", "compare reports of different accounts, regions, fronts, projects or stacks (the diff says what both were)")
    .addOption(new Option("--format <format>", "text (terminal), json, or markdown (pull-request comments)").choices(DIFF_FORMATS).default("text"))
    .option("--out <file>", "write the diff here (atomically) instead of stdout")
    .action((oldPath: string, newPath: string, flags: DiffFlags) => {
      process.exitCode = runDiff(oldPath, newPath, flags);
    });
}

function runDiff(oldPath: string, newPath: string, flags: DiffFlags): number {
  const diff = compareFiles(oldPath, newPath, flags.allowScopeChange === true);
  const text = renderDiff(diff, flags.format);
  if (flags.out === undefined) process.stdout.write(text);
  else {
    writeFileAtomic(flags.out, text);
    process.stderr.write(`cdguard diff: ${countsLine(diff)}; wrote ${flags.out}\n`);
  }
  return diffExitCode(diff, flags.failOn);
}

function compareFiles(oldPath: string, newPath: string, allowScopeChange: boolean): ReportDiff {
  return compareReports(reportAt(oldPath), reportAt(newPath), oldPath, newPath, allowScopeChange);
}

/** The diff of two reports; a scope mismatch is a usage error naming both (`oldName`, `newName`). */
export function compareReports(oldReport: CanonicalReport, newReport: CanonicalReport, oldPath: string, newPath: string, allowScopeChange: boolean): ReportDiff {
  try {
    return diffReports(oldReport, newReport, { allowScopeChange });
  } catch (e) {
    if (e instanceof ReportDiffError) throw new UsageError(`cannot compare ${oldPath} (OLD) with ${newPath} (NEW): ${e.message}`);
    throw e;
  }
}

/** A canonical report read and validated; a bad file is a usage error naming it. */
export function reportAt(path: string): CanonicalReport {
  try {
    return readReport(path);
  } catch (e) {
    if (e instanceof ReportInputError) throw new UsageError(e.message);
    throw e;
  }
}
