import { expect } from "vitest";
import type { EngineResource } from "../../../src/adapters/pulumi/engine-resource";
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import { isUnknown } from "../../../src/core/value";
import type { DataStore } from "../../../src/models/data-store";
import type { Inventory } from "../../../src/models/inventory";
import { emptyNetworkGraph, type NetworkGraph } from "../../../src/models/network";
import type { Placement } from "../../../src/models/placement";
import { indexNetwork } from "../../../src/network/network-index";
import { resolvePlacement } from "../../../src/network/resolve-placement";

/**
 * What differs between a model built from a Pulumi resource and one built from the SDK's answers
 * for the same deployed resource, and nothing else: references (URN vs ARN, in `ref` and every
 * `...Ref` field; a store's ARN, which is the scanner's model id and the Pulumi front's `arn`) and
 * `observed`, which names the setting the way each front spells it.
 */
export function withoutFrontDetails(model: unknown): unknown {
  if (Array.isArray(model)) return model.map(withoutFrontDetails);
  if (typeof model !== "object" || model === null) return model;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(model)) {
    if (k === "ref" || k.endsWith("Ref") || k === "observed" || (k === "arn" && isStore(model))) continue;
    out[k] = withoutFrontDetails(v);
  }
  return out;
}

const isStore = (model: object): model is DataStore => (model as { model?: unknown }).model === "data-store";

/** Asserts the two fronts built the same model of one resource; a store's known ARN names the scanned one. */
export function expectParity(fromAws: unknown, fromPulumi: unknown): void {
  expect(withoutFrontDetails(fromAws)).toEqual(withoutFrontDetails(fromPulumi));
  const pulumiArn = typeof fromPulumi === "object" && fromPulumi !== null && isStore(fromPulumi) ? fromPulumi.arn : undefined;
  if (typeof pulumiArn === "string") expect(pulumiArn).toBe((fromAws as DataStore).ref.id);
}

/** The Pulumi front's inventory of an existing stack's resources (every value known). */
export const pulumi = (...resources: EngineResource[]): Inventory => buildInventory(resources);

/** The model without fields that differ by front by construction (model ids, how a setting is spelled). */
export function without(model: unknown, keys: readonly string[]): unknown {
  if (Array.isArray(model)) return model.map((m) => without(m, keys));
  if (typeof model !== "object" || model === null || isUnknown(model)) return model;
  return Object.fromEntries(Object.entries(model).filter(([k]) => !keys.includes(k)).map(([k, v]) => [k, without(v, keys)]));
}

/** A placement resolved against its front's graph, naming its subnet group by name and its subnets by AWS id. */
export function comparablePlacement(p: Placement | undefined, graph: NetworkGraph | undefined): unknown {
  if (!p) throw new Error("no placement to compare");
  const net = indexNetwork(graph ?? emptyNetworkGraph());
  const r = resolvePlacement(net, p);
  const group = typeof r.subnetGroup === "string" ? net.get(r.subnetGroup, "subnet-group") : undefined;
  const subnets = isUnknown(r.subnets) ? r.subnets : r.subnets.map((s) => net.get(s, "subnet")?.awsId ?? s);
  return { ...r, subnetGroup: group ? group.name : r.subnetGroup, subnets, observed: "" };
}

/** The placement the Pulumi front gives its only store. */
export function pulumiPlacement(inv: Inventory): Placement | undefined {
  const id = inv.stores[0]?.ref.id;
  return id === undefined ? undefined : inv.placements?.get(id);
}
