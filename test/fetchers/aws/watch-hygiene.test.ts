import * as http from "node:http";
import { BackupClient, CreateBackupPlanCommand } from "@aws-sdk/client-backup";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adaptBackupPlans } from "../../../src/adapters/aws/watch/backup-plans";
import { adaptCloudTrail } from "../../../src/adapters/aws/watch/cloudtrail";
import { adaptFlowLogs } from "../../../src/adapters/aws/watch/flow-logs";
import { adaptGuardDuty } from "../../../src/adapters/aws/watch/guardduty";
import { adaptMacie } from "../../../src/adapters/aws/watch/macie";
import { isUnknown } from "../../../src/core/value";
import { mergeHygiene } from "../../../src/models/hygiene";
import { backupPlansFetcher } from "../../../src/fetchers/aws/backup-plans";
import { cloudTrailFetcher, type TrailAnswer } from "../../../src/fetchers/aws/cloudtrail";
import { flowLogsFetcher } from "../../../src/fetchers/aws/ec2-flow-logs";
import { fetchedValue } from "../../../src/fetchers/aws/fetched";
import { guardDutyFetcher } from "../../../src/fetchers/aws/guardduty";
import { macieFetcher } from "../../../src/fetchers/aws/macie";
import { WATCH_HYGIENE_SOURCES } from "../../../src/scanner/sources/watch-hygiene";
import { adaptContext } from "../../adapters/aws/fixtures";
import { MOTO_ACCOUNT, scanContext, seedConfig } from "../../support/aws-context";
import { useMoto } from "../../support/moto/use-moto";
import { seedHygieneWatch } from "../../scanner/seed-hygiene-watch";

const REGION = "us-east-1";
const ctx = adaptContext({}, { account: MOTO_ACCOUNT });
const reasonOf = (v: unknown): string | undefined => (isUnknown(v) ? v.reason : undefined);

describe("watch sources", () => {
  it("declare read-only actions and feed the hygiene part", () => {
    for (const s of WATCH_HYGIENE_SOURCES) {
      expect(s.feeds).toEqual(["hygiene"]);
      for (const a of s.fetcher.actions) expect(a).toMatch(/^[a-z0-9-]+:(Describe|Get|List)[A-Za-z]+$/);
    }
  });
});

