import type { ManagedPolicyDetail, RoleDetail } from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { adaptIam } from "../../../src/adapters/aws/iam";
import { DEFAULT_CONFIG } from "../../../src/core/config";
import { evaluate } from "../../../src/core/evaluate";
import type { Finding } from "../../../src/core/finding";
import { resolveOptions } from "../../../src/core/rule";
import type { IamAnswers } from "../../../src/fetchers/aws/iam";
import type { IamInventory } from "../../../src/models/iam";
import type { Inventory } from "../../../src/models/inventory";
import { IAM_RULES } from "../../../src/rules/iam";
import { everyKeyCustomerManaged } from "./fixtures";

// Issue 11 in the scanner: every identity document of the account judged on its own (CDG-IAM-008
// iam-policy-grants-no-privilege-escalation, CDG-IAM-009 iam-policy-conditions-restrict-access),
// AWS managed policies by the documents GetAccountAuthorizationDetails returns.

const ACCOUNT = "111122223333";
const CTX = everyKeyCustomerManaged(ACCOUNT);
const doc = (...statements: unknown[]): string => encodeURIComponent(JSON.stringify({ Version: "2012-10-17", Statement: statements }));
const TRUST = doc({ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" });

const role = (name: string, over: Partial<RoleDetail> = {}): RoleDetail => ({
  RoleName: name,
  Arn: `arn:aws:iam::${ACCOUNT}:role/${name}`,
  Path: "/",
  AssumeRolePolicyDocument: TRUST,
  RolePolicyList: [],
  AttachedManagedPolicies: [],
  Tags: [],
  ...over,
});

const managed = (name: string, arn: string, document: string): ManagedPolicyDetail => ({
  PolicyName: name,
  Arn: arn,
  DefaultVersionId: "v1",
  PolicyVersionList: [{ VersionId: "v1", IsDefaultVersion: true, Document: document }],
});

const SQS_ARN = "arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole";
const REWRITE_ARN = `arn:aws:iam::${ACCOUNT}:policy/rewrite-policies`;

const answers: IamAnswers = {
  details: {
    ok: true,
    value: {
      roles: [
        role("launcher", { RolePolicyList: [{ PolicyName: "launch", PolicyDocument: doc({ Effect: "Allow", Action: ["iam:PassRole", "ec2:RunInstances"], Resource: "*" }) }] }),
        role("any-endpoint", {
          RolePolicyList: [
            { PolicyName: "read", PolicyDocument: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "*", Condition: { StringLike: { "aws:SourceVpce": "vpce-*" } } }) },
          ],
        }),
        role("queue-worker", { AttachedManagedPolicies: [{ PolicyName: "AWSLambdaSQSQueueExecutionRole", PolicyArn: SQS_ARN }] }),
        role("unlisted-managed", { AttachedManagedPolicies: [{ PolicyName: "NewAwsPolicy", PolicyArn: "arn:aws:iam::aws:policy/NewAwsPolicy" }] }),
        role("reader", { RolePolicyList: [{ PolicyName: "read", PolicyDocument: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::orders/*" }) }] }),
      ],
      users: [],
      groups: [],
      policies: [
        // A customer managed policy no principal holds yet.
        managed("rewrite-policies", REWRITE_ARN, doc({ Effect: "Allow", Action: "iam:CreatePolicyVersion", Resource: `arn:aws:iam::${ACCOUNT}:policy/*` })),
        managed("AWSLambdaSQSQueueExecutionRole", SQS_ARN, doc({ Effect: "Allow", Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"], Resource: "*" })),
      ],
    },
  },
};

function scan(): Finding[] {
  const out = adaptIam(answers, CTX);
  const inventory: Inventory = { stores: [], keys: [], iam: out.iam as IamInventory, resourcePolicies: [], tags: new Map(out.tags) };
  return evaluate(IAM_RULES, inventory, (rule) => ({ config: DEFAULT_CONFIG, options: resolveOptions(rule, {}) }), {
    scope: { id: ACCOUNT, type: "AWS::Account", name: ACCOUNT, label: "AWS account" },
    today: "2026-01-15",
  });
}

describe("identity documents judged on their own, over recorded GetAccountAuthorizationDetails answers", () => {
  const findings = scan();
  const of = (ruleId: string, name: string): Finding[] => findings.filter((f) => f.rule.id === ruleId && f.resource.name === name);

  it("violation: an inline policy with iam:PassRole and ec2:RunInstances fails CDG-IAM-008", () => {
    expect(of("CDG-IAM-008", "launcher").map((f) => f.status)).toEqual(["fail"]);
    expect(of("CDG-IAM-008", "launcher")[0]?.message).toContain("inline policy 'launch'");
  });

  it("violation: an unattached customer managed policy rewriting every customer policy fails CDG-IAM-008", () => {
    const [f] = of("CDG-IAM-008", "rewrite-policies");
    expect(f?.status).toBe("fail");
    expect(f?.resource.id).toBe(REWRITE_ARN);
    expect(f?.message).toMatch(/iam:CreatePolicyVersion/);
  });

  it("violation: vpce-* fails CDG-IAM-009 and does not scope the read for CDG-IAM-002", () => {
    expect(of("CDG-IAM-009", "any-endpoint").map((f) => f.status)).toEqual(["fail"]);
    expect(of("CDG-IAM-009", "any-endpoint")[0]?.message).toContain("'vpce-*' matches every value of the key");
    expect(of("CDG-IAM-002", "any-endpoint").map((f) => f.status)).toEqual(["fail"]);
  });

  it("violation: an attached AWS managed policy is judged by the account's document, on the role", () => {
    const [f] = of("CDG-IAM-002", "queue-worker");
    expect(f?.status).toBe("fail");
    expect(f?.message).toMatch(/^IAM role 'queue-worker', AWS managed policy 'AWSLambdaSQSQueueExecutionRole': .*sqs:ReceiveMessage/);
    expect(of("CDG-IAM-008", "queue-worker").map((x) => x.status)).toEqual(["pass"]);
  });

  it("unknown: an attached AWS managed policy the answers do not list is not assessed", () => {
    expect(of("CDG-IAM-008", "unlisted-managed").map((f) => f.status)).toEqual(["not-assessed"]);
    expect(of("CDG-IAM-009", "unlisted-managed").map((f) => f.status)).toEqual(["not-assessed"]);
  });

  it("compliant: a scoped inline policy passes CDG-IAM-008 and CDG-IAM-009", () => {
    expect(of("CDG-IAM-008", "reader").map((f) => f.status)).toEqual(["pass"]);
    expect(of("CDG-IAM-009", "reader").map((f) => f.status)).toEqual(["pass"]);
  });
});
