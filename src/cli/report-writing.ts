import type { CanonicalReport } from "../reports/report";
import { REPORT_FORMATS, rendererOf } from "../reports/render";
import { reportOutputs, type ReportOutput } from "../reports/report-outputs";
import { writeText, type StorageOptions } from "../storage/report-store";
import { UsageError } from "./select-rules";

/** A format written from something other than the canonical report (the scan's pulumi-state document). */
export interface ExtraFormat {
  readonly format: string;
  readonly extension: string;
  readonly text: () => string;
}

/** `--format a,b,c`: each one known, none twice. */
export function parseFormats(value: string, extra: readonly string[] = []): string[] {
  const formats = value.split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (formats.length === 0) throw new UsageError("--format: give at least one format");
  const known = [...REPORT_FORMATS, ...extra];
  for (const f of formats) {
    if (!known.includes(f)) throw new UsageError(`--format: '${f}' is not a format; choose from ${known.join(", ")}`);
  }
  const twice = formats.find((f, i) => formats.indexOf(f) !== i);
  if (twice) throw new UsageError(`--format: '${twice}' is given twice`);
  return formats;
}

/**
 * Renders the report in every format and writes each atomically (a local file, or an `s3://` object): every
 * rendering is made before the first file is written, so a rendering error leaves all previous reports
 * untouched. Returns where each went.
 */
export async function writeReports(
  report: CanonicalReport,
  formats: readonly string[],
  out: string | undefined,
  extras: readonly ExtraFormat[] = [],
  storage: StorageOptions = {},
): Promise<ReportOutput[]> {
  const extraOf = (f: string) => extras.find((e) => e.format === f);
  const extensionOf = (f: string) => extraOf(f)?.extension ?? rendererOf(f)?.extension ?? `.${f}`;
  let outputs: ReportOutput[];
  try {
    outputs = reportOutputs(formats, out, extensionOf);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const texts = outputs.map((o) => {
    const extra = extraOf(o.format);
    if (extra) return extra.text();
    const renderer = rendererOf(o.format);
    if (!renderer) throw new UsageError(`--format: '${o.format}' is not a format`);
    return renderer.render(report);
  });
  for (const [i, o] of outputs.entries()) {
    if (o.path === undefined) process.stdout.write(texts[i]!);
    else await writeText(o.path, texts[i]!, storage);
  }
  return outputs;
}
