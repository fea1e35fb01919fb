import { expect } from "vitest";
import type { InventoryContribution } from "../../../src/adapters/aws/contribution";
import { isUnknown, type Unknown } from "../../../src/core/value";
import type { DataStore, EncryptionAtRest } from "../../../src/models/data-store";
import type { Inventory } from "../../../src/models/inventory";
import { emptyNetworkGraph, type NetworkGraph } from "../../../src/models/network";
import type { Placement } from "../../../src/models/placement";

/** Reading what an adapter contributed to the inventory. */

/** The one store a contribution holds. */
export function onlyStore(c: InventoryContribution): DataStore {
  const stores = c.stores ?? [];
  expect(stores).toHaveLength(1);
  return stores[0]!;
}

export function storeNamed(c: InventoryContribution | undefined, name: string): DataStore {
  const s = c?.stores?.find((x) => x.ref.name === name);
  if (!s) throw new Error(`no store ${name} among ${(c?.stores ?? []).map((x) => x.ref.name).join(", ")}`);
  return s;
}

export function placementOf(c: InventoryContribution | undefined, id: string): Placement {
  const p = c?.placements?.find(([k]) => k === id)?.[1];
  if (!p) throw new Error(`no placement for ${id}`);
  return p;
}

/** A store's encryption, which must be known. */
export function knownEncryption(e: DataStore["encryption"]): EncryptionAtRest {
  if (isUnknown(e)) throw new Error(`encryption unknown: ${e.detail}`);
  return e;
}

export const networkOf = (c: InventoryContribution): NetworkGraph => ({ ...emptyNetworkGraph(), ...c.network });

export const inventoryOf = (c: InventoryContribution): Inventory => ({
  stores: c.stores ?? [],
  keys: [],
  network: networkOf(c),
  placements: new Map(c.placements ?? []),
  exposures: new Map(c.exposures ?? []),
  resourcePolicies: c.resourcePolicies ?? [],
});

/** Asserts `v` is an Unknown with that reason (and detail), and returns it. */
export function expectUnknown(v: unknown, reason: Unknown["reason"], detail?: RegExp): Unknown {
  expect(isUnknown(v), `expected an Unknown, got ${JSON.stringify(v)}`).toBe(true);
  const u = v as Unknown;
  expect(u.reason).toBe(reason);
  if (detail) expect(u.detail).toMatch(detail);
  return u;
}
