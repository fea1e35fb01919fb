import { describe, expect, it } from "vitest";
import type { EngineResource } from "../../../src/adapters/pulumi/engine-resource";
import { broadAwsManagedPoliciesNotAttached as rule } from "../../../src/rules/iam/broad-aws-managed-policies-not-attached";
import { engineResource } from "../../helpers/engine";
import { judge, role, statusOf, T, UNKNOWN, urnOf } from "./iam-cases";

const ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
const LAMBDA_BASIC = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

const shapes = (policyArn: unknown, deps: string[] = []): [string, EngineResource][] => {
  const d = (extra: Record<string, string[]>) => (deps.length > 0 ? { policyArn: deps, ...extra } : extra);
  return [
    ["Role managedPolicyArns", role("app", { managedPolicyArns: [policyArn] }, deps.length > 0 ? { managedPolicyArns: deps } : {})],
    ["RolePolicyAttachment", engineResource(T.rolePolicyAttachment, "a", { role: "app", policyArn }, d({}))],
    ["UserPolicyAttachment", engineResource(T.userPolicyAttachment, "a", { user: "alice", policyArn }, d({}))],
    ["GroupPolicyAttachment", engineResource(T.groupPolicyAttachment, "a", { group: "devs", policyArn }, d({}))],
    ["PolicyAttachment", engineResource(T.policyAttachment, "a", { roles: ["app"], groups: ["devs"], policyArn }, d({}))],
  ];
};

const cases: [string, unknown, string[], string][] = [
  ["compliant: AWSLambdaBasicExecutionRole", LAMBDA_BASIC, [], "pass"],
  ["compliant: a customer managed policy by ARN", "arn:aws:iam::111122223333:policy/app", [], "pass"],
  ["compliant: a customer managed policy of the stack (preview, by dependency)", UNKNOWN, [urnOf(T.policy, "app")], "pass"],
  ["violation: AdministratorAccess", ADMIN, [], "fail"],
  ["violation: PowerUserAccess", "arn:aws:iam::aws:policy/PowerUserAccess", [], "fail"],
  ["violation: IAMFullAccess", "arn:aws:iam::aws:policy/IAMFullAccess", [], "fail"],
  ["violation: AWSCloudShellFullAccess (CIS 1.22)", "arn:aws:iam::aws:policy/AWSCloudShellFullAccess", [], "fail"],
  ["violation: AdministratorAccess in GovCloud", "arn:aws-us-gov:iam::aws:policy/AdministratorAccess", [], "fail"],
  ["unknown: a policy ARN computed from elsewhere", UNKNOWN, [], "unknown"],
];

describe("CDG-IAM-004 broad-aws-managed-policies-not-attached", () => {
  for (const [name, arn, deps, expected] of cases) {
    for (const [shape, resource] of shapes(arn, deps)) {
      it(`${name} — ${shape}`, () => {
        const policy = deps.length > 0 ? [engineResource(T.policy, "app", { policy: "{}" })] : [];
        expect(statusOf(judge(rule, [resource, ...policy]))).toBe(expected);
      });
    }
  }

  it("names the attachment, the policy and the principals", () => {
    const [, pa] = shapes(ADMIN)[4] as [string, EngineResource];
    expect(judge(rule, [pa])[0]?.message).toBe("IAM policy attachment 'a' attaches AWS managed policy AdministratorAccess to role 'app', group 'devs'");
  });

  it("option deniedManagedPolicies replaces the list", () => {
    const [, rpa] = shapes(LAMBDA_BASIC)[1] as [string, EngineResource];
    expect(statusOf(judge(rule, [rpa], { deniedManagedPolicies: ["AWSLambdaBasicExecutionRole"] }))).toBe("fail");
    const [, admin] = shapes(ADMIN)[1] as [string, EngineResource];
    expect(statusOf(judge(rule, [admin], { deniedManagedPolicies: [] }))).toBe("pass");
  });

  it("a role without managed policies gives no outcome", () => {
    expect(judge(rule, [role("app")])).toEqual([]);
  });
});
