import type { Tags } from "../../../src/core/classification";
import { unknown, type Val } from "../../../src/core/value";
import type { DataStore, StoreKind } from "../../../src/models/data-store";
import { mergeHygiene, type HygieneContribution, type HygieneInventory, type Setting, type StoreHygiene } from "../../../src/models/hygiene";
import type { Inventory } from "../../../src/models/inventory";
import { storeLabel } from "../../../src/models/store-kind-facts";
import { store } from "../../helpers/models";

/** Builders of retention and breach-readiness models; each test changes one thing. */

export const PREVIEW = unknown("preview", "computed during the update");
export const DENIED = unknown("access-denied", "logs:DescribeLogGroups was denied");

export const CONFIDENTIAL = { "data-classification": "confidential" };
export const RESTRICTED = { "data-classification": "restricted" };

export const setting = <T>(value: Val<T>, observed = "as configured"): Setting<T> => ({ value, observed });

/** A store of `kind` named `name` with `tags` (undefined: untagged). */
export function storeOf(kind: StoreKind | string, name: string, tags: Val<Tags | undefined>, over: Partial<DataStore> = {}): DataStore {
  const label = (kind as string) === "memorydb-cluster" ? "MemoryDB cluster" : storeLabel(kind as StoreKind);
  return store({
    ref: { id: `urn:${kind}:${name}`, type: kind, name, label },
    kind: kind as StoreKind,
    tags,
    physicalName: name,
    ...over,
  });
}

/** An inventory of the stores with their hygiene settings, plus account/stack-level lists. */
export function hygieneInventory(
  stores: readonly (readonly [DataStore, StoreHygiene | undefined])[],
  lists: Omit<HygieneContribution, "stores"> = {},
  scope: HygieneInventory["scope"] = "stack",
): Partial<Inventory> {
  const own = stores.filter((s): s is readonly [DataStore, StoreHygiene] => s[1] !== undefined).map(([s, h]) => [s.ref.id, h] as const);
  return { stores: stores.map(([s]) => s), hygiene: mergeHygiene(scope, [{ stores: own, ...lists }]) };
}
