import { extname } from "node:path";

/** Where each format of one run goes: one format to `out` itself, several to `out` with each extension. */
export interface ReportOutput {
  readonly format: string;
  /** Undefined: standard output. */
  readonly path: string | undefined;
}

/**
 * `--out report.json --format json,sarif,html` writes report.json, report.sarif and report.html; with one
 * format the path is used as given. Several formats need a path: they cannot share standard output.
 */
export function reportOutputs(formats: readonly string[], out: string | undefined, extensionOf: (format: string) => string): ReportOutput[] {
  if (formats.length === 1) return [{ format: formats[0]!, path: out }];
  if (out === undefined) throw new Error(`several formats (${formats.join(", ")}) need --out: they cannot share standard output`);
  const base = stripKnownExtension(out, formats.map(extensionOf));
  const outputs = formats.map((format) => ({ format, path: `${base}${extensionOf(format)}` }));
  const paths = outputs.map((o) => o.path);
  const clash = paths.find((p, i) => paths.indexOf(p) !== i);
  if (clash) throw new Error(`formats ${formats.join(", ")} would all write ${clash}`);
  return outputs;
}

function stripKnownExtension(path: string, extensions: readonly string[]): string {
  const known = [...extensions].sort((a, b) => b.length - a.length).find((e) => path.endsWith(e));
  if (known) return path.slice(0, -known.length);
  const ext = extname(path);
  return ext ? path.slice(0, -ext.length) : path;
}
