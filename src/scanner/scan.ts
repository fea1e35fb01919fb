import type { CoverageGap } from "../adapters/aws/contribution";
import type { Finding } from "../core/finding";
import type { AnyRule } from "../core/rule";
import type { Identity, RegionPlan } from "../fetchers/aws/account";
import type { ScanStats } from "../fetchers/aws/scan-stats";
import type { Inventory } from "../models/inventory";
import { scanOrganization, type OrgScanRequest, type ScanOutcome } from "./org/org-scan";

export { accountRef } from "./org/judge";

/** A scan of the caller's own account. */
export type ScanRequest = Omit<OrgScanRequest, "org" | "accountConcurrency">;

export interface ScanResult {
  readonly identity: Identity;
  readonly regions: RegionPlan;
  readonly rules: readonly AnyRule[];
  /** The account's models the rules judged: the inventory and access map are views over them. */
  readonly inventory: Inventory;
  readonly findings: readonly Finding[];
  readonly gaps: readonly CoverageGap[];
  readonly stats: ScanStats;
  /** Resources (model ids) the scan read, for calls-per-resource. */
  readonly resources: number;
  readonly startedAt: string;
  readonly finishedAt: string;
}

/** Scans the account the credentials belong to: fetch once, then every selected rule over it. */
export async function scan(req: ScanRequest): Promise<ScanResult> {
  return singleAccountResult(await scanOrganization({ ...req, accountConcurrency: 1 }));
}

/** The outcome of a one-account scan as that account's result. */
export function singleAccountResult(outcome: ScanOutcome): ScanResult {
  if (outcome.accounts.length !== 1) throw new Error(`a one-account result of a scan of ${outcome.accounts.length} accounts`);
  const [account] = outcome.accounts;
  if (!account?.inventory) throw new Error(`the scan of account ${outcome.caller.account} gave no inventory`);
  return {
    identity: outcome.caller,
    regions: account.regions,
    rules: outcome.rules,
    inventory: account.inventory,
    findings: account.findings,
    gaps: account.gaps,
    stats: outcome.stats,
    resources: account.resources,
    startedAt: outcome.startedAt,
    finishedAt: outcome.finishedAt,
  };
}
