// A realistic account seeded into moto through the AWS SDK: compliant and non-compliant stores of
// two customer segments, their keys and network, and the IAM problems a reviewer looks for.
import { CreateDBInstanceCommand, CreateDBSubnetGroupCommand, RDSClient } from "@aws-sdk/client-rds";
import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  AttachInternetGatewayCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateInternetGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  AssociateRouteTableCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  EC2Client,
  ModifySnapshotAttributeCommand,
  RegisterImageCommand,
  RunInstancesCommand,
} from "@aws-sdk/client-ec2";
import {
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import { CreateKeyCommand, EnableKeyRotationCommand, KMSClient } from "@aws-sdk/client-kms";
import { CreateLogGroupCommand, CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import {
  CreateBucketCommand,
  PutBucketEncryptionCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutPublicAccessBlockCommand,
  PutBucketAclCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { CreateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { CreateTopicCommand, SNSClient } from "@aws-sdk/client-sns";
import { CreateQueueCommand, SQSClient } from "@aws-sdk/client-sqs";
import { seedConfig } from "../support/aws-context";
import { seedHygiene } from "./seed-hygiene";

export const REGION = "us-east-1";
export const OTHER_ACCOUNT = "999988887777";
/** Values a scan must never print: the secrets' contents. */
export const SECRET_VALUES = ["pg-password-Zq81!xK", "api-token-77f0c1e9d2"];

const tags = (t: Record<string, string>) => Object.entries(t).map(([Key, Value]) => ({ Key, Value }));
const restricted = (segment: string) => ({ "data-classification": "restricted", "customer-segment": segment });

const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const trust = (Principal: unknown, extra: Record<string, unknown> = {}) => doc({ Effect: "Allow", Principal, Action: "sts:AssumeRole", ...extra });

export interface SeededAccount {
  readonly keyA: string;
  readonly keyB: string;
  readonly keyNoRotation: string;
}

/** `hygiene`: also the privacy-hygiene misconfigurations (seed-hygiene.ts); the scan-account test asks for them. */
export async function seedAccount(endpoint: string, opts: { hygiene?: boolean } = {}): Promise<SeededAccount> {
  const cfg = seedConfig(endpoint, REGION);
  const kms = new KMSClient(cfg);
  const keyOf = async (description: string, rotate: boolean, t: Record<string, string>) => {
    const k = await kms.send(new CreateKeyCommand({ Description: description, Tags: tags(t).map(({ Key, Value }) => ({ TagKey: Key, TagValue: Value })) }));
    const id = k.KeyMetadata?.KeyId ?? "";
    if (rotate) await kms.send(new EnableKeyRotationCommand({ KeyId: id }));
    return k.KeyMetadata?.Arn ?? "";
  };
  const keyA = await keyOf("segment a", true, { "customer-segment": "a" });
  const keyB = await keyOf("segment b", true, { "customer-segment": "b" });
  const keyNoRotation = await keyOf("no rotation", false, {});

  await seedBuckets(new S3Client(cfg), keyA);
  await seedNetworkAndDatabases(new EC2Client(cfg), new RDSClient(cfg), keyA, keyB);
  await seedTables(new DynamoDBClient(cfg), keyA, keyB);
  await seedMessaging(new SQSClient(cfg), new SNSClient(cfg), keyA);
  await seedSecretsAndLogs(new SecretsManagerClient(cfg), new CloudWatchLogsClient(cfg), keyA);
  await seedIam(new IAMClient(cfg));
  if (opts.hygiene) await seedHygiene(endpoint, REGION);
  return { keyA, keyB, keyNoRotation };
}

async function seedBuckets(s3: S3Client, keyA: string): Promise<void> {
  const bucket = async (name: string, t: Record<string, string>) => {
    await s3.send(new CreateBucketCommand({ Bucket: name }));
    await s3.send(new PutBucketTaggingCommand({ Bucket: name, Tagging: { TagSet: tags(t) } }));
  };
  const blockAll = (name: string) =>
    s3.send(new PutPublicAccessBlockCommand({ Bucket: name, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }));
  const tlsOnly = (name: string) =>
    s3.send(new PutBucketPolicyCommand({ Bucket: name, Policy: doc({ Sid: "TlsOnly", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } }) }));

  // Compliant: restricted, customer key, blocked, TLS only.
  await bucket("seg-a-orders", restricted("a"));
  await s3.send(new PutBucketEncryptionCommand({ Bucket: "seg-a-orders", ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: keyA } }] } }));
  await blockAll("seg-a-orders");
  await tlsOnly("seg-a-orders");
  // Restricted data under S3's default encryption only: needs a customer-managed key.
  await bucket("seg-b-invoices", restricted("b"));
  await blockAll("seg-b-invoices");
  await tlsOnly("seg-b-invoices");
  // Confidential, readable by anyone through its policy and its ACL, no block, no TLS requirement.
  await bucket("shared-exports", { "data-classification": "confidential" });
  await s3.send(new PutBucketPolicyCommand({ Bucket: "shared-exports", Policy: doc({ Sid: "Public", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::shared-exports/*" }) }));
  await s3.send(new PutBucketAclCommand({ Bucket: "shared-exports", ACL: "public-read" }));
  // Public data, marked so: only S3's default encryption, blocked.
  await bucket("public-website-assets", { "data-classification": "public" });
  await blockAll("public-website-assets");
}

async function seedNetworkAndDatabases(ec2: EC2Client, rds: RDSClient, keyA: string, keyB: string): Promise<void> {
  const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.20.0.0/16" }))).Vpc?.VpcId ?? "";
  const subnet = async (cidr: string, az: string) => (await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: cidr, AvailabilityZone: az }))).Subnet?.SubnetId ?? "";
  const publicA = await subnet("10.20.0.0/24", "us-east-1a");
  const publicB = await subnet("10.20.1.0/24", "us-east-1b");
  const privateA = await subnet("10.20.10.0/24", "us-east-1a");
  const privateB = await subnet("10.20.11.0/24", "us-east-1b");
  const privateC = await subnet("10.20.20.0/24", "us-east-1a");
  const privateD = await subnet("10.20.21.0/24", "us-east-1b");
  const igw = (await ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway?.InternetGatewayId ?? "";
  await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpc }));
  const publicRt = (await ec2.send(new CreateRouteTableCommand({ VpcId: vpc }))).RouteTable?.RouteTableId ?? "";
  await ec2.send(new CreateRouteCommand({ RouteTableId: publicRt, DestinationCidrBlock: "0.0.0.0/0", GatewayId: igw }));
  for (const s of [publicA, publicB]) await ec2.send(new AssociateRouteTableCommand({ RouteTableId: publicRt, SubnetId: s }));
  const privateRt = (await ec2.send(new CreateRouteTableCommand({ VpcId: vpc }))).RouteTable?.RouteTableId ?? "";
  for (const s of [privateA, privateB, privateC, privateD]) await ec2.send(new AssociateRouteTableCommand({ RouteTableId: privateRt, SubnetId: s }));

  const sg = async (name: string, cidr: string, segment?: string) => {
    const id = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: name, Description: name, VpcId: vpc, ...(segment ? { TagSpecifications: [{ ResourceType: "security-group", Tags: tags({ "customer-segment": segment }) }] } : {}) }))).GroupId ?? "";
    await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: "tcp", FromPort: 5432, ToPort: 5432, IpRanges: [{ CidrIp: cidr }] }] }));
    return id;
  };
  const sgA = await sg("db-seg-a", "10.20.0.0/16", "a");
  const sgB = await sg("db-seg-b", "10.20.0.0/16", "b");
  const sgOpen = await sg("db-legacy-open", "0.0.0.0/0");
  // Segment b's databases admit segment a's application security group.
  await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: sgB, IpPermissions: [{ IpProtocol: "tcp", FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: sgA }] }] }));

  await rds.send(new CreateDBSubnetGroupCommand({ DBSubnetGroupName: "seg-a-private", DBSubnetGroupDescription: "a", SubnetIds: [privateA, privateB], Tags: tags({ "customer-segment": "a" }) }));
  await rds.send(new CreateDBSubnetGroupCommand({ DBSubnetGroupName: "seg-b-private", DBSubnetGroupDescription: "b", SubnetIds: [privateC, privateD], Tags: tags({ "customer-segment": "b" }) }));
  // Segment a's application host, on a subnet of segment b's databases.
  const image = (await ec2.send(new RegisterImageCommand({ Name: "app-base", RootDeviceName: "/dev/xvda" }))).ImageId ?? "";
  await ec2.send(
    new RunInstancesCommand({
      ImageId: image,
      InstanceType: "t3.micro",
      MinCount: 1,
      MaxCount: 1,
      SubnetId: privateC,
      SecurityGroupIds: [sgA],
      BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { VolumeSize: 8, Encrypted: true, KmsKeyId: keyA } }],
      TagSpecifications: [{ ResourceType: "instance", Tags: tags({ Name: "seg-a-app-host", ...restricted("a") }) }],
    }),
  );
  // A volume snapshot shared with an account nobody trusted.
  const volume = (await ec2.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", Size: 8, Encrypted: true, KmsKeyId: keyA, TagSpecifications: [{ ResourceType: "volume", Tags: tags(restricted("a")) }] }))).VolumeId ?? "";
  const snapshot = (await ec2.send(new CreateSnapshotCommand({ VolumeId: volume, TagSpecifications: [{ ResourceType: "snapshot", Tags: tags({ Name: "seg-a-volume-backup" }) }] }))).SnapshotId ?? "";
  await ec2.send(new ModifySnapshotAttributeCommand({ SnapshotId: snapshot, Attribute: "createVolumePermission", OperationType: "add", UserIds: [OTHER_ACCOUNT] }));
  await rds.send(new CreateDBSubnetGroupCommand({ DBSubnetGroupName: "legacy-public", DBSubnetGroupDescription: "legacy", SubnetIds: [publicA, publicB] }));
  const db = (id: string, over: Record<string, unknown>) =>
    rds.send(new CreateDBInstanceCommand({ DBInstanceIdentifier: id, Engine: "postgres", DBInstanceClass: "db.t3.micro", AllocatedStorage: 20, MasterUsername: "admin", MasterUserPassword: SECRET_VALUES[0], ...over }));
  await db("seg-a-accounts", { StorageEncrypted: true, KmsKeyId: keyA, DBSubnetGroupName: "seg-a-private", VpcSecurityGroupIds: [sgA], PubliclyAccessible: false, Tags: tags(restricted("a")) });
  await db("seg-b-accounts", { StorageEncrypted: true, KmsKeyId: keyB, DBSubnetGroupName: "seg-b-private", VpcSecurityGroupIds: [sgB], PubliclyAccessible: false, Tags: tags(restricted("b")) });
  // Segment b's analytics copy placed on segment a's subnets.
  await db("seg-b-analytics", { StorageEncrypted: true, KmsKeyId: keyB, DBSubnetGroupName: "seg-a-private", VpcSecurityGroupIds: [sgB], PubliclyAccessible: false, Tags: tags(restricted("b")) });
  await db("legacy-reporting", { StorageEncrypted: false, DBSubnetGroupName: "legacy-public", VpcSecurityGroupIds: [sgOpen], PubliclyAccessible: true, Tags: tags({ "data-classification": "confidential" }) });
}

async function seedTables(ddb: DynamoDBClient, keyA: string, keyB: string): Promise<void> {
  const table = (name: string, t: Record<string, string>, key?: string) =>
    ddb.send(
      new CreateTableCommand({
        TableName: name,
        AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }],
        KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
        BillingMode: "PAY_PER_REQUEST",
        Tags: tags(t),
        ...(key ? { SSESpecification: { Enabled: true, SSEType: "KMS", KMSMasterKeyId: key } } : {}),
      }),
    );
  await table("seg-a-sessions", restricted("a"), keyA);
  await table("seg-b-sessions", restricted("b"), keyB);
  // Restricted under DynamoDB's AWS-owned key: needs a customer-managed key.
  await table("seg-b-events", restricted("b"));
}

async function seedMessaging(sqs: SQSClient, sns: SNSClient, keyA: string): Promise<void> {
  await sqs.send(new CreateQueueCommand({ QueueName: "seg-a-jobs", Attributes: { KmsMasterKeyId: keyA }, tags: restricted("a") }));
  // Anyone may send to it.
  const anyone = doc({ Effect: "Allow", Principal: "*", Action: "sqs:SendMessage", Resource: "arn:aws:sqs:us-east-1:123456789012:notifications" });
  await sqs.send(new CreateQueueCommand({ QueueName: "notifications", Attributes: { SqsManagedSseEnabled: "false", Policy: anyone }, tags: { "data-classification": "confidential" } }));
  // Segment b's queue under segment a's key: the key is shared between segments.
  await sqs.send(new CreateQueueCommand({ QueueName: "seg-b-jobs", Attributes: { KmsMasterKeyId: keyA }, tags: restricted("b") }));
  await sns.send(new CreateTopicCommand({ Name: "seg-a-alerts", Attributes: { KmsMasterKeyId: keyA }, Tags: tags(restricted("a")) }));
  // Another account may publish to it.
  const partner = doc({ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` }, Action: "sns:Publish", Resource: "arn:aws:sns:us-east-1:123456789012:marketing" });
  await sns.send(new CreateTopicCommand({ Name: "marketing", Attributes: { Policy: partner }, Tags: tags({ "data-classification": "confidential" }) }));
}

async function seedSecretsAndLogs(sm: SecretsManagerClient, logs: CloudWatchLogsClient, keyA: string): Promise<void> {
  await sm.send(new CreateSecretCommand({ Name: "seg-a/db-password", SecretString: SECRET_VALUES[0], KmsKeyId: keyA, Tags: tags(restricted("a")) }));
  await sm.send(new CreateSecretCommand({ Name: "partner-api-token", SecretString: SECRET_VALUES[1], Tags: tags({ "data-classification": "restricted" }) }));
  await logs.send(new CreateLogGroupCommand({ logGroupName: "/app/seg-a", kmsKeyId: keyA, tags: restricted("a") }));
  await logs.send(new CreateLogGroupCommand({ logGroupName: "/app/legacy", tags: { "data-classification": "confidential" } }));
}

async function seedIam(iam: IAMClient): Promise<void> {
  const lambdaTrust = trust({ Service: "lambda.amazonaws.com" });
  await iam.send(new CreateRoleCommand({ RoleName: "open-trust", AssumeRolePolicyDocument: trust({ AWS: "*" }) }));
  await iam.send(new CreateRoleCommand({ RoleName: "partner-access", AssumeRolePolicyDocument: trust({ AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` }) }));
  await iam.send(new CreateRoleCommand({ RoleName: "partner-access-safe", AssumeRolePolicyDocument: trust({ AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` }, { Condition: { StringEquals: { "sts:ExternalId": "cdg-7f3a" } } }) }));
  await iam.send(new CreateRoleCommand({ RoleName: "seg-a-app", AssumeRolePolicyDocument: lambdaTrust, Tags: tags({ "customer-segment": "a" }) }));
  await iam.send(new PutRolePolicyCommand({ RoleName: "seg-a-app", PolicyName: "tables", PolicyDocument: doc({ Effect: "Allow", Action: ["dynamodb:GetItem", "dynamodb:PutItem"], Resource: "arn:aws:dynamodb:us-east-1:123456789012:table/seg-a-sessions" }) }));
  await iam.send(new CreateRoleCommand({ RoleName: "reporting", AssumeRolePolicyDocument: lambdaTrust }));
  await iam.send(new PutRolePolicyCommand({ RoleName: "reporting", PolicyName: "both-segments", PolicyDocument: doc({ Effect: "Allow", Action: "dynamodb:GetItem", Resource: ["arn:aws:dynamodb:us-east-1:123456789012:table/seg-a-sessions", "arn:aws:dynamodb:us-east-1:123456789012:table/seg-b-sessions"] }) }));
  await iam.send(new CreateRoleCommand({ RoleName: "ci-deployer", AssumeRolePolicyDocument: lambdaTrust }));
  const passRole = await iam.send(new CreatePolicyCommand({ PolicyName: "launch-with-any-role", PolicyDocument: doc({ Effect: "Allow", Action: ["iam:PassRole", "ec2:RunInstances"], Resource: "*" }) }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: "ci-deployer", PolicyArn: passRole.Policy?.Arn ?? "" }));
  await iam.send(new CreateRoleCommand({ RoleName: "ops-admin", AssumeRolePolicyDocument: lambdaTrust }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: "ops-admin", PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }));
  await iam.send(new CreateUserCommand({ UserName: "data-engineer" }));
  await iam.send(new PutUserPolicyCommand({ UserName: "data-engineer", PolicyName: "everything-s3", PolicyDocument: doc({ Effect: "Allow", Action: "s3:*", Resource: "*" }) }));
  await iam.send(new CreateUserCommand({ UserName: "auditor" }));
  await iam.send(new AttachUserPolicyCommand({ UserName: "auditor", PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }));
}
