import type { EngineResource } from "../adapters/pulumi/engine-resource";
import { buildInventory } from "../adapters/pulumi/inventory";
import type { Inventory } from "../models/inventory";

/**
 * @pulumi/policy hands every stack policy its own fresh copy of the same resources, so one
 * AnalyzeStack would build the inventory once per policy. The server runs all stack policies of a
 * request within one macrotask (it awaits only already-settled promises), and another request
 * can only start from a later I/O callback: an inventory kept until the next macrotask
 * (`setImmediate`) is never seen by another request.
 */
let last: { key: string; inventory: Inventory } | undefined;

export function stackInventory(resources: readonly EngineResource[]): Inventory {
  const key = `${resources.length}|${resources[0]?.urn ?? ""}|${resources[resources.length - 1]?.urn ?? ""}`;
  if (last?.key === key) return last.inventory;
  const inventory = buildInventory(resources);
  last = { key, inventory };
  setImmediate(() => {
    last = undefined;
  });
  return inventory;
}
