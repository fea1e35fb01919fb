import type { AwsAccess } from "../../fetchers/aws/context";
import { FetchContext } from "../../fetchers/aws/context";
import { ScanSetupError, type Identity } from "../../fetchers/aws/account";
import type { Limiters } from "../../fetchers/aws/limiter";
import { organizationAccounts } from "../../fetchers/aws/organization";
import type { ScanStats } from "../../fetchers/aws/scan-stats";

/** How `--org` picks and reaches the organization's accounts. */
export interface OrgTargeting {
  /** The role assumed in every account but the caller's own. */
  readonly roleName: string;
  readonly externalId?: string;
  readonly sessionName: string;
  readonly sessionSeconds: number;
  /** Only these accounts (each must be an active account of the organization). */
  readonly accounts?: readonly string[];
  readonly excludeAccounts?: readonly string[];
  /** Only accounts under these roots or OUs (children included). */
  readonly ous?: readonly string[];
}

export interface TargetAccount {
  readonly id: string;
  readonly name: string;
}

/** The accounts a scan covers: the caller's own, or the organization's active accounts after the filters. */
export async function targetAccounts(
  caller: Identity,
  org: OrgTargeting | undefined,
  access: AwsAccess,
  homeRegion: string,
  stats: ScanStats,
  limiters: Limiters,
): Promise<TargetAccount[]> {
  if (!org) return [{ id: caller.account, name: caller.account }];
  const ctx = new FetchContext(caller.account, caller.partition, homeRegion, access, stats, limiters);
  const listed = await organizationAccounts(ctx, org.ous);
  if (!listed.ok) {
    throw new ScanSetupError(
      `--org: the organization's accounts could not be listed from account ${caller.account} (${listed.failure.action}, ${listed.failure.reason}): ${listed.failure.detail}; ` +
        "run it from the management account or a delegated administrator, with organizations:List* allowed",
    );
  }
  const active = listed.value.filter((a) => a.state === "ACTIVE");
  const known = new Set(active.map((a) => a.id));
  const missing = (org.accounts ?? []).filter((id) => !known.has(id));
  if (missing.length > 0) {
    throw new ScanSetupError(`--accounts: ${missing.join(", ")} ${missing.length === 1 ? "is not an active account" : "are not active accounts"} of the organization${org.ous ? " under --ou" : ""}`);
  }
  const only = org.accounts ? new Set(org.accounts) : undefined;
  const excluded = new Set(org.excludeAccounts ?? []);
  const chosen = active.filter((a) => (!only || only.has(a.id)) && !excluded.has(a.id));
  if (chosen.length === 0) throw new ScanSetupError("--org: no active account is left to scan after --accounts, --exclude-accounts and --ou");
  return chosen.map((a) => ({ id: a.id, name: a.name }));
}
