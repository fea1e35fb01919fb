import { describe, expect, it } from "vitest";
import type { EngineResource } from "../../../../src/adapters/pulumi/engine-resource";
import { watchHygieneAdapter } from "../../../../src/adapters/pulumi/hygiene/watch";
import { buildInventory } from "../../../../src/adapters/pulumi/inventory";
import { isUnknown, type Unknown, type Val } from "../../../../src/core/value";
import type { DataEventSelection, HygieneContribution } from "../../../../src/models/hygiene";
import { engineResource, UNKNOWN, urnOf } from "../../../helpers/engine";

const BUCKET = "aws:s3/bucket:Bucket";
const TABLE = "aws:dynamodb/table:Table";
const TRAIL = "aws:cloudtrail/trail:Trail";
const DETECTOR = "aws:guardduty/detector:Detector";
const FEATURE = "aws:guardduty/detectorFeature:DetectorFeature";
const MACIE = "aws:macie2/account:Account";
const FLOW_LOG = "aws:ec2/flowLog:FlowLog";
const VPC = "aws:ec2/vpc:Vpc";
const PLAN = "aws:backup/plan:Plan";
const SELECTION = "aws:backup/selection:Selection";

const TABLE_ARN = "arn:aws:dynamodb:eu-west-1:111122223333:table/orders";
const BUCKET_URN = urnOf(BUCKET, "customers");
const TABLE_URN = urnOf(TABLE, "orders");
const KEY_URN = urnOf("aws:kms/key:Key", "trail-key");

/** Stores of a new stack (names and ARNs unknown) and of an existing one (all known). */
const newStores = [engineResource(BUCKET, "customers", { bucket: UNKNOWN, arn: UNKNOWN }), engineResource(TABLE, "orders", { name: UNKNOWN, arn: UNKNOWN })];
const knownStores = [
  engineResource(BUCKET, "customers", { bucket: "customers-1a2b", arn: "arn:aws:s3:::customers-1a2b" }),
  engineResource(TABLE, "orders", { name: "orders", arn: TABLE_ARN }),
];

/** The adapter's contribution for these resources, with the stores the inventory builds from them. */
function build(...resources: EngineResource[]): HygieneContribution {
  const stores = buildInventory(resources).stores;
  return watchHygieneAdapter.build(
    resources.filter((r) => watchHygieneAdapter.types.includes(r.type)),
    stores,
  );
}

const reasonOf = (v: unknown): string | undefined => (isUnknown(v) ? v.reason : undefined);
/** The selections of a known list (fails the test when the list itself is unknown). */
function selections(v: Val<readonly DataEventSelection[]>): readonly DataEventSelection[] {
  expect(isUnknown(v)).toBe(false);
  return v as readonly DataEventSelection[];
}
const planned = (r: EngineResource): EngineResource => ({ ...r, plannedState: true });

