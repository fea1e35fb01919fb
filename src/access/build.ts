import type { GuardConfig } from "../core/config";
import type { Finding } from "../core/finding";
import type { Inventory } from "../models/inventory";
import { buildAccessMap } from "./access-map";
import type { AccessEdge, DataInventory, InventoryGap, InventoryStore } from "./model";
import { inventoryStore } from "./stores";
import { indexFindings } from "./store-verdicts";
import { byStorePrincipalLevel, principalSummaries, sortGaps, storeSummaries } from "./summaries";

export { mergeDataInventories } from "./merge";

export interface DataInventoryInput {
  readonly inventory: Inventory;
  /** The findings of the rules over the same inventory: exposure, backups and retention are read from them. */
  readonly findings: readonly Finding[];
  readonly config: GuardConfig;
  readonly source: DataInventory["source"];
  /** The inventory's own accounts; the inventory's `ownAccountIds` are added. */
  readonly ownAccounts: readonly string[];
}

/** The customer-data inventory and access map of one stack or scanned account. Deterministic: stores by id, edges by store, principal, level. */
export function buildDataInventory(input: DataInventoryInput): DataInventory {
  const { inventory, config } = input;
  const ownAccounts = [...new Set([...input.ownAccounts, ...(inventory.ownAccountIds ?? [])])].sort();
  const map = buildAccessMap(inventory, { ownAccounts });
  const principals = [...map.principals].sort((a, b) => a.id.localeCompare(b.id));
  const access = [...map.access].sort(byStorePrincipalLevel);
  const edgesByStore = new Map<string, AccessEdge[]>();
  for (const e of access) edgesByStore.set(e.store, [...(edgesByStore.get(e.store) ?? []), e]);
  const principalById = new Map(principals.map((p) => [p.id, p]));
  const findings = indexFindings(input.findings);
  const stores = [...inventory.stores]
    .sort((a, b) => a.ref.id.localeCompare(b.ref.id))
    .map((s) => inventoryStore(s, { inventory, config, ownAccounts, findings, edges: edgesByStore.get(s.ref.id) ?? [], principals: principalById }));
  return {
    source: input.source,
    stores,
    principals,
    access,
    storeSummaries: storeSummaries(stores, access),
    principalSummaries: principalSummaries(stores, principals, access),
    gaps: sortGaps([...map.gaps, ...storeGaps(stores)]),
  };
}

/** Stores whose classification or encryption is not known: the inventory cannot say how they must be protected. */
function storeGaps(stores: readonly InventoryStore[]): InventoryGap[] {
  return stores.flatMap((s) => [
    ...(s.classification.basis === "unknown" ? [{ subject: s.id, reason: s.classification.detail }] : []),
    ...(s.encryption.state === "unknown" ? [{ subject: s.id, reason: s.encryption.detail }] : []),
  ]);
}
