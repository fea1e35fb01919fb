import { describe, expect, it } from "vitest";
import { buildIamInventory } from "../../../../src/adapters/pulumi/iam";
import { IAM_TYPE } from "../../../../src/adapters/pulumi/iam/types";
import { buildInventory } from "../../../../src/adapters/pulumi/inventory";
import { awsManagedPolicyCatalogue } from "../../../../src/iam";
import type { IamInventory, IamPrincipal } from "../../../../src/models/iam";
import { engineResource, UNKNOWN, urnOf } from "../../../helpers/engine";

const T = IAM_TYPE;
const TRUST = '{"Version":"2012-10-17","Statement":[]}';
const BOUNDARY_DOC = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}';
const BOUNDARY_ARN = "arn:aws:iam::111122223333:policy/boundary";
const POWER_USER = "arn:aws:iam::aws:policy/PowerUserAccess";

const boundaryPolicy = engineResource(T.policy, "boundary", { name: "boundary", arn: BOUNDARY_ARN, policy: BOUNDARY_DOC });
const previewBoundaryPolicy = engineResource(T.policy, "boundary", { name: UNKNOWN, arn: UNKNOWN, policy: BOUNDARY_DOC });
const roleWith = (props: Record<string, unknown>, deps: Record<string, string[]> = {}) =>
  engineResource(T.role, "app", { name: "app-role", assumeRolePolicy: TRUST, ...props }, deps);

const only = (iam: IamInventory | undefined, kind: string): IamPrincipal => {
  const found = iam?.principals.filter((p) => p.kind === kind) ?? [];
  if (found.length !== 1 || found[0] === undefined) throw new Error(`expected one ${kind}, got ${found.length}`);
  return found[0];
};

