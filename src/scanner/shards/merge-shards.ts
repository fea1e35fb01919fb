import type { AnyRule } from "../../core/rule";
import { isDeepStrictEqual } from "node:util";
import { ScanStats } from "../../fetchers/aws/scan-stats";
import type { AccountAnswers } from "../org/account-answers";
import { judgeAccount, type AccountOutcome, type JudgeJob } from "../org/judge";
import type { ScanOutcome } from "../org/org-scan";
import { scanUnits, unitsDigest } from "../org/units";
import type { AnswerRecord } from "../scan-account";
import { decodeAnswer } from "./answer-codec";
import { SHARD_FORMAT_VERSION, SHARD_KIND, type ShardAccountLine, type ShardEndLine, type ShardHeader } from "./shard-file";
import { schemaErrors, shardValidators } from "./shard-schema";

/** A shard file that cannot be merged: the message names the file (and line) and what is wrong. */
export class ShardInputError extends Error {
  override readonly name = "ShardInputError";
}

export interface ShardText {
  /** The file's name, for messages. */
  readonly source: string;
  readonly text: string;
}

/** What the merge judges with, from the shards' header and the tool's own registry. */
export type MergeJob = Omit<JudgeJob, "rules" | "entries" | "today" | "waivers" | "homeRegion"> & { readonly allRules: readonly AnyRule[] };

export interface MergedScan extends ScanOutcome {
  readonly header: ShardHeader;
}

/**
 * Merges the N shard files of one scan into the outcome an unsharded scan gives: every account's
 * answers, gathered from the shards that fetched its units, adapted and judged whole. Shards may come
 * in any order; each account is judged (and its answers dropped) as soon as all its units are in.
 */
export async function mergeShards(inputs: readonly (() => Promise<ShardText>)[], job: MergeJob): Promise<MergedScan> {
  if (inputs.length === 0) throw new ShardInputError("no shard files given");
  let first: { header: ShardHeader; source: string } | undefined;
  let expected: Map<string, number> | undefined;
  const seenShards = new Map<number, string>();
  const pending = new Map<string, { lines: ShardAccountLine[]; units: Set<string> }>();
  const outcomes: AccountOutcome[] = [];
  const stats = new ScanStats();
  let judge: JudgeJob | undefined;
  let startedAt = "";
  let finishedAt = "";
  for (const read of inputs) {
    const { source, text } = await read();
    const { header, accounts, end } = parseShard(text, source);
    if (!first) {
      if (inputs.length < header.shard.total) throw new ShardInputError(`${source} is one of ${header.shard.total} shards, but ${inputs.length} file${inputs.length === 1 ? " was" : "s were"} given: merge needs all ${header.shard.total}`);
      first = { header, source };
      expected = expectedUnits(header, source);
      judge = judgeFrom(header, job, source);
      startedAt = header.startedAt;
    } else sameScan(first, header, source);
    const earlier = seenShards.get(header.shard.index);
    if (earlier) throw new ShardInputError(`${source}: shard ${header.shard.index}/${header.shard.total} was given twice (also ${earlier})`);
    seenShards.set(header.shard.index, source);
    stats.add(end.stats);
    if (header.startedAt < startedAt) startedAt = header.startedAt;
    if (end.finishedAt > finishedAt) finishedAt = end.finishedAt;
    for (const line of accounts) {
      const want = expected!.get(line.account);
      if (want === undefined) throw new ShardInputError(`${source}: account ${line.account} is not in the scan's plan`);
      const entry = pending.get(line.account) ?? { lines: [], units: new Set<string>() };
      for (const u of line.units) {
        if (entry.units.has(u)) throw new ShardInputError(`${source}: unit ${line.account}/${u} was fetched by two shards`);
        entry.units.add(u);
      }
      entry.lines.push(line);
      pending.set(line.account, entry);
      if (entry.units.size === want) {
        outcomes.push(judgeAccount(accountAnswers(entry.lines), judge!));
        pending.delete(line.account);
        expected!.set(line.account, -1);
      }
    }
  }
  const header = first!.header;
  const missing = Array.from({ length: header.shard.total }, (_, i) => i + 1).filter((i) => !seenShards.has(i));
  if (missing.length > 0) throw new ShardInputError(`shard${missing.length === 1 ? "" : "s"} ${missing.map((i) => `${i}/${header.shard.total}`).join(", ")} missing: merge needs all ${header.shard.total}`);
  if (pending.size > 0) throw new ShardInputError(`accounts ${[...pending.keys()].join(", ")} are incomplete: some of their units are in no shard`);
  const accounts = outcomes.sort((a, b) => a.account.localeCompare(b.account));
  return { header, caller: header.caller, accounts, rules: judge!.rules, stats, startedAt, finishedAt };
}

