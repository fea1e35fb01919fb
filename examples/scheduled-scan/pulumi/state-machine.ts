// The organization scan as Amazon States Language: a Distributed Map runs one Fargate task per shard, then the
// merge task joins the shard files, diffs against the previous report, promotes the new one to "latest" and
// publishes to SNS when the diff found new failures. Pure: plain strings and numbers in, a definition out.

export type Severity = "low" | "medium" | "high" | "critical";

export interface ScanStateMachineParams {
  readonly clusterArn: string;
  readonly scanTaskDefinitionArn: string;
  readonly mergeTaskDefinitionArn: string;
  /** The container (in both task definitions) whose command is overridden. */
  readonly containerName: string;
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  readonly bucketName: string;
  readonly topicArn: string;
  readonly orgRoleName: string;
  /** N: the shards are 1..N. */
  readonly shardCount: number;
  readonly maxConcurrency: number;
  readonly failOn: Severity;
  /** Regions to scan; empty: the scanner's default (every enabled region). */
  readonly regions: readonly string[];
  readonly taskTimeoutSeconds: number;
}

export const ECS_RUN_TASK_SYNC = "arn:aws:states:::ecs:runTask.sync";
export const SNS_PUBLISH = "arn:aws:states:::sns:publish";
export const S3_LIST_OBJECTS = "arn:aws:states:::aws-sdk:s3:listObjectsV2";
export const S3_COPY_OBJECT = "arn:aws:states:::aws-sdk:s3:copyObject";

/** Where a run's files live in the reports bucket; `{}` is the execution name. */
export const RUNS_PREFIX = "runs";
export const LATEST_REPORT_KEY = "latest/report.json";

/** Errors of a task that could not be placed (no Fargate capacity, throttling): worth a retry. */
export const ECS_CAPACITY_ERRORS = ["AmazonECS.Unknown", "ECS.AmazonECSException", "ECS.ServerException", "ECS.LimitExceededException"];

// Intrinsic-function string literals are single-quoted; these characters would need escaping, and none
// belongs in a bucket, role or region name.
const PLAIN = /^[A-Za-z0-9+=,.@_:/-]+$/;
const literal = (what: string, v: string): string => {
  if (!PLAIN.test(v)) throw new Error(`${what} '${v}' cannot be embedded in an intrinsic function`);
  return `'${v}'`;
};