describe("permissions boundaries (Pulumi front)", () => {
  describe.each([
    ["role", T.role],
    ["user", T.user],
  ])("a %s's permissionsBoundary", (kind, type) => {
    const principal = (props: Record<string, unknown>, deps: Record<string, string[]> = {}) =>
      engineResource(type, "p", { name: "p", ...(kind === "role" ? { assumeRolePolicy: TRUST } : {}), ...props }, deps);

    it.each([
      ["existing stack: the Policy's known ARN", [principal({ permissionsBoundary: BOUNDARY_ARN }), boundaryPolicy], BOUNDARY_ARN],
      ["the Policy listed after the principal", [boundaryPolicy, principal({ permissionsBoundary: BOUNDARY_ARN })], BOUNDARY_ARN],
      ["a resource reference deserialised as the Policy's URN", [principal({ permissionsBoundary: boundaryPolicy.urn }), boundaryPolicy], boundaryPolicy.urn],
    ])("joins a customer policy in the stack: %s", (_how, resources, value) => {
      const p = only(buildIamInventory(resources), kind);
      expect(p.permissionsBoundary).toBe(value);
      expect(p.permissionsBoundaryRef).toBe(boundaryPolicy.urn);
    });

    it("new stack preview: the ARN from `policy.arn` is unknown and joins the Policy by propertyDependencies", () => {
      const iam = buildIamInventory([principal({ permissionsBoundary: UNKNOWN }, { permissionsBoundary: [previewBoundaryPolicy.urn] }), previewBoundaryPolicy]);
      const p = only(iam, kind);
      expect(p.permissionsBoundary).toMatchObject({ reason: "preview", detail: "permissionsBoundary of p is computed during the update" });
      expect(p.permissionsBoundaryRef).toBe(previewBoundaryPolicy.urn);
      expect(iam.policies.find((x) => x.ref.id === p.permissionsBoundaryRef)?.document).toBe(BOUNDARY_DOC);
    });

    it("an AWS managed boundary referenced nowhere else gets its model, with the catalogue's document; it is no attachment", () => {
      const iam = buildIamInventory([principal({ permissionsBoundary: POWER_USER })]);
      const p = only(iam, kind);
      expect(p.permissionsBoundary).toBe(POWER_USER);
      expect(p.permissionsBoundaryRef).toBe(POWER_USER);
      expect(iam.policies).toHaveLength(1);
      expect(iam.policies[0]).toMatchObject({ ref: { id: POWER_USER, label: "AWS managed policy" }, name: "PowerUserAccess", awsManaged: true, catalogueRef: awsManagedPolicyCatalogue() });
      const doc = iam.policies[0]?.document as { Statement: { Effect: string; NotAction?: unknown }[] };
      expect(doc.Statement[0]).toMatchObject({ Effect: "Allow", NotAction: expect.arrayContaining(["iam:*"]) });
      expect(p.attachedPolicies).toEqual([]);
      expect(iam.attachments).toEqual([]);
    });

    it.each([
      ["not set", {}],
      ["read back as '' by the provider", { permissionsBoundary: "" }],
    ])("no boundary (%s): undefined, present on the model, no ref", (_how, props) => {
      const p = only(buildIamInventory([principal(props)]), kind);
      expect("permissionsBoundary" in p).toBe(true);
      expect(p.permissionsBoundary).toBeUndefined();
      expect(p.permissionsBoundaryRef).toBeUndefined();
    });

    it("an unknown boundary no dependency explains stays Unknown('preview'), unjoined", () => {
      const p = only(buildIamInventory([principal({ permissionsBoundary: UNKNOWN })]), kind);
      expect(p.permissionsBoundary).toMatchObject({ reason: "preview" });
      expect(p.permissionsBoundaryRef).toBeUndefined();
    });

    it("an unknown boundary from a resource that is not a Policy (e.g. a stack reference's output) stays Unknown, unjoined", () => {
      const other = urnOf("pulumi:pulumi:StackReference", "shared");
      const p = only(buildIamInventory([principal({ permissionsBoundary: UNKNOWN }, { permissionsBoundary: [other] })]), kind);
      expect(p.permissionsBoundary).toMatchObject({ reason: "preview" });
      expect(p.permissionsBoundaryRef).toBeUndefined();
    });

    it("planned state: a computed boundary no resource feeds is the provider's default, none", () => {
      const p = only(buildIamInventory([{ ...principal({ permissionsBoundary: UNKNOWN }), plannedState: true }]), kind);
      expect(p.permissionsBoundary).toBeUndefined();
    });

    it("a customer boundary the stack does not manage keeps its ARN, unjoined (its document is not in the inventory)", () => {
      const iam = buildIamInventory([principal({ permissionsBoundary: "arn:aws:iam::111122223333:policy/elsewhere" })]);
      const p = only(iam, kind);
      expect(p.permissionsBoundary).toBe("arn:aws:iam::111122223333:policy/elsewhere");
      expect(p.permissionsBoundaryRef).toBeUndefined();
      expect(iam.policies).toEqual([]);
    });

    it("a boundary of the wrong type is Unknown('error') naming the property", () => {
      const p = only(buildIamInventory([principal({ permissionsBoundary: 42 })]), kind);
      expect(p.permissionsBoundary).toMatchObject({ reason: "error", detail: "property 'permissionsBoundary' of p should be a string, got number" });
    });
  });

  it("the boundary does not change attachments: the same policy attached and as boundary is one model", () => {
    const iam = buildIamInventory([roleWith({ permissionsBoundary: POWER_USER, managedPolicyArns: [POWER_USER] })]);
    expect(iam.policies.map((p) => p.ref.id)).toEqual([POWER_USER]);
    const role = only(iam, "role");
    expect(role.attachedPolicies.map((a) => a.policyRef)).toEqual([POWER_USER]);
    expect(role.permissionsBoundaryRef).toBe(POWER_USER);
  });

  it("groups cannot have a boundary: the field is absent", () => {
    const group = only(buildIamInventory([engineResource(T.group, "devs", { name: "devs" })]), "group");
    expect("permissionsBoundary" in group).toBe(false);
  });

  it("is part of the Pulumi inventory", () => {
    const inv = buildInventory([roleWith({ permissionsBoundary: BOUNDARY_ARN }), boundaryPolicy]);
    expect(only(inv.iam, "role")).toMatchObject({ permissionsBoundary: BOUNDARY_ARN, permissionsBoundaryRef: boundaryPolicy.urn });
  });
});
