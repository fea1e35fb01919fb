import { CreatePolicyCommand, CreateRoleCommand, IAMClient, PutRolePermissionsBoundaryCommand } from "@aws-sdk/client-iam";
import { beforeAll, describe, expect, it } from "vitest";
import { adaptIam } from "../../../src/adapters/aws/iam";
import { iamFetcher } from "../../../src/fetchers/aws/iam";
import type { IamInventory, IamPrincipal } from "../../../src/models/iam";
import { everyKeyCustomerManaged } from "../../adapters/aws/fixtures";
import { MOTO_ACCOUNT, scanContext, seedConfig } from "../../support/aws-context";
import { MOTO_SETUP_TIMEOUT, useMoto } from "../../support/moto/use-moto";

// moto 5.2 keeps boundaries of roles only (CreateUser ignores PermissionsBoundary, and it has no
// PutUserPermissionsBoundary): users' boundaries are covered by the recorded answers of
// test/adapters/aws/iam-boundaries.test.ts.

const ADAPT = everyKeyCustomerManaged(MOTO_ACCOUNT);
const POWER_USER = "arn:aws:iam::aws:policy/PowerUserAccess";
const doc = (...statements: unknown[]): string => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const TRUST = doc({ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" });
const BOUNDARY_DOC = doc({ Effect: "Allow", Action: "s3:*", Resource: "*" });

async function seed(endpoint: string): Promise<string> {
  const iam = new IAMClient(seedConfig(endpoint));
  const boundary = (await iam.send(new CreatePolicyCommand({ PolicyName: "boundary", PolicyDocument: BOUNDARY_DOC }))).Policy?.Arn ?? "";
  await iam.send(new CreateRoleCommand({ RoleName: "bounded", AssumeRolePolicyDocument: TRUST, PermissionsBoundary: boundary }));
  await iam.send(new CreateRoleCommand({ RoleName: "aws-bounded", AssumeRolePolicyDocument: TRUST }));
  await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: "aws-bounded", PermissionsBoundary: POWER_USER }));
  await iam.send(new CreateRoleCommand({ RoleName: "free", AssumeRolePolicyDocument: TRUST }));
  return boundary;
}

const role = (iam: IamInventory | undefined, name: string): IamPrincipal | undefined => iam?.principals.find((p) => p.kind === "role" && p.name === name);

describe("IAM permissions boundaries against moto", () => {
  const moto = useMoto();
  let boundary: string;
  let iam: IamInventory | undefined;

  beforeAll(async () => {
    boundary = await seed(moto().endpoint);
    iam = adaptIam(await iamFetcher.fetch(scanContext(moto().endpoint).ctx), ADAPT).iam as IamInventory | undefined;
  }, MOTO_SETUP_TIMEOUT);

  it("a role created with a customer boundary comes back with it, joined to the listed policy", () => {
    expect(boundary).toBe(`arn:aws:iam::${MOTO_ACCOUNT}:policy/boundary`);
    expect(role(iam, "bounded")).toMatchObject({ permissionsBoundary: boundary, permissionsBoundaryRef: boundary });
    expect(JSON.parse(iam?.policies.find((p) => p.ref.id === boundary)?.document as string)).toEqual(JSON.parse(BOUNDARY_DOC));
  });

  it("a role given an AWS managed boundary (PutRolePermissionsBoundary) joins that policy's model, with the listed document", () => {
    expect(role(iam, "aws-bounded")).toMatchObject({ permissionsBoundary: POWER_USER, permissionsBoundaryRef: POWER_USER });
    const power = iam?.policies.find((p) => p.ref.id === POWER_USER);
    expect(power).toMatchObject({ awsManaged: true, name: "PowerUserAccess" });
    expect(JSON.parse(power?.document as string).Statement[0]).toMatchObject({ Effect: "Allow", NotAction: expect.arrayContaining(["iam:*"]) });
  });

  it("a role without a boundary: undefined", () => {
    const free = role(iam, "free");
    expect(free).toBeDefined();
    expect(free?.permissionsBoundary).toBeUndefined();
    expect(free?.permissionsBoundaryRef).toBeUndefined();
  });
});