describe("watch fetchers against moto (seeded by seedHygieneWatch)", () => {
  const moto = useMoto();
  const scan = () => scanContext(moto().endpoint, REGION).ctx;

  beforeAll(async () => {
    await seedHygieneWatch(moto().endpoint, REGION);
  }, 120_000);

  it("CloudTrail: the compliant and the non-compliant trail, status and selectors", async () => {
    const c = adaptCloudTrail(await cloudTrailFetcher.fetch(scan()), ctx);
    expect(c.gaps).toBeUndefined();
    const trails = new Map(c.hygiene?.trails?.map((t) => [t.ref.name, t]));
    const ok = trails.get("hyg-ok-trail")!;
    const bad = trails.get("hyg-bad-trail")!;
    expect(ok.ref).toMatchObject({ id: `arn:aws:cloudtrail:${REGION}:${MOTO_ACCOUNT}:trail/hyg-ok-trail`, type: "AWS::CloudTrail::Trail", region: REGION, account: MOTO_ACCOUNT });
    expect([ok.multiRegion.value, ok.logFileValidation.value, typeof ok.kmsKey.value, ok.logging.value]).toEqual([true, true, "string", true]);
    expect(ok.kmsKey.observed).toBe("KmsKeyId set");
    expect(ok.dataEvents).toEqual([{ resourceType: "s3-object", resources: "all", readWrite: "all" }]);
    expect([bad.multiRegion.value, bad.logFileValidation.value, bad.kmsKey.value, bad.logging.value]).toEqual([false, false, undefined, false]);
    expect(bad.logging.observed).toBe("IsLogging=false");
    expect(isUnknown(bad.dataEvents) ? "unknown" : bad.dataEvents.filter((d) => d.resourceType === "s3-object")).toEqual([]);
  });

  it("CloudTrail: a multi-region trail is seen from every region (a scan of other regions still finds it), and merged once", async () => {
    const other = await cloudTrailFetcher.fetch(scanContext(moto().endpoint, "eu-west-1").ctx);
    expect(other.trails.ok && other.trails.value.map((t) => t.trail.Name)).toEqual(["hyg-ok-trail"]);
    const home = await cloudTrailFetcher.fetch(scan());
    expect(home.trails.ok && home.trails.value.map((t) => t.trail.Name).sort()).toEqual(["hyg-bad-trail", "hyg-ok-trail"]);
    const merged = mergeHygiene("account", [adaptCloudTrail(home, ctx).hygiene ?? {}, adaptCloudTrail(other, ctx).hygiene ?? {}]);
    expect(merged.trails.map((t) => t.ref.name).sort()).toEqual(["hyg-bad-trail", "hyg-ok-trail"]);
  });

  it("GuardDuty: the detector and its protections (Features win over the legacy DataSources)", async () => {
    const c = adaptGuardDuty(await guardDutyFetcher.fetch(scan()), ctx);
    expect(c.hygiene?.detectors).toHaveLength(1);
    const d = c.hygiene!.detectors![0]!;
    expect([d.service, d.region, d.enabled.value, d.enabled.observed]).toEqual(["guardduty", REGION, true, "Status=ENABLED"]);
    expect(d.ref.id).toMatch(new RegExp(`^arn:aws:guardduty:${REGION}:${MOTO_ACCOUNT}:detector/[0-9a-f]+$`));
    expect(d.protections?.["s3-data-events"]).toEqual({ value: true, observed: "feature S3_DATA_EVENTS Status=ENABLED" });
    expect(d.protections?.["rds-login-events"]?.value).toBe(false);
  });

  it("GuardDuty: a region without a detector has one disabled detector model", async () => {
    const c = adaptGuardDuty(await guardDutyFetcher.fetch(scanContext(moto().endpoint, "eu-west-1").ctx), ctx);
    expect(c.hygiene?.detectors?.map((d) => [d.ref.id, d.enabled.value, d.enabled.observed])).toEqual([
      [`arn:aws:guardduty:eu-west-1:${MOTO_ACCOUNT}:detector`, false, "no GuardDuty detector in eu-west-1"],
    ]);
  });

  it("flow logs: ids, network model ids (the EC2 adapter's VPC ARNs) and traffic types", async () => {
    const c = adaptFlowLogs(await flowLogsFetcher.fetch(scan()), ctx);
    expect(c.gaps).toBeUndefined();
    const logs = c.hygiene?.flowLogs ?? [];
    expect(logs.map((f) => f.trafficType.value).sort()).toEqual(["ALL", "REJECT"]);
    for (const f of logs) {
      const [vpc] = f.resourceIds as string[];
      expect(vpc).toMatch(/^vpc-/);
      expect(f.resourceRefs).toEqual([`arn:aws:ec2:${REGION}:${MOTO_ACCOUNT}:vpc/${vpc}`]);
      expect(f.ref).toMatchObject({ type: "AWS::EC2::FlowLog", label: "VPC flow log", region: REGION });
    }
  });

  it("Backup plans: moto lists plans but has no ListBackupSelections: the selections are a coverage gap, never a pass", async () => {
    const backup = new BackupClient(seedConfig(moto().endpoint, REGION));
    await backup.send(new CreateBackupPlanCommand({ BackupPlan: { BackupPlanName: "hyg-moto-plan", Rules: [{ RuleName: "daily", TargetBackupVaultName: "Default", Lifecycle: { DeleteAfterDays: 35 } }] } }));
    const raw = await backupPlansFetcher.fetch(scanContext(moto().endpoint, REGION, { retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } }).ctx);
    expect(raw.plans.ok && raw.plans.value.map((p) => [p.listed.BackupPlanName, p.plan.ok && p.plan.value?.Rules?.[0]?.Lifecycle?.DeleteAfterDays])).toEqual([["hyg-moto-plan", 35]]);
    const c = adaptBackupPlans(raw, ctx);
    expect(c.hygiene?.backupSelections).toEqual([]);
    expect(c.gaps?.map((g) => [g.action, g.what])).toEqual([["backup:ListBackupSelections", "AWS Backup selections of plan hyg-moto-plan"]]);
  });
});

