import { GetBucketLocationCommand, paginateListBuckets, S3Client, type Bucket } from "@aws-sdk/client-s3";
import type { FetchContext } from "./context";
import type { CallFailure, Fetched } from "./fetched";

export const LIST_ACTION = "s3:ListAllMyBuckets";
export const LOCATION_ACTION = "s3:GetBucketLocation";

/** A bucket whose region could not be read: the scan cannot tell whether it belongs to this region. */
export interface UnlocatedBucket {
  readonly name: string;
  readonly failure: CallFailure;
}

export interface BucketsInRegion {
  readonly names: readonly string[];
  readonly unlocated: readonly UnlocatedBucket[];
}

/**
 * The account's buckets in `ctx.region`. ListBuckets is asked for that region only and says each
 * bucket's region; where an endpoint ignores the filter and does not say (emulators, older
 * S3-compatible services), GetBucketLocation tells.
 */
export async function bucketsInRegion(ctx: FetchContext): Promise<Fetched<BucketsInRegion>> {
  const client = ctx.client(S3Client, "s3");
  const listed = await ctx.listAll(
    LIST_ACTION,
    () => paginateListBuckets({ client, pageSize: 1000 }, { BucketRegion: ctx.region }),
    (page) => page.Buckets,
  );
  if (!listed.ok) return listed;
  const located = await Promise.all(listed.value.map((b) => regionOf(ctx, client, b)));
  const names: string[] = [];
  const unlocated: UnlocatedBucket[] = [];
  for (const l of located) {
    if (l === undefined) continue;
    if (l.region.ok) {
      if (l.region.value === ctx.region) names.push(l.name);
    } else unlocated.push({ name: l.name, failure: l.region.failure });
  }
  return { ok: true, value: { names, unlocated } };
}

async function regionOf(ctx: FetchContext, client: S3Client, bucket: Bucket): Promise<{ name: string; region: Fetched<string> } | undefined> {
  const name = bucket.Name;
  if (name === undefined) return undefined;
  if (bucket.BucketRegion) return { name, region: { ok: true, value: bucket.BucketRegion } };
  const region = await ctx.attempt(LOCATION_ACTION, async () => {
    const out = await client.send(new GetBucketLocationCommand({ Bucket: name }));
    return regionOfLocation(out.LocationConstraint);
  });
  return { name, region };
}

/** GetBucketLocation names us-east-1 by nothing and eu-west-1 by its legacy name `EU`. */
export function regionOfLocation(constraint: string | undefined): string {
  if (constraint === undefined || constraint === "") return "us-east-1";
  return constraint === "EU" ? "eu-west-1" : constraint;
}
