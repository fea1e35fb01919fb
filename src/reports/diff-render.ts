import type { ReportDiff } from "./diff";
import { renderDiffMarkdown } from "./diff-markdown";
import { renderDiffText } from "./diff-text";

export const DIFF_FORMATS = ["text", "json", "markdown"] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** text: for a terminal; json: the ReportDiff itself; markdown: for a pull-request comment. */
export function renderDiff(diff: ReportDiff, format: DiffFormat): string {
  switch (format) {
    case "text":
      return renderDiffText(diff);
    case "json":
      return `${JSON.stringify(diff, null, 2)}\n`;
    case "markdown":
      return renderDiffMarkdown(diff);
  }
}
