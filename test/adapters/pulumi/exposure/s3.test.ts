import { describe, expect, it } from "vitest";
import { buildExposures } from "../../../../src/adapters/pulumi/exposure";
import { isUnknown } from "../../../../src/core/value";
import type { BucketAcl, PublicAccessBlock, S3Exposure } from "../../../../src/models/exposure";
import { engineResource, UNKNOWN, urnOf } from "../../../helpers/engine";

const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const PAB = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const bucketUrn = urnOf(BUCKET, "orders");
const ALL_ON = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };

type Res = ReturnType<typeof engineResource>;
const s3Of = (resources: Res[], urn = bucketUrn): S3Exposure => {
  const s3 = buildExposures(resources).exposures.get(urn)?.s3;
  if (!s3) throw new Error("no S3 exposure");
  return s3;
};
const switches = (b: S3Exposure["bucketBlock"]) => {
  if (b === undefined || isUnknown(b)) return isUnknown(b) ? `unknown:${b.reason}` : b;
  const { ref: _ref, ...rest } = b as PublicAccessBlock;
  return rest;
};
const acls = (s3: S3Exposure) =>
  s3.acls.map((a: BucketAcl) => ({
    origin: a.origin,
    canned: isUnknown(a.canned) ? `unknown:${a.canned.reason}` : a.canned,
    grants: isUnknown(a.grants) ? `unknown:${a.grants.reason}` : a.grants.map((g) => (isUnknown(g.grantee) ? `unknown` : g.grantee)),
    ...(a.maybeOtherBucket ? { maybeOtherBucket: true } : {}),
  }));

describe("S3 public access blocks", () => {
  it.each<[string, Res[], unknown]>([
    ["none declared", [engineResource(BUCKET, "orders", {})], undefined],
    ["v7 split block joined by dependency in preview", [engineResource(BUCKET, "orders", {}), engineResource(PAB, "orders-pab", { bucket: UNKNOWN, ...ALL_ON }, { bucket: [bucketUrn] })], ALL_ON],
    [
      "v6 block joined by the bucket's known name",
      [engineResource(BUCKET, "orders", { bucket: "orders-bucket" }), engineResource(PAB, "orders-pab", { bucket: "orders-bucket", blockPublicAcls: true })],
      { blockPublicAcls: true, ignorePublicAcls: undefined, blockPublicPolicy: undefined, restrictPublicBuckets: undefined },
    ],
    ["a block of another bucket", [engineResource(BUCKET, "orders", { bucket: "orders-bucket" }), engineResource(PAB, "other-pab", { bucket: "other-bucket", ...ALL_ON })], undefined],
    ["a block naming a bucket not known yet", [engineResource(BUCKET, "orders", {}), engineResource(PAB, "pab", { bucket: UNKNOWN }, { bucket: [urnOf("random:index/randomPet:RandomPet", "p")] })], "unknown:preview"],
    ["a switch computed in preview", [engineResource(BUCKET, "orders", {}), engineResource(PAB, "pab", { bucket: UNKNOWN, ...ALL_ON, restrictPublicBuckets: UNKNOWN }, { bucket: [bucketUrn], restrictPublicBuckets: [urnOf("x:y/z:Z", "cfg")] })], "restrict-unknown"],
    [
      "aws-native inline publicAccessBlockConfiguration",
      [engineResource("aws-native:s3:Bucket", "orders", { publicAccessBlockConfiguration: ALL_ON })],
      ALL_ON,
    ],
  ])("%s", (_name, resources, expected) => {
    const urn = resources[0]?.urn as string;
    const block = s3Of(resources, urn).bucketBlock;
    if (expected === "restrict-unknown") {
      expect(isUnknown((block as PublicAccessBlock).restrictPublicBuckets)).toBe(true);
      return;
    }
    expect(switches(block)).toEqual(expected);
  });

  it("applies the stack's account-level block to every bucket", () => {
    const resources = [
      engineResource(BUCKET, "orders", {}),
      engineResource(BUCKET_V2, "exports", {}),
      engineResource("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", "account", ALL_ON),
    ];
    const e = buildExposures(resources).exposures;
    for (const urn of [bucketUrn, urnOf(BUCKET_V2, "exports")]) {
      const account = e.get(urn)?.s3?.accountBlock;
      expect(account && !isUnknown(account) ? account.ref.name : undefined).toBe("account");
    }
    expect(e.get(bucketUrn)?.s3?.whenNoBucketBlock).toBe("aws-default");
  });
});

