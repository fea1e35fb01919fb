import { describe, expect, it } from "vitest";
import { buildIamInventory } from "../../../../src/adapters/pulumi/iam";
import { buildInventory, SUPPORTED_TYPES } from "../../../../src/adapters/pulumi/inventory";
import { isUnknown } from "../../../../src/core/value";
import { engineResource, UNKNOWN } from "../../../helpers/engine";

const ROLE = "aws:iam/role:Role";
const TRUST = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] });
const POLICY = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }] };

describe("IAM principals (Role, User, Group)", () => {
  it("a role: name, ARN, tags, trust policy, its inline policies (object and JSON string documents)", () => {
    const r = engineResource(ROLE, "app", {
      name: "app-role",
      arn: "arn:aws:iam::111122223333:role/app-role",
      tags: { team: "orders" },
      assumeRolePolicy: TRUST,
      inlinePolicies: [{ name: "read", policy: JSON.stringify(POLICY) }, { name: "obj", policy: POLICY }, {}],
    });
    const iam = buildIamInventory([r]);
    const role = iam.principals[0];
    expect(role).toMatchObject({ model: "iam-principal", kind: "role", name: "app-role", tags: { team: "orders" }, trustPolicy: TRUST, groups: [] });
    expect(role?.ref).toEqual({ id: r.urn, type: ROLE, name: "app", label: "IAM role" });
    expect(role?.inlinePolicies.map((p) => [p.name, p.principal.principalRef])).toEqual([
      ["read", r.urn],
      ["obj", r.urn],
    ]);
    expect(iam.inlinePolicies).toHaveLength(2);
    expect(iam.inlinePolicies[1]?.document).toEqual(POLICY);
  });

  it("v6 and v7 send the same shape; an empty `inlinePolicies: [{}]` means none", () => {
    const r = engineResource(ROLE, "app", { assumeRolePolicy: TRUST, inlinePolicies: [{}] });
    expect(buildIamInventory([r]).inlinePolicies).toEqual([]);
  });

  it("preview: computed values are Unknown('preview'), also inside an object document", () => {
    const r = engineResource(ROLE, "app", {
      name: UNKNOWN,
      assumeRolePolicy: UNKNOWN,
      inlinePolicies: [{ name: "p", policy: { ...POLICY, Statement: [{ ...POLICY.Statement[0], Resource: UNKNOWN }] } }],
    });
    const [role] = buildIamInventory([r]).principals;
    expect(isUnknown(role?.name)).toBe(true);
    expect(role?.trustPolicy).toMatchObject({ reason: "preview" });
    const doc = role?.inlinePolicies[0]?.document as { Statement: { Resource: unknown }[] };
    expect(doc.Statement[0]?.Resource).toMatchObject({ reason: "preview" });
  });

  it("planned state: a computed value no resource feeds counts as not set", () => {
    const r = { ...engineResource(ROLE, "app", { assumeRolePolicy: TRUST, inlinePolicies: UNKNOWN, name: UNKNOWN }), plannedState: true };
    const [role] = buildIamInventory([r]).principals;
    expect(role?.inlinePolicies).toEqual([]);
    expect(role?.name).toBeUndefined();
  });

  it("wrong types become Unknown('error') naming the property", () => {
    const r = engineResource(ROLE, "app", { assumeRolePolicy: 42, tags: "x" });
    const [role] = buildIamInventory([r]).principals;
    expect(role?.trustPolicy).toMatchObject({ reason: "error", detail: "property 'assumeRolePolicy' of app should be a JSON policy document, got number" });
    expect(role?.tags).toMatchObject({ reason: "error" });
  });

  it("a role without a trust policy: Unknown('error'), it is required", () => {
    const [role] = buildIamInventory([engineResource(ROLE, "app", {})]).principals;
    expect(role?.trustPolicy).toMatchObject({ reason: "error", detail: "property 'assumeRolePolicy' of app is not set" });
  });

  it("users carry tags; groups cannot", () => {
    const iam = buildIamInventory([
      engineResource("aws:iam/user:User", "alice", { name: "alice", tags: { a: "b" } }),
      engineResource("aws:iam/group:Group", "devs", { name: "devs" }),
    ]);
    expect(iam.principals.map((p) => [p.kind, p.ref.label, p.tags])).toEqual([
      ["user", "IAM user", { a: "b" }],
      ["group", "IAM group", undefined],
    ]);
  });

  it("is part of the Pulumi inventory, and its types are supported", () => {
    const inv = buildInventory([engineResource(ROLE, "app", { assumeRolePolicy: TRUST })]);
    expect(inv.iam?.principals).toHaveLength(1);
    for (const t of ["aws:iam/role:Role", "aws:iam/policyAttachment:PolicyAttachment", "aws:s3/bucketPolicy:BucketPolicy", "aws:sqs/queuePolicy:QueuePolicy"]) {
      expect(SUPPORTED_TYPES).toContain(t);
    }
  });
});

describe("deployed state read back by the provider", () => {
  it("an empty inline policy read back as '' is no policy; default tags in tagsAll count", () => {
    const r = engineResource(ROLE, "app", {
      assumeRolePolicy: TRUST,
      inlinePolicies: [{ name: "", policy: "" }],
      tags: { team: "a" },
      tagsAll: { team: "a", "cdguard:approved-admin": "true" },
    });
    const [role] = buildIamInventory([r]).principals;
    expect(role?.inlinePolicies).toEqual([]);
    expect(role?.tags).toEqual({ team: "a", "cdguard:approved-admin": "true" });
  });
});
