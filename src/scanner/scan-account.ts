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

interface Fetched {
  readonly source: AnySource;
  readonly region: string;
  readonly raw: unknown;
  readonly error?: unknown;
}

/** Fetches what the sources read in every region of one account, once, and builds its inventory. */
export async function scanAccount(input: AccountScanInput): Promise<{ inventory: Inventory; gaps: CoverageGap[] }> {
  const { target, regions, sources } = input;
  const jobs: Promise<Fetched>[] = [];
  for (const source of sources) {
    const where = source.fetcher.scope === "account" ? [input.homeRegion] : regions;
    for (const region of where) jobs.push(fetchOne(input, source, region));
  }
  const answers = await Promise.all(jobs);
  const kms = new Map(answers.filter((a) => a.source.fetcher.service === "kms").map((a) => [a.region, a.raw]));
  const ctx: AdaptContext = { account: target.account, partition: target.partition, ...input.keyDirectory(kms, target.account, target.partition) };
  const contributions = answers.map((a) => {
    const c = a.error === undefined ? adaptSafely(a, ctx) : { gaps: [brokenSource(a, "could not be fetched", a.error)] };
    input.progress.fetched(target.account, a.region, a.source.fetcher.name, resourcesIn(c), c.gaps?.length ?? 0);
    return { ...c, gaps: (c.gaps ?? []).map((g) => ({ ...g, fetcher: a.source.fetcher.name })) };
  });
  const merged = mergeContributions(contributions);
  return { ...merged, inventory: { ...merged.inventory, ownAccountIds: [target.account] } };
}

async function fetchOne(input: AccountScanInput, source: AnySource, region: string): Promise<Fetched> {
  const { target } = input;
  const ctx = new FetchContext(target.account, target.partition, region, target.access, input.stats, input.limiters);
  try {
    return { source, region, raw: await source.fetcher.fetch(ctx) };
  } catch (e) {
    // Fetchers answer failures as values; a throw is a bug, kept to the one source.
    return { source, region, raw: undefined, error: e };
  }
}

/** An adapter that throws on an answer it did not expect leaves a gap, never a crashed scan. */
function adaptSafely(a: Fetched, ctx: AdaptContext): InventoryContribution {
  try {
    return a.source.adapt(a.raw, ctx);
  } catch (e) {
    return { gaps: [brokenSource(a, "could not be read", e)] };
  }
}

function brokenSource(a: Fetched, what: string, e: unknown): CoverageGap {
  const f = a.source.fetcher;
  const detail = boundValue(`${f.name} ${what}: ${e instanceof Error ? e.message : String(e)}`, 240);
  return { service: f.service, region: a.region, what: f.name, action: `${f.service}:*`, reason: "error", detail };
}

function resourcesIn(c: InventoryContribution): number {
  const network = Object.values(c.network ?? {}).reduce((n, v) => n + (v as unknown[]).length, 0);
  return (c.stores?.length ?? 0) + (c.keys?.length ?? 0) + (c.iam?.principals?.length ?? 0) + (c.iam?.policies?.length ?? 0) + network;
}
