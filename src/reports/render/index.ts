import { jsonRenderer } from "./json";
import type { Renderer } from "./renderer";

export type { Renderer } from "./renderer";

/** Every format the canonical report renders to, by `--format` name. */
export const RENDERERS: readonly Renderer[] = [jsonRenderer];

export const REPORT_FORMATS: readonly string[] = RENDERERS.map((r) => r.format);

export function rendererOf(format: string): Renderer | undefined {
  return RENDERERS.find((r) => r.format === format);
}
