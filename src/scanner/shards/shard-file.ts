import type { ConfigEntries } from "../../core/pack-config";
import type { FileWaiver } from "../../core/waiver-file";
import type { Identity, RegionPlan } from "../../fetchers/aws/account";
import type { CallFailure } from "../../fetchers/aws/fetched";
import type { StatsSnapshot } from "../../fetchers/aws/scan-stats";
import type { AccountAnswers } from "../org/account-answers";
import type { ShardAnswers } from "../org/org-scan";
import { unitsDigest } from "../org/units";
import type { AnswerRecord } from "../scan-account";
import { encodeAnswer } from "./answer-codec";

/**
 * A shard file is JSON Lines: a header, one line per account the shard fetched (its raw answers), and an
 * end line, whose absence tells a file cut short from a finished one. Shards of one scan carry the same
 * plan (the units' digest), rules, settings and waivers; `cdguard merge` refuses anything else.
 */
export const SHARD_KIND = "cdguard-shard";
export const SHARD_FORMAT_VERSION = 1;

export interface ShardHeader {
  readonly kind: typeof SHARD_KIND;
  readonly version: number;
  readonly tool: { readonly name: string; readonly version: string };
  readonly shard: { readonly index: number; readonly total: number };
  readonly caller: Identity;
  /** Every account of the scan (all shards'), by id. */
  readonly accounts: readonly string[];
  /** The regions the units were planned over (requested, or every region of the partition). */
  readonly unitRegions: readonly string[];
  readonly unitsDigest: string;
  readonly homeRegion: string;
  readonly requestedRegions: readonly string[] | null;
  /** Rule ids, sorted. */
  readonly rules: readonly string[];
  readonly entries: ConfigEntries;
  readonly waivers: readonly FileWaiver[] | null;
  /** The day waivers are judged on. */
  readonly today: string;
  readonly startedAt: string;
}

export interface ShardAccountLine {
  readonly kind: "account";
  readonly account: string;
  readonly partition: string;
  /** The units of this account in this shard: regions, and "global" for its account-wide sources. */
  readonly units: readonly string[];
  readonly regions: RegionPlan;
  readonly setupFailure?: CallFailure;
  readonly answers: readonly AnswerRecord[];
}

export interface ShardEndLine {
  readonly kind: "end";
  readonly finishedAt: string;
  readonly stats: StatsSnapshot;
  readonly accounts: number;
}

export interface ShardRun {
  readonly tool: { readonly name: string; readonly version: string };
  readonly homeRegion: string;
  readonly requestedRegions: readonly string[] | undefined;
  readonly rules: readonly string[];
  readonly entries: ConfigEntries;
  readonly waivers: readonly FileWaiver[] | undefined;
  readonly today: string;
}

/** The shard file's text: raw answers encoded so that Dates, Maps and Sets come back as they were. */
export function shardFileText(s: ShardAnswers, run: ShardRun): string {
  const header: ShardHeader = {
    kind: SHARD_KIND,
    version: SHARD_FORMAT_VERSION,
    tool: run.tool,
    shard: { index: s.shard.index, total: s.shard.total },
    caller: s.plan.caller,
    accounts: s.plan.accounts.map((a) => a.id),
    unitRegions: [...new Set(s.plan.units.map((u) => u.region))].filter((r) => r !== "global"),
    unitsDigest: unitsDigest(s.plan.units),
    homeRegion: run.homeRegion,
    requestedRegions: run.requestedRegions ?? null,
    rules: [...run.rules].sort(),
    entries: run.entries,
    waivers: run.waivers ?? null,
    today: run.today,
    startedAt: s.startedAt,
  };
  const lines: unknown[] = [header];
  for (const a of [...s.accounts].sort((x, y) => x.account.localeCompare(y.account))) lines.push(accountLine(a, s.units.filter((u) => u.account === a.account).map((u) => u.region)));
  const end: ShardEndLine = { kind: "end", finishedAt: s.finishedAt, stats: s.stats.snapshot(), accounts: s.accounts.length };
  lines.push(end);
  return `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`;
}

function accountLine(a: AccountAnswers, units: readonly string[]): ShardAccountLine {
  return {
    kind: "account",
    account: a.account,
    partition: a.partition,
    units,
    regions: a.regions,
    ...(a.setupFailure ? { setupFailure: a.setupFailure } : {}),
    answers: a.answers.map((r) => ({ fetcher: r.fetcher, region: r.region, ...(r.error !== undefined ? { error: r.error } : { raw: encodeAnswer(r.raw) }) })),
  };
}
