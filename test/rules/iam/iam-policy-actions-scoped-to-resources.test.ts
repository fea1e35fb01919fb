import { describe, expect, it } from "vitest";
import { iamPolicyActionsScopedToResources as rule } from "../../../src/rules/iam/iam-policy-actions-scoped-to-resources";
import { allow, deny, doc, documentShapes, judge, statusOf, UNKNOWN, itJudgesEveryShape } from "./iam-cases";

const BUCKET = "arn:aws:s3:::orders";
const TABLE = "arn:aws:dynamodb:eu-west-1:111122223333:table/orders";

const cases: [string, unknown, string][] = [
  ["compliant: reads and writes on named resources", doc(allow(["s3:GetObject", "s3:PutObject"], `${BUCKET}/*`), allow(["dynamodb:Query"], TABLE)), "pass"],
  ["compliant: ec2:Describe* on * (no resource-level permissions exist)", doc(allow("ec2:Describe*")), "pass"],
  ["compliant: a VPC function's network interfaces on * are allowed by default", doc(allow(["ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface"])), "pass"],
  ["compliant: reads the catalogue files as writes are no writes (iot:ListSubscriptions)", doc(allow("iot:ListSubscriptions")), "pass"],
  ["compliant: append-only log delivery is allowed by default", doc(allow(["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"])), "pass"],
  ["compliant: a scoping condition on the resource tag", doc(allow("s3:GetObject", "*", { Condition: { StringEquals: { "aws:ResourceTag/customer-segment": "eu" } } })), "pass"],
  ["compliant: a Deny outside the account narrows the Allow", doc(allow("s3:GetObject"), deny("s3:*", "*", { Condition: { StringNotEquals: { "aws:ResourceAccount": "111122223333" } } })), "pass"],
  ["violation: s3:GetObject on *", doc(allow("s3:GetObject")), "fail"],
  ["violation: dynamodb:Scan on every table of the account", doc(allow("dynamodb:Scan", "arn:aws:dynamodb:*:111122223333:table/*")), "fail"],
  ["violation: secretsmanager:GetSecretValue on *", doc(allow("secretsmanager:GetSecretValue")), "fail"],
  ["violation: s3:PutObject on every bucket", doc(allow("s3:PutObject", "arn:aws:s3:::*")), "fail"],
  ["violation: kms:CreateGrant (permissions management) on *", doc(allow("kms:CreateGrant")), "fail"],
  ["violation: an IfExists condition does not scope", doc(allow("s3:GetObject", "*", { Condition: { StringEqualsIfExists: { "aws:ResourceTag/team": "a" } } })), "fail"],
  ["violation (malformed): Action and NotAction together", doc({ Effect: "Allow", Action: "s3:GetObject", NotAction: "s3:PutObject", Resource: "*" }), "fail"],
  ["unknown: the Resource is computed", doc(allow("s3:GetObject", UNKNOWN)), "unknown"],
  ["unknown: a scoping condition value is computed", doc(allow("s3:GetObject", "*", { Condition: { StringLike: { "aws:ResourceTag/team": UNKNOWN } } })), "unknown"],
];

describe("CDG-IAM-002 iam-policy-actions-scoped-to-resources", () => {
  itJudgesEveryShape(rule, cases);

  it("unknown: a whole document computed in preview is not assessed", () => {
    for (const [, resource] of documentShapes(UNKNOWN)) expect(statusOf(judge(rule, [resource]))).toBe("unknown");
  });

  // Issue 11 widened writes to every service: ec2:CreateTags on * is now reported (it was left out as a non-data action).
  it("names the actions and statement of a violation, leaving out allowed actions and actions without resource-level permissions", () => {
    const [, rp] = documentShapes(doc({ Sid: "Reads", ...allow(["s3:GetObject", "logs:PutLogEvents", "ec2:DescribeInstances"]) }))[1] as [string, never];
    expect(judge(rule, [rp])[0]?.message).toBe(`IAM role policy 'rp': Statement[0] (Sid "Reads") allows data reads on all resources: s3:GetObject`);
    const [, tags] = documentShapes(doc({ Sid: "Tags", ...allow(["ec2:CreateTags", "logs:PutLogEvents"]) }))[1] as [string, never];
    expect(judge(rule, [tags])[0]?.message).toBe(`IAM role policy 'rp': Statement[0] (Sid "Tags") allows write actions on all resources: ec2:CreateTags`);
  });

  it("option allowedUnscopedActions: empty makes log delivery a violation", () => {
    const [, rp] = documentShapes(doc(allow("logs:PutLogEvents")))[1] as [string, never];
    expect(statusOf(judge(rule, [rp], { allowedUnscopedActions: [] }))).toBe("fail");
  });

  it("option dataServices: an unscoped write on a service not listed passes", () => {
    const [, rp] = documentShapes(doc(allow("sqs:SendMessage")))[1] as [string, never];
    expect(statusOf(judge(rule, [rp]))).toBe("fail");
    expect(statusOf(judge(rule, [rp], { dataServices: ["s3"] }))).toBe("pass");
  });
});
