import { DescribeRegionsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { FetchContext, type AwsAccess } from "./context";
import type { Fetched } from "./fetched";
import type { Limiters } from "./limiter";
import type { ScanStats } from "./scan-stats";

/** A scan that cannot start: no identity, no region list. Named by the AWS call that failed. */
export class ScanSetupError extends Error {}

export interface Identity {
  readonly account: string;
  readonly partition: string;
  readonly arn: string;
}

/** Who the credentials are (`sts:GetCallerIdentity` needs no permission). */
export async function callerIdentity(access: AwsAccess, region: string, stats: ScanStats, limiters: Limiters): Promise<Identity> {
  const ctx = new FetchContext("unknown", "aws", region, access, stats, limiters);
  const sts = ctx.client(STSClient, "sts");
  const r = await ctx.attempt("sts:GetCallerIdentity", () => sts.send(new GetCallerIdentityCommand({})));
  if (!r.ok) throw new ScanSetupError(`sts:GetCallerIdentity failed (${r.failure.reason}): ${r.failure.detail}`);
  const { Account, Arn } = r.value;
  if (!Account || !Arn) throw new ScanSetupError("sts:GetCallerIdentity answered without an account or ARN");
  return { account: Account, arn: Arn, partition: Arn.split(":")[1] ?? "aws" };
}

export interface RegionPlan {
  /** Regions to scan: requested (or all enabled) and enabled. */
  readonly scan: readonly string[];
  /** Requested regions the account has not enabled (opt-in regions): reported, not scanned. */
  readonly notEnabled: readonly string[];
  /** Requested names that are no region of the partition. */
  readonly unknownNames: readonly string[];
}

/** Region name -> opt-in status (`opt-in-not-required`, `opted-in`, `not-opted-in`) of every region of the partition, as the account sees them. */
export type RegionStatuses = ReadonlyMap<string, string>;

/** `ec2:DescribeRegions` with every region of the partition and the account's opt-in status of each. */
export async function regionStatuses(account: string, partition: string, access: AwsAccess, homeRegion: string, stats: ScanStats, limiters: Limiters): Promise<Fetched<RegionStatuses>> {
  const ctx = new FetchContext(account, partition, homeRegion, access, stats, limiters);
  const ec2 = ctx.client(EC2Client, "ec2");
  const r = await ctx.attempt("ec2:DescribeRegions", () => ec2.send(new DescribeRegionsCommand({ AllRegions: true })));
  if (!r.ok) return r;
  return { ok: true, value: new Map((r.value.Regions ?? []).flatMap((x) => (x.RegionName ? [[x.RegionName, x.OptInStatus ?? "opt-in-not-required"] as const] : []))) };
}

/**
 * The regions of one account to scan: the requested ones (or, when none are, every region it has
 * enabled) that it has enabled. Requested regions it has not enabled are reported, not scanned.
 */
export function planAccountRegions(statuses: RegionStatuses, requested: readonly string[] | undefined): RegionPlan {
  const enabled = (name: string) => statuses.has(name) && statuses.get(name) !== "not-opted-in";
  const wanted = requested ?? [...statuses.keys()].filter(enabled).sort();
  return {
    scan: wanted.filter(enabled),
    notEnabled: wanted.filter((n) => statuses.has(n) && !enabled(n)),
    unknownNames: wanted.filter((n) => !statuses.has(n)),
  };
}

/** The regions to scan, from `ec2:DescribeRegions` with opt-in status. */
export async function planRegions(
  identity: Identity,
  access: AwsAccess,
  homeRegion: string,
  requested: readonly string[] | undefined,
  stats: ScanStats,
  limiters: Limiters,
): Promise<RegionPlan> {
  const r = await regionStatuses(identity.account, identity.partition, access, homeRegion, stats, limiters);
  if (!r.ok) {
    if (requested === undefined) throw new ScanSetupError(`ec2:DescribeRegions failed (${r.failure.reason}): ${r.failure.detail}; pass --regions to scan without it`);
    return { scan: requested, notEnabled: [], unknownNames: [] };
  }
  return planAccountRegions(r.value, requested);
}
