// Fills a fresh moto account with a realistic mix of the resources both scanners read, through the
// AWS SDK v3, many calls in flight. A "resource" is one thing created (a bucket, a key, a role...);
// what is set on it (encryption, a policy, tags, rules, an attached policy) is not counted apart.
import { CloudWatchLogsClient, CreateLogGroupCommand, PutRetentionPolicyCommand } from "@aws-sdk/client-cloudwatch-logs";
import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { AuthorizeSecurityGroupIngressCommand, CreateSecurityGroupCommand, CreateSubnetCommand, CreateVolumeCommand, CreateVpcCommand, EC2Client } from "@aws-sdk/client-ec2";
import { AttachRolePolicyCommand, AttachUserPolicyCommand, CreatePolicyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from "@aws-sdk/client-iam";
import { CreateAliasCommand, CreateKeyCommand, EnableKeyRotationCommand, KMSClient } from "@aws-sdk/client-kms";
import { CreateDBInstanceCommand, RDSClient } from "@aws-sdk/client-rds";
import {
  CreateBucketCommand,
  PutBucketEncryptionCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { CreateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { CreateTopicCommand, SNSClient } from "@aws-sdk/client-sns";
import { CreateQueueCommand, SQSClient } from "@aws-sdk/client-sqs";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { Agent } from "node:http";
import { performance } from "node:perf_hooks";

export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";
const OTHER_ACCOUNT = "210987654321";

/** Resources per 1,000, by kind. */
export const MIX = {
  "S3 buckets": 80,
  "KMS keys": 40,
  "IAM users": 80,
  "IAM roles": 120,
  "IAM customer managed policies": 100,
  "VPCs": 10,
  "Subnets": 40,
  "Security groups": 100,
  "EBS volumes": 100,
  "RDS DB instances": 20,
  "DynamoDB tables": 60,
  "SQS queues": 80,
  "SNS topics": 60,
  "Secrets Manager secrets": 50,
  "CloudWatch Logs log groups": 60,
} as const;
export type Kind = keyof typeof MIX;

export interface Seeded {
  /** Resources created, by kind. */
  readonly counts: Record<Kind, number>;
  readonly total: number;
  readonly ms: number;
}

/** How many of each kind make about `total` resources. */
export function mixFor(total: number): Record<Kind, number> {
  const out = {} as Record<Kind, number>;
  for (const [k, per] of Object.entries(MIX) as [Kind, number][]) out[k] = Math.max(1, Math.round((per * total) / 1000));
  return out;
}

/** Runs fn over 0..n-1 with at most `limit` in flight; rejects on the first failure. */
async function pool(n: number, limit: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < n) await fn(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, n) }, worker));
}

const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T;
const doc = (statements: object[]): string => JSON.stringify({ Version: "2012-10-17", Statement: statements });

