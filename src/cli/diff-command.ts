import { Command, Option } from "commander";
import type { Severity } from "../core/rule";
import { diffExitCode, diffReports, ReportDiffError, type ReportDiff } from "../reports/diff";
import { DIFF_FORMATS, renderDiff, type DiffFormat } from "../reports/diff-render";
import { countsLine } from "../reports/diff-text";
import { parseReport, readReport, ReportInputError } from "../reports/read-report";
import type { CanonicalReport } from "../reports/report";
import { parseLocation, readText, StorageError, writeText, type StorageOptions } from "../storage/report-store";
import { SEVERITIES, UsageError } from "./select-rules";

interface DiffFlags {
  failOn: Severity;
  allowScopeChange?: boolean;
  format: DiffFormat;
  out?: string;
  endpointUrl?: string;
}

/** `cdguard diff OLD NEW`: what changed between two reports of one scope; exit 1 on new failures at or above --fail-on. */
export function diffCommand(): Command {
  return new Command("diff")
    .description("compare two canonical reports of one scope: new, resolved, persisting and changed findings")
    .argument("<old>", "the earlier canonical report (JSON): a file or s3://bucket/key")
    .argument("<new>", "the later canonical report (JSON): a file or s3://bucket/key")
    .addOption(new Option("--fail-on <severity>", "exit 1 when a new failure at or above this severity appears").choices(SEVERITIES).default("high"))
    .option("--allow-scope-change", "compare reports of different accounts, regions, fronts, projects or stacks (the diff says what both were)")
    .addOption(new Option("--format <format>", "text (terminal), json, or markdown (pull-request comments)").choices(DIFF_FORMATS).default("text"))
    .option("--out <file>", "write the diff here (atomically; a file or s3://bucket/key) instead of stdout")
    .option("--endpoint-url <url>", "send S3 calls for s3:// locations to this endpoint (an emulator)")
    .action(async (oldPath: string, newPath: string, flags: DiffFlags) => {
      process.exitCode = await runDiff(oldPath, newPath, flags);
    });
}

async function runDiff(oldPath: string, newPath: string, flags: DiffFlags): Promise<number> {
  const storage = flags.endpointUrl ? { endpointUrl: flags.endpointUrl } : {};
  const diff = compareReports(await reportAt(oldPath, storage), await reportAt(newPath, storage), oldPath, newPath, flags.allowScopeChange === true);
  const text = renderDiff(diff, flags.format);
  if (flags.out === undefined) process.stdout.write(text);
  else {
    await writeAt(flags.out, text, storage);
    process.stderr.write(`cdguard diff: ${countsLine(diff)}; wrote ${flags.out}\n`);
  }
  return diffExitCode(diff, flags.failOn);
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

/** A canonical report read (a file or an s3:// object) and validated; a bad or missing one is a usage error naming it. */
export async function reportAt(location: string, storage: StorageOptions = {}): Promise<CanonicalReport> {
  try {
    if (!location.startsWith("s3:")) return readReport(location);
    return parseReport(await readText(location, storage), location);
  } catch (e) {
    if (e instanceof ReportInputError || e instanceof StorageError) throw new UsageError(e.message);
    throw e;
  }
}

/** Writes `text` to a file or an s3:// object, atomically; a bad location is a usage error naming it. */
export async function writeAt(location: string, text: string, storage: StorageOptions = {}): Promise<void> {
  try {
    if (location.startsWith("s3:")) parseLocation(location);
    await writeText(location, text, storage);
  } catch (e) {
    if (e instanceof StorageError) throw new UsageError(e.message);
    throw e;
  }
}
