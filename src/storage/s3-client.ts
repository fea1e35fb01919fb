import { S3Client } from "@aws-sdk/client-s3";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { isIPv4 } from "node:net";
import { StorageError } from "./storage-error";

/** How to reach S3. Local locations ignore all of it. */
export interface StorageOptions {
  /** The client's region; the SDK's own resolution (AWS_REGION, profile) when undefined. A bucket elsewhere is followed. */
  readonly region?: string;
  /** An emulator's endpoint: https anywhere, plain http on a loopback address only. Uses path-style addressing. */
  readonly endpointUrl?: string;
  /** The SDK's default provider chain when undefined. */
  readonly credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Writes only: encrypt with this KMS key (id, ARN or alias) instead of the bucket's default encryption. */
  readonly sseKmsKeyId?: string;
}

const CONNECT_TIMEOUT_MS = 10_000;
/** Idle time on an open connection before a request is abandoned (and retried by the SDK). */
const SOCKET_TIMEOUT_MS = 120_000;

/** An S3 client for `opts`; `location` only names the target in errors. The caller destroys it. */
export function s3Client(opts: StorageOptions, location: string): S3Client {
  const endpoint = opts.endpointUrl === undefined ? undefined : checkedEndpoint(opts.endpointUrl, location);
  return new S3Client({
    ...(opts.region ? { region: opts.region } : {}),
    ...(opts.credentials ? { credentials: opts.credentials } : {}),
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    followRegionRedirects: true,
    requestHandler: new NodeHttpHandler({ connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: SOCKET_TIMEOUT_MS }),
  });
}

/** The endpoint if it may carry reports: https, or http to this machine (an emulator). Never echoes user info. */
export function checkedEndpoint(url: string, location: string): string {
  const invalid = (detail: string) => new StorageError("invalid-options", location, `endpointUrl ${detail}`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid("is not a URL");
  }
  const shown = `'${parsed.protocol}//${parsed.host}'`;
  if (parsed.username !== "" || parsed.password !== "") throw invalid(`${shown} must not contain user credentials`);
  if (parsed.protocol === "https:") return url;
  if (parsed.protocol !== "http:") throw invalid(`${shown} must be an http or https URL`);
  if (!isLoopback(parsed.hostname)) throw invalid(`${shown} must use https; plain http is allowed only on a loopback address (an emulator)`);
  return url;
}

function isLoopback(hostname: string): boolean {
  if (hostname === "localhost" || hostname === "[::1]") return true;
  return isIPv4(hostname) && hostname.startsWith("127.");
}
