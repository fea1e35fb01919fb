import type { EngineResource } from "../adapters/pulumi/engine-resource";
import { buildInventory } from "../adapters/pulumi/inventory";
import type { Inventory } from "../models/inventory";

/**
 * @pulumi/policy hands every policy its own fresh copy of the same resources, so one Analyze or
 * AnalyzeStack request would build an inventory once per policy. The server runs all policies of a
 * request within one macrotask (it awaits only already-settled promises), and another request can
 * only start from a later I/O callback: an inventory kept until the next macrotask (`setImmediate`)
 * is never seen by another request. The inventory builds its parts lazily, so the policies of a
 * request share each part too.
 */
let last: { key: string; inventory: Inventory } | undefined;

function requestInventory(key: string, resources: readonly EngineResource[]): Inventory {
  if (last?.key === key) return last.inventory;
  const inventory = buildInventory(resources);
  last = { key, inventory };
  setImmediate(() => {
    last = undefined;
  });
  return inventory;
}

/** The inventory of a whole stack (AnalyzeStack), shared by the request's stack policies. */
export const stackInventory = (resources: readonly EngineResource[]): Inventory =>
  requestInventory(`stack|${resources.length}|${resources[0]?.urn ?? ""}|${resources[resources.length - 1]?.urn ?? ""}`, resources);

/** The inventory of one resource (Analyze), shared by the request's resource policies. */
export const resourceInventory = (resource: EngineResource): Inventory => requestInventory(`resource|${resource.urn}`, [resource]);
