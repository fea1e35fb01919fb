import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import { beforeAll, describe, expect, it } from "vitest";
import { adaptIam } from "../../../src/adapters/aws/iam";
import { iamFetcher } from "../../../src/fetchers/aws/iam";
import type { IamInventory, IamPrincipal } from "../../../src/models/iam";
import { IAM_SOURCES } from "../../../src/scanner/sources/iam";
import { everyKeyCustomerManaged } from "../../adapters/aws/fixtures";
import { MOTO_ACCOUNT, scanContext, seedConfig } from "../../support/aws-context";
import { iamUser, policyDocument, type AccessKeys } from "../../support/iam-user";
import { MOTO_SETUP_TIMEOUT, useMoto } from "../../support/moto/use-moto";

const ADAPT = everyKeyCustomerManaged(MOTO_ACCOUNT);
const ADMIN_ARN = "arn:aws:iam::aws:policy/AdministratorAccess";
const READONLY_ARN = "arn:aws:iam::aws:policy/ReadOnlyAccess";

const doc = (...statements: unknown[]): string => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const OPEN_TRUST = doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" });
const READ_ORDERS = doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::orders/*" });
const WRITE_V1 = doc({ Effect: "Allow", Action: "s3:PutObject", Resource: "arn:aws:s3:::orders/*" });
const WRITE_V2 = doc({ Effect: "Allow", Action: ["s3:PutObject", "s3:DeleteObject"], Resource: "arn:aws:s3:::orders/*" });

async function seed(endpoint: string): Promise<string> {
  const iam = new IAMClient(seedConfig(endpoint));
  await iam.send(new CreateRoleCommand({ RoleName: "app-role", AssumeRolePolicyDocument: OPEN_TRUST, Tags: [{ Key: "team", Value: "orders" }] }));
  await iam.send(new PutRolePolicyCommand({ RoleName: "app-role", PolicyName: "read", PolicyDocument: READ_ORDERS }));
  const write = (await iam.send(new CreatePolicyCommand({ PolicyName: "write-orders", PolicyDocument: WRITE_V1 }))).Policy?.Arn ?? "";
  await iam.send(new CreatePolicyVersionCommand({ PolicyArn: write, PolicyDocument: WRITE_V2, SetAsDefault: true }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: "app-role", PolicyArn: write }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: "app-role", PolicyArn: ADMIN_ARN }));
  await iam.send(new CreateUserCommand({ UserName: "alice", Tags: [{ Key: "cdguard:approved-admin", Value: "true" }] }));
  await iam.send(new PutUserPolicyCommand({ UserName: "alice", PolicyName: "own", PolicyDocument: READ_ORDERS }));
  await iam.send(new CreateGroupCommand({ GroupName: "devs" }));
  await iam.send(new AddUserToGroupCommand({ GroupName: "devs", UserName: "alice" }));
  await iam.send(new AttachGroupPolicyCommand({ GroupName: "devs", PolicyArn: write }));
  return write;
}

const principal = (iam: IamInventory | undefined, kind: string, name: string): IamPrincipal | undefined =>
  iam?.principals.find((p) => p.kind === kind && p.name === name);

describe("IAM fetcher and adapter against moto", () => {
  const moto = useMoto();
  let write: string;
  let iam: IamInventory | undefined;

  beforeAll(async () => {
    write = await seed(moto().endpoint);
    const raw = await iamFetcher.fetch(scanContext(moto().endpoint).ctx);
    // The IAM adapter always gives every part of the inventory.
    iam = adaptIam(raw, ADAPT).iam as IamInventory | undefined;
  }, MOTO_SETUP_TIMEOUT);

  it("is the one IAM source: account-wide, feeding iam, with one read-only action", () => {
    expect(IAM_SOURCES.map((s) => [s.fetcher.name, s.fetcher.scope, s.feeds, s.fetcher.actions])).toEqual([
      ["iam-authorization-details", "account", ["iam"], ["iam:GetAccountAuthorizationDetails"]],
    ]);
  });

  it("a role: trust policy and inline policy as JSON text, tags, attached customer and AWS managed policies", () => {
    const role = principal(iam, "role", "app-role");
    expect(role?.ref).toMatchObject({ id: `arn:aws:iam::${MOTO_ACCOUNT}:role/app-role`, type: "AWS::IAM::Role", account: MOTO_ACCOUNT });
    expect(JSON.parse(role?.trustPolicy as string)).toEqual(JSON.parse(OPEN_TRUST));
    expect(role?.tags).toEqual({ team: "orders" });
    expect(role?.inlinePolicies.map((p) => [p.name, JSON.parse(p.document as string)])).toEqual([["read", JSON.parse(READ_ORDERS)]]);
    expect(role?.attachedPolicies.map((a) => [a.policyArn, a.policyRef]).sort()).toEqual(
      [
        [ADMIN_ARN, ADMIN_ARN],
        [write, write],
      ].sort(),
    );
  });

  it("managed policies: the customer one at its default version; of AWS's (moto lists them all) only the attached one", () => {
    const customer = iam?.policies.find((p) => p.arn === write);
    expect(customer).toMatchObject({ awsManaged: false, name: "write-orders", ref: { type: "AWS::IAM::ManagedPolicy", label: "IAM policy" } });
    expect(JSON.parse(customer?.document as string)).toEqual(JSON.parse(WRITE_V2));
    const aws = iam?.policies.filter((p) => p.awsManaged) ?? [];
    expect(aws.map((p) => p.name)).toEqual(["AdministratorAccess"]);
    expect(JSON.parse(aws[0]?.document as string).Statement).toEqual([{ Effect: "Allow", Action: "*", Resource: "*" }]);
    expect(iam?.policies.some((p) => p.arn === READONLY_ARN)).toBe(false);
  });

  it("a user with tags, an inline policy and its group; the group with its attachment", () => {
    const alice = principal(iam, "user", "alice");
    const devs = principal(iam, "group", "devs");
    expect(alice?.tags).toEqual({ "cdguard:approved-admin": "true" });
    expect(alice?.groups).toEqual([devs?.ref.id]);
    expect(alice?.inlinePolicies.map((p) => p.name)).toEqual(["own"]);
    expect(devs?.tags).toBeUndefined();
    expect(devs?.attachedPolicies.map((a) => a.policyRef)).toEqual([write]);
    expect(iam?.attachments.map((a) => `${a.principals[0]?.kind}:${a.principals[0]?.name}->${a.policyArn}`).sort()).toEqual(
      [`role:app-role->${ADMIN_ARN}`, `role:app-role->${write}`, `group:devs->${write}`].sort(),
    );
  });
});

describe("IAM with IAM enforcement: a scanner not allowed GetAccountAuthorizationDetails", () => {
  const moto = useMoto();
  let credentials: AccessKeys;

  beforeAll(async () => {
    await seed(moto().endpoint);
    const listRoles = policyDocument({ Effect: "Allow", Action: "iam:ListRoles", Resource: "*" });
    credentials = await iamUser(moto().endpoint, "scanner", { name: "list-roles", document: listRoles, managed: true });
    await moto().enableIamAuth();
  }, MOTO_SETUP_TIMEOUT);

  it("is a coverage gap with reason access-denied, and no IAM inventory", async () => {
    const { ctx } = scanContext(moto().endpoint, "us-east-1", { credentials: async () => credentials });
    const out = adaptIam(await iamFetcher.fetch(ctx), ADAPT);
    expect(out.iam).toBeUndefined();
    expect(out.gaps?.map((g) => [g.service, g.action, g.reason, g.what])).toEqual([
      ["iam", "iam:GetAccountAuthorizationDetails", "access-denied", "IAM principals and policies"],
    ]);
  });
});
