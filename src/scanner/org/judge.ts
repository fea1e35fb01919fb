import type { CoverageGap } from "../../adapters/aws/contribution";
import { evaluate, findingRule } from "../../core/evaluate";
import type { Finding } from "../../core/finding";
import { configFor, type ConfigEntries } from "../../core/pack-config";
import type { ResourceRef } from "../../core/ref";
import type { AnyRule, RuleContext } from "../../core/rule";
import { settingsFor } from "../../core/settings";
import type { FileWaiver } from "../../core/waiver-file";
import type { RegionPlan } from "../../fetchers/aws/account";
import type { Inventory } from "../../models/inventory";
import { rulesJudging, sourcesFor } from "../plan";
import type { ScanProgress } from "../progress";
import { adaptAnswers, type KeyDirectoryBuilder } from "../scan-account";
import type { AnySource } from "../source";
import type { AccountAnswers } from "./account-answers";

/** What every account of a scan is judged with. */
export interface JudgeJob {
  readonly rules: readonly AnyRule[];
  readonly entries: ConfigEntries;
  /** Every source the scanner has: those the rules read are picked here, as the fetch picked them. */
  readonly sources: readonly AnySource[];
  readonly keyDirectory: KeyDirectoryBuilder;
  readonly homeRegion: string;
  readonly progress: ScanProgress;
  readonly today?: string;
  readonly waivers?: readonly FileWaiver[];
}

/** One account, judged. */
export interface AccountOutcome {
  readonly account: string;
  readonly partition: string;
  readonly regions: RegionPlan;
  /** Undefined for an account that could not be scanned. */
  readonly inventory?: Inventory;
  readonly findings: readonly Finding[];
  readonly gaps: readonly CoverageGap[];
  /** Resources (model ids) the findings name. */
  readonly resources: number;
}

/** Adapts an account's answers into its models and runs every rule over them; an unreachable account is "not assessed" for every rule. */
export function judgeAccount(a: AccountAnswers, job: JudgeJob): AccountOutcome {
  const sources = sourcesFor(job.rules, job.sources);
  if (a.setupFailure) {
    const f = a.setupFailure;
    const gap: CoverageGap = { service: f.service, region: f.region, what: "the account", action: f.action, reason: f.reason, detail: f.detail, account: a.account };
    const resource = accountRef(a.account, a.partition);
    const findings = job.rules.map(
      (rule): Finding => ({
        rule: findingRule(rule),
        resource,
        status: "not-assessed",
        reason: f.reason,
        message: `account ${a.account} could not be scanned (${f.action}: ${f.detail}); ${rule.id} judged none of its resources`,
      }),
    );
    job.progress.accountDone(a.account, findings.length, findings.length);
    return { account: a.account, partition: a.partition, regions: a.regions, findings, gaps: [gap], resources: 0 };
  }
  const target = { account: a.account, partition: a.partition };
  const { inventory, gaps } = adaptAnswers(a.answers, { target, sources, keyDirectory: job.keyDirectory, progress: job.progress, regions: a.regions.scan });
  const contextOf = (rule: AnyRule): RuleContext<unknown> => settingsFor(rule, configFor(rule, job.entries));
  const allGaps = [...gaps, ...regionGaps(a.regions, sources)].map((g) => ({ ...g, account: a.account }));
  const findings = [
    ...evaluate(job.rules, inventory, contextOf, { scope: accountRef(a.account, a.partition), ...(job.today ? { today: job.today } : {}), ...(job.waivers ? { waivers: job.waivers } : {}) }),
    ...gapFindings(allGaps, sources, job.rules, a),
  ];
  job.progress.accountDone(a.account, findings.length, findings.filter((f) => f.status === "not-assessed").length);
  const resources = new Set(findings.map((f) => f.resource.id)).size;
  return { account: a.account, partition: a.partition, regions: a.regions, inventory, findings, gaps: allGaps, resources };
}

export function accountRef(account: string, partition: string): ResourceRef {
  return { id: `arn:${partition}:::${account}`, type: "AWS::Account", name: account, label: "AWS account", account };
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
function gapFindings(gaps: readonly CoverageGap[], sources: readonly AnySource[], rules: readonly AnyRule[], a: AccountAnswers): Finding[] {
  const out: Finding[] = [];
  for (const gap of gaps) {
    const source = sources.find((s) => s.fetcher.name === gap.fetcher);
    const judged = source ? rulesJudging(source, rules) : rules;
    const resource: ResourceRef = {
      id: `arn:${a.partition}:${gap.service}:${gap.region}:${a.account}:*`,
      type: "AWS::Scan::CoverageGap",
      name: gap.what,
      label: gap.what,
      account: a.account,
      region: gap.region,
    };
    for (const rule of judged) {
      const message = `${gap.what} in ${gap.region} could not be listed (${gap.action}: ${gap.detail}); ${rule.id} judged none of them`;
      out.push({ rule: findingRule(rule), resource, status: "not-assessed", reason: gap.reason, message });
    }
  }
  return out;
}
