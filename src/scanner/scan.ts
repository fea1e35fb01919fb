import type { CoverageGap } from "../adapters/aws/contribution";
import { evaluate, findingRule } from "../core/evaluate";
import type { Finding } from "../core/finding";
import { configFor, type ConfigEntries } from "../core/pack-config";
import type { ResourceRef } from "../core/ref";
import type { AnyRule, RuleContext } from "../core/rule";
import { settingsFor } from "../core/settings";
import type { FileWaiver } from "../core/waiver-file";
import type { AwsAccess } from "../fetchers/aws/context";
import type { Inventory } from "../models/inventory";
import { Limiters } from "../fetchers/aws/limiter";
import { ScanStats } from "../fetchers/aws/scan-stats";
import { callerIdentity, planRegions, type Identity, type RegionPlan } from "../fetchers/aws/account";
import { rulesJudging, sourcesFor } from "./plan";
import { SILENT_PROGRESS, type ScanProgress } from "./progress";
import { scanAccount, type KeyDirectoryBuilder } from "./scan-account";
import type { AnySource } from "./source";

export interface ScanRequest {
  readonly rules: readonly AnyRule[];
  /** The rules' settings, as a pack's policy config gives them (checked before). */
  readonly entries: ConfigEntries;
  readonly access: AwsAccess;
  /** Regions to scan; default: every region the account has enabled. */
  readonly regions?: readonly string[];
  /** Where account-wide calls go (STS, IAM, region listing). */
  readonly homeRegion: string;
  readonly sources: readonly AnySource[];
  readonly keyDirectory: KeyDirectoryBuilder;
  readonly progress?: ScanProgress;
  /** YYYY-MM-DD waivers are judged on; default today (UTC). */
  readonly today?: string;
  /** The waivers file's entries (`--waivers FILE`, loadWaiversFile), applied beside the resources' waiver tags. */
  readonly waivers?: readonly FileWaiver[];
}

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
  const startedAt = new Date().toISOString();
  const stats = new ScanStats();
  const limiters = new Limiters(req.access.limits);
  const progress = req.progress ?? SILENT_PROGRESS;
  const identity = await callerIdentity(req.access, req.homeRegion, stats, limiters);
  const regions = await planRegions(identity, req.access, req.homeRegion, req.regions, stats, limiters);
  progress.accountStarted(identity.account, regions.scan);
  const sources = sourcesFor(req.rules, req.sources);
  const { inventory, gaps } = await scanAccount({
    target: { account: identity.account, partition: identity.partition, access: req.access },
    regions: regions.scan,
    homeRegion: req.homeRegion,
    sources,
    keyDirectory: req.keyDirectory,
    stats,
    limiters,
    progress,
  });
  const contextOf = (rule: AnyRule): RuleContext<unknown> => settingsFor(rule, configFor(rule, req.entries));
  const scope = accountRef(identity);
  const allGaps = [...gaps, ...regionGaps(regions, sources)];
  const findings = [
    ...evaluate(req.rules, inventory, contextOf, { scope, ...(req.today ? { today: req.today } : {}), ...(req.waivers ? { waivers: req.waivers } : {}) }),
    ...gapFindings(allGaps, sources, req.rules, identity),
  ];
  progress.accountDone(identity.account, findings.length, findings.filter((f) => f.status === "not-assessed").length);
  const resources = new Set(findings.map((f) => f.resource.id)).size;
  return { identity, regions, rules: req.rules, inventory, findings, gaps: allGaps, stats, resources, startedAt, finishedAt: new Date().toISOString() };
}

export function accountRef(identity: Identity): ResourceRef {
  return { id: `arn:${identity.partition}:::${identity.account}`, type: "AWS::Account", name: identity.account, label: "AWS account", account: identity.account };
}

/** A requested region the account has not enabled leaves every source a gap there. */
function regionGaps(regions: RegionPlan, sources: readonly AnySource[]): CoverageGap[] {
  return regions.notEnabled.flatMap((region) =>
    sources
      .filter((s) => s.fetcher.scope === "region")
      .map((s) => ({
        service: s.fetcher.service,
        region,
        what: s.fetcher.name,
        fetcher: s.fetcher.name,
        action: "ec2:DescribeRegions",
        reason: "unavailable" as const,
        detail: `region ${region} is not enabled for this account (opt-in region)`,
      })),
  );
}

/** Each rule that would have judged what a gap hides is "not assessed" for it, visibly. */
function gapFindings(gaps: readonly CoverageGap[], sources: readonly AnySource[], rules: readonly AnyRule[], identity: Identity): Finding[] {
  const out: Finding[] = [];
  for (const gap of gaps) {
    const source = sources.find((s) => s.fetcher.name === gap.fetcher);
    const judged = source ? rulesJudging(source, rules) : rules;
    const resource: ResourceRef = {
      id: `arn:${identity.partition}:${gap.service}:${gap.region}:${identity.account}:*`,
      type: "AWS::Scan::CoverageGap",
      name: gap.what,
      label: gap.what,
      account: identity.account,
      region: gap.region,
    };
    for (const rule of judged) {
      const message = `${gap.what} in ${gap.region} could not be listed (${gap.action}: ${gap.detail}); ${rule.id} judged none of them`;
      out.push({ rule: findingRule(rule), resource, status: "not-assessed", reason: gap.reason, message });
    }
  }
  return out;
}
