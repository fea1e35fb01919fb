import { csvRenderer } from "./csv";
import { htmlRenderer } from "./html";
import { jsonRenderer } from "./json";
import { junitRenderer } from "./junit";
import { markdownRenderer } from "./markdown";
import { ocsfRenderer } from "./ocsf";
import { sarifRenderer } from "./sarif";
import type { Renderer } from "./renderer";

export type { Renderer } from "./renderer";

/** Every format the canonical report renders to, by `--format` name. */
export const RENDERERS: readonly Renderer[] = [jsonRenderer, sarifRenderer, htmlRenderer, markdownRenderer, csvRenderer, junitRenderer, ocsfRenderer];

export const REPORT_FORMATS: readonly string[] = RENDERERS.map((r) => r.format);

export function rendererOf(format: string): Renderer | undefined {
  return RENDERERS.find((r) => r.format === format);
}
