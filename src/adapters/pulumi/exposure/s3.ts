import { isUnknown, unknown, type Unknown, type Val } from "../../../core/value";
import {
  PUBLIC_ACCESS_BLOCK_SETTINGS,
  type BucketAcl,
  type PublicAccessBlock,
  type S3Exposure,
  type StoreExposure,
} from "../../../models/exposure";
import type { Props } from "../props";
import { refOf } from "../store-adapter";
import type { Groups } from "./groups";
import { aclResource, inlineAcl } from "./s3-acl";
import type { TargetIndex } from "./targets";
import { BUCKET_TYPES, X } from "./types";

const BUCKET_LABEL = "S3 bucket";

/** The four switches read under `base` ("" for a block resource's own properties). */
function blockAt(p: Props, base: string, label: string): PublicAccessBlock {
  const at = (s: string): string => (base ? `${base}.${s}` : s);
  const block = { ref: refOf(p, label) } as { -readonly [K in keyof PublicAccessBlock]: PublicAccessBlock[K] };
  for (const s of PUBLIC_ACCESS_BLOCK_SETTINGS) block[s] = p.bool(at(s));
  return block;
}

/** aws-native buckets carry their block inline. */
function nativeBlock(p: Props): Val<PublicAccessBlock | undefined> {
  const config = p.obj("publicAccessBlockConfiguration");
  if (isUnknown(config) || config === undefined) return config;
  return blockAt(p, p.itemPath("publicAccessBlockConfiguration", 0), BUCKET_LABEL);
}

interface Pending {
  readonly blocks: Map<string, PublicAccessBlock>;
  /** A block resource whose bucket is not known yet. */
  blockOfUnknownBucket?: Unknown;
  readonly acls: Map<string, BucketAcl[]>;
  readonly aclsOfUnknownBuckets: BucketAcl[];
}

function collectSeparate(groups: Groups, index: TargetIndex): Pending {
  const pending: Pending = { blocks: new Map(), acls: new Map(), aclsOfUnknownBuckets: [] };
  for (const p of groups.of(X.bucketPublicAccessBlock)) {
    const bucket = index.resolve(p, "bucket", BUCKET_TYPES);
    if (isUnknown(bucket)) pending.blockOfUnknownBucket ??= unknown(bucket.reason, `public access block ${p.resource.name} names a bucket not known yet: ${bucket.detail}`);
    else if (bucket !== undefined) pending.blocks.set(bucket, blockAt(p, "", "S3 public access block"));
  }
  for (const p of groups.of(X.bucketAcl, X.bucketAclV2)) {
    const bucket = index.resolve(p, "bucket", BUCKET_TYPES);
    const acl = aclResource(p);
    if (isUnknown(bucket)) {
      pending.aclsOfUnknownBuckets.push({ ...acl, maybeOtherBucket: unknown(bucket.reason, `${acl.origin} names a bucket not known yet: ${bucket.detail}`) });
    } else if (bucket !== undefined) pending.acls.set(bucket, [...(pending.acls.get(bucket) ?? []), acl]);
  }
  return pending;
}

function accountBlockOf(groups: Groups): PublicAccessBlock | undefined {
  const p = groups.of(X.accountPublicAccessBlock)[0];
  return p ? blockAt(p, "", "S3 account public access block") : undefined;
}

/**
 * The public-access settings of every bucket: its own block (aws-native inline, or a
 * `BucketPublicAccessBlock`), the stack's `AccountPublicAccessBlock`, and its ACLs (inline `acl`
 * and `grants`, `BucketAcl`/`BucketAclV2`), joined by dependency, else by known name or ARN.
 */
export function addS3Exposures(out: Map<string, StoreExposure>, groups: Groups, index: TargetIndex): void {
  const pending = collectSeparate(groups, index);
  const accountBlock = accountBlockOf(groups);
  for (const p of groups.of(...BUCKET_TYPES)) {
    const urn = p.resource.urn;
    const native = p.resource.type === X.nativeBucket;
    const own = native ? nativeBlock(p) : undefined;
    const separate = pending.blocks.get(urn);
    const bucketBlock = separate ?? own ?? pending.blockOfUnknownBucket;
    const inline = inlineAcl(p, native, BUCKET_LABEL);
    const s3: S3Exposure = {
      bucketBlock,
      whenNoBucketBlock: "aws-default",
      ...(accountBlock ? { accountBlock } : {}),
      acls: [...(inline ? [inline] : []), ...(pending.acls.get(urn) ?? []), ...pending.aclsOfUnknownBuckets],
    };
    out.set(urn, { ...out.get(urn), s3 });
  }
}
