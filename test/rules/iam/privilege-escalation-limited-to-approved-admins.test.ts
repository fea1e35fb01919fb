import { describe, expect, it } from "vitest";
import type { EngineResource } from "../../../src/adapters/pulumi/engine-resource";
import { privilegeEscalationLimitedToApprovedAdmins as rule } from "../../../src/rules/iam/privilege-escalation-limited-to-approved-admins";
import { engineResource } from "../../helpers/engine";
import { allow, deny, doc, judge, role, T, UNKNOWN, urnOf } from "./iam-cases";

const RUN_INSTANCES = doc(allow("ec2:RunInstances"));
const PASS_ROLE = doc(allow("iam:PassRole", "arn:aws:iam::111122223333:role/*"));
const ESCALATING = doc(allow(["iam:PassRole", "ec2:RunInstances"]));
const SCOPED = doc(allow("s3:GetObject", "arn:aws:s3:::orders/*"));
const APPROVED = { tags: { "cdguard:approved-admin": "true" } };
const roleUrn = urnOf(T.role, "app");
const policyUrn = (name: string) => urnOf(T.policy, name);

const inline = (document: unknown, extra: Record<string, unknown> = {}) => role("app", { inlinePolicies: [{ name: "inline", policy: document }], ...extra });
const rolePolicy = (name: string, document: unknown) => engineResource(T.rolePolicy, name, { role: UNKNOWN, policy: document }, { role: [roleUrn] });
const policy = (name: string, document: unknown) => engineResource(T.policy, name, { name, policy: document, arn: UNKNOWN });
const attachment = (name: string, policyName: string) =>
  engineResource(T.rolePolicyAttachment, name, { role: UNKNOWN, policyArn: UNKNOWN }, { role: [roleUrn], policyArn: [policyUrn(policyName)] });
const managed = (...arns: string[]) => role("app", { managedPolicyArns: arns });

const statusOfRole = (resources: EngineResource[], options: Record<string, unknown> = {}): string | undefined =>
  judge(rule, resources, options).find((o) => o.resource.id === roleUrn)?.status;

const cases: [string, EngineResource[], string][] = [
  ["compliant: a role reading one bucket", [inline(SCOPED)], "pass"],
  ["compliant: a role with no policy", [role("app")], "pass"],
  ["compliant: PassRole only to Lambda, with RunInstances", [inline(doc(allow("iam:PassRole", "*", { Condition: { StringEquals: { "iam:PassedToService": "lambda.amazonaws.com" } } }), allow("ec2:RunInstances")))], "pass"],
  ["compliant: escalation by an approved administrator", [inline(ESCALATING, APPROVED)], "pass"],
  ["compliant: a Deny in another policy takes the escalation away", [inline(doc(allow("iam:PutRolePolicy"))), rolePolicy("guard", JSON.stringify(doc(deny("iam:PutRolePolicy"))))], "pass"],
  ["compliant: AWSLambdaBasicExecutionRole attached (its document from the bundled catalogue)", [managed("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")], "pass"],
  ["compliant: AWSLambdaRole attached (invokes functions only)", [managed("arn:aws:iam::aws:policy/service-role/AWSLambdaRole")], "pass"],
  ["compliant: a malformed document grants nothing (AWS rejects it)", [inline('{"Statement": [')], "pass"],
  ["violation: PassRole and RunInstances in one inline policy", [inline(ESCALATING)], "fail"],
  ["violation: PassRole (RolePolicy) + RunInstances (attached Policy), joined by dependencies", [role("app"), rolePolicy("pass", PASS_ROLE), policy("run", RUN_INSTANCES), attachment("att", "run")], "fail"],
  ["violation: AdministratorAccess attached by ARN", [managed("arn:aws:iam::aws:policy/AdministratorAccess")], "fail"],
  ["violation: known escalation despite another policy not being known", [inline(ESCALATING), rolePolicy("later", UNKNOWN)], "fail"],
  ["violation: the approval tag has another value", [inline(ESCALATING, { tags: { "cdguard:approved-admin": "no" } })], "fail"],
  ["unknown: a policy document computed in preview", [inline(SCOPED), rolePolicy("later", UNKNOWN)], "unknown"],
  ["unknown: an AWS managed policy the bundled catalogue does not hold", [managed("arn:aws:iam::aws:policy/service-role/CdgNoSuchPolicy")], "unknown"],
  ["unknown: a customer managed policy outside the stack", [managed("arn:aws:iam::111122223333:policy/shared")], "unknown"],
  ["unknown: the role's tags are computed and it escalates", [inline(ESCALATING, { tags: UNKNOWN })], "unknown"],
];

