import type { EngineResource } from "../adapters/pulumi/engine-resource";
import { buildInventory } from "../adapters/pulumi/inventory";
import type { Inventory } from "../models/inventory";

/**
 * @pulumi/policy hands every policy of a request the same resources, so each policy would build its own
 * inventory. With decoding shared per request (shared-deserialization.ts), every policy of one request sees
 * the very same decoded property objects, and a new request brings new ones: an inventory keyed weakly by
 * those objects is shared by exactly one request's policies, and can never be served to another request.
 * (Without the shared decoding each policy gets fresh objects and simply builds its own.) The inventory
 * builds its parts lazily, so the policies of a request share each part too.
 */
const byProps = new WeakMap<object, Inventory>();

function requestInventory(token: object, resources: () => readonly EngineResource[]): Inventory {
  let inventory = byProps.get(token);
  if (inventory === undefined) byProps.set(token, (inventory = buildInventory(resources())));
  return inventory;
}

/**
 * The inventory of a whole stack (AnalyzeStack), keyed by the first resource's decoded properties. The
 * engine's resources are converted (`toEngine`) only by the first policy of a request: at 50,000 resources
 * each conversion is 50,000 objects the others need not allocate.
 */
export function stackInventory<R extends { readonly props: object }>(
  resources: readonly R[],
  toEngine: (rs: readonly R[]) => readonly EngineResource[],
  propsOf: (r: R) => object = (r) => r.props,
): Inventory {
  const first = resources[0];
  if (first === undefined) return buildInventory([]);
  return requestInventory(propsOf(first), () => toEngine(resources));
}

/** The inventory of one resource (Analyze), shared by the request's resource policies. */
export const resourceInventory = (resource: EngineResource): Inventory => requestInventory(resource.props, () => [resource]);
