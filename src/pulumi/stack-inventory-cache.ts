import type { EngineResource } from "../adapters/pulumi/engine-resource";
import { buildInventory } from "../adapters/pulumi/inventory";
import type { Inventory } from "../models/inventory";

/**
 * @pulumi/policy hands every stack policy its own fresh copy of the same resources, so the
 * inventory of one AnalyzeStack would be built once per policy. It is built once per content:
 * the key is the resources themselves, so a different stack (or a changed one) never reuses it.
 */
let last: { key: string; inventory: Inventory } | undefined;

export function stackInventory(resources: readonly EngineResource[]): Inventory {
  const key = JSON.stringify(resources);
  if (last?.key === key) return last.inventory;
  const inventory = buildInventory(resources);
  last = { key, inventory };
  return inventory;
}