describe("watch hygiene adapter: CloudTrail trails", () => {
  const trailOf = (props: Record<string, unknown>, deps: Record<string, string[]> = {}, stores = knownStores, isPlanned = false) => {
    const r = engineResource(TRAIL, "audit", props, deps);
    const c = build(...stores, isPlanned ? planned(r) : r);
    expect(c.trails).toHaveLength(1);
    return c.trails![0]!;
  };

  it.each([
    { name: "defaults: single-region, no validation, no key, logging", props: {}, expect: { multiRegion: false, logFileValidation: false, kmsKey: undefined, logging: true, organization: false } },
    {
      name: "compliant: multi-region, validated, KMS, organization",
      props: { isMultiRegionTrail: true, enableLogFileValidation: true, kmsKeyId: "arn:aws:kms:eu-west-1:111122223333:key/abc", isOrganizationTrail: true },
      expect: { multiRegion: true, logFileValidation: true, kmsKey: "arn:aws:kms:eu-west-1:111122223333:key/abc", logging: true, organization: true },
    },
    { name: "violating: logging stopped", props: { enableLogging: false, isMultiRegionTrail: false }, expect: { multiRegion: false, logFileValidation: false, kmsKey: undefined, logging: false, organization: false } },
  ])("$name", ({ props, expect: want }) => {
    const t = trailOf(props);
    expect({
      multiRegion: t.multiRegion.value,
      logFileValidation: t.logFileValidation.value,
      kmsKey: t.kmsKey.value,
      logging: t.logging.value,
      organization: t.organization?.value,
    }).toEqual(want);
    expect(t.ref).toMatchObject({ id: urnOf(TRAIL, "audit"), label: "CloudTrail trail" });
  });

  it("observed names the setting and never prints the key", () => {
    const t = trailOf({ kmsKeyId: "arn:aws:kms:eu-west-1:111122223333:key/secret-looking", enableLogging: false });
    expect(t.kmsKey.observed).toBe("kmsKeyId set");
    expect(t.logging.observed).toBe("enableLogging=false");
    expect(t.multiRegion.observed).toBe("isMultiRegionTrail not set (default false)");
  });

  it("new stack: a key from another resource is unknown (preview), never a pass or a fail", () => {
    const t = trailOf({ kmsKeyId: UNKNOWN, isMultiRegionTrail: UNKNOWN }, { kmsKeyId: [KEY_URN], isMultiRegionTrail: [urnOf("pulumi:pulumi:StackReference", "org")] }, newStores);
    expect(reasonOf(t.kmsKey.value)).toBe("preview");
    expect(reasonOf(t.multiRegion.value)).toBe("preview");
  });

  it("planned state: an unset property the provider computes is its default", () => {
    const t = trailOf({ isMultiRegionTrail: UNKNOWN, enableLogging: UNKNOWN, kmsKeyId: UNKNOWN, eventSelectors: UNKNOWN }, {}, newStores, true);
    expect([t.multiRegion.value, t.logging.value, t.kmsKey.value, t.dataEvents]).toEqual([false, true, undefined, []]);
  });

  it.each([
    { name: "all S3 objects (arn:aws:s3:::)", values: ["arn:aws:s3:::"], type: "AWS::S3::Object", expect: { resourceType: "s3-object", resources: "all", readWrite: "all" } },
    { name: "all S3 objects (arn:aws:s3)", values: ["arn:aws:s3"], type: "AWS::S3::Object", expect: { resourceType: "s3-object", resources: "all", readWrite: "all" } },
    { name: "all tables (arn:aws:dynamodb)", values: ["arn:aws:dynamodb"], type: "AWS::DynamoDB::Table", expect: { resourceType: "dynamodb-table", resources: "all", readWrite: "all" } },
    {
      name: "one bucket by known ARN prefix: joined by value",
      values: ["arn:aws:s3:::customers-1a2b/"],
      type: "AWS::S3::Object",
      expect: { resourceType: "s3-object", resources: ["arn:aws:s3:::customers-1a2b/"], resourceRefs: [BUCKET_URN], readWrite: "all" },
    },
    {
      name: "another bucket: not joined",
      values: ["arn:aws:s3:::other/"],
      type: "AWS::S3::Object",
      expect: { resourceType: "s3-object", resources: ["arn:aws:s3:::other/"], readWrite: "all" },
    },
    { name: "Lambda: raw type", values: ["arn:aws:lambda"], type: "AWS::Lambda::Function", expect: { resourceType: "AWS::Lambda::Function", resources: "all", readWrite: "all" } },
  ])("basic event selector: $name", ({ values, type, expect: want }) => {
    const t = trailOf({ eventSelectors: [{ readWriteType: "All", includeManagementEvents: true, dataResources: [{ type, values }] }] });
    expect(t.dataEvents).toEqual([want]);
  });

  it("basic event selectors: read/write types, management-only selector adds nothing", () => {
    const t = trailOf({
      eventSelectors: [
        { readWriteType: "WriteOnly", dataResources: [{ type: "AWS::DynamoDB::Table", values: [TABLE_ARN] }] },
        { readWriteType: "ReadOnly", dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3:::"] }] },
        { includeManagementEvents: true },
      ],
    });
    expect(t.dataEvents).toEqual([
      { resourceType: "dynamodb-table", resources: [TABLE_ARN], resourceRefs: [TABLE_URN], readWrite: "write" },
      { resourceType: "s3-object", resources: "all", readWrite: "read" },
    ]);
  });

  it("new stack: `${bucket.arn}/` is unknown but carries the bucket's dependency", () => {
    const t = trailOf(
      { eventSelectors: [{ readWriteType: "All", dataResources: [{ type: "AWS::S3::Object", values: [UNKNOWN] }] }] },
      { eventSelectors: [BUCKET_URN, TABLE_URN] },
      newStores,
    );
    const [sel] = selections(t.dataEvents);
    expect(reasonOf(sel!.resources)).toBe("preview");
    // The table is a dependency too, but not of the S3 selection's kind.
    expect(sel!.resourceRefs).toEqual([BUCKET_URN]);
  });

  it("a computed selector list is unknown", () => {
    const t = trailOf({ eventSelectors: UNKNOWN }, { eventSelectors: [BUCKET_URN] }, newStores);
    expect(reasonOf(t.dataEvents)).toBe("preview");
  });

  it.each([
    {
      name: "all S3 data events, reads only",
      fields: [
        { field: "eventCategory", equals: ["Data"] },
        { field: "resources.type", equals: ["AWS::S3::Object"] },
        { field: "readOnly", equals: ["true"] },
      ],
      expect: [{ resourceType: "s3-object", resources: "all", readWrite: "read" }],
    },
    {
      name: "one table by ARN, writes only",
      fields: [
        { field: "eventCategory", equals: ["Data"] },
        { field: "resources.type", equals: ["AWS::DynamoDB::Table"] },
        { field: "resources.ARN", startsWiths: [TABLE_ARN] },
        { field: "readOnly", equals: ["false"] },
      ],
      expect: [{ resourceType: "dynamodb-table", resources: [TABLE_ARN], resourceRefs: [TABLE_URN], readWrite: "write" }],
    },
    {
      name: "ARN prefix of the whole service",
      fields: [
        { field: "eventCategory", equals: ["Data"] },
        { field: "resources.type", equals: ["AWS::S3::Object"] },
        { field: "resources.ARN", startsWiths: ["arn:aws:s3:::"] },
      ],
      expect: [{ resourceType: "s3-object", resources: "all", readWrite: "all" }],
    },
    { name: "management events only", fields: [{ field: "eventCategory", equals: ["Management"] }], expect: [] },
  ])("advanced event selector: $name", ({ fields, expect: want }) => {
    expect(trailOf({ advancedEventSelectors: [{ name: "sel", fieldSelectors: fields }] }).dataEvents).toEqual(want);
  });

  it("advanced selector with a negative ARN operator: that selection is not assessed", () => {
    const t = trailOf({
      advancedEventSelectors: [
        {
          fieldSelectors: [
            { field: "eventCategory", equals: ["Data"] },
            { field: "resources.type", equals: ["AWS::S3::Object"] },
            { field: "resources.ARN", notStartsWiths: ["arn:aws:s3:::customers-1a2b/"] },
          ],
        },
      ],
    });
    const [sel] = selections(t.dataEvents);
    expect(reasonOf(sel!.resources)).toBe("error");
    expect((sel!.resources as Unknown).detail).toMatch(/not assessed/);
  });

  it("new stack: advanced selector ARN from `bucket.arn` is unknown and joined by dependency", () => {
    const t = trailOf(
      {
        advancedEventSelectors: [
          {
            fieldSelectors: [
              { field: "eventCategory", equals: ["Data"] },
              { field: "resources.type", equals: ["AWS::S3::Object"] },
              { field: "resources.ARN", startsWiths: [UNKNOWN] },
            ],
          },
        ],
      },
      { advancedEventSelectors: [BUCKET_URN] },
      newStores,
    );
    const [sel] = selections(t.dataEvents);
    expect([reasonOf(sel!.resources), sel!.resourceRefs]).toEqual(["preview", [BUCKET_URN]]);
  });
});

describe("watch hygiene adapter: GuardDuty and Macie", () => {
  const DETECTOR_URN = urnOf(DETECTOR, "gd");

  it.each([
    { name: "default: enabled", props: {}, enabled: true, observed: "enable not set (default true)" },
    { name: "compliant: enable=true", props: { enable: true }, enabled: true, observed: "enable=true" },
    { name: "violating: enable=false", props: { enable: false }, enabled: false, observed: "enable=false" },
  ])("detector $name", ({ props, enabled, observed }) => {
    const [d] = build(engineResource(DETECTOR, "gd", props)).detectors!;
    expect([d!.service, d!.enabled.value, d!.enabled.observed]).toEqual(["guardduty", enabled, observed]);
  });

  it("detector from a stack reference: unknown", () => {
    const [d] = build(engineResource(DETECTOR, "gd", { enable: UNKNOWN }, { enable: [urnOf("pulumi:pulumi:StackReference", "o")] })).detectors!;
    expect(reasonOf(d!.enabled.value)).toBe("preview");
  });

  it("datasources block (v6 shape) gives protections", () => {
    const [d] = build(
      engineResource(DETECTOR, "gd", { enable: true, region: "eu-west-1", datasources: { s3Logs: { enable: false }, kubernetes: { auditLogs: { enable: true } } } }),
    ).detectors!;
    expect(d!.region).toBe("eu-west-1");
    expect(d!.protections).toEqual({
      "s3-data-events": { value: false, observed: "datasources.s3Logs.enable=false" },
      "eks-audit-logs": { value: true, observed: "datasources.kubernetes.auditLogs.enable=true" },
    });
  });

  it("new stack: features join their detector by dependency (detectorId unknown)", () => {
    const c = build(
      engineResource(DETECTOR, "gd", { enable: true, id: UNKNOWN }),
      engineResource(DETECTOR, "other", { enable: true, id: UNKNOWN }),
      engineResource(FEATURE, "s3", { detectorId: UNKNOWN, name: "S3_DATA_EVENTS", status: "ENABLED" }, { detectorId: [DETECTOR_URN] }),
      engineResource(FEATURE, "rds", { detectorId: UNKNOWN, name: "RDS_LOGIN_EVENTS", status: "DISABLED" }, { detectorId: [DETECTOR_URN] }),
      engineResource(FEATURE, "rt", { detectorId: UNKNOWN, name: "RUNTIME_MONITORING", status: UNKNOWN }, { detectorId: [DETECTOR_URN], status: [urnOf("pulumi:pulumi:StackReference", "o")] }),
    );
    const gd = c.detectors!.find((d) => d.ref.id === DETECTOR_URN)!;
    const other = c.detectors!.find((d) => d.ref.name === "other")!;
    expect(gd.protections?.["s3-data-events"]?.value).toBe(true);
    expect(gd.protections?.["rds-login-events"]).toEqual({ value: false, observed: "feature RDS_LOGIN_EVENTS status=DISABLED" });
    expect(reasonOf(gd.protections?.["runtime-monitoring"]?.value)).toBe("preview");
    expect(other.protections).toBeUndefined();
  });

  it("existing stack: features join their detector by known id", () => {
    const c = build(
      engineResource(DETECTOR, "gd", { enable: true, id: "12abc34d567e8fa901bc2d34e56789f0" }),
      engineResource(FEATURE, "lambda", { detectorId: "12abc34d567e8fa901bc2d34e56789f0", name: "LAMBDA_NETWORK_LOGS", status: "ENABLED" }),
      engineResource(FEATURE, "elsewhere", { detectorId: "ffff", name: "EBS_MALWARE_PROTECTION", status: "ENABLED" }),
    );
    expect(c.detectors![0]!.protections).toEqual({ "lambda-network-logs": { value: true, observed: "feature LAMBDA_NETWORK_LOGS status=ENABLED" } });
  });

  it.each([
    { name: "default: enabled", props: {}, enabled: true },
    { name: "ENABLED", props: { status: "ENABLED" }, enabled: true },
    { name: "violating: PAUSED", props: { status: "PAUSED" }, enabled: false },
  ])("Macie $name", ({ props, enabled }) => {
    const [d] = build(engineResource(MACIE, "macie", props)).detectors!;
    expect([d!.service, d!.enabled.value, d!.ref.label]).toEqual(["macie", enabled, "Macie account"]);
  });

  it("Macie status from elsewhere: unknown", () => {
    const [d] = build(engineResource(MACIE, "macie", { status: UNKNOWN }, { status: [urnOf("pulumi:pulumi:StackReference", "o")] })).detectors!;
    expect(reasonOf(d!.enabled.value)).toBe("preview");
  });
});

describe("watch hygiene adapter: VPC flow logs", () => {
  const VPC_URN = urnOf(VPC, "main");

  it("new stack: vpcId unknown, joined to the VPC by dependency", () => {
    const [f] = build(engineResource(FLOW_LOG, "fl", { vpcId: UNKNOWN, trafficType: "ALL" }, { vpcId: [VPC_URN] })).flowLogs!;
    expect(reasonOf(f!.resourceIds)).toBe("preview");
    expect(f!.resourceRefs).toEqual([VPC_URN]);
    expect(f!.trafficType).toEqual({ value: "ALL", observed: "trafficType=ALL" });
  });

  it("existing stack: known ids and the dependency", () => {
    const [f] = build(engineResource(FLOW_LOG, "fl", { vpcId: "vpc-0abc", trafficType: "REJECT" }, { vpcId: [VPC_URN] })).flowLogs!;
    expect([f!.resourceIds, f!.resourceRefs, f!.trafficType.value]).toEqual([["vpc-0abc"], [VPC_URN], "REJECT"]);
  });

  it("subnet, interface and transit gateway (v7) targets; an unset traffic type", () => {
    const c = build(
      engineResource(FLOW_LOG, "sub", { subnetId: "subnet-1" }),
      engineResource(FLOW_LOG, "eni", { eniId: "eni-1", trafficType: "ACCEPT" }),
      engineResource(FLOW_LOG, "tgw", { transitGatewayId: "tgw-1", trafficType: "ALL" }),
    );
    expect(c.flowLogs!.map((f) => f.resourceIds)).toEqual([["subnet-1"], ["eni-1"], ["tgw-1"]]);
    expect(c.flowLogs![0]!.trafficType).toEqual({ value: undefined, observed: "trafficType not set" });
  });

  it("a dependency on something that is not a network resource is no reference", () => {
    const [f] = build(engineResource(FLOW_LOG, "fl", { vpcId: UNKNOWN }, { vpcId: [urnOf("pulumi:pulumi:StackReference", "net")] })).flowLogs!;
    expect([reasonOf(f!.resourceIds), f!.resourceRefs]).toEqual(["preview", []]);
  });
});

describe("watch hygiene adapter: AWS Backup selections", () => {
  const PLAN_URN = urnOf(PLAN, "daily");
  const plan = (rules: unknown, id: unknown = UNKNOWN) => engineResource(PLAN, "daily", { id, rules });
  const selection = (props: Record<string, unknown>, deps: Record<string, string[]> = {}) => engineResource(SELECTION, "sel", props, deps);

  it.each([
    { name: "shortest deleteAfter", rules: [{ ruleName: "a", lifecycle: { deleteAfter: 35 } }, { ruleName: "b", lifecycle: { deleteAfter: 7, coldStorageAfter: 1 } }], want: 7 },
    { name: "one rule never deletes, another does: shortest", rules: [{ ruleName: "a" }, { ruleName: "b", lifecycle: { deleteAfter: 90 } }], want: 90 },
    { name: "no rule deletes: forever", rules: [{ ruleName: "a" }, { ruleName: "b", lifecycle: { coldStorageAfter: 30 } }], want: "forever" },
  ])("plan retention: $name", ({ rules, want }) => {
    const [s] = build(plan(rules), selection({ planId: UNKNOWN, resources: ["*"] }, { planId: [PLAN_URN] })).backupSelections!;
    expect(s!.retentionDays?.value).toBe(want);
    expect(s!.plan).toBe(PLAN_URN);
  });

  it("new stack: resources from `table.arn` are unknown and joined by dependency; retention from the plan joined by dependency", () => {
    const [s] = build(
      ...newStores,
      plan([{ ruleName: "a", lifecycle: { deleteAfter: 30 } }]),
      selection({ planId: UNKNOWN, resources: [UNKNOWN] }, { planId: [PLAN_URN], resources: [TABLE_URN] }),
    ).backupSelections!;
    expect([reasonOf(s!.resources), s!.resourceRefs, s!.retentionDays?.value, s!.tags]).toEqual(["preview", [TABLE_URN], 30, []]);
  });

  it("existing stack: joined by known plan id and ARN", () => {
    const [s] = build(
      ...knownStores,
      plan([{ ruleName: "a", lifecycle: { deleteAfter: 14 } }], "plan-123"),
      selection({ planId: "plan-123", resources: [TABLE_ARN, "arn:aws:s3:::customers-*"], selectionTags: [{ type: "STRINGEQUALS", key: "backup", value: "daily" }] }),
    ).backupSelections!;
    expect(s!.plan).toBe(PLAN_URN);
    expect(s!.retentionDays?.value).toBe(14);
    expect(s!.resources).toEqual([TABLE_ARN, "arn:aws:s3:::customers-*"]);
    expect(new Set(s!.resourceRefs)).toEqual(new Set([TABLE_URN, BUCKET_URN]));
    expect(s!.tags).toEqual([{ key: "backup", value: "daily" }]);
  });

  it("a plan outside the stack: no retention; an unknown plan id: retention unknown", () => {
    const [outside] = build(selection({ planId: "plan-elsewhere", resources: [TABLE_ARN] })).backupSelections!;
    expect([outside!.plan, outside!.retentionDays]).toEqual(["plan-elsewhere", undefined]);
    const [pending] = build(selection({ planId: UNKNOWN, resources: [TABLE_ARN] }, { planId: [urnOf("pulumi:pulumi:StackReference", "o")] })).backupSelections!;
    expect(reasonOf(pending!.retentionDays?.value)).toBe("preview");
  });

  it("`*` with one tag condition selects by that tag", () => {
    const [s] = build(selection({ planId: "p", resources: ["*"], conditions: [{ stringEquals: [{ key: "aws:ResourceTag/data-classification", value: "restricted" }] }] })).backupSelections!;
    expect([s!.resources, s!.tags]).toEqual([[], [{ key: "data-classification", value: "restricted" }]]);
  });

  it.each([
    { name: "notResources", props: { planId: "p", resources: ["*"], notResources: [TABLE_ARN] } },
    { name: "two conditions", props: { planId: "p", resources: ["*"], conditions: [{ stringEquals: [{ key: "aws:ResourceTag/a", value: "1" }], stringNotEquals: [{ key: "aws:ResourceTag/b", value: "2" }] }] } },
    { name: "v6 condition block narrowing named resources", props: { planId: "p", resources: [TABLE_ARN], condition: [{ stringLikes: [{ key: "aws:ResourceTag/a", value: "x*" }] }] } },
  ])("narrowed selections are not assessed: $name", ({ props }) => {
    const [s] = build(selection(props)).backupSelections!;
    expect([reasonOf(s!.resources), reasonOf(s!.tags)]).toEqual(["error", "error"]);
  });
});