// moto's Macie session is not readable by the SDK (createdAt is not RFC 3339) and moto has no
// ListBackupSelections / GetBackupSelection: those run against recorded answers (REST JSON, by path).
interface Recorded {
  macie: { status: number; body: unknown };
}
const recordedState: Recorded = { macie: { status: 200, body: {} } };
const PLAN_ARN = `arn:aws:backup:${REGION}:${MOTO_ACCOUNT}:backup-plan:plan-1`;
const TABLE_ARN = `arn:aws:dynamodb:${REGION}:${MOTO_ACCOUNT}:table/orders`;
const SELECTIONS: Record<string, unknown> = {
  "sel-arn": { SelectionName: "hyg-ok-by-arn", IamRoleArn: "arn:aws:iam::123456789012:role/backup", Resources: [TABLE_ARN], ListOfTags: [], NotResources: [], Conditions: { StringEquals: [], StringLike: [], StringNotEquals: [], StringNotLike: [] } },
  "sel-tags": { SelectionName: "hyg-ok-by-tag", IamRoleArn: "arn:aws:iam::123456789012:role/backup", Resources: [], ListOfTags: [{ ConditionType: "STRINGEQUALS", ConditionKey: "backup", ConditionValue: "daily" }] },
  "sel-condition": {
    SelectionName: "hyg-ok-by-condition",
    IamRoleArn: "arn:aws:iam::123456789012:role/backup",
    Resources: ["*"],
    Conditions: { StringEquals: [{ ConditionKey: "aws:ResourceTag/data-classification", ConditionValue: "restricted" }] },
  },
  "sel-narrowed": { SelectionName: "hyg-bad-narrowed", IamRoleArn: "arn:aws:iam::123456789012:role/backup", Resources: ["*"], NotResources: [TABLE_ARN] },
};

function recordedAnswer(method: string, path: string, query: URLSearchParams): { status: number; body: unknown } {
  if (method === "GET" && path === "/macie") return recordedState.macie;
  if (path === "/backup/plans/" || path === "/backup/plans") {
    return query.get("nextToken") === "page-2"
      ? { status: 200, body: { BackupPlansList: [{ BackupPlanId: "plan-2", BackupPlanArn: `${PLAN_ARN.replace("plan-1", "plan-2")}`, BackupPlanName: "hyg-bad-forever" }] } }
      : { status: 200, body: { BackupPlansList: [{ BackupPlanId: "plan-1", BackupPlanArn: PLAN_ARN, BackupPlanName: "hyg-ok-daily" }], NextToken: "page-2" } };
  }
  const plan = /^\/backup\/plans\/([^/]+)\/?$/.exec(path)?.[1];
  if (plan === "plan-1") return { status: 200, body: { BackupPlanId: plan, BackupPlan: { BackupPlanName: "hyg-ok-daily", Rules: [{ RuleName: "d", TargetBackupVaultName: "v", Lifecycle: { DeleteAfterDays: 35 } }, { RuleName: "w", TargetBackupVaultName: "v", Lifecycle: { DeleteAfterDays: 7 } }] } } };
  if (plan === "plan-2") return { status: 200, body: { BackupPlanId: plan, BackupPlan: { BackupPlanName: "hyg-bad-forever", Rules: [{ RuleName: "d", TargetBackupVaultName: "v" }] } } };
  const list = /^\/backup\/plans\/([^/]+)\/selections\/?$/.exec(path)?.[1];
  if (list === "plan-1") {
    return query.get("nextToken") === "page-2"
      ? { status: 200, body: { BackupSelectionsList: [{ SelectionId: "sel-condition" }, { SelectionId: "sel-narrowed" }, { SelectionId: "sel-denied" }] } }
      : { status: 200, body: { BackupSelectionsList: [{ SelectionId: "sel-arn" }, { SelectionId: "sel-tags" }], NextToken: "page-2" } };
  }
  if (list === "plan-2") return { status: 403, body: { __type: "AccessDeniedException", Message: "User is not authorized to perform: backup:ListBackupSelections" } };
  const sel = /^\/backup\/plans\/([^/]+)\/selections\/([^/]+)\/?$/.exec(path);
  if (sel) {
    const s = SELECTIONS[sel[2] ?? ""];
    return s
      ? { status: 200, body: { BackupPlanId: sel[1], SelectionId: sel[2], BackupSelection: s } }
      : { status: 403, body: { __type: "AccessDeniedException", Message: "User is not authorized to perform: backup:GetBackupSelection" } };
  }
  return { status: 404, body: { message: `no recorded answer for ${method} ${path}` } };
}