export function scanStateMachineDefinition(p: ScanStateMachineParams): Record<string, unknown> {
  if (!Number.isInteger(p.shardCount) || p.shardCount < 1 || p.shardCount > 1000) {
    throw new Error(`shardCount must be an integer 1..1000, got ${p.shardCount}`);
  }
  if (!Number.isInteger(p.maxConcurrency) || p.maxConcurrency < 1) throw new Error(`maxConcurrency must be a positive integer, got ${p.maxConcurrency}`);
  literal("bucket name", p.bucketName);
  const s3 = (key: string) => `States.Format('s3://${p.bucketName}/${key}', $.runId)`;
  const runKey = (file: string) => `${RUNS_PREFIX}/{}/${file}`;
  const regions = p.regions.length > 0 ? [`'--regions'`, literal("regions", p.regions.join(","))] : [];
  const scanCommand = [
    `'scan'`, `'--org'`, `'--org-role-name'`, literal("org role name", p.orgRoleName), ...regions,
    `'--shard'`, `States.Format('{}/${p.shardCount}', $.shard)`,
    `'--out'`, `States.Format('s3://${p.bucketName}/${runKey("shards/shard-{}.jsonl")}', $.runId, $.shard)`,
    `'--format'`, `'json'`, `'--quiet'`,
  ];
  const mergeCommand = [`'merge'`, s3(runKey("shards/")), `'--out'`, s3(runKey("report.json")), `'--format'`, `'json'`, `'--quiet'`];
  const diffCommand = [
    `'diff'`, `'s3://${p.bucketName}/${LATEST_REPORT_KEY}'`, s3(runKey("report.json")),
    `'--format'`, `'markdown'`, `'--out'`, s3(runKey("diff.md")), `'--fail-on'`, literal("severity", p.failOn),
  ];
  const runTask = (taskDefinitionArn: string, command: string[]) => ({
    Cluster: p.clusterArn,
    TaskDefinition: taskDefinitionArn,
    LaunchType: "FARGATE",
    NetworkConfiguration: {
      AwsvpcConfiguration: { Subnets: [...p.subnetIds], SecurityGroups: [...p.securityGroupIds], AssignPublicIp: "DISABLED" },
    },
    Overrides: { ContainerOverrides: [{ Name: p.containerName, "Command.$": `States.Array(${command.join(", ")})` }] },
  });
  const capacityRetry = [{ ErrorEquals: ECS_CAPACITY_ERRORS, IntervalSeconds: 30, MaxAttempts: 5, BackoffRate: 2 }];
  const onError = () => [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: "Report failure" }];
  const exitCode = { "exitCode.$": "$.Containers[0].ExitCode" };
  // Inside the map's child workflow there is no "Report failure" to catch to: the map's own Catch reports.
  const ecsTask = (taskDefinitionArn: string, command: string[], next: string, caught = true) => ({
    Type: "Task",
    Resource: ECS_RUN_TASK_SYNC,
    Parameters: runTask(taskDefinitionArn, command),
    TimeoutSeconds: p.taskTimeoutSeconds,
    ResultSelector: exitCode,
    ResultPath: "$.task",
    Retry: capacityRetry,
    ...(caught ? { Catch: onError() } : {}),
    Next: next,
  });

  return {
    Comment: `cdguard organization scan in ${p.shardCount} shards, merged, diffed and promoted`,
    StartAt: "Plan shards",
    States: {
      "Plan shards": {
        Type: "Pass",
        Parameters: { "shards.$": `States.ArrayRange(1, ${p.shardCount}, 1)`, "runId.$": "$$.Execution.Name" },
        Next: "Scan shards",
      },
      "Scan shards": {
        Type: "Map",
        Label: "ScanShards",
        ItemsPath: "$.shards",
        ItemSelector: { "shard.$": "$$.Map.Item.Value", "runId.$": "$.runId" },
        MaxConcurrency: p.maxConcurrency,
        // A missing shard makes the merged report incomplete: one failed shard fails the run.
        ToleratedFailurePercentage: 0,
        ItemProcessor: {
          ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" },
          StartAt: "Scan shard",
          States: {
            "Scan shard": ecsTask(p.scanTaskDefinitionArn, scanCommand, "Shard scanned?", false),
            "Shard scanned?": {
              Type: "Choice",
              Choices: [{ Variable: "$.task.exitCode", NumericEquals: 0, Next: "Shard written" }],
              Default: "Shard failed",
            },
            "Shard written": { Type: "Succeed" },
            "Shard failed": { Type: "Fail", Error: "ShardScanFailed", Cause: "the scan task of a shard exited with a non-zero code" },
          },
        },
        ResultPath: null,
        Catch: onError(),
        Next: "Merge shards",
      },
      "Merge shards": ecsTask(p.mergeTaskDefinitionArn, mergeCommand, "Merged?"),
      "Merged?": {
        Type: "Choice",
        // `cdguard merge` exits 0 (no failure at or above --fail-on) or 1 (some): both mean the report is written.
        Choices: [{ Variable: "$.task.exitCode", NumericLessThanEquals: 1, Next: "Find previous report" }],
        Default: "Report failure",
      },
      // The first run has no previous report: a listing (not an error name to catch) tells, and skips the diff.
      "Find previous report": {
        Type: "Task",
        Resource: S3_LIST_OBJECTS,
        Parameters: { Bucket: p.bucketName, Prefix: LATEST_REPORT_KEY, MaxKeys: 1 },
        ResultSelector: { "count.$": "$.KeyCount" },
        ResultPath: "$.previous",
        Catch: onError(),
        Next: "Previous report?",
      },
      "Previous report?": {
        Type: "Choice",
        Choices: [{ Variable: "$.previous.count", NumericGreaterThan: 0, Next: "Diff against previous" }],
        Default: "Promote report",
      },
      "Diff against previous": ecsTask(p.mergeTaskDefinitionArn, diffCommand, "Diffed?"),
      // `cdguard diff` exits 0 (no new failure), 1 (new failures at or above --fail-on), 2 (bad input).
      "Diffed?": {
        Type: "Choice",
        Choices: [{ Or: [0, 1].map((code) => ({ Variable: "$.task.exitCode", NumericEquals: code })), Next: "Promote report" }],
        Default: "Report failure",
      },
      "Promote report": {
        Type: "Task",
        Resource: S3_COPY_OBJECT,
        Parameters: { Bucket: p.bucketName, Key: LATEST_REPORT_KEY, "CopySource.$": `States.Format('${p.bucketName}/${runKey("report.json")}', $.runId)` },
        ResultPath: null,
        Catch: onError(),
        Next: "New findings?",
      },
      "New findings?": {
        Type: "Choice",
        Choices: [{
          And: [
            { Variable: "$.previous.count", NumericGreaterThan: 0 },
            { Variable: "$.task.exitCode", NumericEquals: 1 },
          ],
          Next: "Notify new findings",
        }],
        Default: "Done",
      },
      "Notify new findings": {
        Type: "Task",
        Resource: SNS_PUBLISH,
        Parameters: {
          TopicArn: p.topicArn,
          Subject: "cdguard: new findings in the organization scan",
          "Message.$": `States.Format('The organization scan {} found new failures at or above ${p.failOn}. What changed: s3://${p.bucketName}/${runKey("diff.md")}; the report: s3://${p.bucketName}/${LATEST_REPORT_KEY}', $.runId, $.runId)`,
        },
        ResultPath: null,
        Next: "Done",
      },
      "Done": { Type: "Succeed" },
      "Report failure": {
        Type: "Task",
        Resource: SNS_PUBLISH,
        Parameters: {
          TopicArn: p.topicArn,
          Subject: "cdguard: the organization scan failed",
          "Message.$": "States.Format('The organization scan {} failed; its execution history says where and why.', $$.Execution.Name)",
        },
        ResultPath: null,
        Next: "Failed",
      },
      "Failed": { Type: "Fail", Error: "OrganizationScanFailed", Cause: "a shard, the merge, the diff or the promotion failed" },
    },
  };
}
