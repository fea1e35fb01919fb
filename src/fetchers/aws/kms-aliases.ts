import type { AliasListEntry } from "@aws-sdk/client-kms";
import type { Fetched } from "./fetched";

/** `alias/aws/<service>` names a service's AWS-managed key. */
export const isAwsAlias = (aliasName: string): boolean => aliasName.startsWith("alias/aws/");

/** Ids of the keys an `alias/aws/...` names: AWS-managed even when DescribeKey does not answer. */
export function awsAliasedKeyIds(aliases: Fetched<readonly AliasListEntry[]>): ReadonlySet<string> {
  if (!aliases.ok) return new Set();
  return new Set(aliases.value.flatMap((a) => (a.AliasName !== undefined && isAwsAlias(a.AliasName) && a.TargetKeyId ? [a.TargetKeyId] : [])));
}