describe("S3 ACLs", () => {
  it.each<[string, Res[], unknown]>([
    ["no ACL", [engineResource(BUCKET, "orders", {})], []],
    ["v6 inline canned ACL", [engineResource(BUCKET, "orders", { acl: "public-read" })], [{ origin: "the ACL of S3 bucket 'orders'", canned: "public-read", grants: [] }]],
    [
      "v6 inline grants (BucketV2) to AllUsers and an account",
      [
        engineResource(BUCKET, "orders", {
          grants: [
            { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers", permissions: ["READ"] },
            { type: "CanonicalUser", id: "abc", permissions: ["FULL_CONTROL"] },
          ],
        }),
      ],
      [{ origin: "the ACL of S3 bucket 'orders'", canned: undefined, grants: ["all-users", "other"] }],
    ],
    [
      "v7 BucketAcl with accessControlPolicy grants",
      [
        engineResource(BUCKET, "orders", {}),
        engineResource(
          "aws:s3/bucketAcl:BucketAcl",
          "orders-acl",
          {
            bucket: UNKNOWN,
            accessControlPolicy: {
              grants: [{ grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AuthenticatedUsers" }, permission: "READ" }],
              owner: { id: "owner" },
            },
          },
          { bucket: [bucketUrn] },
        ),
      ],
      [{ origin: "S3 bucket ACL 'orders-acl'", canned: undefined, grants: ["authenticated-users"] }],
    ],
    [
      "v6 BucketAclV2 by name with a canned ACL",
      [engineResource(BUCKET_V2, "orders", { bucket: "orders-bucket" }), engineResource("aws:s3/bucketAclV2:BucketAclV2", "orders-acl", { bucket: "orders-bucket", acl: "public-read-write" })],
      [{ origin: "S3 bucket ACL 'orders-acl'", canned: "public-read-write", grants: [] }],
    ],
    [
      "an ACL naming a bucket not known yet",
      [engineResource(BUCKET, "orders", {}), engineResource("aws:s3/bucketAcl:BucketAcl", "acl", { bucket: UNKNOWN, acl: "public-read" }, { bucket: [urnOf("x:y/z:Z", "n")] })],
      [{ origin: "S3 bucket ACL 'acl'", canned: "public-read", grants: [], maybeOtherBucket: true }],
    ],
    ["a computed canned ACL", [engineResource(BUCKET, "orders", { acl: UNKNOWN }, { acl: [urnOf("x:y/z:Z", "cfg")] })], [{ origin: "the ACL of S3 bucket 'orders'", canned: "unknown:preview", grants: [] }]],
    ["aws-native accessControl in PascalCase", [engineResource("aws-native:s3:Bucket", "orders", { accessControl: "PublicRead" })], [{ origin: "the ACL of S3 bucket 'orders'", canned: "public-read", grants: [] }]],
    ["an unrecognized canned ACL is never echoed", [engineResource(BUCKET, "orders", { acl: "s3cr3t-value" })], [{ origin: "the ACL of S3 bucket 'orders'", canned: "unrecognized", grants: [] }]],
  ])("%s", (_name, resources, expected) => {
    expect(acls(s3Of(resources, resources[0]?.urn))).toEqual(expected);
  });

  it("in planned state, an ACL the program left unset and the provider computes is not set", () => {
    const r = { ...engineResource(BUCKET_V2, "orders", { acl: UNKNOWN, grants: UNKNOWN }), plannedState: true };
    expect(acls(s3Of([r], r.urn))).toEqual([]);
  });
});