describe("CDG-IAM-003 privilege-escalation-limited-to-approved-admins", () => {
  it.each(cases)("%s", (_name, resources, expected) => {
    expect(statusOfRole(resources)).toBe(expected);
  });

  it("each half of a split escalation is fine on its own", () => {
    expect(statusOfRole([role("app"), rolePolicy("pass", PASS_ROLE)])).toBe("pass");
    expect(statusOfRole([role("app"), policy("run", RUN_INSTANCES), attachment("att", "run")])).toBe("pass");
  });

  it("names the principal, the policies and statements of both halves", () => {
    const [o] = judge(rule, [role("app"), rolePolicy("pass", PASS_ROLE), policy("run", RUN_INSTANCES), attachment("att", "run")]);
    expect(o?.message).toContain("IAM role 'app' can escalate its privileges but is not tagged cdguard:approved-admin=true");
    expect(o?.message).toContain("IAM role policy 'pass' Statement[0] + IAM policy 'run' Statement[0] allow iam:PassRole with ec2:RunInstances");
  });

  it("options: another approval tag", () => {
    const tagged = inline(ESCALATING, { tags: { admin: "yes" } });
    expect(statusOfRole([tagged])).toBe("fail");
    expect(statusOfRole([tagged], { approvedAdminTagKey: "admin", approvedAdminTagValue: "YES" })).toBe("pass");
  });

  describe("users and groups", () => {
    const group = engineResource(T.group, "admins", { name: "admins" });
    const groupPolicy = engineResource(T.groupPolicy, "admins-policy", { group: "admins", policy: JSON.stringify(doc(allow("iam:AttachUserPolicy"))) });
    const user = engineResource(T.user, "alice", { name: "alice" });
    const membership = engineResource(T.groupMembership, "m", { group: "admins", users: ["alice"] });
    const statusOf = (id: string, resources: EngineResource[], options = {}) => judge(rule, resources, options).find((o) => o.resource.id === id)?.status;

    it("violation: a user escalates through its group's policy (joined by names)", () => {
      expect(statusOf(user.urn, [group, groupPolicy, user, membership])).toBe("fail");
      expect(statusOf(group.urn, [group, groupPolicy, user, membership])).toBe("fail");
    });

    it("compliant: a group listed in approvedAdminGroups, and its user tagged as approved", () => {
      const tagged = engineResource(T.user, "alice", { name: "alice", tags: { "cdguard:approved-admin": "true" } });
      const resources = [group, groupPolicy, tagged, membership];
      expect(statusOf(group.urn, resources, { approvedAdminGroups: ["admins"] })).toBe("pass");
      expect(statusOf(tagged.urn, resources, { approvedAdminGroups: ["admins"] })).toBe("pass");
    });

    it("unknown: a user in a group outside the stack", () => {
      const outside = engineResource(T.userGroupMembership, "m2", { user: "alice", groups: ["elsewhere"] });
      expect(statusOf(user.urn, [user, outside])).toBe("unknown");
    });
  });

  it("unknown: an escalating RolePolicy of a role outside the stack", () => {
    const orphan = engineResource(T.rolePolicy, "orphan", { role: "legacy", policy: JSON.stringify(ESCALATING) });
    const [o] = judge(rule, [orphan]);
    expect(o?.status).toBe("unknown");
    expect(o?.message).toContain("role 'legacy' is not part of the stack");
  });
});
