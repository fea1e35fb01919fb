// The scanner's container as two Fargate task definitions (scan a shard; merge and diff), the cluster, and
// their roles: the execution role pulls the image and writes logs; the scan task role reads the accounts,
// lists the organization, assumes the member role and writes shard files; the merge task role only reads and
// writes the reports bucket.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Account } from "./account";
import { policy, serviceTrust, type Grant } from "./iam";
import { organizationReadStatements, type PolicyDocument } from "./policy-documents";
import { RUNS_PREFIX, LATEST_REPORT_KEY } from "./state-machine";
import type { Settings } from "./settings";
import type { Storage } from "./storage";

export const CONTAINER_NAME = "cdguard";

export interface Tasks {
  readonly cluster: aws.ecs.Cluster;
  readonly scan: aws.ecs.TaskDefinition;
  readonly merge: aws.ecs.TaskDefinition;
  readonly executionRole: aws.iam.Role;
  readonly scanRole: aws.iam.Role;
  readonly mergeRole: aws.iam.Role;
}

const packageVersion = (): string =>
  (JSON.parse(readFileSync(resolve(__dirname, "..", "..", "..", "package.json"), "utf8")) as { version: string }).version;

/** The ECR repository an image URI names, when it is one: `<account>.dkr.ecr.<region>.amazonaws.com[.cn]/<repo>[:tag|@digest]`. */
export function ecrRepositoryArn(imageUri: string, partition: string): string | undefined {
  const m = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)/.exec(imageUri);
  return m ? `arn:${partition}:ecr:${m[2]}:${m[1]}:repository/${m[3]}` : undefined;
}

export function createTasks(s: Settings, account: Account, storage: Storage, scannerPolicyParts: PolicyDocument[]): Tasks {
  const imageUri = s.imageUri !== undefined
    ? pulumi.output(s.imageUri)
    : pulumi.interpolate`${account.id}.dkr.ecr.${account.region}.amazonaws.com/cdguard:${packageVersion()}`;
  const cluster = new aws.ecs.Cluster("scan", { name: s.prefix, settings: [{ name: "containerInsights", value: "enabled" }] });
  const logs = storage.logGroup("scan-tasks", `/${s.prefix}/tasks`);
  const ecsTrust = serviceTrust("ecs-tasks.amazonaws.com", account, account.arn("ecs", "*"));
  const kmsUse: Grant = { Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: storage.key.arn };
  const objects = (key: string) => pulumi.interpolate`${storage.bucket.arn}/${key}`;

  const executionRole = new aws.iam.Role("task-execution", { assumeRolePolicy: ecsTrust });
  new aws.iam.RolePolicy("task-execution", {
    role: executionRole.id,
    policy: pulumi.all([imageUri, account.partition]).apply(([uri, partition]) => {
      const repository = ecrRepositoryArn(uri, partition);
      return policy([
        ...(repository
          ? [
            { Sid: "EcrToken", Action: "ecr:GetAuthorizationToken", Resource: "*" },
            { Sid: "PullScannerImage", Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"], Resource: repository },
          ]
          : []),
        { Sid: "WriteTaskLogs", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: pulumi.interpolate`${logs.arn}:log-stream:*` },
      ]);
    }),
  });

  const scanRole = new aws.iam.Role("scan-task", { name: `${s.prefix}-scan-task`, assumeRolePolicy: ecsTrust });
  scannerPolicyParts.forEach((doc, i) => {
    const part = new aws.iam.Policy(`scanner-read-only-${i + 1}`, {
      description: `cdguard's generated read-only scan policy, part ${i + 1} of ${scannerPolicyParts.length}`,
      policy: JSON.stringify(doc),
    });
    new aws.iam.RolePolicyAttachment(`scanner-read-only-${i + 1}`, { role: scanRole.name, policyArn: part.arn });
  });
  new aws.iam.RolePolicy("scan-task-organization", {
    role: scanRole.id,
    policy: policy([
      ...organizationReadStatements().map((st) => st as Grant),
      {
        Sid: "AssumeMemberScanRole",
        Action: "sts:AssumeRole",
        Resource: pulumi.interpolate`arn:${account.partition}:iam::*:role/${s.orgRoleName}`,
        // Only roles of accounts in this principal's own organization.
        Condition: { StringEquals: { "aws:ResourceOrgID": "${aws:PrincipalOrgID}" } },
      },
      { Sid: "WriteShardFiles", Action: "s3:PutObject", Resource: objects(`${RUNS_PREFIX}/*/shards/*`) },
      { Sid: "EncryptShardFiles", ...kmsUse },
    ]),
  });

  const mergeRole = new aws.iam.Role("merge-task", { assumeRolePolicy: ecsTrust });
  new aws.iam.RolePolicy("merge-task-reports", {
    role: mergeRole.id,
    policy: policy([
      {
        Sid: "ListRunsAndLatest",
        Action: "s3:ListBucket",
        Resource: storage.bucket.arn,
        Condition: { StringLike: { "s3:prefix": [`${RUNS_PREFIX}/*`, LATEST_REPORT_KEY] } },
      },
      { Sid: "ReadReports", Action: "s3:GetObject", Resource: [objects(`${RUNS_PREFIX}/*`), objects(LATEST_REPORT_KEY)] },
      { Sid: "WriteMergedReports", Action: "s3:PutObject", Resource: objects(`${RUNS_PREFIX}/*`) },
      { Sid: "ReportsKey", ...kmsUse },
    ]),
  });

  const taskDefinition = (name: string, taskRole: aws.iam.Role, cpu: number, memory: number) => new aws.ecs.TaskDefinition(name, {
    family: `${s.prefix}-${name}`,
    requiresCompatibilities: ["FARGATE"],
    networkMode: "awsvpc",
    cpu: String(cpu),
    memory: String(memory),
    runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "X86_64" },
    executionRoleArn: executionRole.arn,
    taskRoleArn: taskRole.arn,
    volumes: [{ name: "tmp" }],
    containerDefinitions: pulumi.jsonStringify([{
      name: CONTAINER_NAME,
      image: imageUri,
      essential: true,
      readonlyRootFilesystem: true,
      mountPoints: [{ sourceVolume: "tmp", containerPath: "/tmp" }],
      logConfiguration: {
        logDriver: "awslogs",
        options: { "awslogs-group": logs.name, "awslogs-region": account.region, "awslogs-stream-prefix": name },
      },
    }]),
  });
  return {
    cluster,
    scan: taskDefinition("scan", scanRole, 1024, 4096),
    merge: taskDefinition("merge", mergeRole, 1024, 4096),
    executionRole, scanRole, mergeRole,
  };
}
