import type { Identity } from "../../fetchers/aws/account";
import { assumedRoleCredentials, sessionSeconds } from "../../fetchers/aws/assume-role";
import type { AwsAccess } from "../../fetchers/aws/context";
import { callFailure } from "../../fetchers/aws/failure";
import type { CallFailure } from "../../fetchers/aws/fetched";
import type { OrgTargeting } from "./targets";

export type AccountAccess = { readonly ok: true; readonly access: AwsAccess } | { readonly ok: false; readonly failure: CallFailure };

/**
 * How the scan reaches `account`: the caller's own credentials for its own account, otherwise a session
 * of the org role, made once now so that an account whose role cannot be assumed is known before any
 * call (and reported as not assessed) while the others go on.
 */
export async function accountAccess(account: string, caller: Identity, base: AwsAccess, org: OrgTargeting | undefined, homeRegion: string): Promise<AccountAccess> {
  if (!org || account === caller.account) return { ok: true, access: base };
  const roleArn = `arn:${caller.partition}:iam::${account}:role/${org.roleName}`;
  const credentials = assumedRoleCredentials(base.credentials, {
    roleArn,
    sessionName: org.sessionName,
    durationSeconds: sessionSeconds(caller.arn, org.sessionSeconds).seconds,
    region: homeRegion,
    ...(org.externalId ? { externalId: org.externalId } : {}),
    ...(base.endpointUrl ? { endpointUrl: base.endpointUrl } : {}),
  });
  try {
    await credentials();
  } catch (e) {
    const failure = callFailure(e, "sts", "sts:AssumeRole", homeRegion);
    return { ok: false, failure: { ...failure, detail: `${roleArn}: ${failure.detail}` } };
  }
  return { ok: true, access: { ...base, credentials } };
}
