import { isIPv4 } from "node:net";
import { StorageError } from "./storage-error";

/** Where a report, shard file or baseline lives: a local path, or an S3 object (or prefix). */
export type Location =
  | { readonly kind: "local"; readonly path: string }
  /** `key` may be empty or end with `/`: then the location is a prefix (see isPrefix). */
  | { readonly kind: "s3"; readonly bucket: string; readonly key: string };

const S3_SCHEME = /^s3:\/\//i;
const ANY_SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const MAX_KEY_BYTES = 1024;

/** Parses `s3://bucket/key`, `s3://bucket/prefix/` or a local path; throws StorageError("invalid-location") naming the input. */
export function parseLocation(input: string): Location {
  const invalid = (detail: string) => new StorageError("invalid-location", `'${input}'`, detail);
  if (input.trim() === "") throw invalid("a location must be a local path or s3://bucket/key, not empty");
  if (S3_SCHEME.test(input)) return parseS3(input.slice("s3://".length), invalid);
  const scheme = ANY_SCHEME.exec(input)?.[1];
  if (scheme !== undefined) throw invalid(`'${scheme}://' locations are not supported; use a local path or s3://bucket/key`);
  // `s3:bucket/key` or `s3:/bucket` would otherwise quietly become a local file named "s3:...".
  if (/^s3:/i.test(input)) throw invalid("an S3 location is written s3://bucket/key");
  return { kind: "local", path: input };
}

function parseS3(rest: string, invalid: (detail: string) => StorageError): Location {
  const slash = rest.indexOf("/");
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  const key = slash < 0 ? "" : rest.slice(slash + 1);
  if (bucket === "") throw invalid("no bucket name after s3://");
  const problem = bucketNameProblem(bucket);
  if (problem !== undefined) throw invalid(`bucket name '${bucket}' ${problem}`);
  if (Buffer.byteLength(key, "utf8") > MAX_KEY_BYTES) throw invalid(`the object key is longer than ${MAX_KEY_BYTES} bytes`);
  return { kind: "s3", bucket, key };
}

/**
 * What is wrong with an S3 bucket name under S3's naming rules, or undefined. Reserved suffixes
 * (`-s3alias`, `--ol-s3`, `--x-s3`) are accepted: access point aliases and directory buckets use them
 * and work for the object operations this library calls.
 */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return "must be 3 to 63 characters long";
  if (!/^[a-z0-9.-]+$/.test(name)) return "may contain only lowercase letters, digits, dots and hyphens";
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) return "must begin and end with a lowercase letter or a digit";
  if (name.includes("..")) return "must not contain two adjacent dots";
  if (isIPv4(name)) return "must not be formatted as an IP address";
  const reserved = ["xn--", "sthree-", "amzn-s3-demo-"].find((p) => name.startsWith(p));
  if (reserved !== undefined) return `must not begin with '${reserved}' (reserved by S3)`;
  return undefined;
}

/** True when the location names a prefix (an S3 key that is empty or ends with `/`, a local path ending with a separator). */
export function isPrefix(location: Location): boolean {
  if (location.kind === "s3") return location.key === "" || location.key.endsWith("/");
  return location.path.endsWith("/") || location.path.endsWith("\\");
}

/** The location as a user writes it: `s3://bucket/key` or the local path. */
export function formatLocation(location: Location): string {
  return location.kind === "s3" ? `s3://${location.bucket}/${location.key}` : location.path;
}

/** A location given as text or already parsed. */
export type LocationInput = string | Location;

export function toLocation(input: LocationInput): Location {
  return typeof input === "string" ? parseLocation(input) : input;
}
