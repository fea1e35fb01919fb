import { describe, expect, it } from "vitest";
import type { EngineResource } from "../../../src/adapters/pulumi/engine-resource";
import { usersReceivePermissionsThroughGroups as rule } from "../../../src/rules/iam/users-receive-permissions-through-groups";
import { engineResource } from "../../helpers/engine";
import { allow, doc, judge, statusOf, T, UNKNOWN, urnOf } from "./iam-cases";

const POLICY = JSON.stringify(doc(allow("s3:GetObject", "arn:aws:s3:::orders/*")));
const ARN = "arn:aws:iam::aws:policy/ReadOnlyAccess";

const cases: [string, EngineResource[], string][] = [
  ["compliant: a user alone", [engineResource(T.user, "alice", { name: "alice" })], "pass"],
  ["compliant: a user whose policies come from its group", [engineResource(T.user, "alice", { name: "alice" }), engineResource(T.userGroupMembership, "m", { user: "alice", groups: ["devs"] })], "pass"],
  ["compliant: a PolicyAttachment to roles and groups only", [engineResource(T.policyAttachment, "pa", { roles: ["app"], groups: ["devs"], policyArn: ARN })], "pass"],
  ["violation: a UserPolicy (JSON string)", [engineResource(T.userPolicy, "up", { user: "alice", policy: POLICY })], "fail"],
  ["violation: a UserPolicy whose document and user are computed", [engineResource(T.userPolicy, "up", { user: UNKNOWN, policy: UNKNOWN })], "fail"],
  ["violation: a UserPolicyAttachment", [engineResource(T.userPolicyAttachment, "upa", { user: "alice", policyArn: ARN })], "fail"],
  ["violation: a PolicyAttachment naming users (preview, by dependency)", [engineResource(T.policyAttachment, "pa", { users: [UNKNOWN], policyArn: ARN }, { users: [urnOf(T.user, "alice")] })], "fail"],
  ["unknown: a PolicyAttachment whose user list is computed", [engineResource(T.policyAttachment, "pa", { users: UNKNOWN, policyArn: ARN })], "unknown"],
];

describe("CDG-IAM-005 users-receive-permissions-through-groups", () => {
  it.each(cases)("%s", (_name, resources, expected) => {
    expect(statusOf(judge(rule, resources))).toBe(expected);
  });

  it("names the resource, the policy and the user", () => {
    const r = engineResource(T.userPolicyAttachment, "upa", { user: "alice", policyArn: ARN });
    expect(judge(rule, [r])[0]?.message).toBe("IAM user policy attachment 'upa' attaches AWS managed policy 'ReadOnlyAccess' directly to user 'alice'");
    const up = engineResource(T.userPolicy, "up", { name: "read", user: "alice", policy: POLICY });
    expect(judge(rule, [up])[0]?.message).toBe("IAM user policy 'up' gives user 'alice' inline policy 'read' directly");
  });

  it("in a stack, the user with a direct policy gets no pass: the policy resource fails", () => {
    const user = engineResource(T.user, "alice", { name: "alice" });
    const up = engineResource(T.userPolicy, "up", { user: UNKNOWN, policy: POLICY }, { user: [user.urn] });
    expect(judge(rule, [user, up]).map((o) => [o.resource.name, o.status])).toEqual([["up", "fail"]]);
  });

  it("role and group attachments are not this rule's business", () => {
    expect(judge(rule, [engineResource(T.rolePolicyAttachment, "rpa", { role: "app", policyArn: ARN })])).toEqual([]);
  });
});
