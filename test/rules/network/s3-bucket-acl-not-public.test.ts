import { describe, expect, it } from "vitest";
import { unknown } from "../../../src/core/value";
import type { BucketAcl, S3Exposure } from "../../../src/models/exposure";
import type { Inventory } from "../../../src/models/inventory";
import { s3BucketAclNotPublic as rule } from "../../../src/rules/network/s3-bucket-acl-not-public";
import { run, statuses } from "../../helpers/models";
import { bucket, BUCKET_ID, exposures, fullBlock, s3 } from "./network-models";

const PREVIEW = unknown("preview", "computed during the update");
const ALL_USERS = "all-users" as const;
const acl = (over: Partial<BucketAcl> = {}): BucketAcl => ({ origin: "S3 bucket ACL 'orders-acl'", canned: "private", grants: [], ...over });
/** A bucket whose block does not ignore public ACLs, so the ACL itself decides. */
const inv = (acls: BucketAcl[], over: Partial<S3Exposure> = {}): Partial<Inventory> => ({
  stores: [bucket()],
  exposures: exposures({ [BUCKET_ID]: { s3: s3({ bucketBlock: fullBlock({ ignorePublicAcls: false }), acls, ...over }) } }),
});

describe("CDG-NET-005 s3-bucket-acl-not-public", () => {
  it.each<[string, Partial<Inventory>, string[]]>([
    ["compliant: no ACL declared", inv([]), ["pass"]],
    ["compliant: canned private", inv([acl()]), ["pass"]],
    ["compliant: log-delivery-write is not public", inv([acl({ canned: "log-delivery-write" })]), ["pass"]],
    ["compliant: a grant to another account", inv([acl({ canned: undefined, grants: [{ grantee: "other", permissions: ["READ"] }] })]), ["pass"]],
    ["compliant: a public ACL that ignorePublicAcls neutralizes", inv([acl({ canned: "public-read" })], { bucketBlock: fullBlock() }), ["pass"]],
    ["compliant: classified public, not customer data", { ...inv([acl({ canned: "public-read" })]), stores: [bucket({ tags: { "data-classification": "public" } })] }, ["not-applicable"]],
    ["violation: canned public-read (v6 inline acl)", inv([acl({ origin: "the ACL of S3 bucket 'orders'", canned: "public-read" })]), ["fail"]],
    ["violation: canned public-read-write", inv([acl({ canned: "public-read-write" })]), ["fail"]],
    ["violation: canned authenticated-read", inv([acl({ canned: "authenticated-read" })]), ["fail"]],
    ["violation: a grant to AllUsers (BucketAcl accessControlPolicy)", inv([acl({ canned: undefined, grants: [{ grantee: ALL_USERS, permissions: ["READ"] }] })]), ["fail"]],
    ["violation: a grant to AuthenticatedUsers", inv([acl({ canned: undefined, grants: [{ grantee: "authenticated-users", permissions: ["WRITE"] }] })]), ["fail"]],
    ["violation: no block at all", inv([acl({ canned: "public-read" })], { bucketBlock: undefined }), ["fail"]],
    ["unknown: the canned ACL is computed", inv([acl({ canned: PREVIEW })]), ["unknown"]],
    ["unknown: a grantee is computed", inv([acl({ canned: undefined, grants: [{ grantee: PREVIEW, permissions: ["READ"] }] })]), ["unknown"]],
    ["unknown: a public ACL that may be another bucket's", inv([acl({ canned: "public-read", maybeOtherBucket: PREVIEW })]), ["unknown"]],
    ["unknown: whether public ACLs are ignored", inv([acl({ canned: "public-read" })], { bucketBlock: fullBlock({ ignorePublicAcls: PREVIEW }) }), ["unknown"]],
  ])("%s", (_name, i, expected) => {
    expect(statuses(run(rule, i))).toEqual(expected);
  });

  it("names the ACL and what it grants", () => {
    const [o] = run(rule, inv([acl({ canned: undefined, grants: [{ grantee: ALL_USERS, permissions: ["READ", "READ_ACP"] }] })]));
    expect(o?.message).toBe("S3 bucket 'orders' is public through its ACL: S3 bucket ACL 'orders-acl': a grant of READ+READ_ACP to AllUsers");
  });

  it("a private ACL that may be another bucket's changes nothing", () => {
    expect(statuses(run(rule, inv([acl({ maybeOtherBucket: PREVIEW })])))).toEqual(["pass"]);
  });
});
