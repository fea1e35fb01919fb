import { planAccountRegions, regionStatuses, type Identity, type RegionPlan, type RegionStatuses } from "../../fetchers/aws/account";
import type { AwsAccess } from "../../fetchers/aws/context";
import type { CallFailure } from "../../fetchers/aws/fetched";
import type { Limiters } from "../../fetchers/aws/limiter";
import type { ScanStats } from "../../fetchers/aws/scan-stats";
import type { ScanProgress } from "../progress";
import { fetchAnswers, type AnswerRecord } from "../scan-account";
import type { AnySource } from "../source";
import { accountAccess } from "./account-access";
import type { OrgTargeting } from "./targets";
import { ACCOUNT_WIDE, type ScanUnit } from "./units";

/** What a scan fetched of one account: its raw answers, or why it could not be scanned. */
export interface AccountAnswers {
  readonly account: string;
  readonly partition: string;
  /** The account's regions: the whole scan's, whichever of them this process fetched. */
  readonly regions: RegionPlan;
  /** The account could not be reached (its role not assumed, its regions not listed): it is not assessed. */
  readonly setupFailure?: CallFailure;
  readonly answers: readonly AnswerRecord[];
}

export interface AccountFetchJob {
  readonly caller: Identity;
  /** The caller's own region list (its account's answer to ec2:DescribeRegions), or its failure. */
  readonly callerRegions: RegionStatuses | undefined;
  readonly requestedRegions: readonly string[] | undefined;
  readonly base: AwsAccess;
  readonly org: OrgTargeting | undefined;
  readonly homeRegion: string;
  readonly sources: readonly AnySource[];
  readonly stats: ScanStats;
  readonly limiters: Limiters;
  readonly progress: ScanProgress;
}

/** Fetches the given units of one account (all of them belong to it). */
export async function fetchAccountUnits(account: string, units: readonly ScanUnit[], job: AccountFetchJob): Promise<AccountAnswers> {
  const partition = job.caller.partition;
  const notAssessed = (setupFailure: CallFailure, regions: RegionPlan = noRegions(job.requestedRegions)): AccountAnswers => ({ account, partition, regions, setupFailure, answers: [] });
  const reached = await accountAccess(account, job.caller, job.base, job.org, job.homeRegion);
  if (!reached.ok) return notAssessed(reached.failure);
  const regions = await accountRegions(account, reached.access, job);
  if (!regions.ok) return notAssessed(regions.failure);
  job.progress.accountStarted(account, regions.plan.scan);
  const wanted = new Set(regions.plan.scan);
  const unitRegions = units.filter((u) => u.region !== ACCOUNT_WIDE && wanted.has(u.region)).map((u) => u.region);
  const answers = await fetchAnswers(
    { target: { account, partition, access: reached.access }, homeRegion: job.homeRegion, sources: job.sources, stats: job.stats, limiters: job.limiters },
    regions.plan.scan.filter((r) => unitRegions.includes(r)),
    units.some((u) => u.region === ACCOUNT_WIDE),
  );
  return { account, partition, regions: regions.plan, answers };
}

type Regions = { ok: true; plan: RegionPlan } | { ok: false; failure: CallFailure };

/** The caller's account reuses the caller's region list; another account is asked (its opt-ins differ). */
async function accountRegions(account: string, access: AwsAccess, job: AccountFetchJob): Promise<Regions> {
  if (account === job.caller.account && job.callerRegions) return { ok: true, plan: planAccountRegions(job.callerRegions, job.requestedRegions) };
  const statuses = await regionStatuses(account, job.caller.partition, access, job.homeRegion, job.stats, job.limiters);
  if (statuses.ok) return { ok: true, plan: planAccountRegions(statuses.value, job.requestedRegions) };
  // Without the list, the requested regions are scanned as asked (as a single-account scan does).
  if (job.requestedRegions) return { ok: true, plan: noRegions(job.requestedRegions) };
  return { ok: false, failure: statuses.failure };
}

const noRegions = (requested: readonly string[] | undefined): RegionPlan => ({ scan: requested ?? [], notEnabled: [], unknownNames: [] });
