import type { GroupDetail, ManagedPolicyDetail, RoleDetail, UserDetail } from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { adaptIam, iamInventory } from "../../../src/adapters/aws/iam";
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import { IAM_TYPE } from "../../../src/adapters/pulumi/iam/types";
import type { AccountAuthorizationDetails, IamAnswers } from "../../../src/fetchers/aws/iam";
import type { IamInventory, IamPrincipal } from "../../../src/models/iam";
import { engineResource } from "../../helpers/engine";
import { expectParity } from "./parity";
import { everyKeyCustomerManaged } from "./fixtures";

const ACCOUNT = "111122223333";
const CTX = everyKeyCustomerManaged(ACCOUNT);

const doc = (...statements: unknown[]): string => JSON.stringify({ Version: "2012-10-17", Statement: statements });
/** GetAccountAuthorizationDetails sends documents URL-encoded (RFC 3986). */
const encoded = (json: string): string => encodeURIComponent(json);

const LAMBDA_TRUST = doc({ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" });
const READ_ORDERS = doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::orders/*" });
const WRITE_ORDERS_V1 = doc({ Effect: "Allow", Action: "s3:PutObject", Resource: "arn:aws:s3:::orders/*" });
const WRITE_ORDERS_V2 = doc({ Effect: "Allow", Action: ["s3:PutObject", "s3:DeleteObject"], Resource: "arn:aws:s3:::orders/*" });
const ADMIN_DOC = doc({ Effect: "Allow", Action: "*", Resource: "*" });

const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/app-role`;
const USER_ARN = `arn:aws:iam::${ACCOUNT}:user/alice`;
const GROUP_ARN = `arn:aws:iam::${ACCOUNT}:group/devs`;
const WRITE_ARN = `arn:aws:iam::${ACCOUNT}:policy/write-orders`;
const UNUSED_ARN = `arn:aws:iam::${ACCOUNT}:policy/unused`;
const ADMIN_ARN = "arn:aws:iam::aws:policy/AdministratorAccess";
const READONLY_ARN = "arn:aws:iam::aws:policy/ReadOnlyAccess";
const LAMBDA_BASIC_ARN = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

const role: RoleDetail = {
  RoleName: "app-role",
  Arn: ROLE_ARN,
  Path: "/",
  AssumeRolePolicyDocument: encoded(LAMBDA_TRUST),
  RolePolicyList: [{ PolicyName: "read", PolicyDocument: encoded(READ_ORDERS) }],
  AttachedManagedPolicies: [
    { PolicyName: "write-orders", PolicyArn: WRITE_ARN },
    { PolicyName: "AWSLambdaBasicExecutionRole", PolicyArn: LAMBDA_BASIC_ARN },
  ],
  Tags: [{ Key: "team", Value: "orders" }],
};
const user: UserDetail = {
  UserName: "alice",
  Arn: USER_ARN,
  Path: "/",
  GroupList: ["devs", "gone"],
  UserPolicyList: [{ PolicyName: "own", PolicyDocument: encoded(READ_ORDERS) }],
  AttachedManagedPolicies: [{ PolicyName: "AdministratorAccess", PolicyArn: ADMIN_ARN }],
};
const group: GroupDetail = {
  GroupName: "devs",
  Arn: GROUP_ARN,
  Path: "/",
  GroupPolicyList: [],
  AttachedManagedPolicies: [{ PolicyName: "write-orders", PolicyArn: WRITE_ARN }],
};
const customerPolicy = (arn: string, name: string): ManagedPolicyDetail => ({
  PolicyName: name,
  Arn: arn,
  DefaultVersionId: "v2",
  AttachmentCount: 2,
  PolicyVersionList: [
    { VersionId: "v1", IsDefaultVersion: false, Document: encoded(WRITE_ORDERS_V1) },
    { VersionId: "v2", IsDefaultVersion: true, Document: encoded(WRITE_ORDERS_V2) },
  ],
});
const awsPolicy = (arn: string, name: string, json: string, attachments: number): ManagedPolicyDetail => ({
  PolicyName: name,
  Arn: arn,
  DefaultVersionId: "v1",
  AttachmentCount: attachments,
  PolicyVersionList: [{ VersionId: "v1", IsDefaultVersion: true, Document: encoded(json) }],
});

const details: AccountAuthorizationDetails = {
  roles: [role],
  users: [user],
  groups: [group],
  // As moto answers: every AWS managed policy, attached or not (AWS lists the attached ones).
  policies: [
    customerPolicy(WRITE_ARN, "write-orders"),
    customerPolicy(UNUSED_ARN, "unused"),
    awsPolicy(ADMIN_ARN, "AdministratorAccess", ADMIN_DOC, 1),
    awsPolicy(READONLY_ARN, "ReadOnlyAccess", doc({ Effect: "Allow", Action: "s3:Get*", Resource: "*" }), 0),
  ],
};

const principal = (iam: IamInventory, kind: string, name: string): IamPrincipal => {
  const p = iam.principals.find((x) => x.kind === kind && x.name === name);
  if (p === undefined) throw new Error(`no ${kind} ${name}`);
  return p;
};

describe("IAM adapter (GetAccountAuthorizationDetails)", () => {
  const iam = iamInventory(details, CTX);

  it("a role: ARN as model id, CloudFormation type, tags, URL-decoded trust policy and inline policies", () => {
    const r = principal(iam, "role", "app-role");
    expect(r.ref).toEqual({ id: ROLE_ARN, type: "AWS::IAM::Role", name: "app-role", label: "IAM role", account: ACCOUNT, region: "global" });
    expect(r).toMatchObject({ model: "iam-principal", arn: ROLE_ARN, tags: { team: "orders" }, trustPolicy: LAMBDA_TRUST, groups: [] });
    expect(r.inlinePolicies).toEqual([
      { name: "read", document: READ_ORDERS, documentSources: [], ref: r.ref, principal: { kind: "role", name: "app-role", principalRef: ROLE_ARN } },
    ]);
  });

  it("attached policies join the managed policy models by ARN; each is an attachment made by the principal", () => {
    const r = principal(iam, "role", "app-role");
    expect(r.attachedPolicies).toEqual([
      { policyArn: WRITE_ARN, policyRef: WRITE_ARN, via: r.ref },
      { policyArn: LAMBDA_BASIC_ARN, policyRef: LAMBDA_BASIC_ARN, via: r.ref },
    ]);
    expect(iam.attachments.filter((a) => a.ref.id === ROLE_ARN)).toEqual([
      { ref: r.ref, policyArn: WRITE_ARN, policyRef: WRITE_ARN, principals: [{ kind: "role", name: "app-role", principalRef: ROLE_ARN }], unknownPrincipals: [] },
      { ref: r.ref, policyArn: LAMBDA_BASIC_ARN, policyRef: LAMBDA_BASIC_ARN, principals: [{ kind: "role", name: "app-role", principalRef: ROLE_ARN }], unknownPrincipals: [] },
    ]);
    expect(iam.attachments).toHaveLength(4);
  });

  it("managed policies: every customer one with its default version's document; AWS ones only when attached", () => {
    const byArn = new Map(iam.policies.map((p) => [p.ref.id, p]));
    expect([...byArn.keys()]).toEqual([WRITE_ARN, UNUSED_ARN, ADMIN_ARN, LAMBDA_BASIC_ARN]);
    expect(byArn.get(WRITE_ARN)).toEqual({
      model: "iam-managed-policy",
      ref: { id: WRITE_ARN, type: "AWS::IAM::ManagedPolicy", name: "write-orders", label: "IAM policy", account: ACCOUNT, region: "global" },
      arn: WRITE_ARN,
      name: "write-orders",
      document: WRITE_ORDERS_V2,
      documentSources: [],
      awsManaged: false,
    });
    expect(byArn.get(ADMIN_ARN)).toMatchObject({ awsManaged: true, name: "AdministratorAccess", document: ADMIN_DOC, ref: { label: "AWS managed policy" } });
    // Attached, but not listed (AWS lists it; a filtered answer may not): known by ARN, document not fetched.
    expect(byArn.get(LAMBDA_BASIC_ARN)?.document).toMatchObject({ reason: "not-fetched" });
    expect(byArn.get(LAMBDA_BASIC_ARN)?.name).toBe("AWSLambdaBasicExecutionRole");
  });

  it("a user: its groups as group model ids when listed, else names; a group carries no tags", () => {
    const u = principal(iam, "user", "alice");
    expect(u.groups).toEqual([GROUP_ARN, "gone"]);
    expect(u.tags).toEqual({});
    expect(u.trustPolicy).toBeUndefined();
    expect(principal(iam, "group", "devs").tags).toBeUndefined();
    expect(iam.inlinePolicies.map((p) => [p.principal.kind, p.name])).toEqual([
      ["role", "read"],
      ["user", "own"],
    ]);
  });

  it("a document that is JSON already (moto's trust policies) is kept; an undecodable one is Unknown('error')", () => {
    const raw: RoleDetail = { ...role, AssumeRolePolicyDocument: LAMBDA_TRUST, RolePolicyList: [{ PolicyName: "bad", PolicyDocument: "%E0%A4%A" }] };
    const r = principal(iamInventory({ ...details, roles: [raw] }, CTX), "role", "app-role");
    expect(r.trustPolicy).toBe(LAMBDA_TRUST);
    expect(r.inlinePolicies[0]?.document).toMatchObject({ reason: "error", detail: "inline policy 'bad' of IAM role 'app-role' is neither JSON nor URL-encoded JSON" });
  });

  it("a missing ARN is built from the path and name", () => {
    const { Arn: _arn, ...noArn } = role;
    const r = iamInventory({ ...details, roles: [{ ...noArn, Path: "/service/" }] }, CTX).principals[0];
    expect(r?.ref.id).toBe(`arn:aws:iam::${ACCOUNT}:role/service/app-role`);
  });

  it("adaptIam: the inventory, and the tags of roles and users (for waivers)", () => {
    const out = adaptIam({ details: { ok: true, value: details } }, CTX);
    expect(out.iam?.principals).toHaveLength(3);
    expect(out.tags).toEqual([
      [ROLE_ARN, { team: "orders" }],
      [USER_ARN, {}],
    ]);
    expect(out.gaps).toBeUndefined();
  });

  it("a failed GetAccountAuthorizationDetails is a coverage gap with the reason, and no IAM inventory", () => {
    const failed: IamAnswers = {
      details: {
        ok: false,
        failure: { reason: "access-denied", service: "iam", action: "iam:GetAccountAuthorizationDetails", region: "us-east-1", detail: "AccessDenied: not authorized" },
      },
    };
    const out = adaptIam(failed, CTX);
    expect(out.iam).toBeUndefined();
    expect(out.gaps).toEqual([
      { service: "iam", region: "us-east-1", what: "IAM principals and policies", action: "iam:GetAccountAuthorizationDetails", reason: "access-denied", detail: "AccessDenied: not authorized" },
    ]);
  });
});

/** `via` names the attaching resource (a ResourceRef): a URN on one front, an ARN on the other. */
const withoutVia = (p: IamPrincipal | undefined): unknown =>
  p === undefined ? undefined : { ...p, attachedPolicies: p.attachedPolicies.map(({ via: _via, ...rest }) => rest) };

describe("IAM parity with the Pulumi front", () => {
  it("a role with a trust policy, tags, an inline policy and a customer and an AWS managed policy", () => {
    const fromPulumi = buildInventory([
      engineResource(IAM_TYPE.role, "app", {
        name: "app-role",
        arn: ROLE_ARN,
        assumeRolePolicy: LAMBDA_TRUST,
        tags: { team: "orders" },
        inlinePolicies: [{ name: "read", policy: READ_ORDERS }],
        managedPolicyArns: [WRITE_ARN, ADMIN_ARN],
      }),
      engineResource(IAM_TYPE.policy, "write", { name: "write-orders", arn: WRITE_ARN, policy: WRITE_ORDERS_V2 }),
    ]).iam;
    const fromAws = iamInventory(
      {
        roles: [{ ...role, AttachedManagedPolicies: [{ PolicyArn: WRITE_ARN }, { PolicyArn: ADMIN_ARN }] }],
        users: [],
        groups: [],
        policies: [customerPolicy(WRITE_ARN, "write-orders")],
      },
      CTX,
    );
    expectParity(withoutVia(fromAws.principals[0]), withoutVia(fromPulumi?.principals[0]));
    expectParity(fromAws.inlinePolicies, fromPulumi?.inlinePolicies);
    expectParity(fromAws.attachments, fromPulumi?.attachments);
    // The AWS managed policy's document differs in form only (next case).
    const customer = (i: IamInventory | undefined) => i?.policies.filter((p) => !p.awsManaged);
    expectParity(customer(fromAws), customer(fromPulumi));
    expect(fromAws.policies.map((p) => p.arn)).toEqual(fromPulumi?.policies.map((p) => p.arn));
  });

  it("a user with an inline policy (UserPolicy resource) and no groups, and a group", () => {
    const fromPulumi = buildInventory([
      engineResource(IAM_TYPE.user, "alice", { name: "alice", arn: USER_ARN, tags: {} }),
      engineResource(IAM_TYPE.userPolicy, "own", { name: "own", user: "alice", policy: READ_ORDERS }),
      engineResource(IAM_TYPE.group, "devs", { name: "devs", arn: GROUP_ARN }),
    ]).iam;
    const fromAws = iamInventory({ roles: [], users: [{ ...user, GroupList: [], AttachedManagedPolicies: [] }], groups: [{ ...group, AttachedManagedPolicies: [] }], policies: [] }, CTX);
    expectParity(fromAws.principals, fromPulumi?.principals);
    expectParity(fromAws.inlinePolicies, fromPulumi?.inlinePolicies);
  });

  it("an AWS managed policy's document: the scanner has the account's, the Pulumi front the bundled catalogue's", () => {
    const fromPulumi = buildInventory([
      engineResource(IAM_TYPE.role, "app", { name: "app-role", arn: ROLE_ARN, assumeRolePolicy: LAMBDA_TRUST, managedPolicyArns: [ADMIN_ARN] }),
    ]).iam;
    const fromAws = iamInventory({ roles: [{ ...role, AttachedManagedPolicies: [{ PolicyArn: ADMIN_ARN }] }], users: [], groups: [], policies: [details.policies[2] as ManagedPolicyDetail] }, CTX);
    const [pulumiAdmin] = fromPulumi?.policies ?? [];
    const [awsAdmin] = fromAws.policies;
    expect(awsAdmin?.document).toBe(ADMIN_DOC);
    // The same document, as JSON text from IAM and as an object from the catalogue.
    expect(pulumiAdmin?.document).toEqual(JSON.parse(ADMIN_DOC));
    expectParity({ ...awsAdmin, document: undefined }, { ...pulumiAdmin, document: undefined });
  });
});