/** Options of `seedAccount`; `account` and `credentials` seed another account of moto (default: its default account, test keys). */
export interface SeedOptions {
  concurrency?: number;
  log?: (m: string) => void;
  /** The account the credentials reach: it goes into bucket names and ARNs (S3 bucket names are global). */
  account?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

export async function seedAccount(endpoint: string, total: number, opts: SeedOptions = {}): Promise<Seeded> {
  const started = performance.now();
  // The SDK's notice that its 2027 releases need Node 22 (see the README) is not news here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const limit = opts.concurrency ?? 24;
  const account = opts.account ?? ACCOUNT;
  const log = opts.log ?? ((): void => undefined);
  const counts = mixFor(total);
  const requestHandler = new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: limit * 2 }) });
  const config = {
    region: REGION,
    endpoint,
    credentials: opts.credentials ?? { accessKeyId: "testing", secretAccessKey: "testing" },
    maxAttempts: 5,
    requestHandler,
  };
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  const kms = new KMSClient(config);
  const iam = new IAMClient(config);
  const ec2 = new EC2Client(config);
  const rds = new RDSClient(config);
  const ddb = new DynamoDBClient(config);
  const sqs = new SQSClient(config);
  const sns = new SNSClient(config);
  const sm = new SecretsManagerClient(config);
  const logs = new CloudWatchLogsClient(config);
  const tags = (i: number): { Key: string; Value: string }[] => [
    { Key: "team", Value: pick(["payments", "search", "identity", "data"], i) },
    { Key: "env", Value: pick(["prod", "staging", "dev"], i) },
  ];

  // Keys first: much of the rest is encrypted with them.
  const keyArns: string[] = [];
  await pool(counts["KMS keys"], limit, async (i) => {
    const key = await kms.send(new CreateKeyCommand({ Description: `bench key ${i}`, ...(i % 2 === 0 ? { Tags: [{ TagKey: "team", TagValue: "data" }] } : {}) }));
    const id = key.KeyMetadata?.KeyId as string;
    keyArns[i] = key.KeyMetadata?.Arn as string;
    if (i % 2 === 0) await kms.send(new EnableKeyRotationCommand({ KeyId: id }));
    if (i % 3 === 0) await kms.send(new CreateAliasCommand({ AliasName: `alias/bench-${i}`, TargetKeyId: id }));
  });
  const key = (i: number): string => pick(keyArns, i);
  log(`seeded ${counts["KMS keys"]} KMS keys`);

  // Network and IAM policies next: subnets, groups and principals refer to them.
  const vpcIds: string[] = [];
  await pool(counts.VPCs, limit, async (i) => {
    const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: `10.${i % 250}.0.0/16` }));
    vpcIds[i] = vpc.Vpc?.VpcId as string;
  });
  const policyArns: string[] = [];
  await pool(counts["IAM customer managed policies"], limit, async (i) => {
    const statements = [
      [{ Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: [`arn:aws:s3:::bench-${i}`, `arn:aws:s3:::bench-${i}/*`] }],
      [{ Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: `arn:aws:kms:${REGION}:${account}:key/*` }],
      [{ Effect: "Allow", Action: "dynamodb:*", Resource: `arn:aws:dynamodb:${REGION}:${account}:table/t-${i}` }],
      [{ Effect: "Allow", Action: ["sqs:SendMessage", "sns:Publish"], Resource: "*" }],
      [{ Effect: "Allow", Action: "*", Resource: "*" }],
    ];
    const out = await iam.send(new CreatePolicyCommand({ PolicyName: `bench-policy-${i}`, PolicyDocument: doc(pick(statements, i)) }));
    policyArns[i] = out.Policy?.Arn as string;
  });
  log(`seeded ${counts.VPCs} VPCs, ${counts["IAM customer managed policies"]} IAM policies`);

  const tasks: Promise<void>[] = [];
  const run = (kind: Kind, fn: (i: number) => Promise<void>): void => {
    tasks.push(pool(counts[kind], Math.max(2, Math.ceil(limit / 4)), fn).then(() => log(`seeded ${counts[kind]} ${kind}`)));
  };

  run("S3 buckets", async (i) => {
    const Bucket = `bench-${i}-${account}`;
    await s3.send(new CreateBucketCommand({ Bucket }));
    const sets: Promise<unknown>[] = [];
    if (i % 2 === 0) {
      const rule = i % 4 === 0 ? { SSEAlgorithm: "aws:kms" as const, KMSMasterKeyID: key(i) } : { SSEAlgorithm: "AES256" as const };
      sets.push(s3.send(new PutBucketEncryptionCommand({ Bucket, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: rule }] } })));
    }
    if (i % 4 === 1) {
      const statement = i % 8 === 1
        ? { Sid: "TlsOnly", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [`arn:aws:s3:::${Bucket}`, `arn:aws:s3:::${Bucket}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } }
        : { Sid: "PartnerRead", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` }, Action: "s3:GetObject", Resource: `arn:aws:s3:::${Bucket}/*` };
      sets.push(s3.send(new PutBucketPolicyCommand({ Bucket, Policy: doc([statement]) })));
    }
    if (i % 2 === 1) sets.push(s3.send(new PutBucketTaggingCommand({ Bucket, Tagging: { TagSet: tags(i) } })));
    if (i % 5 < 2) {
      sets.push(s3.send(new PutPublicAccessBlockCommand({ Bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } })));
    }
    if (i % 10 === 9) sets.push(s3.send(new PutBucketOwnershipControlsCommand({ Bucket, OwnershipControls: { Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] } })));
    await Promise.all(sets);
  });

  run("IAM users", async (i) => {
    const UserName = `bench-user-${i}`;
    await iam.send(new CreateUserCommand({ UserName, ...(i % 2 === 0 ? { Tags: tags(i) } : {}) }));
    await iam.send(new AttachUserPolicyCommand({ UserName, PolicyArn: pick(policyArns, i) }));
    if (i % 3 === 0) {
      await iam.send(new PutUserPolicyCommand({ UserName, PolicyName: "inline", PolicyDocument: doc([{ Effect: "Allow", Action: "s3:ListAllMyBuckets", Resource: "*" }]) }));
    }
  });

  run("IAM roles", async (i) => {
    const RoleName = `bench-role-${i}`;
    const principal = pick([{ Service: "ec2.amazonaws.com" }, { Service: "lambda.amazonaws.com" }, { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` }, { Service: "ecs-tasks.amazonaws.com" }], i);
    const trust = doc([{ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole" }]);
    await iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: trust, ...(i % 2 === 1 ? { Tags: tags(i) } : {}) }));
    await iam.send(new AttachRolePolicyCommand({ RoleName, PolicyArn: pick(policyArns, i + 1) }));
  });

  run("Subnets", async (i) => {
    await ec2.send(new CreateSubnetCommand({ VpcId: pick(vpcIds, i), CidrBlock: `10.${i % vpcIds.length % 250}.${Math.floor(i / vpcIds.length)}.0/24`, AvailabilityZone: pick(["us-east-1a", "us-east-1b"], i) }));
  });

  run("Security groups", async (i) => {
    const group = await ec2.send(new CreateSecurityGroupCommand({ GroupName: `bench-sg-${i}`, Description: `bench group ${i}`, VpcId: pick(vpcIds, i) }));
    const open = i % 5 === 0;
    await ec2.send(new AuthorizeSecurityGroupIngressCommand({
      GroupId: group.GroupId,
      IpPermissions: [{ IpProtocol: "tcp", FromPort: open ? 22 : 443, ToPort: open ? 22 : 443, IpRanges: [{ CidrIp: open ? "0.0.0.0/0" : "10.0.0.0/8" }] }],
    }));
  });

  run("EBS volumes", async (i) => {
    await ec2.send(new CreateVolumeCommand({ AvailabilityZone: pick(["us-east-1a", "us-east-1b"], i), Size: 8, ...(i % 2 === 0 ? { Encrypted: true, ...(i % 4 === 0 ? { KmsKeyId: key(i) } : {}) } : {}) }));
  });

  run("RDS DB instances", async (i) => {
    await rds.send(new CreateDBInstanceCommand({
      DBInstanceIdentifier: `bench-db-${i}`,
      Engine: pick(["postgres", "mysql"], i),
      DBInstanceClass: "db.t3.micro",
      AllocatedStorage: 20,
      MasterUsername: "bench",
      MasterUserPassword: "bench-password-1",
      StorageEncrypted: i % 2 === 0,
      ...(i % 4 === 0 ? { KmsKeyId: key(i) } : {}),
      PubliclyAccessible: i % 5 === 0,
      BackupRetentionPeriod: i % 3 === 0 ? 0 : 7,
    }));
  });

  run("DynamoDB tables", async (i) => {
    await ddb.send(new CreateTableCommand({
      TableName: `t-${i}`,
      AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }],
      KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
      BillingMode: "PAY_PER_REQUEST",
      ...(i % 3 === 0 ? { SSESpecification: { Enabled: true, SSEType: "KMS", KMSMasterKeyId: key(i) } } : {}),
    }));
  });

  run("SQS queues", async (i) => {
    const QueueName = `bench-queue-${i}`;
    const policy = doc([{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` }, Action: "sqs:SendMessage", Resource: `arn:aws:sqs:${REGION}:${account}:${QueueName}` }]);
    const enc = pick([{ KmsMasterKeyId: key(i) }, { SqsManagedSseEnabled: "true" }, {}], i);
    await sqs.send(new CreateQueueCommand({ QueueName, Attributes: { ...enc, ...(i % 4 === 0 ? { Policy: policy } : {}) } }));
  });

  run("SNS topics", async (i) => {
    await sns.send(new CreateTopicCommand({ Name: `bench-topic-${i}`, ...(i % 2 === 0 ? { Attributes: { KmsMasterKeyId: key(i) } } : {}) }));
  });

  run("Secrets Manager secrets", async (i) => {
    await sm.send(new CreateSecretCommand({ Name: `bench/secret-${i}`, SecretString: `value-${i}`, ...(i % 2 === 0 ? { KmsKeyId: key(i) } : {}) }));
  });

  run("CloudWatch Logs log groups", async (i) => {
    const logGroupName = `/bench/app-${i}`;
    await logs.send(new CreateLogGroupCommand({ logGroupName, ...(i % 3 === 0 ? { kmsKeyId: key(i) } : {}) }));
    if (i % 2 === 0) await logs.send(new PutRetentionPolicyCommand({ logGroupName, retentionInDays: 30 }));
  });

  await Promise.all(tasks);
  for (const c of [s3, kms, iam, ec2, rds, ddb, sqs, sns, sm, logs]) c.destroy();
  const totalSeeded = Object.values(counts).reduce((a, b) => a + b, 0);
  return { counts, total: totalSeeded, ms: performance.now() - started };
}
