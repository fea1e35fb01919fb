// The scheduled organization scan (examples/scheduled-scan/pulumi) judged by the project's own pack over the
// Analyzer protocol, in a new stack's preview and with every value known: it must be exemplary, and it must
// declare what issue 13 asks for (Distributed Map over Fargate, schedule, CMK-encrypted expiring TLS-only
// bucket, encrypted topic, member role stack set).
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeProgram, type ProgramAnalysis } from "../../src/engine-client/analyze-program";
import { startPack, UNKNOWN, type PackClient } from "../../src/engine-client/harness";
import { repoRoot } from "../../src/engine-client/repo-root";
import type { RecordedResource } from "../../src/engine-client/record";

const root = repoRoot(__dirname);
const program = join(root, "examples", "scheduled-scan", "pulumi");
let pack: PackClient;
const runs = new Map<boolean, ProgramAnalysis>();
const run = (preview: boolean): ProgramAnalysis => {
  const r = runs.get(preview);
  if (!r) throw new Error(`no run (preview: ${preview})`);
  return r;
};

beforeAll(async () => {
  pack = await startPack(root);
  await pack.configure({});
  for (const preview of [true, false]) runs.set(preview, await analyzeProgram(pack, program, "dev", preview));
}, 240_000);
afterAll(async () => {
  await pack?.close();
});

const byPolicy = (ds: readonly { policyName: string }[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const d of ds) out[d.policyName] = (out[d.policyName] ?? 0) + 1;
  return out;
};
const ofType = (r: ProgramAnalysis, type: string): RecordedResource[] => r.resources.filter((x) => x.type === type);
const one = (r: ProgramAnalysis, type: string, name?: string): RecordedResource => {
  const found = ofType(r, type).filter((x) => name === undefined || x.name === name);
  expect(found.map((x) => x.name), `${type} ${name ?? ""}`).toHaveLength(1);
  return found[0]!;
};
const json = (v: unknown): Record<string, unknown> => {
  expect(typeof v, "a known JSON document").toBe("string");
  return JSON.parse(v as string) as Record<string, unknown>;
};
/** The resource of `type` whose property `prop` came from `from` (the program's joins, as the engine sees them). */
const joinedTo = (r: ProgramAnalysis, type: string, prop: string, from: RecordedResource): RecordedResource[] =>
  ofType(r, type).filter((x) => (x.propertyDependencies[prop] ?? []).includes(from.urn));

describe("the scheduled organization scan passes the pack", () => {
  it.each([true, false])("has no violation in any pillar (preview: %s)", (preview) => {
    expect(run(preview).diagnostics.map((d) => `${d.policyName} ${d.urn.split("::").pop()}: ${d.message}`)).toEqual([]);
  });

  it("with every value known, only the KMS key policy's account (judged per resource, before the stack is known) is not assessed", () => {
    const notes = run(false).notAssessed;
    expect(notes.map((d) => `${d.policyName} ${d.urn.split("::").pop()}`)).toEqual(["resource-policies-grant-no-external-access reports-key"]);
    expect(notes[0]?.message).toMatch(/own account unknown/);
    expect(byPolicy(run(false).notApplicable)).toEqual({ "resource-policies-grant-no-external-access": 1 });
  });

  it("in preview, what waits for outputs (interpolated policies, attached policy ARNs) is not assessed, and says so", () => {
    const notes = run(true).notAssessed;
    expect(byPolicy(notes)).toEqual({
      "broad-aws-managed-policies-not-attached": 1,
      "iam-policy-actions-scoped-to-resources": 7,
      "iam-policy-conditions-restrict-access": 7,
      "iam-policy-grants-no-privilege-escalation": 7,
      "iam-policy-grants-no-wildcard-access": 7,
      "privilege-escalation-limited-to-approved-admins": 6,
      "resource-policies-grant-no-external-access": 4,
      "resource-policies-not-public": 1,
      "s3-bucket-policy-not-public": 1,
      "s3-bucket-requires-tls": 1,
    });
    for (const d of notes) expect(d.message).toMatch(/^\[CDG-[A-Z]{3}-\d{3}\] not assessed \((known only after the update|not visible to this run)\): /);
  });
});

