// The Step Functions state machine (its definition from state-machine.ts), its role, and the daily
// EventBridge Scheduler schedule with a role that may only start it.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Account } from "./account";
import { policy, serviceTrust } from "./iam";
import type { Network } from "./network";
import type { Settings } from "./settings";
import { LATEST_REPORT_KEY, RUNS_PREFIX, scanStateMachineDefinition } from "./state-machine";
import type { Storage } from "./storage";
import { CONTAINER_NAME, type Tasks } from "./tasks";

export interface Orchestration {
  readonly stateMachine: aws.sfn.StateMachine;
  readonly schedule: aws.scheduler.Schedule;
}

export function createOrchestration(s: Settings, account: Account, storage: Storage, network: Network, tasks: Tasks): Orchestration {
  const name = `${s.prefix}-org-scan`;
  const machineArn = account.arn("states", `stateMachine:${name}`);
  const role = new aws.iam.Role("state-machine", { assumeRolePolicy: serviceTrust("states.amazonaws.com", account, account.arn("states", "stateMachine:*")) });
  const objects = (key: string) => pulumi.interpolate`${storage.bucket.arn}/${key}`;
  new aws.iam.RolePolicy("state-machine", {
    role: role.id,
    policy: policy([
      {
        Sid: "RunScannerTasks",
        Action: "ecs:RunTask",
        Resource: [tasks.scan.arn, tasks.merge.arn],
        Condition: { ArnEquals: { "ecs:cluster": tasks.cluster.arn } },
      },
      {
        Sid: "FollowScannerTasks",
        Action: ["ecs:DescribeTasks", "ecs:StopTask"],
        Resource: account.arn("ecs", pulumi.interpolate`task/${tasks.cluster.name}/*`),
      },
      {
        Sid: "PassTaskRoles",
        Action: "iam:PassRole",
        Resource: [tasks.executionRole.arn, tasks.scanRole.arn, tasks.mergeRole.arn],
        Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
      },
      {
        Sid: "SyncTaskCompletionRule",
        Action: ["events:PutTargets", "events:PutRule", "events:DescribeRule"],
        Resource: account.arn("events", "rule/StepFunctionsGetEventsForECSTaskRule"),
      },
      {
        Sid: "RunShardWorkflows",
        Action: "states:StartExecution",
        Resource: machineArn,
      },
      {
        Sid: "FollowShardWorkflows",
        Action: ["states:DescribeExecution", "states:StopExecution"],
        Resource: account.arn("states", `execution:${name}/*`),
      },
      { Sid: "Notify", Action: "sns:Publish", Resource: storage.topic.arn },
      {
        Sid: "FindPreviousReport",
        Action: "s3:ListBucket",
        Resource: storage.bucket.arn,
        Condition: { StringEquals: { "s3:prefix": LATEST_REPORT_KEY } },
      },
      { Sid: "ReadRunReports", Action: "s3:GetObject", Resource: objects(`${RUNS_PREFIX}/*/report.json`) },
      { Sid: "PromoteReport", Action: "s3:PutObject", Resource: objects(LATEST_REPORT_KEY) },
      { Sid: "ReportsAndTopicKey", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: storage.key.arn },
      {
        // CloudWatch Logs' log delivery API has no resource-level permissions.
        Sid: "DeliverExecutionLogs",
        Action: [
          "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries",
          "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
        ],
        Resource: "*",
      },
    ]),
  });

  const logs = storage.logGroup("state-machine", `/aws/vendedlogs/states/${name}`);
  const definition = pulumi
    .all([
      tasks.cluster.arn, tasks.scan.arn, tasks.merge.arn, network.subnetIds, network.securityGroup.id,
      storage.bucket.bucket, storage.topic.arn,
    ])
    .apply(([clusterArn, scanArn, mergeArn, subnetIds, securityGroupId, bucketName, topicArn]) => JSON.stringify(
      scanStateMachineDefinition({
        clusterArn,
        scanTaskDefinitionArn: scanArn,
        mergeTaskDefinitionArn: mergeArn,
        containerName: CONTAINER_NAME,
        subnetIds,
        securityGroupIds: [securityGroupId],
        bucketName,
        topicArn,
        orgRoleName: s.orgRoleName,
        shardCount: s.shardCount,
        maxConcurrency: s.maxConcurrency,
        failOn: s.failOn,
        regions: s.regions,
        taskTimeoutSeconds: s.taskTimeoutSeconds,
      }),
    ));
  const stateMachine = new aws.sfn.StateMachine("org-scan", {
    name,
    type: "STANDARD",
    roleArn: role.arn,
    definition,
    loggingConfiguration: { level: "ERROR", includeExecutionData: false, logDestination: pulumi.interpolate`${logs.arn}:*` },
    tracingConfiguration: { enabled: false },
  });

  const schedulerRole = new aws.iam.Role("schedule", {
    assumeRolePolicy: serviceTrust("scheduler.amazonaws.com", account, account.arn("scheduler", "schedule/default/*")),
  });
  new aws.iam.RolePolicy("schedule", {
    role: schedulerRole.id,
    policy: policy([{ Sid: "StartOrganizationScan", Action: "states:StartExecution", Resource: stateMachine.arn }]),
  });
  const schedule = new aws.scheduler.Schedule("daily-org-scan", {
    name: `${s.prefix}-daily`,
    description: "Starts cdguard's organization scan",
    scheduleExpression: s.schedule,
    scheduleExpressionTimezone: s.scheduleTimezone,
    flexibleTimeWindow: { mode: "OFF" },
    target: {
      arn: stateMachine.arn,
      roleArn: schedulerRole.arn,
      input: "{}",
      retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 3600 },
    },
  });
  return { stateMachine, schedule };
}
