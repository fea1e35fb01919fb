import type { Grant, Owner, PublicAccessBlockConfiguration } from "@aws-sdk/client-s3";
import type { PublicAccessBlockConfiguration as AccountBlockConfiguration } from "@aws-sdk/client-s3-control";
import type { Val } from "../../core/value";
import type { Fetched } from "../../fetchers/aws/fetched";
import type { S3BucketAnswers } from "../../fetchers/aws/s3";
import { aclsDisabled } from "../../fetchers/aws/s3-ownership";
import type { AclGrant, AclGrantee, BucketAcl, PublicAccessBlock, S3Exposure } from "../../models/exposure";
import type { ResourceRef } from "../../models/ref";
import { readFetched, unknownOf } from "./fetched";

/** A bucket's block (S3) or the account's (S3 Control): the same four fields. */
type BlockConfiguration = PublicAccessBlockConfiguration | AccountBlockConfiguration;

/** The four switches of one block; a switch S3 does not list is unset, which S3 reads as off. */
export function blockOf(ref: ResourceRef, c: BlockConfiguration): PublicAccessBlock {
  return {
    ref,
    blockPublicAcls: c.BlockPublicAcls,
    ignorePublicAcls: c.IgnorePublicAcls,
    blockPublicPolicy: c.BlockPublicPolicy,
    restrictPublicBuckets: c.RestrictPublicBuckets,
  };
}

/**
 * A scanned bucket's public-access settings. Without a block of its own every switch is off
 * (`whenNoBucketBlock: "off"`): nothing in the account turns them on for it.
 */
export function bucketExposure(
  bucket: S3BucketAnswers,
  ref: ResourceRef,
  accountBlock: Val<PublicAccessBlock | undefined>,
): S3Exposure {
  return {
    bucketBlock: readFetched(bucket.publicAccessBlock, (c) => (c === undefined ? undefined : blockOf(ref, c))),
    whenNoBucketBlock: "off",
    ...(accountBlock === undefined ? {} : { accountBlock }),
    acls: aclsOf(bucket, ref),
  };
}

const ALL_USERS = /\/global\/AllUsers$/;
const AUTHENTICATED_USERS = /\/global\/AuthenticatedUsers$/;

/**
 * The bucket's ACL as grants beyond the owner's own full control, which every bucket has. No ACL
 * when ACLs are disabled (`BucketOwnerEnforced`) or grant nobody else. The API gives grants, never
 * the canned ACL they came from, so `canned` stays unset.
 */
function aclsOf(bucket: S3BucketAnswers, ref: ResourceRef): BucketAcl[] {
  const origin = `the ACL of ${ref.label} '${ref.name}'`;
  if (bucket.ownershipControls.ok && aclsDisabled(bucket.ownershipControls.value)) return [];
  const acl = bucket.acl;
  if (acl === undefined) return [];
  if (!acl.ok) return [{ origin, canned: undefined, grants: unknownOf(acl.failure) }];
  const grants = grantsBeyondOwner(acl.value?.Grants ?? [], acl.value?.Owner);
  return grants.length === 0 ? [] : [{ origin, canned: undefined, grants }];
}

/** One grant per grantee, with every permission S3 lists for it. */
function grantsBeyondOwner(grants: readonly Grant[], owner: Owner | undefined): AclGrant[] {
  const byGrantee = new Map<string, { grantee: AclGrantee; permissions: string[] }>();
  for (const g of grants) {
    const who = g.Grantee;
    if (who === undefined) continue;
    if (who.Type === "CanonicalUser" && owner?.ID !== undefined && who.ID === owner.ID) continue;
    const key = `${who.Type ?? ""}|${who.URI ?? who.ID ?? who.EmailAddress ?? ""}`;
    let entry = byGrantee.get(key);
    if (entry === undefined) byGrantee.set(key, (entry = { grantee: granteeOf(who.URI), permissions: [] }));
    if (g.Permission !== undefined && !entry.permissions.includes(g.Permission)) entry.permissions.push(g.Permission);
  }
  return [...byGrantee.values()];
}

function granteeOf(uri: string | undefined): AclGrantee {
  if (uri !== undefined && ALL_USERS.test(uri)) return "all-users";
  if (uri !== undefined && AUTHENTICATED_USERS.test(uri)) return "authenticated-users";
  return "other";
}

/** The account's block as every bucket of the account sees it; undefined when it has none. */
export function accountBlockOf(answer: Fetched<BlockConfiguration | undefined>, ref: ResourceRef): Val<PublicAccessBlock | undefined> {
  return readFetched(answer, (c) => (c === undefined ? undefined : blockOf(ref, c)));
}
