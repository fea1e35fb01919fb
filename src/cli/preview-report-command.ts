import { readFileSync } from "node:fs";
import { Command } from "commander";
import { REPORT_FORMATS } from "../reports/render";
import type { CanonicalReport } from "../reports/report";
import { EventLogError, PACK_NAME, previewReport } from "../reports/preview";
import { parseFormats, writeReports } from "./report-writing";
import { UsageError } from "./select-rules";

interface PreviewReportFlags {
  eventLog: string;
  format: string;
  out?: string;
  packName: string;
}

/** `cdguard preview-report --event-log FILE`: a Pulumi preview's policy results as a canonical report. */
export function previewReportCommand(): Command {
  return new Command("preview-report")
    .description("turn the event log of `pulumi preview --policy-pack <this pack> --event-log FILE` into the canonical report")
    .requiredOption("--event-log <file>", "the file `pulumi preview --event-log` wrote (also `pulumi up --event-log`, `pulumi policy analyze --json`)")
    .option("--format <list>", `comma-separated formats: ${REPORT_FORMATS.join(", ")}`, "json")
    .option("--out <file>", "write here (atomically; several formats: this name with each format's extension) instead of stdout")
    .option("--pack-name <name>", "the policy pack whose events to report (its name, as in the events); other packs' events are ignored", PACK_NAME)
    .action(async (flags: PreviewReportFlags) => {
      const formats = parseFormats(flags.format);
      const report = reportOf(flags);
      const written = (await writeReports(report, formats, flags.out)).flatMap((o) => (o.path === undefined ? [] : [o.path]));
      if (written.length > 0) process.stderr.write(`cdguard preview-report: wrote ${written.join(", ")}\n`);
    });
}

function reportOf(flags: PreviewReportFlags): CanonicalReport {
  const text = readEventLog(flags.eventLog);
  try {
    return previewReport(text, { source: flags.eventLog, packName: flags.packName });
  } catch (e) {
    if (e instanceof EventLogError) throw new UsageError(`--event-log ${e.message}`);
    throw e;
  }
}

function readEventLog(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new UsageError(`--event-log ${path}: cannot read it (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}
