// Writing a data inventory in the formats asked for, as `cdguard report` writes a report: every rendering is
// made before the first file is written, each file written whole (a local file or an s3:// object).
import type { DataInventory } from "../access/model";
import { INVENTORY_EXTENSIONS, INVENTORY_FORMATS, renderInventory, type InventoryFormat } from "../reports/inventory";
import { reportOutputs, type ReportOutput } from "../reports/report-outputs";
import type { StorageOptions } from "../storage/report-store";
import { writeAt } from "./diff-command";
import { UsageError } from "./select-rules";

/** `--format a,b`: each one an inventory format, none twice. */
export function parseInventoryFormats(value: string): InventoryFormat[] {
  const formats = value.split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (formats.length === 0) throw new UsageError("--format: give at least one format");
  for (const f of formats) {
    if (!(INVENTORY_FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format: '${f}' is not an inventory format; choose from ${INVENTORY_FORMATS.join(", ")}`);
  }
  const twice = formats.find((f, i) => formats.indexOf(f) !== i);
  if (twice) throw new UsageError(`--format: '${twice}' is given twice`);
  return formats as InventoryFormat[];
}

/** Renders every format, then writes each (stdout when there is one format and no --out); answers where each went. */
export async function writeInventory(doc: DataInventory, formats: readonly InventoryFormat[], out: string | undefined, storage: StorageOptions = {}): Promise<ReportOutput[]> {
  let outputs: ReportOutput[];
  try {
    outputs = reportOutputs(formats, out, (f) => INVENTORY_EXTENSIONS[f as InventoryFormat]);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const texts = outputs.map((o) => renderInventory(doc, o.format as InventoryFormat));
  for (const [i, o] of outputs.entries()) {
    if (o.path === undefined) process.stdout.write(texts[i]!);
    else await writeAt(o.path, texts[i]!, storage);
  }
  return outputs;
}

/** "12 stores (9 customer data), 30 principals, 85 access edges, 2 gaps". */
export function inventoryCounts(doc: DataInventory): string {
  const customer = doc.stores.filter((s) => s.classification.customerData === true).length;
  return `${doc.stores.length} store(s) (${customer} customer data), ${doc.principals.length} principal(s), ${doc.access.length} access edge(s), ${doc.gaps.length} gap(s)`;
}
