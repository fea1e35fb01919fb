import type { AdaptContext } from "../adapters/aws/context";
import type { CoverageGap, InventoryContribution } from "../adapters/aws/contribution";
import { boundValue } from "../core/bounded-text";
import { FetchContext, type AwsAccess } from "../fetchers/aws/context";
import type { Limiters } from "../fetchers/aws/limiter";
import type { ScanStats } from "../fetchers/aws/scan-stats";
import type { Inventory } from "../models/inventory";
import { mergeContributions } from "./merge";
import type { ScanProgress } from "./progress";
import type { AnySource } from "./source";

/** One account as the scanner reaches it. */
export interface AccountTarget {
  readonly account: string;
  readonly partition: string;
  readonly access: AwsAccess;
}

/** Builds the key look-ups adapters use from the KMS answers of each scanned region. */
export type KeyDirectoryBuilder = (answers: ReadonlyMap<string, unknown>, account: string, partition: string) => Pick<AdaptContext, "keyManager" | "keyRef">;

export interface AccountScanInput {
  readonly target: AccountTarget;
  /** Enabled regions to scan. */
  readonly regions: readonly string[];
  /** Where account-wide sources (IAM) send their calls. */
  readonly homeRegion: string;
  readonly sources: readonly AnySource[];
  readonly keyDirectory: KeyDirectoryBuilder;
  readonly stats: ScanStats;
  readonly limiters: Limiters;
  readonly progress: ScanProgress;
}

/** One fetcher's answer in one region, raw, as a shard file keeps it: the error of a fetcher that threw, as text. */
export interface AnswerRecord {
  readonly fetcher: string;
  readonly region: string;
  readonly raw?: unknown;
  readonly error?: string;
}

/** Fetches what the sources read in every region of one account, once, and builds its inventory. */
export async function scanAccount(input: AccountScanInput): Promise<{ inventory: Inventory; gaps: CoverageGap[] }> {
  const answers = await fetchAnswers(input, input.regions, true);
  return adaptAnswers(answers, input);
}

/**
 * The raw answers of the sources in `regions` of one account (and of the account-wide sources when
 * `accountWide`). Fetchers answer failures as values; one that throws is a bug kept to its source.
 */
export async function fetchAnswers(input: Omit<AccountScanInput, "keyDirectory" | "regions" | "progress">, regions: readonly string[], accountWide: boolean): Promise<AnswerRecord[]> {
  const jobs: Promise<AnswerRecord>[] = [];
  for (const source of input.sources) {
    const where = source.fetcher.scope === "account" ? (accountWide ? [input.homeRegion] : []) : regions;
    for (const region of where) jobs.push(fetchOne(input, source, region));
  }
  return Promise.all(jobs);
}

async function fetchOne(input: Omit<AccountScanInput, "keyDirectory" | "regions" | "progress">, source: AnySource, region: string): Promise<AnswerRecord> {
  const { target } = input;
  const ctx = new FetchContext(target.account, target.partition, region, target.access, input.stats, input.limiters);
  try {
    return { fetcher: source.fetcher.name, region, raw: await source.fetcher.fetch(ctx) };
  } catch (e) {
    return { fetcher: source.fetcher.name, region, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * One account's inventory from its answers, adapted in a fixed order (the sources' order, then the
 * regions' as `input.regions` lists them) so that answers fetched in one process or in shards give the same models.
 */
export function adaptAnswers(answers: readonly AnswerRecord[], input: Pick<AccountScanInput, "sources" | "keyDirectory" | "progress" | "regions"> & { readonly target: Pick<AccountTarget, "account" | "partition"> }): { inventory: Inventory; gaps: CoverageGap[] } {
  const { target } = input;
  const sourceAt = new Map(input.sources.map((s, i) => [s.fetcher.name, { source: s, index: i }]));
  const regionAt = (r: string) => input.regions.indexOf(r);
  const ordered = answers
    .filter((a) => sourceAt.has(a.fetcher))
    .sort((a, b) => sourceAt.get(a.fetcher)!.index - sourceAt.get(b.fetcher)!.index || regionAt(a.region) - regionAt(b.region));
  const kms = new Map(ordered.filter((a) => sourceAt.get(a.fetcher)!.source.fetcher.service === "kms").map((a) => [a.region, a.raw]));
  const ctx: AdaptContext = { account: target.account, partition: target.partition, ...input.keyDirectory(kms, target.account, target.partition) };
  const contributions = ordered.map((a) => {
    const source = sourceAt.get(a.fetcher)!.source;
    const c = a.error === undefined ? adaptSafely(source, a, ctx) : { gaps: [brokenSource(source, a.region, "could not be fetched", a.error)] };
    input.progress.fetched(target.account, a.region, a.fetcher, resourcesIn(c), c.gaps?.length ?? 0);
    return { ...c, gaps: (c.gaps ?? []).map((g) => ({ ...g, fetcher: a.fetcher })) };
  });
  const merged = mergeContributions(contributions);
  return { ...merged, inventory: { ...merged.inventory, ownAccountIds: [target.account] } };
}

/** An adapter that throws on an answer it did not expect leaves a gap, never a crashed scan. */
function adaptSafely(source: AnySource, a: AnswerRecord, ctx: AdaptContext): InventoryContribution {
  try {
    return source.adapt(a.raw, ctx);
  } catch (e) {
    return { gaps: [brokenSource(source, a.region, "could not be read", e instanceof Error ? e.message : String(e))] };
  }
}

function brokenSource(source: AnySource, region: string, what: string, message: string): CoverageGap {
  const f = source.fetcher;
  const detail = boundValue(`${f.name} ${what}: ${message}`, 240);
  return { service: f.service, region, what: f.name, action: `${f.service}:*`, reason: "error", detail };
}

function resourcesIn(c: InventoryContribution): number {
  const network = Object.values(c.network ?? {}).reduce((n, v) => n + (v as unknown[]).length, 0);
  return (c.stores?.length ?? 0) + (c.keys?.length ?? 0) + (c.iam?.principals?.length ?? 0) + (c.iam?.policies?.length ?? 0) + network;
}
