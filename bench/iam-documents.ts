// Large, realistic IAM policy documents for scaling measurements: N statements mixing Allow and Deny,
// exact actions and wildcards, named resources and `*`, conditions, NotAction and NotResource. Seeded,
// so that a size always yields the same document.
import { random } from "./generate-resources";

export interface LargeDocumentOptions {
  /** Number of statements. */
  readonly statements: number;
  /** PRNG seed (default 1). */
  readonly seed?: number;
  /** Share of Deny statements, 0..1 (default 0.25). */
  readonly denyShare?: number;
  /** Give every statement a Principal, as resource policies need (default false). */
  readonly principals?: boolean;
}

type Json = Record<string, unknown>;

const rng = random;

const EXACT_ACTIONS = [
  "s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket", "s3:GetBucketPolicy", "s3:PutBucketPolicy",
  "s3:GetObjectVersion", "s3:PutObjectAcl", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:Scan",
  "dynamodb:UpdateItem", "dynamodb:BatchGetItem", "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:PutKeyPolicy",
  "kms:CreateGrant", "sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:SetQueueAttributes",
  "sns:Publish", "sns:Subscribe", "lambda:InvokeFunction", "lambda:CreateFunction", "lambda:UpdateFunctionCode",
  "lambda:AddPermission", "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:GetLogEvents",
  "secretsmanager:GetSecretValue", "secretsmanager:PutResourcePolicy", "ssm:GetParameter", "ssm:GetParameters",
  "ssm:SendCommand", "ec2:RunInstances", "ec2:DescribeInstances", "ec2:CreateSnapshot", "ec2:ModifySnapshotAttribute",
  "iam:PassRole", "iam:GetRole", "iam:CreatePolicyVersion", "iam:AttachRolePolicy", "iam:PutRolePolicy",
  "sts:AssumeRole", "glue:CreateJob", "glue:StartJobRun", "rds:CopyDBSnapshot", "rds:DescribeDBInstances",
  "cloudwatch:PutMetricData", "athena:GetQueryResults", "kinesis:GetRecords", "kinesis:PutRecord",
  "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage", "states:StartExecution", "cloudformation:CreateStack",
];

const WILDCARD_ACTIONS = [
  "s3:Get*", "s3:List*", "s3:Put*", "s3:*Object*", "dynamodb:Get*", "dynamodb:Batch*", "kms:*", "kms:Describe*",
  "ec2:Describe*", "ec2:*Snapshot*", "iam:Get*", "iam:List*", "iam:*Policy*", "logs:*", "sqs:*", "sns:*",
  "lambda:*", "lambda:Get*", "secretsmanager:Get*", "ssm:Get*", "cloudwatch:*", "rds:Describe*", "glue:Get*",
  "s3:*", "dynamodb:*", "sts:*", "ecr:*", "athena:*", "kinesis:*", "s3:Get?bject*",
];

const SERVICE_RESOURCES: readonly ((i: number) => string)[] = [
  (i) => `arn:aws:s3:::bucket-${i}`,
  (i) => `arn:aws:s3:::bucket-${i}/*`,
  (i) => `arn:aws:s3:::bucket-${i}/prefix-${i % 7}/*`,
  (i) => `arn:aws:dynamodb:us-east-1:111122223333:table/table-${i}`,
  (i) => `arn:aws:dynamodb:*:111122223333:table/table-${i}/index/*`,
  (i) => `arn:aws:kms:us-east-1:111122223333:key/key-${i}`,
  (i) => `arn:aws:sqs:us-east-1:111122223333:queue-${i}`,
  (i) => `arn:aws:sns:us-east-1:111122223333:topic-${i}`,
  (i) => `arn:aws:lambda:us-east-1:111122223333:function:fn-${i}`,
  (i) => `arn:aws:logs:us-east-1:111122223333:log-group:/app/${i}:*`,
  (i) => `arn:aws:secretsmanager:us-east-1:111122223333:secret:secret-${i}-*`,
  (i) => `arn:aws:iam::111122223333:role/role-${i}`,
  (i) => `arn:aws:ec2:us-east-1:111122223333:instance/i-${i.toString(16).padStart(8, "0")}`,
  (i) => `arn:aws:ssm:us-east-1:111122223333:parameter/app/${i}/*`,
];

