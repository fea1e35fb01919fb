import { describe, expect, it } from "vitest";
import { iamPolicyConditionsRestrictAccess as rule } from "../../../src/rules/iam/iam-policy-conditions-restrict-access";
import { allow, deny, doc, documentShapes, judge, UNKNOWN, itJudgesEveryShape } from "./iam-cases";

const BUCKET = "arn:aws:s3:::orders/*";
const when = (condition: Record<string, unknown>) => doc(allow("s3:GetObject", BUCKET, { Condition: condition }));

// Issue 11, bullet 3: conditions that do not restrict, and conditions the analyzer cannot read.
const cases: [string, unknown, string][] = [
  ["compliant: no condition", doc(allow("s3:GetObject", BUCKET)), "pass"],
  ["compliant: one named VPC endpoint", when({ StringEquals: { "aws:SourceVpce": "vpce-1a2b3c4d" } }), "pass"],
  ["compliant: ForAllValues on a multi-valued key (aws:TagKeys)", when({ "ForAllValues:StringEquals": { "aws:TagKeys": ["team", "owner"] } }), "pass"],
  ["compliant: ForAnyValue on a multi-valued key (aws:PrincipalOrgPaths)", when({ "ForAnyValue:StringLike": { "aws:PrincipalOrgPaths": "o-a1b2c3/r-ab12/ou-ab12-11111111/*" } }), "pass"],
  ["compliant: a tag must be present (StringLike aws:ResourceTag/team *)", when({ StringLike: { "aws:ResourceTag/team": "*" } }), "pass"],
  ["compliant: a date on aws:CurrentTime", when({ DateGreaterThan: { "aws:CurrentTime": "2020-01-01T00:00:00Z" } }), "pass"],
  ["compliant: service keys with variable parts", when({ StringEquals: { "s3:ExistingObjectTag/team": "a", "s3:prefix": "home/" } }), "pass"],
  ["compliant: an ARN operator on a string key, as AWS's own policies use", when({ ArnLike: { "kms:EncryptionContext:aws:s3:arn": "arn:aws:s3:::orders/*" } }), "pass"],
  ["compliant: an account-specific ARN pattern", when({ ArnLike: { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/app-*" } }), "pass"],
  ["compliant: a Deny's conditions are not reviewed", doc(allow("s3:GetObject", BUCKET), deny("s3:*", "*", { Condition: { StringEquals: { "x:Unknown": "1" } } })), "pass"],
  ["violation: ForAllValues on aws:SourceVpce (single-valued)", when({ "ForAllValues:StringEquals": { "aws:SourceVpce": "vpce-1a2b3c4d" } }), "fail"],
  ["violation: ForAllValues on aws:ResourceTag/team (single-valued)", when({ "ForAllValues:StringLike": { "aws:ResourceTag/team": "a" } }), "fail"],
  ["violation: vpce-* names every endpoint", when({ StringLike: { "aws:SourceVpce": "vpce-*" } }), "fail"],
  ["violation: o-* names every organisation", when({ StringLike: { "aws:PrincipalOrgID": "o-*" } }), "fail"],
  ["violation: arn:aws:iam::*:role/* names every role of every account", when({ ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/*" } }), "fail"],
  ["violation: aws:SourceIp with only private ranges", when({ IpAddress: { "aws:SourceIp": ["10.0.0.0/8", "192.168.0.0/16"] } }), "fail"],
  ["violation (needs review): a condition key AWS does not document", when({ StringEquals: { "aws:SourceVpcEndpoint": "vpce-1a2b3c4d" } }), "fail"],
  ["violation (needs review): a date operator on a string key", when({ DateGreaterThan: { "aws:SourceVpce": "2020-01-01" } }), "fail"],
  ["violation (needs review): an IP operator on s3:prefix", when({ IpAddress: { "s3:prefix": "10.0.0.0/8" } }), "fail"],
  ["violation (malformed): an unknown operator", when({ StringEqualz: { "aws:SourceVpce": "vpce-1" } }), "fail"],
  ["unknown: the Condition block is computed", doc(allow("s3:GetObject", BUCKET, { Condition: UNKNOWN })), "unknown"],
  ["unknown: a pattern value on a scoping key is computed", when({ StringLike: { "aws:SourceVpce": UNKNOWN } }), "unknown"],
  ["unknown: the Effect is computed", doc({ Effect: UNKNOWN, Action: "s3:GetObject", Resource: BUCKET, Condition: { StringLike: { "aws:SourceVpce": UNKNOWN } } }), "unknown"],
];

describe("CDG-IAM-009 iam-policy-conditions-restrict-access", () => {
  itJudgesEveryShape(rule, cases);

  it("unknown: a whole document computed in preview is not assessed", () => {
    for (const [, resource] of documentShapes(UNKNOWN)) expect(judge(rule, [resource])[0]?.reason).toBe("preview");
  });

  it("names the statement, the operator and why it restricts nothing", () => {
    const [, rp] = documentShapes(when({ "ForAllValues:StringEquals": { "aws:SourceVpce": "vpce-1a2b3c4d" } }))[1] as [string, never];
    expect(judge(rule, [rp])[0]?.message).toBe(
      "IAM role policy 'rp': Statement[0].Condition.ForAllValues:StringEquals applies ForAllValues to aws:SourceVpce, which has one value per request: " +
        "it is true when the request carries no aws:SourceVpce, so it restricts nothing then (use StringEquals without ForAllValues)",
    );
  });

  it("reports a condition it cannot read as needing review, never as a pass", () => {
    const [, rp] = documentShapes(when({ StringEquals: { "ec2:InstanceTypo": "t3.micro" } }))[1] as [string, never];
    const [o] = judge(rule, [rp]);
    expect(o?.status).toBe("fail");
    expect(o?.message).toBe(
      "IAM role policy 'rp': Statement[0].Condition.StringEquals tests ec2:InstanceTypo, a condition key AWS does not document: what it restricts is not known (needs review)",
    );
  });
});