function startRecorded(): Promise<{ endpoint: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const answer = recordedAnswer(req.method ?? "GET", url.pathname, url.searchParams);
      const type = (answer.body as { __type?: string }).__type;
      res.writeHead(answer.status, { "content-type": "application/json", ...(type ? { "x-amzn-errortype": type } : {}) });
      res.end(JSON.stringify(answer.body));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      resolve({ endpoint: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

describe("Macie and Backup selections against recorded answers", () => {
  let recorded: Awaited<ReturnType<typeof startRecorded>>;
  beforeAll(async () => {
    recorded = await startRecorded();
  });
  afterAll(async () => {
    await recorded?.close();
  });
  const noRetry = () => scanContext(recorded.endpoint, REGION, { retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } }).ctx;

  it.each([
    { name: "ENABLED: on", answer: { status: 200, body: { status: "ENABLED", findingPublishingFrequency: "SIX_HOURS" } }, enabled: true, observed: "status=ENABLED" },
    { name: "PAUSED: off", answer: { status: 200, body: { status: "PAUSED" } }, enabled: false, observed: "status=PAUSED" },
    {
      name: "AccessDeniedException 'Macie is not enabled.': off",
      answer: { status: 403, body: { __type: "AccessDeniedException", message: "Macie is not enabled." } },
      enabled: false,
      observed: `Macie not enabled in ${REGION}`,
    },
    { name: "ResourceNotFoundException (moto): off", answer: { status: 404, body: { __type: "ResourceNotFoundException", message: "The request failed" } }, enabled: false, observed: `Macie not enabled in ${REGION}` },
  ])("Macie $name", async ({ answer, enabled, observed }) => {
    recordedState.macie = answer;
    const [d] = adaptMacie(await macieFetcher.fetch(noRetry()), ctx).hygiene!.detectors!;
    expect([d!.service, d!.region, d!.enabled.value, d!.enabled.observed]).toEqual(["macie", REGION, enabled, observed]);
    expect(d!.ref.id).toBe(`arn:aws:macie2:${REGION}:${MOTO_ACCOUNT}:session`);
  });

  it("Macie: a missing permission is not assessed (access-denied), never 'off'", async () => {
    recordedState.macie = { status: 403, body: { __type: "AccessDeniedException", message: "User: arn:aws:iam::123456789012:user/x is not authorized to perform: macie2:GetMacieSession" } };
    const [d] = adaptMacie(await macieFetcher.fetch(noRetry()), ctx).hygiene!.detectors!;
    expect(reasonOf(d!.enabled.value)).toBe("access-denied");
  });

  it("Backup: every page of plans and selections; retention, resources, tags; a denied listing is a gap", async () => {
    const c = adaptBackupPlans(await backupPlansFetcher.fetch(noRetry()), ctx);
    expect(c.gaps?.map((g) => [g.action, g.reason, g.what])).toEqual([["backup:ListBackupSelections", "access-denied", "AWS Backup selections of plan hyg-bad-forever"]]);
    const byName = new Map(c.hygiene?.backupSelections?.map((s) => [s.ref.name, s]));
    const arn = byName.get("hyg-ok-by-arn")!;
    expect(arn).toMatchObject({ plan: PLAN_ARN, resources: [TABLE_ARN], tags: [], resourceRefs: [], retentionDays: { value: 7 } });
    expect(arn.ref).toMatchObject({ id: `${PLAN_ARN}/selection/sel-arn`, type: "AWS::Backup::BackupSelection", region: REGION });
    expect(byName.get("hyg-ok-by-tag")).toMatchObject({ resources: [], tags: [{ key: "backup", value: "daily" }] });
    expect(byName.get("hyg-ok-by-condition")).toMatchObject({ resources: [], tags: [{ key: "data-classification", value: "restricted" }] });
    const narrowed = byName.get("hyg-bad-narrowed")!;
    expect([reasonOf(narrowed.resources), reasonOf(narrowed.tags)]).toEqual(["error", "error"]);
    const denied = byName.get("sel-denied")!;
    expect([reasonOf(denied.resources), reasonOf(denied.tags)]).toEqual(["access-denied", "access-denied"]);
  });
});

describe("CloudTrail adapter: shadow trails and advanced selectors", () => {
  const trail = (over: Partial<TrailAnswer["trail"]>, selectors: TrailAnswer["selectors"] = fetchedValue({}), isLogging: TrailAnswer["isLogging"] = fetchedValue(true)): TrailAnswer => ({
    trail: { Name: "org", TrailARN: `arn:aws:cloudtrail:us-east-1:${MOTO_ACCOUNT}:trail/org`, HomeRegion: "us-east-1", IsMultiRegionTrail: true, ...over },
    isLogging,
    selectors,
  });

  it("a trail listed twice is one model, keyed by its ARN, in its home region", () => {
    const c = adaptCloudTrail({ region: "eu-west-1", trails: fetchedValue([trail({}), trail({})]) }, ctx);
    expect(c.hygiene?.trails?.map((t) => [t.ref.id, t.ref.region])).toEqual([[`arn:aws:cloudtrail:us-east-1:${MOTO_ACCOUNT}:trail/org`, "us-east-1"]]);
  });

  it.each([
    {
      name: "all S3 reads",
      fields: [
        { Field: "eventCategory", Equals: ["Data"] },
        { Field: "resources.type", Equals: ["AWS::S3::Object"] },
        { Field: "readOnly", Equals: ["true"] },
      ],
      want: [{ resourceType: "s3-object", resources: "all", readWrite: "read" }],
    },
    {
      name: "one table",
      fields: [
        { Field: "eventCategory", Equals: ["Data"] },
        { Field: "resources.type", Equals: ["AWS::DynamoDB::Table"] },
        { Field: "resources.ARN", Equals: [TABLE_ARN] },
      ],
      want: [{ resourceType: "dynamodb-table", resources: [TABLE_ARN], readWrite: "all" }],
    },
    { name: "management only", fields: [{ Field: "eventCategory", Equals: ["Management"] }], want: [] },
  ])("advanced selector: $name", ({ fields, want }) => {
    const c = adaptCloudTrail({ region: REGION, trails: fetchedValue([trail({}, fetchedValue({ AdvancedEventSelectors: [{ Name: "s", FieldSelectors: fields }] }))]) }, ctx);
    expect(c.hygiene?.trails?.[0]?.dataEvents).toEqual(want);
  });

  it("a negative ARN operator is not assessed; denied status and selectors are unknown with the action", () => {
    const denied = { ok: false as const, failure: { reason: "access-denied" as const, service: "cloudtrail" as const, action: "cloudtrail:GetEventSelectors", region: REGION, detail: "AccessDeniedException" } };
    const narrowed = fetchedValue({
      AdvancedEventSelectors: [{ FieldSelectors: [{ Field: "eventCategory", Equals: ["Data"] }, { Field: "resources.type", Equals: ["AWS::S3::Object"] }, { Field: "resources.ARN", NotStartsWith: ["arn:aws:s3:::logs/"] }] }],
    });
    const [a] = adaptCloudTrail({ region: REGION, trails: fetchedValue([trail({}, narrowed)]) }, ctx).hygiene!.trails!;
    expect(isUnknown(a!.dataEvents) ? "list unknown" : reasonOf(a!.dataEvents[0]?.resources)).toBe("error");
    const [b] = adaptCloudTrail({ region: REGION, trails: fetchedValue([trail({}, denied, { ...denied, failure: { ...denied.failure, action: "cloudtrail:GetTrailStatus" } })]) }, ctx).hygiene!.trails!;
    expect([reasonOf(b!.dataEvents), reasonOf(b!.logging.value)]).toEqual(["access-denied", "access-denied"]);
    expect((b!.logging.value as { detail: string }).detail).toMatch(/cloudtrail:GetTrailStatus/);
  });

  it("a failed DescribeTrails is a coverage gap", () => {
    const c = adaptCloudTrail({ region: REGION, trails: { ok: false, failure: { reason: "access-denied", service: "cloudtrail", action: "cloudtrail:DescribeTrails", region: REGION, detail: "denied" } } }, ctx);
    expect([c.hygiene, c.gaps?.map((g) => g.what)]).toEqual([undefined, ["CloudTrail trails"]]);
  });
});
