import { createHash } from "node:crypto";

/** The unit of an account's account-wide sources (IAM, CloudFront...), beside its regions. */
export const ACCOUNT_WIDE = "global";

/** What one shard scans: an account's account-wide sources, or its sources of one region. */
export interface ScanUnit {
  readonly account: string;
  /** A region, or ACCOUNT_WIDE. */
  readonly region: string;
}

export interface ShardSpec {
  /** 1-based. */
  readonly index: number;
  readonly total: number;
}

export class ShardSpecError extends Error {}

/** `I/N` with 1 ≤ I ≤ N. */
export function parseShard(text: string): ShardSpec {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const total = Number(m?.[2]);
  if (!m || !Number.isSafeInteger(index) || !Number.isSafeInteger(total) || total < 1 || index < 1 || index > total) {
    throw new ShardSpecError(`--shard: '${text}' is not I/N with 1 ≤ I ≤ N (e.g. 3/16)`);
  }
  return { index, total };
}

/** Every unit of a scan, in one order all shards agree on: accounts by id, the account-wide unit first, then regions by name. */
export function scanUnits(accounts: readonly string[], regions: readonly string[]): ScanUnit[] {
  const sortedRegions = [...new Set(regions)].sort();
  return [...new Set(accounts)].sort().flatMap((account) => [{ account, region: ACCOUNT_WIDE }, ...sortedRegions.map((region) => ({ account, region }))]);
}

/**
 * The shard's units: the ordered list cut into N contiguous runs of (nearly) equal length, so an
 * account's units mostly stay in one shard (fewer sessions per account) and every unit is in exactly one.
 */
export function unitsOfShard(units: readonly ScanUnit[], shard: ShardSpec): ScanUnit[] {
  const from = Math.floor(((shard.index - 1) * units.length) / shard.total);
  const to = Math.floor((shard.index * units.length) / shard.total);
  return units.slice(from, to);
}

/** Identifies a unit list: shards of one scan carry the same digest, or they were planned from different organizations. */
export function unitsDigest(units: readonly ScanUnit[]): string {
  return createHash("sha256")
    .update(units.map((u) => `${u.account}/${u.region}`).join("\n"))
    .digest("hex")
    .slice(0, 16);
}
