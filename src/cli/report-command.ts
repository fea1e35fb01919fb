import { Command } from "commander";
import { readReport, ReportInputError, REPORT_SCHEMA } from "../reports/read-report";
import { REPORT_FORMATS } from "../reports/render";
import { parseFormats, writeReports } from "./report-writing";
import { UsageError } from "./select-rules";

interface ReportFlags {
  from: string;
  format: string;
  out?: string;
}

/** `cdguard report --from report.json --format sarif,html --out out/report`: re-renders without rescanning. */
export function reportCommand(): Command {
  return new Command("report")
    .description("render a canonical JSON report (from `cdguard scan` or `cdguard preview-report`) in other formats")
    .requiredOption("--from <file>", "the canonical report to render")
    .option("--format <list>", `comma-separated formats: ${REPORT_FORMATS.join(", ")}`, "json")
    .option("--out <file>", "write here (atomically; several formats: this name with each format's extension) instead of stdout")
    .action(async (flags: ReportFlags) => {
      const formats = parseFormats(flags.format);
      let report;
      try {
        report = readReport(flags.from);
      } catch (e) {
        if (e instanceof ReportInputError) throw new UsageError(`--from ${e.message}`);
        throw e;
      }
      const outputs = await writeReports(report, formats, flags.out);
      const written = outputs.filter((o) => o.path !== undefined).map((o) => o.path);
      if (written.length > 0) process.stderr.write(`cdguard report: wrote ${written.join(", ")}\n`);
    });
}

/** `cdguard schema`: the canonical report's JSON Schema. */
export function schemaCommand(): Command {
  return new Command("schema").description("print the JSON Schema of the canonical report").action(() => {
    process.stdout.write(`${JSON.stringify(REPORT_SCHEMA, null, 2)}\n`);
  });
}
