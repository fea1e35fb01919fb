import { describe, expect, it } from "vitest";
import { unknown } from "../../../src/core/value";
import type { ResourcePolicy } from "../../../src/models/exposure";
import type { Inventory } from "../../../src/models/inventory";
import { s3BucketPolicyNotPublic as rule } from "../../../src/rules/network/s3-bucket-policy-not-public";
import { run, statuses } from "../../helpers/models";
import { bucket, BUCKET_ID, doc, exposures, fullBlock, policy, PUBLIC_READ, s3, TLS_STATEMENT } from "./network-models";

const PREVIEW = unknown("preview", "computed during the update");
/** A bucket whose block does not restrict public policies, so the policy itself decides. */
const inv = (policies: ResourcePolicy[], restrict: unknown = false): Partial<Inventory> => ({
  stores: [bucket()],
  exposures: exposures({ [BUCKET_ID]: { s3: s3({ bucketBlock: fullBlock({ restrictPublicBuckets: restrict as boolean }) }) } }),
  resourcePolicies: policies,
});
const scoped = (key: string, value = "x") => ({ ...PUBLIC_READ, Condition: { StringEquals: { [key]: value } } });

describe("CDG-NET-006 s3-bucket-policy-not-public", () => {
  it.each<[string, Partial<Inventory>, string[]]>([
    ["compliant: no policy", inv([]), ["pass"]],
    ["compliant: a TLS-only deny", inv([policy(doc(TLS_STATEMENT))]), ["pass"]],
    ["compliant: a named account", inv([policy(doc({ ...PUBLIC_READ, Principal: { AWS: "arn:aws:iam::111122223333:role/reader" } }))]), ["pass"]],
    ["compliant: everyone, scoped by aws:SourceVpce", inv([policy(doc(scoped("aws:SourceVpce", "vpce-1")))]), ["pass"]],
    ["compliant: everyone, scoped by aws:PrincipalOrgID", inv([policy(doc(scoped("aws:PrincipalOrgID", "o-abc")))]), ["pass"]],
    ["compliant: everyone, scoped by aws:SourceAccount", inv([policy(doc(scoped("aws:SourceAccount", "111122223333")))]), ["pass"]],
    ["compliant: a public policy restrictPublicBuckets neutralizes", inv([policy(doc(PUBLIC_READ))], true), ["pass"]],
    ["compliant: classified internal, not customer data", { ...inv([policy(doc(PUBLIC_READ))]), stores: [bucket({ tags: { "data-classification": "internal" } })] }, ["not-applicable"]],
    ["violation: Principal \"*\" (BucketPolicy resource)", inv([policy(doc(PUBLIC_READ))]), ["fail"]],
    ["violation: {\"AWS\": \"*\"} (inline policy)", inv([policy(doc({ ...PUBLIC_READ, Principal: { AWS: "*" } }), { origin: "the policy of S3 bucket 'orders'" })]), ["fail"]],
    ["violation: a condition that scopes nothing (StringLike \"*\")", inv([policy(doc({ ...PUBLIC_READ, Condition: { StringLike: { "aws:SourceVpce": "*" } } }))]), ["fail"]],
    ["violation: a condition on a key that scopes nothing", inv([policy(doc(scoped("aws:UserAgent", "curl")))]), ["fail"]],
    ["violation: NotPrincipal allow", inv([policy(doc({ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::orders-bucket/*" }))]), ["fail"]],
    ["violation: policy joined by bucket name", inv([policy(doc(PUBLIC_READ), { target: "orders-bucket" })]), ["fail"]],
    ["unknown: the document is computed in preview", inv([policy(PREVIEW)]), ["unknown"]],
    ["unknown: the principal is computed", inv([policy(doc({ ...PUBLIC_READ, Principal: { AWS: PREVIEW } }))]), ["unknown"]],
    ["unknown: a policy naming a bucket not known yet may be public", inv([policy(doc(PUBLIC_READ), { target: PREVIEW })]), ["unknown"]],
    ["unknown: malformed document", inv([policy("{not json")]), ["unknown"]],
    ["unknown: whether restrictPublicBuckets neutralizes", inv([policy(doc(PUBLIC_READ))], PREVIEW), ["unknown"]],
  ])("%s", (_name, i, expected) => {
    expect(statuses(run(rule, i))).toEqual(expected);
  });

  it("judges a policy for a bucket outside the stack on its own, as untagged", () => {
    const outcomes = run(rule, { ...inv([]), resourcePolicies: [policy(doc(PUBLIC_READ), { target: "someone-elses-bucket" })] });
    expect(statuses(outcomes)).toEqual(["pass", "fail"]);
    expect(outcomes[1]?.message).toContain("S3 bucket policy 'orders-policy' (for a bucket outside the stack) grants access to everyone");
  });

  it("names the policy and the statement", () => {
    const [o] = run(rule, inv([policy(doc(PUBLIC_READ))]));
    expect(o?.message).toBe(
      "S3 bucket 'orders' is public through its policy: S3 bucket policy 'orders-policy': Statement[0] allows everyone without a condition that scopes it",
    );
  });
});
