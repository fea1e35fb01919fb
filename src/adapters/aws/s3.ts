import type { S3Answers, S3BucketAnswers } from "../../fetchers/aws/s3";
import type { DataStore } from "../../models/data-store";
import type { StoreHygiene } from "../../models/hygiene";
import type { ResourcePolicy, StoreExposure } from "../../models/exposure";
import type { ResourceRef } from "../../models/ref";
import { storeLabel } from "../../models/store-kind-facts";
import type { AdaptContext } from "./context";
import type { CoverageGap, InventoryContribution } from "./contribution";
import { gapOf, readFetched, tagsOfList, unknownOf } from "./fetched";
import { awsRef } from "./refs";
import { bucketEncryption } from "./s3-encryption";
import { bucketHygiene } from "./s3-hygiene";
import { accountBlockOf, bucketExposure } from "./s3-exposure";

export const BUCKET_TYPE = "AWS::S3::Bucket";
/** CloudFormation has no type for it; named in the same style. */
export const ACCOUNT_BLOCK_TYPE = "AWS::S3::AccountPublicAccessBlock";

/** The buckets of one region as stores, their public-access settings, their policies and their hygiene settings. */
export function adaptS3(raw: S3Answers, ctx: AdaptContext): InventoryContribution {
  const gaps: CoverageGap[] = raw.unlocated.map((u) => gapOf(u.failure, `the region of S3 bucket '${u.name}'`));
  if (!raw.buckets.ok) return { gaps: [gapOf(raw.buckets.failure, "S3 buckets"), ...gaps] };
  const accountBlock = raw.accountBlock === undefined ? undefined : accountBlockOf(raw.accountBlock, accountBlockRef(ctx, raw.region));
  const stores: DataStore[] = [];
  const exposures: (readonly [string, StoreExposure])[] = [];
  const resourcePolicies: ResourcePolicy[] = [];
  const hygiene: (readonly [string, StoreHygiene])[] = [];
  for (const bucket of raw.buckets.value) {
    const ref = bucketRef(ctx, bucket);
    stores.push(bucketStore(bucket, ref, ctx));
    exposures.push([ref.id, { s3: bucketExposure(bucket, ref, accountBlock) }]);
    const policy = bucketPolicy(bucket, ref, ctx);
    if (policy !== undefined) resourcePolicies.push(policy);
    hygiene.push([ref.id, bucketHygiene(bucket)]);
  }
  return { stores, exposures, resourcePolicies, hygiene: { stores: hygiene }, ...(gaps.length > 0 ? { gaps } : {}) };
}

function bucketRef(ctx: AdaptContext, bucket: S3BucketAnswers): ResourceRef {
  const arn = `arn:${ctx.partition}:s3:::${bucket.name}`;
  return awsRef(arn, BUCKET_TYPE, bucket.name, storeLabel("s3-bucket"), ctx.account, bucket.region);
}

/** The account's block has no ARN of its own: it is named after the account, in S3's ARN style. */
function accountBlockRef(ctx: AdaptContext, region: string): ResourceRef {
  const id = `arn:${ctx.partition}:s3::${ctx.account}:account-public-access-block`;
  return awsRef(id, ACCOUNT_BLOCK_TYPE, ctx.account, "S3 account public access block", ctx.account, region);
}

function bucketStore(bucket: S3BucketAnswers, ref: ResourceRef, ctx: AdaptContext): DataStore {
  return {
    model: "data-store",
    ref,
    kind: "s3-bucket",
    physicalName: bucket.name,
    tags: readFetched(bucket.tagSet, (list) => (list === undefined ? undefined : tagsOfList(list))),
    encryption: readFetched(bucket.encryption, (config) => bucketEncryption(config, bucket.region, ctx)),
    parts: [],
  };
}

/** The bucket's own policy; a policy that could not be read is there with an Unknown document. */
function bucketPolicy(bucket: S3BucketAnswers, ref: ResourceRef, ctx: AdaptContext): ResourcePolicy | undefined {
  const answer = bucket.policy;
  if (answer.ok && (answer.value === undefined || answer.value === "")) return undefined;
  return {
    ref,
    target: ref.id,
    service: "s3",
    document: answer.ok ? answer.value : unknownOf(answer.failure),
    origin: `the policy of ${ref.label} '${ref.name}'`,
    accountId: ctx.account,
  };
}
