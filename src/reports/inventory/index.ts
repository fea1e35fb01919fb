import type { DataInventory } from "../../access/model";
import { renderInventoryCsv } from "./csv";
import { renderInventoryHtml } from "./html";
import { renderInventoryJson } from "./json";
import { renderInventoryMarkdown } from "./markdown";

export const INVENTORY_FORMATS = ["json", "html", "csv", "markdown"] as const;
export type InventoryFormat = (typeof INVENTORY_FORMATS)[number];

/** File extension (with the dot) per format, for `--out` names derived from another. */
export const INVENTORY_EXTENSIONS: Readonly<Record<InventoryFormat, string>> = {
  json: ".json",
  html: ".html",
  csv: ".csv",
  markdown: ".md",
};

const RENDERERS: Readonly<Record<InventoryFormat, (doc: DataInventory) => string>> = {
  json: renderInventoryJson,
  html: renderInventoryHtml,
  csv: renderInventoryCsv,
  markdown: renderInventoryMarkdown,
};

export function isInventoryFormat(value: string): value is InventoryFormat {
  return (INVENTORY_FORMATS as readonly string[]).includes(value);
}

/** Pure: the same document renders to the same bytes. */
export function renderInventory(doc: DataInventory, format: InventoryFormat): string {
  return RENDERERS[format](doc);
}
