import { describe, expect, it } from "vitest";
import { iamPolicyActionsScopedToResources as rule } from "../../../src/rules/iam/iam-policy-actions-scoped-to-resources";
import { allow, doc, documentShapes, judge, statusOf, UNKNOWN, itJudgesEveryShape } from "./iam-cases";

// Issue 11, bullet 1 (and the least-privilege issue): no unscoped Allow of write or
// permissions-management actions that accept resource-level permissions, on any service, not only
// customer-data services. Data reads stay focused on the actions that return stored data.
const cases: [string, unknown, string][] = [
  ["compliant: lambda:InvokeFunction on one named function", doc(allow("lambda:InvokeFunction", "arn:aws:lambda:eu-west-1:111122223333:function:orders")), "pass"],
  ["compliant: an action without resource-level permissions (xray:PutTraceSegments)", doc(allow("xray:PutTraceSegments")), "pass"],
  ["compliant: metric delivery is allowed by default", doc(allow("cloudwatch:PutMetricData")), "pass"],
  ["compliant: the SSM agent's registration is allowed by default", doc(allow(["ssm:UpdateInstanceInformation", "ssmmessages:CreateControlChannel"])), "pass"],
  ["compliant: ec2:RunInstances on named subnets and images only", doc(allow("ec2:RunInstances", ["arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-0abc", "arn:aws:ec2:eu-west-1::image/ami-0abc"])), "pass"],
  ["violation: ec2:TerminateInstances on *", doc(allow("ec2:TerminateInstances")), "fail"],
  ["violation: lambda:DeleteFunction on every function (arn:*:lambda:*:*:function:*)", doc(allow("lambda:DeleteFunction", "arn:*:lambda:*:*:function:*")), "fail"],
  ["violation: iam:CreateRole on every role of any account", doc(allow("iam:CreateRole", "arn:aws:iam::*:role/*")), "fail"],
  ["violation: iam:PutRolePolicy (permissions management of IAM) on *", doc(allow("iam:PutRolePolicy")), "fail"],
  ["violation: ecr:SetRepositoryPolicy on *", doc(allow("ecr:SetRepositoryPolicy")), "fail"],
  ["violation: logs:PutRetentionPolicy on every log group (shortens retention of any data)", doc(allow("logs:PutRetentionPolicy", "arn:aws:logs:*:*:log-group:*")), "fail"],
  ["violation: cloudformation:DeleteStack on *", doc(allow("cloudformation:DeleteStack")), "fail"],
  ["violation: sts:GetFederationToken on * issues credentials, whatever its name", doc(allow("sts:GetFederationToken")), "fail"],
  ["violation: redshift-serverless:GetCredentials on * (a write that was caught before, still is)", doc(allow("redshift-serverless:GetCredentials")), "fail"],
  ["unknown: the Resource of lambda:DeleteFunction is computed", doc(allow("lambda:DeleteFunction", UNKNOWN)), "unknown"],
];

describe("CDG-IAM-002 judges unscoped writes and permission changes on every service", () => {
  itJudgesEveryShape(rule, cases);

  it("names the service's actions in the message", () => {
    const [, rp] = documentShapes(doc(allow(["ec2:TerminateInstances", "ec2:DescribeInstances"])))[1] as [string, never];
    expect(judge(rule, [rp])[0]?.message).toBe("IAM role policy 'rp': Statement[0] allows write actions on all resources: ec2:TerminateInstances");
  });

  it("option dataServices narrows writes to the listed services again", () => {
    const [, rp] = documentShapes(doc(allow("ec2:TerminateInstances")))[1] as [string, never];
    expect(statusOf(judge(rule, [rp], { dataServices: ["s3", "dynamodb"] }))).toBe("pass");
  });
});
