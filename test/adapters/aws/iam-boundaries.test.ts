import type { ManagedPolicyDetail, RoleDetail, UserDetail } from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { iamInventory } from "../../../src/adapters/aws/iam";
import { IAM_TYPE } from "../../../src/adapters/pulumi/iam/types";
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import type { AccountAuthorizationDetails } from "../../../src/fetchers/aws/iam";
import type { IamInventory, IamPrincipal } from "../../../src/models/iam";
import { engineResource } from "../../helpers/engine";
import { everyKeyCustomerManaged } from "./fixtures";
import { expectParity } from "./parity";

const ACCOUNT = "111122223333";
const CTX = everyKeyCustomerManaged(ACCOUNT);
const doc = (...statements: unknown[]): string => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const TRUST = doc({ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" });
const BOUNDARY_DOC = doc({ Effect: "Allow", Action: "s3:*", Resource: "*" });
const POWER_DOC = doc({ Effect: "Allow", NotAction: ["iam:*", "organizations:*", "account:*"], Resource: "*" });

const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/app-role`;
const BOUNDARY_ARN = `arn:aws:iam::${ACCOUNT}:policy/boundary`;
const POWER_USER = "arn:aws:iam::aws:policy/PowerUserAccess";
const READONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";

const boundaryOf = (arn: string): RoleDetail["PermissionsBoundary"] => ({ PermissionsBoundaryType: "PermissionsBoundaryPolicy", PermissionsBoundaryArn: arn });
const role = (boundary?: string): RoleDetail => ({
  RoleName: "app-role",
  Arn: ROLE_ARN,
  Path: "/",
  AssumeRolePolicyDocument: encodeURIComponent(TRUST),
  RolePolicyList: [],
  AttachedManagedPolicies: [],
  Tags: [],
  ...(boundary === undefined ? {} : { PermissionsBoundary: boundaryOf(boundary) }),
});
const user = (boundary?: string): UserDetail => ({
  UserName: "alice",
  Arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  Path: "/",
  GroupList: [],
  UserPolicyList: [],
  AttachedManagedPolicies: [],
  ...(boundary === undefined ? {} : { PermissionsBoundary: boundaryOf(boundary) }),
});
const listed = (arn: string, name: string, json: string, attachments: number): ManagedPolicyDetail => ({
  PolicyName: name,
  Arn: arn,
  DefaultVersionId: "v1",
  AttachmentCount: attachments,
  PermissionsBoundaryUsageCount: 1,
  PolicyVersionList: [{ VersionId: "v1", IsDefaultVersion: true, Document: encodeURIComponent(json) }],
});
const CUSTOMER = listed(BOUNDARY_ARN, "boundary", BOUNDARY_DOC, 0);
const POWER = listed(POWER_USER, "PowerUserAccess", POWER_DOC, 0);
// As moto answers: AWS managed policies listed whether used or not.
const READONLY_UNUSED = listed(READONLY, "ReadOnlyAccess", doc({ Effect: "Allow", Action: "s3:Get*", Resource: "*" }), 0);

const details = (part: Partial<AccountAuthorizationDetails>): AccountAuthorizationDetails => ({ roles: [], users: [], groups: [], policies: [], ...part });
const only = (iam: IamInventory, kind: string): IamPrincipal => {
  const found = iam.principals.filter((p) => p.kind === kind);
  if (found.length !== 1 || found[0] === undefined) throw new Error(`expected one ${kind}, got ${found.length}`);
  return found[0];
};

describe("permissions boundaries (scanner front, GetAccountAuthorizationDetails)", () => {
  describe.each([
    ["role", (b?: string) => details({ roles: [role(b)] })],
    ["user", (b?: string) => details({ users: [user(b)] })],
  ])("a %s's PermissionsBoundary", (kind, answer) => {
    it("a listed customer policy: the ARN, joined to its model with the default version's document", () => {
      const iam = iamInventory({ ...answer(BOUNDARY_ARN), policies: [CUSTOMER] }, CTX);
      const p = only(iam, kind);
      expect(p).toMatchObject({ permissionsBoundary: BOUNDARY_ARN, permissionsBoundaryRef: BOUNDARY_ARN });
      expect(iam.policies.find((x) => x.ref.id === p.permissionsBoundaryRef)?.document).toBe(BOUNDARY_DOC);
      expect(p.attachedPolicies).toEqual([]);
      expect(iam.attachments).toEqual([]);
    });

    it("a listed AWS managed policy used only as boundary is kept (unused ones are not) and joined", () => {
      const iam = iamInventory({ ...answer(POWER_USER), policies: [POWER, READONLY_UNUSED] }, CTX);
      expect(only(iam, kind)).toMatchObject({ permissionsBoundary: POWER_USER, permissionsBoundaryRef: POWER_USER });
      expect(iam.policies.map((x) => [x.ref.id, x.awsManaged, x.document])).toEqual([[POWER_USER, true, POWER_DOC]]);
    });

    it("an AWS managed boundary the answer does not list: joined to a model known by ARN, its document not fetched", () => {
      const iam = iamInventory(answer(POWER_USER), CTX);
      expect(only(iam, kind).permissionsBoundaryRef).toBe(POWER_USER);
      expect(iam.policies[0]).toMatchObject({ ref: { id: POWER_USER }, name: "PowerUserAccess", awsManaged: true, document: { reason: "not-fetched" } });
    });

    it("a customer boundary the answer does not list keeps its ARN, unjoined", () => {
      const iam = iamInventory(answer(BOUNDARY_ARN), CTX);
      const p = only(iam, kind);
      expect(p.permissionsBoundary).toBe(BOUNDARY_ARN);
      expect(p.permissionsBoundaryRef).toBeUndefined();
      expect(iam.policies).toEqual([]);
    });

    it("no boundary: undefined, present on the model, no ref", () => {
      const p = only(iamInventory({ ...answer(), policies: [CUSTOMER] }, CTX), kind);
      expect("permissionsBoundary" in p).toBe(true);
      expect(p.permissionsBoundary).toBeUndefined();
      expect(p.permissionsBoundaryRef).toBeUndefined();
    });
  });

  it("groups cannot have a boundary: the field is absent", () => {
    const iam = iamInventory(details({ groups: [{ GroupName: "devs", Arn: `arn:aws:iam::${ACCOUNT}:group/devs`, Path: "/", GroupPolicyList: [], AttachedManagedPolicies: [] }] }), CTX);
    expect("permissionsBoundary" in only(iam, "group")).toBe(false);
  });

  it("parity: the same role and boundary from the Pulumi front and from the scanner", () => {
    const fromPulumi = buildInventory([
      engineResource(IAM_TYPE.role, "app", { name: "app-role", arn: ROLE_ARN, assumeRolePolicy: TRUST, tags: {}, permissionsBoundary: BOUNDARY_ARN }),
      engineResource(IAM_TYPE.policy, "boundary", { name: "boundary", arn: BOUNDARY_ARN, policy: BOUNDARY_DOC }),
    ]).iam;
    const fromAws = iamInventory({ ...details({ roles: [role(BOUNDARY_ARN)] }), policies: [CUSTOMER] }, CTX);
    const pulumiRole = fromPulumi === undefined ? undefined : only(fromPulumi, "role");
    expectParity(only(fromAws, "role"), pulumiRole);
    // Both join the boundary to the model of the same policy (a URN on one front, the ARN on the other).
    expect(fromPulumi?.policies.find((p) => p.ref.id === pulumiRole?.permissionsBoundaryRef)?.arn).toBe(only(fromAws, "role").permissionsBoundaryRef);
  });
});