describe("the program declares what the scheduled scan needs", () => {
  it.each([true, false])("every part exists (preview: %s)", (preview) => {
    const r = run(preview);
    const types = new Set(r.resources.map((x) => x.type));
    for (const t of [
      "aws:sfn/stateMachine:StateMachine", "aws:ecs/cluster:Cluster", "aws:ecs/taskDefinition:TaskDefinition",
      "aws:scheduler/schedule:Schedule", "aws:s3/bucket:Bucket", "aws:kms/key:Key", "aws:sns/topic:Topic",
      "aws:cloudformation/stackSet:StackSet", "aws:cloudwatch/logGroup:LogGroup", "aws:ec2/securityGroup:SecurityGroup",
    ]) expect(types, t).toContain(t);
    expect(one(r, "aws:sfn/stateMachine:StateMachine").properties.type).toBe("STANDARD");
    const taskDefinitions = ofType(r, "aws:ecs/taskDefinition:TaskDefinition");
    expect(taskDefinitions.map((t) => [t.name, t.properties.requiresCompatibilities, t.properties.networkMode]).sort())
      .toEqual([["merge", ["FARGATE"], "awsvpc"], ["scan", ["FARGATE"], "awsvpc"]]);
    // The definition is built from the task definitions, the cluster, the network, the bucket and the topic.
    const from = one(r, "aws:sfn/stateMachine:StateMachine").propertyDependencies.definition ?? [];
    for (const x of [...taskDefinitions, one(r, "aws:ecs/cluster:Cluster"), one(r, "aws:sns/topic:Topic"), one(r, "aws:s3/bucket:Bucket", "reports")]) {
      expect(from, x.name).toContain(x.urn);
    }
  });

  it("the state machine runs a Distributed Map of Fargate tasks (known once the ARNs are; unknown in a new stack's preview)", () => {
    expect(one(run(true), "aws:sfn/stateMachine:StateMachine").properties.definition).toBe(UNKNOWN);
    const definition = json(one(run(false), "aws:sfn/stateMachine:StateMachine").properties.definition);
    const states = definition.States as Record<string, Record<string, unknown>>;
    const map = Object.values(states).find((s) => s.Type === "Map");
    expect((map?.ItemProcessor as { ProcessorConfig?: unknown }).ProcessorConfig).toEqual({ Mode: "DISTRIBUTED", ExecutionType: "STANDARD" });
    const text = JSON.stringify(definition);
    expect(text).toContain('"LaunchType":"FARGATE"');
    expect(text).toContain("States.ArrayRange(1, 16, 1)");
  });

  it("the schedule starts the state machine daily with a role of its own", () => {
    const r = run(false);
    const schedule = one(r, "aws:scheduler/schedule:Schedule");
    expect(schedule.properties.scheduleExpression).toBe("cron(0 3 * * ? *)");
    const target = schedule.properties.target as { arn: string; roleArn: string };
    expect(target.arn).toBe(one(r, "aws:sfn/stateMachine:StateMachine").outputs.arn);
    const role = one(r, "aws:iam/role:Role", "schedule");
    expect(target.roleArn).toBe(role.outputs.arn);
    const grants = json(one(r, "aws:iam/rolePolicy:RolePolicy", "schedule").properties.policy).Statement as { Action: string }[];
    expect(grants.map((g) => g.Action)).toEqual(["states:StartExecution"]);
  });

  it.each([true, false])("the reports bucket: CMK, rotated key, public access blocked, TLS-only, expiring, versioned, owner-enforced (preview: %s)", (preview) => {
    const r = run(preview);
    const bucket = one(r, "aws:s3/bucket:Bucket", "reports");
    const key = one(r, "aws:kms/key:Key", "reports-key");
    expect(key.properties.enableKeyRotation).toBe(true);
    const sse = joinedTo(r, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "bucket", bucket);
    expect(sse).toHaveLength(1);
    const rule = (sse[0]!.properties.rules as { applyServerSideEncryptionByDefault: { sseAlgorithm: string } }[])[0]!;
    expect(rule.applyServerSideEncryptionByDefault.sseAlgorithm).toBe("aws:kms");
    expect(sse[0]!.propertyDependencies.rules).toContain(key.urn);
    const pab = joinedTo(r, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "bucket", bucket)[0]!.properties;
    expect([pab.blockPublicAcls, pab.blockPublicPolicy, pab.ignorePublicAcls, pab.restrictPublicBuckets]).toEqual([true, true, true, true]);
    const lifecycle = joinedTo(r, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "bucket", bucket)[0]!;
    expect((lifecycle.properties.rules as { expiration: { days: number } }[])[0]!.expiration.days).toBe(400);
    const versioning = joinedTo(r, "aws:s3/bucketVersioning:BucketVersioning", "bucket", bucket)[0]!;
    expect(versioning.properties.versioningConfiguration).toEqual({ status: "Enabled" });
    const ownership = joinedTo(r, "aws:s3/bucketOwnershipControls:BucketOwnershipControls", "bucket", bucket)[0]!;
    expect(ownership.properties.rule).toEqual({ objectOwnership: "BucketOwnerEnforced" });
    const bucketPolicy = joinedTo(r, "aws:s3/bucketPolicy:BucketPolicy", "bucket", bucket);
    expect(bucketPolicy).toHaveLength(1);
    if (!preview) {
      const deny = (json(bucketPolicy[0]!.properties.policy).Statement as Record<string, unknown>[])[0];
      expect(deny).toMatchObject({ Effect: "Deny", Principal: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } });
    }
  });

  it("the topic and the log groups are encrypted with the CMK; the log groups' retention is bounded", () => {
    const r = run(false);
    const key = one(r, "aws:kms/key:Key", "reports-key");
    expect(one(r, "aws:sns/topic:Topic").properties.kmsMasterKeyId).toBe(key.outputs.arn);
    const groups = ofType(r, "aws:cloudwatch/logGroup:LogGroup");
    expect(groups.map((g) => g.name).sort()).toEqual(["scan-flow-logs", "scan-tasks", "state-machine"]);
    for (const g of groups) expect([g.properties.kmsKeyId, g.properties.retentionInDays]).toEqual([key.outputs.arn, 90]);
  });

  it("the member role goes to the organization through a service-managed stack set, trusting only the scan task role", () => {
    const r = run(false);
    const stackSet = one(r, "aws:cloudformation/stackSet:StackSet");
    expect(stackSet.properties.permissionModel).toBe("SERVICE_MANAGED");
    const template = json(stackSet.properties.templateBody) as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
    const role = template.Resources.ScannerRole!;
    expect(role.Properties.RoleName).toBe("cdguard-scanner");
    expect(JSON.stringify(role.Properties.AssumeRolePolicyDocument)).toContain(String(one(r, "aws:iam/role:Role", "scan-task").outputs.arn));
    // Without organizationRootId the stack set has no instance (the recorder cannot look the root up).
    expect(ofType(r, "aws:cloudformation/stackSetInstance:StackSetInstance")).toEqual([]);
  });
});
