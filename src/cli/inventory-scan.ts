// `cdguard scan --inventory` (and `cdguard merge --inventory`): the data inventory of every judged account,
// from the models and findings the scan already holds, merged into the report's `dataInventory` section.
import { buildDataInventory, mergeDataInventories } from "../access/build";
import type { DataInventory } from "../access/model";
import { configuredOwnAccounts, packWideConfig } from "../engine-client/stack-inventory";
import type { ScanOutcome } from "../scanner/org/org-scan";
import { withShadowStores, type InventoryJudging, type ManagingStack } from "./inventory-sources";
import { UsageError } from "./select-rules";

export interface ScanInventoryFlags {
  readonly inventory?: boolean;
  readonly managedBy?: readonly string[];
}

/**
 * `--managed-by` only means something with `--inventory`; and an inventory needs every source fetched: a
 * scan narrowed to some rules fetches only what those rules read, and would list stores and principals short.
 */
export function checkInventoryFlags(flags: ScanInventoryFlags & { rules?: unknown; pillars?: unknown; severity?: unknown; shard?: unknown }, command: string): void {
  if ((flags.managedBy?.length ?? 0) > 0 && !flags.inventory) throw new UsageError(`--managed-by: only with --inventory (\`cdguard ${command} --inventory --managed-by <stack-export>\`)`);
  if (!flags.inventory) return;
  const narrowed = (["rules", "pillars", "severity"] as const).filter((k) => flags[k] !== undefined);
  if (narrowed.length > 0) throw new UsageError(`--inventory needs every rule's sources fetched: drop ${narrowed.map((k) => `--${k}`).join(", ")} (they fetch only what the selected rules read)`);
  if (flags.shard !== undefined) throw new UsageError("--inventory: a shard holds answers, not a report; pass --inventory to `cdguard merge`");
}

/** The data inventory of a scan (unsharded or merged), with its shadow stores when managing stacks are given. */
export function scanDataInventory(outcome: ScanOutcome, judging: InventoryJudging, managedBy: readonly ManagingStack[]): DataInventory {
  const config = packWideConfig(judging.entries);
  const configured = configuredOwnAccounts(judging.entries);
  const parts = outcome.accounts.map((a): DataInventory => {
    const source = { front: "scan" as const, name: `account ${a.account}`, accounts: [a.account] };
    if (!a.inventory) {
      return { source, stores: [], principals: [], access: [], storeSummaries: [], principalSummaries: [], gaps: [{ subject: `account:${a.account}`, reason: `account ${a.account} could not be scanned: its stores and principals are not listed` }] };
    }
    return buildDataInventory({ inventory: a.inventory, findings: a.findings, config, source, ownAccounts: [a.account, ...configured] });
  });
  const accounts = outcome.accounts.map((a) => a.account);
  const live = mergeDataInventories(parts, accounts.length === 1 ? `account ${accounts[0]}` : `${accounts.length} accounts`);
  return withShadowStores(live, managedBy);
}
