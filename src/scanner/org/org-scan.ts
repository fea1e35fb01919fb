import type { ConfigEntries } from "../../core/pack-config";
import type { AnyRule } from "../../core/rule";
import type { FileWaiver } from "../../core/waiver-file";
import { callerIdentity, regionStatuses, ScanSetupError, type Identity, type RegionStatuses } from "../../fetchers/aws/account";
import type { AwsAccess } from "../../fetchers/aws/context";
import { Limiters } from "../../fetchers/aws/limiter";
import { ScanStats } from "../../fetchers/aws/scan-stats";
import { sourcesFor } from "../plan";
import { SILENT_PROGRESS, type ScanProgress } from "../progress";
import type { KeyDirectoryBuilder } from "../scan-account";
import type { AnySource } from "../source";
import { fetchAccountUnits, type AccountAnswers, type AccountFetchJob } from "./account-answers";
import { judgeAccount, type AccountOutcome, type JudgeJob } from "./judge";
import { inPool } from "./pool";
import { targetAccounts, type OrgTargeting, type TargetAccount } from "./targets";
import { scanUnits, unitsOfShard, type ScanUnit, type ShardSpec } from "./units";

export interface OrgScanRequest {
  readonly rules: readonly AnyRule[];
  /** The rules' settings, as a pack's policy config gives them (checked before). */
  readonly entries: ConfigEntries;
  /** The caller's access: its own account's, and the base the org role is assumed from. */
  readonly access: AwsAccess;
  /** Regions to scan; default: every region each account has enabled. */
  readonly regions?: readonly string[];
  /** Where account-wide calls go (STS, IAM, Organizations, region listing). */
  readonly homeRegion: string;
  readonly sources: readonly AnySource[];
  readonly keyDirectory: KeyDirectoryBuilder;
  /** Scan the organization's accounts; undefined: the caller's account only. */
  readonly org?: OrgTargeting;
  /** Accounts scanned at once (each bounded per region and service by `access.limits`). */
  readonly accountConcurrency: number;
  readonly progress?: ScanProgress;
  /** YYYY-MM-DD waivers are judged on; default today (UTC). */
  readonly today?: string;
  readonly waivers?: readonly FileWaiver[];
}

/** What a scan is about to do: the same for every shard of it. */
export interface ScanPlan {
  readonly caller: Identity;
  readonly callerRegions: RegionStatuses | undefined;
  readonly accounts: readonly TargetAccount[];
  readonly units: readonly ScanUnit[];
}

/** Every account judged (an unsharded scan, or the merge of a sharded one). */
export interface ScanOutcome {
  readonly caller: Identity;
  readonly accounts: readonly AccountOutcome[];
  readonly rules: readonly AnyRule[];
  readonly stats: ScanStats;
  readonly startedAt: string;
  readonly finishedAt: string;
}

/** Who is scanning, which accounts, and the units (account × region) of the work. */
export async function planScan(req: OrgScanRequest, stats: ScanStats, limiters: Limiters): Promise<ScanPlan> {
  const caller = await callerIdentity(req.access, req.homeRegion, stats, limiters);
  const listed = await regionStatuses(caller.account, caller.partition, req.access, req.homeRegion, stats, limiters);
  if (!listed.ok && !req.regions) {
    throw new ScanSetupError(`ec2:DescribeRegions failed (${listed.failure.reason}): ${listed.failure.detail}; pass --regions to scan without it`);
  }
  const callerRegions = listed.ok ? listed.value : undefined;
  const unknown = callerRegions ? (req.regions ?? []).filter((r) => !callerRegions.has(r)) : [];
  if (unknown.length > 0) throw new ScanSetupError(`--regions: ${unknown.join(", ")} ${unknown.length === 1 ? "is not a region" : "are not regions"} of the ${caller.partition} partition`);
  const accounts = await targetAccounts(caller, req.org, req.access, req.homeRegion, stats, limiters);
  const regions = req.regions ?? [...callerRegions!.keys()];
  return { caller, callerRegions, accounts, units: scanUnits(accounts.map((a) => a.id), regions) };
}

/** Scans and judges every planned account, a bounded number at a time; each account's answers are dropped once it is judged. */
export async function scanOrganization(req: OrgScanRequest): Promise<ScanOutcome> {
  const startedAt = new Date().toISOString();
  const stats = new ScanStats();
  const limiters = new Limiters(req.access.limits);
  const plan = await planScan(req, stats, limiters);
  const fetchJob = accountFetchJob(req, plan, stats, limiters);
  const judge = judgeJob(req);
  const accounts = await inPool(groupByAccount(plan.units), req.accountConcurrency, async ([account, units]) => judgeAccount(await fetchAccountUnits(account, units, fetchJob), judge));
  return { caller: plan.caller, accounts, rules: req.rules, stats, startedAt, finishedAt: new Date().toISOString() };
}

/** What one shard fetched: its units' answers, to be judged by `cdguard merge` with the other shards'. */
export interface ShardAnswers {
  readonly plan: ScanPlan;
  readonly shard: ShardSpec;
  readonly units: readonly ScanUnit[];
  readonly accounts: readonly AccountAnswers[];
  readonly stats: ScanStats;
  readonly startedAt: string;
  readonly finishedAt: string;
}

/** Fetches the shard's units only; judging waits for the merge, which sees every account whole. */
export async function scanShard(req: OrgScanRequest, shard: ShardSpec): Promise<ShardAnswers> {
  const startedAt = new Date().toISOString();
  const stats = new ScanStats();
  const limiters = new Limiters(req.access.limits);
  const plan = await planScan(req, stats, limiters);
  const units = unitsOfShard(plan.units, shard);
  const fetchJob = accountFetchJob(req, plan, stats, limiters);
  const accounts = await inPool(groupByAccount(units), req.accountConcurrency, ([account, mine]) => fetchAccountUnits(account, mine, fetchJob));
  return { plan, shard, units, accounts, stats, startedAt, finishedAt: new Date().toISOString() };
}

export function judgeJob(req: Pick<OrgScanRequest, "rules" | "entries" | "sources" | "keyDirectory" | "homeRegion" | "progress" | "today" | "waivers">): JudgeJob {
  return {
    rules: req.rules,
    entries: req.entries,
    sources: req.sources,
    keyDirectory: req.keyDirectory,
    homeRegion: req.homeRegion,
    progress: req.progress ?? SILENT_PROGRESS,
    ...(req.today ? { today: req.today } : {}),
    ...(req.waivers ? { waivers: req.waivers } : {}),
  };
}

function accountFetchJob(req: OrgScanRequest, plan: ScanPlan, stats: ScanStats, limiters: Limiters): AccountFetchJob {
  return {
    caller: plan.caller,
    callerRegions: plan.callerRegions,
    requestedRegions: req.regions,
    base: req.access,
    org: req.org,
    homeRegion: req.homeRegion,
    sources: sourcesFor(req.rules, req.sources),
    stats,
    limiters,
    progress: req.progress ?? SILENT_PROGRESS,
  };
}

/** Units grouped per account, in the units' order. */
export function groupByAccount(units: readonly ScanUnit[]): [string, ScanUnit[]][] {
  const by = new Map<string, ScanUnit[]>();
  for (const u of units) by.set(u.account, [...(by.get(u.account) ?? []), u]);
  return [...by];
}
