import { describe, expect, it } from "vitest";
import { unknown } from "../../../src/core/value";
import type { ResourcePolicy } from "../../../src/models/exposure";
import type { Inventory } from "../../../src/models/inventory";
import { s3BucketRequiresTls as rule } from "../../../src/rules/network/s3-bucket-requires-tls";
import { run, statuses } from "../../helpers/models";
import { bucket, BUCKET_ID, doc, exposures, policy, PUBLIC_READ, s3, TLS_STATEMENT } from "./network-models";

const PREVIEW = unknown("preview", "computed during the update");
const inv = (policies: ResourcePolicy[]): Partial<Inventory> => ({
  stores: [bucket()],
  exposures: exposures({ [BUCKET_ID]: { s3: s3() } }),
  resourcePolicies: policies,
});
const tls = (over: Record<string, unknown>) => policy(doc({ ...TLS_STATEMENT, ...over }));

describe("CDG-NET-007 s3-bucket-requires-tls", () => {
  it.each<[string, Partial<Inventory>, string[]]>([
    ["compliant: Deny s3:* to * when aws:SecureTransport is false", inv([tls({})]), ["pass"]],
    ["compliant: {\"AWS\": \"*\"} and Resource \"*\"", inv([tls({ Principal: { AWS: "*" }, Resource: "*" })]), ["pass"]],
    ["compliant: NumericLessThan s3:TlsVersion", inv([tls({ Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } } })]), ["pass"]],
    ["compliant: BoolIfExists", inv([tls({ Condition: { BoolIfExists: { "aws:SecureTransport": "false" } } })]), ["pass"]],
    ["compliant: the deny among other statements of an inline policy", inv([policy(doc(PUBLIC_READ, TLS_STATEMENT), { origin: "the policy of S3 bucket 'orders'" })]), ["pass"]],
    ["compliant: classified public, not customer data", { ...inv([]), stores: [bucket({ tags: { "data-classification": "public" } })] }, ["not-applicable"]],
    ["violation: no bucket policy", inv([]), ["fail"]],
    ["violation: a policy without the deny", inv([policy(doc(PUBLIC_READ))]), ["fail"]],
    ["violation: Allow instead of Deny", inv([tls({ Effect: "Allow" })]), ["fail"]],
    ["violation: only s3:GetObject denied", inv([tls({ Action: "s3:GetObject" })]), ["fail"]],
    ["violation: only one principal denied", inv([tls({ Principal: { AWS: "arn:aws:iam::111122223333:root" } })]), ["fail"]],
    ["violation: the bucket itself but not its objects", inv([tls({ Resource: "arn:aws:s3:::orders-bucket" })]), ["fail"]],
    ["violation: another bucket's objects", inv([tls({ Resource: "arn:aws:s3:::other-bucket/*" })]), ["fail"]],
    ["violation: aws:SecureTransport true (denies TLS instead)", inv([tls({ Condition: { Bool: { "aws:SecureTransport": "true" } } })]), ["fail"]],
    ["unknown: the document is computed in preview", inv([policy(PREVIEW)]), ["unknown"]],
    ["unknown: the resource is computed", inv([tls({ Resource: [PREVIEW] })]), ["unknown"]],
    ["unknown: the condition value is computed", inv([tls({ Condition: { Bool: { "aws:SecureTransport": PREVIEW } } })]), ["unknown"]],
    ["unknown: a policy naming a bucket not known yet", inv([policy(doc(TLS_STATEMENT), { target: PREVIEW })]), ["unknown"]],
  ])("%s", (_name, i, expected) => {
    expect(statuses(run(rule, i))).toEqual(expected);
  });

  it("accepts any bucket's objects when the bucket name is not known", () => {
    const i = { ...inv([tls({ Resource: "arn:aws:s3:::*/*" })]), stores: [bucket({ physicalName: undefined })] };
    expect(statuses(run(rule, i))).toEqual(["pass"]);
  });

  it("says what is missing", () => {
    const [o] = run(rule, inv([]));
    expect(o?.message).toBe("S3 bucket 'orders' accepts requests without TLS: it has no bucket policy");
    const [p] = run(rule, inv([tls({})]));
    expect(p?.message).toBe("S3 bucket 'orders' refuses requests without TLS: S3 bucket policy 'orders-policy' (Statement[0])");
  });
});
