import { describe, expect, it } from "vitest";
import { unknown } from "../../../src/core/value";
import type { Inventory } from "../../../src/models/inventory";
import type { S3Exposure } from "../../../src/models/exposure";
import { s3BucketPublicAccessBlocked as rule } from "../../../src/rules/network/s3-bucket-public-access-blocked";
import { run, statuses } from "../../helpers/models";
import { bucket, BUCKET_ID, exposures, fullBlock, ref, s3 } from "./network-models";

const PREVIEW = unknown("preview", "computed during the update");
const inv = (e: S3Exposure = s3(), over: Partial<Inventory> = {}): Partial<Inventory> => ({
  stores: [bucket()],
  exposures: exposures({ [BUCKET_ID]: { s3: e } }),
  ...over,
});
const account = fullBlock({ ref: ref("urn:account-pab", "S3 account public access block", "account-pab") });

describe("CDG-NET-004 s3-bucket-public-access-blocked", () => {
  it.each<[string, Partial<Inventory>, string[], Record<string, unknown>?]>([
    ["compliant: bucket-level block with all four on", inv(), ["pass"]],
    ["compliant: account-level block with all four on", inv(s3({ bucketBlock: undefined, accountBlock: account })), ["pass"]],
    ["compliant: settings split between bucket and account blocks", inv(s3({ bucketBlock: fullBlock({ restrictPublicBuckets: false }), accountBlock: fullBlock({ blockPublicAcls: false }) })), ["pass"]],
    ["compliant: no block declared, AWS default accepted by option", inv(s3({ bucketBlock: undefined })), ["pass"], { acceptAwsDefault: true }],
    ["compliant: classified public, not customer data", inv(s3({ bucketBlock: undefined }), { stores: [bucket({ tags: { "data-classification": "public" } })] }), ["not-applicable"]],
    ["violation: no block declared", inv(s3({ bucketBlock: undefined })), ["fail"]],
    ["violation: a scanned bucket without a block", inv(s3({ bucketBlock: undefined, whenNoBucketBlock: "off" })), ["fail"], { acceptAwsDefault: true }],
    ["violation: restrictPublicBuckets=false", inv(s3({ bucketBlock: fullBlock({ restrictPublicBuckets: false }) })), ["fail"]],
    ["violation: blockPublicPolicy not set", inv(s3({ bucketBlock: fullBlock({ blockPublicPolicy: undefined }) })), ["fail"]],
    ["violation: an account block with one switch off does not cover a bucket without one", inv(s3({ bucketBlock: undefined, accountBlock: fullBlock({ ignorePublicAcls: false }) })), ["fail"]],
    ["violation: a known off switch decides over an unknown one", inv(s3({ bucketBlock: fullBlock({ blockPublicAcls: false, ignorePublicAcls: PREVIEW }) })), ["fail"]],
    ["unknown: one switch computed in preview", inv(s3({ bucketBlock: fullBlock({ blockPublicAcls: PREVIEW }) })), ["unknown"]],
    ["unknown: a block names a bucket not known yet", inv(s3({ bucketBlock: PREVIEW })), ["unknown"]],
    ["unknown: the settings are not in the inventory", { stores: [bucket()] }, ["unknown"]],
    ["unknown: the bucket's tags are computed", inv(s3(), { stores: [bucket({ tags: PREVIEW })] }), ["unknown"]],
  ])("%s", (_name, i, expected, options = {}) => {
    expect(statuses(run(rule, i, options))).toEqual(expected);
  });

  it("names the switches that are off", () => {
    const [o] = run(rule, inv(s3({ bucketBlock: fullBlock({ restrictPublicBuckets: false, blockPublicPolicy: undefined }) })));
    expect(o?.message).toBe("S3 bucket 'orders' does not block public access: blockPublicPolicy=not set, restrictPublicBuckets=false");
    const [none] = run(rule, inv(s3({ bucketBlock: undefined })));
    expect(none?.message).toBe("S3 bucket 'orders' does not block public access: no public access block declared for the bucket");
  });

  it("ignores stores that are not buckets", () => {
    expect(run(rule, inv(s3(), { stores: [bucket({ kind: "rds-instance" })] }))).toEqual([]);
  });
});
