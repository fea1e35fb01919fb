import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";

/** AWS caps a session of a role assumed with another role's session ("role chaining") at one hour. */
export const CHAINED_ROLE_MAX_SECONDS = 3600;
/** Credentials this close to expiry are replaced before the next call: no call is signed with a dying session. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

export interface AssumeRoleOptions {
  readonly roleArn: string;
  readonly externalId?: string;
  readonly sessionName: string;
  readonly durationSeconds: number;
  /** Where STS calls go. */
  readonly region: string;
  readonly endpointUrl?: string;
}

/**
 * The session length to ask for: a caller that is itself an assumed role is chaining, which AWS refuses
 * beyond one hour, so the request is lowered to that (long scans keep going by refreshing).
 */
export function sessionSeconds(callerArn: string, requested: number): { seconds: number; chained: boolean } {
  const chained = /^arn:[^:]+:sts::\d{12}:assumed-role\//.test(callerArn);
  return { seconds: chained ? Math.min(requested, CHAINED_ROLE_MAX_SECONDS) : requested, chained };
}

/** Credentials of a role assumed from `base`, shared by every client of the account and renewed before they expire. */
export function assumedRoleCredentials(base: AwsCredentialIdentityProvider, opts: AssumeRoleOptions): AwsCredentialIdentityProvider {
  return refreshing(
    fromTemporaryCredentials({
      masterCredentials: base,
      params: {
        RoleArn: opts.roleArn,
        RoleSessionName: opts.sessionName,
        DurationSeconds: opts.durationSeconds,
        ...(opts.externalId ? { ExternalId: opts.externalId } : {}),
      },
      clientConfig: { region: opts.region, ...(opts.endpointUrl ? { endpoint: opts.endpointUrl } : {}) },
    }),
  );
}

/**
 * One session for all callers: concurrent callers share the call in flight, and a new session is made
 * only when the current one is within `marginMs` of expiring. A failed call is not remembered.
 */
export function refreshing(provider: AwsCredentialIdentityProvider, marginMs = REFRESH_MARGIN_MS, now: () => number = Date.now): AwsCredentialIdentityProvider {
  let current: Promise<AwsCredentialIdentity> | undefined;
  let held: AwsCredentialIdentity | undefined;
  return async () => {
    if (held && !expiring(held, marginMs, now())) return held;
    current ??= provider().then(
      (c) => {
        held = c;
        current = undefined;
        return c;
      },
      (e: unknown) => {
        current = undefined;
        throw e;
      },
    );
    return current;
  };
}

const expiring = (c: AwsCredentialIdentity, marginMs: number, at: number): boolean => c.expiration !== undefined && c.expiration.getTime() - at <= marginMs;
