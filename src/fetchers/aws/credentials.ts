import { fromIni, fromNodeProviderChain, fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { AwsCredentialIdentityProvider } from "@smithy/types";

export interface CredentialOptions {
  readonly profile?: string;
  readonly roleArn?: string;
  readonly externalId?: string;
  readonly region: string;
  readonly endpointUrl?: string;
}

/**
 * The SDK's default chain (or a named profile), then the role to assume when one is given. The
 * providers refresh temporary credentials before they expire, so long scans keep working.
 */
export function scanCredentials(opts: CredentialOptions): AwsCredentialIdentityProvider {
  const base = opts.profile ? fromIni({ profile: opts.profile }) : fromNodeProviderChain();
  if (!opts.roleArn) return base;
  return fromTemporaryCredentials({
    masterCredentials: base,
    params: {
      RoleArn: opts.roleArn,
      RoleSessionName: "cdguard-scan",
      ...(opts.externalId ? { ExternalId: opts.externalId } : {}),
    },
    clientConfig: { region: opts.region, ...(opts.endpointUrl ? { endpoint: opts.endpointUrl } : {}) },
  });
}
