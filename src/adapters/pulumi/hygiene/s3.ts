import { isUnknown } from "../../../core/value";
import type { StoreHygiene } from "../../../models/hygiene";
import { TargetIndex } from "../exposure/targets";
import { BUCKET_TYPES, X } from "../exposure/types";
import { Props } from "../props";
import type { PulumiHygieneAdapter } from "./adapter";
import { nativeS3Hygiene } from "./s3-native";
import { inlineS3Hygiene, maybeSetBy, S3_SPLIT, splitKindOf, splitS3Hygiene, type S3HygieneFields, type S3SplitKind } from "./s3-settings";

/** The bucket types whose own properties are read. */
const OWN_TYPES: readonly string[] = [X.bucket, X.bucketV2, X.nativeBucket];

/**
 * S3 buckets' server access logging, lifecycle expiration, versioning, MFA delete and Object Lock:
 * inline on the bucket (v6 `Bucket`/`BucketV2`, v7 `Bucket`, aws-native `Bucket`), overridden by the separate resources
 * (v7 `BucketLogging`... and their v6 `...V2` aliases) joined to their bucket by the `bucket`
 * property's dependency, else by its known name or ARN (the exposure adapter's `TargetIndex`).
 */
export const s3HygieneAdapter: PulumiHygieneAdapter = {
  types: [...OWN_TYPES, ...Object.values(S3_SPLIT).flat()],
  build(resources) {
    const buckets = new Map<string, S3HygieneFields>();
    for (const r of resources) {
      if (OWN_TYPES.includes(r.type)) buckets.set(r.urn, r.type === X.nativeBucket ? nativeS3Hygiene(new Props(r)) : inlineS3Hygiene(new Props(r)));
    }
    if (buckets.size === 0) return {};
    const index = new TargetIndex(resources);
    const setByOwnResource = new Map<S3SplitKind, Set<string>>();
    /** Per kind, the first separate resource whose bucket is not known yet. */
    const unresolved = new Map<S3SplitKind, Partial<S3HygieneFields>>();
    for (const r of resources) {
      const kind = splitKindOf(r.type);
      if (kind === undefined) continue;
      const p = new Props(r);
      const bucket = index.resolve(p, "bucket", BUCKET_TYPES);
      if (isUnknown(bucket)) {
        if (!unresolved.has(kind)) unresolved.set(kind, maybeSetBy(kind, p, bucket));
        continue;
      }
      const own = bucket === undefined ? undefined : buckets.get(bucket);
      if (own === undefined || bucket === undefined) continue; // a bucket outside the stack
      buckets.set(bucket, { ...own, ...splitS3Hygiene(kind, p) });
      setByOwnResource.set(kind, (setByOwnResource.get(kind) ?? new Set()).add(bucket));
    }
    const stores: (readonly [string, StoreHygiene])[] = [];
    for (const [urn, fields] of buckets) {
      let out: StoreHygiene = fields;
      for (const [kind, maybe] of unresolved) if (!setByOwnResource.get(kind)?.has(urn)) out = { ...out, ...maybe };
      stores.push([urn, out]);
    }
    return { stores };
  },
};
