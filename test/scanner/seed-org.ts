// A small AWS Organization seeded into moto: the management account and three members, two of them in an
// OU, each holding customer data, and a scanner identity that may assume the scan role in every member
// but one (its AssumeRole is denied there), with exactly the scanner's generated policies.
import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { CreateKeyCommand, KMSClient } from "@aws-sdk/client-kms";
import {
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { CreateBucketCommand, PutBucketPolicyCommand, PutBucketTaggingCommand, S3Client } from "@aws-sdk/client-s3";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { scannerIamPolicy, scannerOrgIamPolicy } from "../../src/scanner/iam-policy";
import { ALL_SOURCES } from "../../src/scanner/sources";
import { MOTO_ACCOUNT, seedConfig } from "../support/aws-context";
import { iamUser, type AccessKeys } from "../support/iam-user";

export const ORG_REGION = "us-east-1";
export const SCAN_ROLE = "cdguard-scanner";
/** Where scheduled scans keep shard files and reports: the scanner may write and read it, nothing more. */
export const REPORTS_BUCKET = "cdguard-reports";

export interface SeededOrg {
  readonly management: string;
  /** Member account ids by name. */
  readonly members: Readonly<Record<"payments" | "analytics" | "sandbox", string>>;
  /** The member whose scan role the scanner may not assume. */
  readonly denied: string;
  /** The OU holding payments and analytics. */
  readonly ou: string;
  readonly root: string;
  /** The scanner's keys (an IAM user of the management account). */
  readonly scanner: AccessKeys;
}

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

export async function seedOrganization(endpoint: string): Promise<SeededOrg> {
  const orgs = new OrganizationsClient(seedConfig(endpoint, ORG_REGION));
  await orgs.send(new CreateOrganizationCommand({ FeatureSet: "ALL" }));
  const root = (await orgs.send(new ListRootsCommand({}))).Roots?.[0]?.Id ?? "";
  const ou = (await orgs.send(new CreateOrganizationalUnitCommand({ ParentId: root, Name: "workloads" }))).OrganizationalUnit?.Id ?? "";
  const member = async (name: string) => {
    const created = await orgs.send(new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }));
    return created.CreateAccountStatus?.AccountId ?? "";
  };
  const members = { payments: await member("payments"), analytics: await member("analytics"), sandbox: await member("sandbox") };
  for (const id of [members.payments, members.analytics]) await orgs.send(new MoveAccountCommand({ AccountId: id, SourceParentId: root, DestinationParentId: ou }));

  const readOnly = scannerIamPolicy(ALL_SOURCES);
  for (const [name, id] of Object.entries(members)) {
    const creds = await adminOf(endpoint, id);
    await seedMember(endpoint, name, id, creds);
    const iam = new IAMClient({ ...seedConfig(endpoint, ORG_REGION), credentials: creds });
    const trust = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${MOTO_ACCOUNT}:root` }, Action: "sts:AssumeRole" }] };
    await iam.send(new CreateRoleCommand({ RoleName: SCAN_ROLE, AssumeRolePolicyDocument: JSON.stringify(trust) }));
    await iam.send(new PutRolePolicyCommand({ RoleName: SCAN_ROLE, PolicyName: "read-only", PolicyDocument: JSON.stringify(readOnly) }));
  }
  await seedMember(endpoint, "management", MOTO_ACCOUNT, { ...seedConfig(endpoint).credentials });

  const org = scannerOrgIamPolicy(SCAN_ROLE);
  const deny = { Sid: "NotTheSandbox", Effect: "Deny", Action: "sts:AssumeRole", Resource: `arn:aws:iam::${members.sandbox}:role/*` };
  await new S3Client(seedConfig(endpoint, ORG_REGION)).send(new CreateBucketCommand({ Bucket: REPORTS_BUCKET }));
  const reports = {
    Sid: "Reports",
    Effect: "Allow",
    Action: ["s3:PutObject", "s3:GetObject", "s3:ListBucket"],
    Resource: [`arn:aws:s3:::${REPORTS_BUCKET}`, `arn:aws:s3:::${REPORTS_BUCKET}/*`],
  };
  const scanner = await iamUser(endpoint, "org-scanner", {
    name: "scan",
    document: { Version: "2012-10-17", Statement: [...readOnly.Statement, ...org.Statement, deny, reports] },
  });
  return { management: MOTO_ACCOUNT, members, denied: members.sandbox, ou, root, scanner };
}

/** The member's administrator session (AWS creates OrganizationAccountAccessRole in every new member). */
async function adminOf(endpoint: string, account: string): Promise<Credentials> {
  const sts = new STSClient(seedConfig(endpoint, ORG_REGION));
  const c = (await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`, RoleSessionName: "seed" }))).Credentials;
  return { accessKeyId: c?.AccessKeyId ?? "", secretAccessKey: c?.SecretAccessKey ?? "", sessionToken: c?.SessionToken ?? "" };
}

/** Customer data of one account: a restricted table of its own segment, a key, and a bucket (public in analytics). */
async function seedMember(endpoint: string, name: string, account: string, credentials: Credentials): Promise<void> {
  const config = { ...seedConfig(endpoint, ORG_REGION), credentials };
  const tags = { "data-classification": "restricted", "customer-segment": name };
  await new DynamoDBClient(config).send(
    new CreateTableCommand({
      TableName: `${name}-customers`,
      AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
      BillingMode: "PAY_PER_REQUEST",
      Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
    }),
  );
  await new KMSClient(config).send(new CreateKeyCommand({ Description: `${name} data key`, Tags: [{ TagKey: "data-classification", TagValue: "restricted" }] }));
  const s3 = new S3Client(config);
  const bucket = `${name}-exports-${account}`;
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet: [{ Key: "data-classification", Value: "confidential" }] } }));
  if (name === "analytics") {
    const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `arn:aws:s3:::${bucket}/*` }] };
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) }));
  }
}
