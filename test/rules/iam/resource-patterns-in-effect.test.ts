import { describe, expect, it } from "vitest";
import { iamPolicyActionsScopedToResources } from "../../../src/rules/iam/iam-policy-actions-scoped-to-resources";
import { iamPolicyGrantsNoPrivilegeEscalation } from "../../../src/rules/iam/iam-policy-grants-no-privilege-escalation";
import { allow, doc, documentShapes, judge, statusOf, UNKNOWN } from "./iam-cases";

// Issue 11, bullet 2: Resource patterns that are `*` in effect count as `*` (any partition, region or
// account; every name of the resource type). A pattern still matching customer-managed resources does
// not make an escalation action safe; one that can only match AWS-managed resources does.

const unscopedCases: [string, unknown, string][] = [
  ["compliant: one bucket's objects", doc(allow("s3:GetObject", "arn:aws:s3:::orders/*")), "pass"],
  ["compliant: one table", doc(allow("dynamodb:Scan", "arn:aws:dynamodb:eu-west-1:111122223333:table/orders")), "pass"],
  ["compliant: functions named by prefix", doc(allow("lambda:DeleteFunction", "arn:aws:lambda:*:111122223333:function:orders-*")), "pass"],
  ["violation: every object of every bucket (arn:aws:s3:::*/*)", doc(allow("s3:GetObject", "arn:aws:s3:::*/*")), "fail"],
  ["violation: any partition (arn:*:s3:::*)", doc(allow("s3:GetObject", "arn:*:s3:::*")), "fail"],
  ["violation: every table of every account and region", doc(allow("dynamodb:Scan", "arn:aws:dynamodb:*:*:table/*")), "fail"],
  ["violation: an account wildcard in one region", doc(allow("dynamodb:Scan", "arn:aws:dynamodb:eu-west-1:*:table/*")), "fail"],
  ["violation: every function of the account", doc(allow("lambda:DeleteFunction", "arn:aws:lambda:*:111122223333:function:*")), "fail"],
  ["violation: arn:* reaches every resource", doc(allow("secretsmanager:GetSecretValue", "arn:*")), "fail"],
  ["unknown: a computed Resource", doc(allow("s3:GetObject", UNKNOWN)), "unknown"],
];

const escalationCases: [string, unknown, string][] = [
  ["compliant: AWS managed policies under a path only", doc(allow("iam:CreatePolicyVersion", "arn:aws:iam::aws:policy/service-role/*")), "pass"],
  ["compliant: ssm:SendCommand with one fixed-purpose document", doc(allow("ssm:SendCommand", ["arn:aws:ssm:*::document/AWS-RunPatchBaseline", "arn:aws:ec2:*:*:instance/*"])), "pass"],
  ["violation: ssm:SendCommand with AWS-RunShellScript runs any command", doc(allow("ssm:SendCommand", ["arn:aws:ssm:eu-west-1::document/AWS-RunShellScript", "arn:aws:ec2:*:*:instance/*"])), "fail"],
  ["violation: ssm:SendCommand with AWS-Run* documents", doc(allow("ssm:SendCommand", ["arn:aws:ssm:*::document/AWS-Run*", "arn:aws:ec2:*:*:instance/*"])), "fail"],
  ["violation: customer policies of any account", doc(allow("iam:CreatePolicyVersion", "arn:aws:iam::*:policy/*")), "fail"],
  ["violation: the account's customer policies", doc(allow("iam:SetDefaultPolicyVersion", "arn:aws:iam::111122223333:policy/*")), "fail"],
  ["violation: every role of any account for sts:AssumeRole", doc(allow("sts:AssumeRole", "arn:*:iam::*:role/*")), "fail"],
  ["unknown: AWS managed policies and a computed ARN", doc(allow("iam:CreatePolicyVersion", ["arn:aws:iam::aws:policy/*", UNKNOWN])), "unknown"],
];

describe("Resource patterns that are * in effect", () => {
  for (const [rule, table] of [
    [iamPolicyActionsScopedToResources, unscopedCases],
    [iamPolicyGrantsNoPrivilegeEscalation, escalationCases],
  ] as const) {
    for (const [name, document, expected] of table) {
      for (const [shape, resource] of documentShapes(document)) {
        it(`${rule.id} ${name} — ${shape}, object document`, () => {
          expect(statusOf(judge(rule, [resource]))).toBe(expected);
        });
      }
      if (JSON.stringify(document).includes(UNKNOWN)) continue;
      for (const [shape, resource] of documentShapes(JSON.stringify(document))) {
        it(`${rule.id} ${name} — ${shape}, JSON string document`, () => {
          expect(statusOf(judge(rule, [resource]))).toBe(expected);
        });
      }
    }
  }
});