const BROAD_RESOURCES = ["*", "arn:aws:s3:::*", "arn:aws:dynamodb:*:*:table/*", "arn:aws:iam::111122223333:role/*", "arn:aws:kms:*:111122223333:key/*"];

const ALLOW_CONDITIONS: readonly ((i: number) => Json)[] = [
  (i) => ({ StringEquals: { "aws:ResourceTag/team": `team-${i % 13}` } }),
  () => ({ Bool: { "aws:SecureTransport": "true" } }),
  (i) => ({ StringEquals: { "aws:SourceVpce": [`vpce-${i}`, `vpce-${i + 1}`] } }),
  (i) => ({ IpAddress: { "aws:SourceIp": `10.${i % 256}.0.0/16` } }),
  () => ({ StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } }),
  (i) => ({ StringLike: { "s3:prefix": [`home/${i}/*`, "shared/*"] }, NumericLessThan: { "s3:max-keys": "100" } }),
];

const DENY_CONDITIONS: readonly (() => Json)[] = [
  () => ({ StringNotEquals: { "aws:PrincipalOrgID": "o-abc123" } }),
  () => ({ Bool: { "aws:SecureTransport": "false" } }),
  () => ({ StringNotEqualsIfExists: { "aws:SourceVpce": "vpce-1" } }),
  () => ({ NotIpAddress: { "aws:SourceIp": ["10.0.0.0/8", "192.168.0.0/16"] } }),
];

const PRINCIPALS: readonly ((i: number) => unknown)[] = [
  () => "*",
  () => ({ AWS: "arn:aws:iam::111122223333:root" }),
  (i) => ({ AWS: [`arn:aws:iam::111122223333:role/role-${i}`, "999988887777"] }),
  () => ({ Service: "lambda.amazonaws.com" }),
];

/** A policy document of `statements` statements: an identity policy, or with `principals` a resource policy. */
export function largePolicyDocument(options: LargeDocumentOptions): { Version: string; Statement: Json[] } {
  const random = rng(options.seed ?? 1);
  const denyShare = options.denyShare ?? 0.25;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const some = <T>(n: number, make: () => T): T[] => Array.from({ length: n }, make);
  const statements: Json[] = [];
  for (let i = 0; i < options.statements; i++) {
    const deny = random() < denyShare;
    const s: Json = { Sid: `S${i}`, Effect: deny ? "Deny" : "Allow" };
    if (options.principals === true) s.Principal = pick(PRINCIPALS)(i);
    const actionCount = 1 + Math.floor(random() * 4);
    const actions = some(actionCount, () => (random() < 0.4 ? pick(WILDCARD_ACTIONS) : pick(EXACT_ACTIONS)));
    const shape = random();
    if (shape < 0.04) s.NotAction = actions;
    else if (shape < 0.045 && !deny) s.Action = "*";
    else s.Action = actions.length === 1 ? actions[0] : actions;
    const resourceCount = 1 + Math.floor(random() * 3);
    const resources = some(resourceCount, () => (random() < 0.15 ? pick(BROAD_RESOURCES) : pick(SERVICE_RESOURCES)(Math.floor(random() * options.statements))));
    if (random() < 0.04) s.NotResource = resources;
    else s.Resource = resources.length === 1 ? resources[0] : resources;
    const c = random();
    if (deny) {
      if (c < 0.5) s.Condition = pick(DENY_CONDITIONS)();
    } else if (c < 0.3) s.Condition = pick(ALLOW_CONDITIONS)(i);
    statements.push(s);
  }
  return { Version: "2012-10-17", Statement: statements };
}
