// Shadow stores: what the live account holds that no Pulumi stack manages, and what drifted from the stacks.
//
//   shadowStores(live, stacks) -> ShadowStores
//
// - `live`: the DataInventory of a scan (buildDataInventory over the scanned account(s)).
// - `stacks`: one entry per `pulumi stack export` file: its path, the DataInventory built from its
//   resources, and optionally `urns` (store id -> URN) when the inventory's ids are not the URNs
//   (the Pulumi front's ids are URNs, so it can be left out).
// A live store matches a stack store by ARN (the stack store's `arn` against the live store's `arn`
// or id), else by kind and name in the same account (the stack store's account when known, else
// when the live inventory covers one account) and the same region when both are known. Each store
// matches at most once. Live stores no stack store matches are `unmanaged` (customer data or not);
// matched stores whose settings differ are `drifted`, with each difference (storeDifferences).

import { storeDifferences } from "./drift";
import type { DataInventory, DriftedStore, InventoryStore, ShadowStores, UnmanagedStore } from "./model";

export interface StackInventory {
  /** The state file (`pulumi stack export`) it was read from. */
  readonly file: string;
  readonly inventory: DataInventory;
  /** Store id -> the stack resource's URN; the store id when absent. */
  readonly urns?: ReadonlyMap<string, string>;
}

interface StackStore {
  readonly store: InventoryStore;
  readonly stack: StackInventory;
}

export function shadowStores(live: DataInventory, stacks: readonly StackInventory[]): ShadowStores {
  const candidates: StackStore[] = stacks.flatMap((stack) => stack.inventory.stores.map((store) => ({ store, stack })));
  const matches = new Map<string, StackStore>();
  const used = new Set<StackStore>();
  const liveStores = [...live.stores].sort((a, b) => a.id.localeCompare(b.id));
  for (const l of liveStores) {
    const c = candidates.find((c) => !used.has(c) && c.store.arn !== undefined && (c.store.arn === l.arn || c.store.arn === l.id));
    if (c) {
      matches.set(l.id, c);
      used.add(c);
    }
  }
  const oneAccount = liveAccounts(live).length === 1;
  for (const l of liveStores) {
    if (matches.has(l.id)) continue;
    const c = candidates.find((c) => !used.has(c) && sameByName(c.store, l, oneAccount));
    if (c) {
      matches.set(l.id, c);
      used.add(c);
    }
  }
  const unmanaged: UnmanagedStore[] = liveStores.filter((l) => !matches.has(l.id)).map((l) => ({ store: l.id }));
  const drifted: DriftedStore[] = [];
  for (const l of liveStores) {
    const m = matches.get(l.id);
    if (!m) continue;
    const differences = storeDifferences(m.store, l);
    if (differences.length > 0) drifted.push({ store: l.id, urn: m.stack.urns?.get(m.store.id) ?? m.store.id, stateFile: m.stack.file, differences });
  }
  return { stateFiles: stacks.map((s) => s.file), unmanaged, drifted };
}

function liveAccounts(live: DataInventory): string[] {
  return [...new Set([...live.source.accounts, ...live.stores.flatMap((s) => (s.account ? [s.account] : []))])];
}

function sameByName(stack: InventoryStore, live: InventoryStore, liveHasOneAccount: boolean): boolean {
  if (stack.kind !== live.kind || stack.name !== live.name) return false;
  if (stack.region && live.region && stack.region !== live.region) return false;
  return stack.account !== undefined ? stack.account === live.account : liveHasOneAccount;
}