function parseShard(text: string, source: string): { header: ShardHeader; accounts: ShardAccountLine[]; end: ShardEndLine } {
  const v = shardValidators();
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  if (lines.length > 1 && !lines[0]!.trim().endsWith("}")) throw new ShardInputError(`${source}: not a cdguard shard file (a multi-line JSON document, not JSON Lines: a report?)`);
  const parsed = lines.map((l, i) => {
    try {
      return JSON.parse(l) as unknown;
    } catch (e) {
      throw new ShardInputError(`${source} line ${i + 1}: not JSON (${e instanceof Error ? e.message : String(e)})`);
    }
  });
  const [head, ...rest] = parsed;
  if (head === undefined || (head as { kind?: unknown }).kind !== SHARD_KIND) throw new ShardInputError(`${source}: not a cdguard shard file (its first line is not a "${SHARD_KIND}" header)`);
  if ((head as { version?: unknown }).version !== SHARD_FORMAT_VERSION) {
    throw new ShardInputError(`${source}: shard format version ${String((head as { version?: unknown }).version)}; this cdguard reads version ${SHARD_FORMAT_VERSION}`);
  }
  if (!v.header(head)) throw new ShardInputError(`${source} line 1: not a valid shard header: ${schemaErrors(v.header.errors)}`);
  const last = rest.at(-1);
  if (!last || (last as { kind?: unknown }).kind !== "end") throw new ShardInputError(`${source}: the file ends before its "end" line: the shard did not finish or the file was cut short`);
  if (!v.end(last)) throw new ShardInputError(`${source} line ${lines.length}: not a valid end line: ${schemaErrors(v.end.errors)}`);
  const accounts = rest.slice(0, -1).map((l, i) => {
    if (!v.account(l)) throw new ShardInputError(`${source} line ${i + 2}: not a valid account line: ${schemaErrors(v.account.errors)}`);
    return l as ShardAccountLine;
  });
  const header = head as ShardHeader;
  if (header.shard.index > header.shard.total) throw new ShardInputError(`${source}: shard ${header.shard.index}/${header.shard.total} is out of range`);
  return { header, accounts, end: last as ShardEndLine };
}

/** Units per account, after checking that the header's accounts and regions give the digest it claims. */
function expectedUnits(h: ShardHeader, source: string): Map<string, number> {
  const units = scanUnits(h.accounts, h.unitRegions);
  if (unitsDigest(units) !== h.unitsDigest) throw new ShardInputError(`${source}: its accounts and regions do not match its units digest (edited or corrupt)`);
  const per = new Map<string, number>();
  for (const u of units) per.set(u.account, (per.get(u.account) ?? 0) + 1);
  return per;
}

const AGREED: readonly (keyof ShardHeader)[] = ["tool", "caller", "unitsDigest", "homeRegion", "requestedRegions", "rules", "entries", "waivers", "today"];

function sameScan(first: { header: ShardHeader; source: string }, h: ShardHeader, source: string): void {
  if (h.shard.total !== first.header.shard.total) throw new ShardInputError(`${source} is shard ${h.shard.index}/${h.shard.total} but ${first.source} is of ${first.header.shard.total} shards`);
  const differs = AGREED.filter((k) => !isDeepStrictEqual(h[k], first.header[k]));
  if (differs.length > 0) throw new ShardInputError(`${source} and ${first.source} are not shards of one scan: their ${differs.join(", ")} differ`);
}

function judgeFrom(h: ShardHeader, job: MergeJob, source: string): JudgeJob {
  const byId = new Map(job.allRules.map((r) => [r.id, r]));
  const unknown = h.rules.filter((id) => !byId.has(id));
  if (unknown.length > 0) throw new ShardInputError(`${source}: rules ${unknown.join(", ")} are unknown to this cdguard (${h.tool.name} ${h.tool.version} wrote it)`);
  return {
    ...job,
    rules: h.rules.map((id) => byId.get(id)!),
    entries: h.entries,
    homeRegion: h.homeRegion,
    today: h.today,
    ...(h.waivers ? { waivers: h.waivers } : {}),
  };
}

/** One account's answers from every shard that fetched part of it; an account one shard could not reach is not assessed. */
function accountAnswers(lines: readonly ShardAccountLine[]): AccountAnswers {
  const first = lines[0]!;
  const failed = lines.find((l) => l.setupFailure);
  if (failed?.setupFailure) return { account: first.account, partition: first.partition, regions: failed.regions, setupFailure: failed.setupFailure, answers: [] };
  const answers: AnswerRecord[] = lines.flatMap((l) => l.answers.map((r) => (r.error !== undefined ? r : { ...r, raw: decodeAnswer(r.raw) })));
  return { account: first.account, partition: first.partition, regions: first.regions, answers };
}

