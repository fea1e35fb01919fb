import { mergeHygiene, type HygieneContribution } from "../models/hygiene";
import type { Tags } from "../core/classification";
import type { Val } from "../core/value";
import type { CoverageGap, InventoryContribution } from "../adapters/aws/contribution";
import type { StoreExposure } from "../models/exposure";
import { emptyIamInventory, type IamInventory } from "../models/iam";
import type { Inventory } from "../models/inventory";
import { emptyNetworkGraph, type NetworkGraph } from "../models/network";
import type { Placement } from "../models/placement";

/** One account's inventory, from what every source of every scanned region contributed. */
export function mergeContributions(parts: readonly InventoryContribution[]): { inventory: Inventory; gaps: CoverageGap[] } {
  const network: Record<string, unknown[]> = { ...emptyNetworkGraph() } as unknown as Record<string, unknown[]>;
  const iam: Record<string, unknown[]> = { ...emptyIamInventory() } as unknown as Record<string, unknown[]>;
  const placements = new Map<string, Placement>();
  const exposures = new Map<string, StoreExposure>();
  const tags = new Map<string, Val<Tags | undefined>>();
  const inv = { stores: [] as unknown[], keys: [] as unknown[], resourcePolicies: [] as unknown[], compute: [] as unknown[] };
  const gaps: CoverageGap[] = [];
  const hygiene: HygieneContribution[] = [];
  for (const c of parts) {
    if (c.hygiene) hygiene.push(c.hygiene);
    inv.stores.push(...(c.stores ?? []));
    inv.keys.push(...(c.keys ?? []));
    inv.resourcePolicies.push(...(c.resourcePolicies ?? []));
    inv.compute.push(...(c.compute ?? []));
    for (const [k, v] of Object.entries(c.network ?? {})) network[k] = [...(network[k] ?? []), ...(v as unknown[])];
    for (const [k, v] of Object.entries(c.iam ?? {})) iam[k] = [...(iam[k] ?? []), ...(v as unknown[])];
    for (const [id, p] of c.placements ?? []) placements.set(id, p);
    for (const [id, e] of c.exposures ?? []) exposures.set(id, mergeExposure(exposures.get(id), e));
    for (const [id, t] of c.tags ?? []) tags.set(id, t);
    gaps.push(...(c.gaps ?? []));
  }
  for (const s of inv.stores as Inventory["stores"]) if (!tags.has(s.ref.id)) tags.set(s.ref.id, s.tags);
  for (const k of inv.keys as Inventory["keys"]) if (!tags.has(k.ref.id)) tags.set(k.ref.id, k.tags);
  const inventory: Inventory = {
    stores: inv.stores as Inventory["stores"],
    keys: inv.keys as Inventory["keys"],
    network: network as unknown as NetworkGraph,
    placements,
    exposures,
    resourcePolicies: inv.resourcePolicies as Inventory["resourcePolicies"] & unknown[],
    iam: iam as unknown as IamInventory,
    compute: inv.compute as NonNullable<Inventory["compute"]>,
    tags,
    hygiene: mergeHygiene("account", hygiene),
  };
  return { inventory, gaps };
}

/** Two sources may describe one store's exposure (S3 settings, snapshot shares): keep both. */
function mergeExposure(a: StoreExposure | undefined, b: StoreExposure): StoreExposure {
  if (!a) return b;
  return {
    ...a,
    ...b,
    ...(a.shares || b.shares ? { shares: [...(a.shares ?? []), ...(b.shares ?? [])] } : {}),
  };
}
