// Besides src/fetchers, the only code that calls AWS, and only to move reports and shard files (never part of the scanner's read-only policy).
import { DEFAULT_LIST_SUFFIXES } from "./listing";
import { listLocal, readLocal, writeLocal } from "./local-store";
import { toLocation, type LocationInput } from "./location";
import type { StorageOptions } from "./s3-client";
import { listS3, readS3, writeS3 } from "./s3-store";

export { formatLocation, isPrefix, parseLocation, type Location, type LocationInput } from "./location";
export type { StorageOptions } from "./s3-client";
export { StorageError, type StorageErrorCode } from "./storage-error";
export { DEFAULT_LIST_SUFFIXES } from "./listing";

export interface ListOptions {
  /** Which names to answer (default `.jsonl` and `.json`); hidden names (starting with `.`) never are. */
  readonly suffixes?: readonly string[];
  /** S3 only: keys per ListObjectsV2 page (default S3's 1000). */
  readonly pageSize?: number;
}

/**
 * The text at `location` (UTF-8). Throws StorageError; `code === "not-found"` when there is no such
 * file or object (e.g. no previous report yet).
 */
export async function readText(location: LocationInput, opts: StorageOptions = {}): Promise<string> {
  const at = toLocation(location);
  return at.kind === "s3" ? readS3(at, opts) : readLocal(at.path);
}

/** Replaces the file or object at `location` with `text`, atomically (readers never see half of it). */
export async function writeText(location: LocationInput, text: string, opts: StorageOptions = {}): Promise<void> {
  const at = toLocation(location);
  if (at.kind === "s3") await writeS3(at, text, opts);
  else writeLocal(at.path, text);
}

/**
 * The locations under a prefix (`s3://bucket/prefix/`, or a local directory), at any depth, whose names end
 * with one of the suffixes, sorted (S3 by key, local by path), in the form readText accepts.
 */
export async function listLocations(prefix: LocationInput, opts: StorageOptions = {}, list: ListOptions = {}): Promise<string[]> {
  const at = toLocation(prefix);
  const suffixes = list.suffixes ?? DEFAULT_LIST_SUFFIXES;
  return at.kind === "s3" ? listS3(at, opts, suffixes, list.pageSize) : listLocal(at.path, suffixes);
}
