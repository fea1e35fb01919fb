/**
 * Why a report location could not be read, written or listed:
 * - `not-found`: the file or object does not exist (callers treat "no previous report" specially);
 * - `no-bucket`: the bucket does not exist;
 * - `access-denied`: the file system or AWS refused (the message names the missing permission);
 * - `credentials`: AWS rejected the credentials themselves (unknown, expired or mis-signed);
 * - `invalid-location` / `invalid-options`: the caller's input is malformed (nothing was attempted);
 * - `unavailable`: the endpoint could not be reached or timed out;
 * - `failed`: anything else.
 */
export type StorageErrorCode =
  | "not-found"
  | "no-bucket"
  | "access-denied"
  | "credentials"
  | "invalid-location"
  | "invalid-options"
  | "unavailable"
  | "failed";

/** A storage failure whose message starts with the location (never with credentials). */
export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    /** The location as the caller gave it (or its canonical form). */
    readonly location: string,
    detail: string,
  ) {
    super(`${location}: ${detail}`);
    this.name = "StorageError";
  }
}
