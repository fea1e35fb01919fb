import type { CanonicalReport } from "../report";

/** One output format of the canonical report. Rendering is pure: same report, same bytes. */
export interface Renderer {
  /** The `--format` name. */
  readonly format: string;
  /** File extension for `--out` names derived from another, with the dot (".sarif"). */
  readonly extension: string;
  /** What the format is, for `--help`. */
  readonly description: string;
  render(report: CanonicalReport): string;
}
