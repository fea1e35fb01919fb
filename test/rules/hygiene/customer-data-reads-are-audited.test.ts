import { describe, expect, it } from "vitest";
import type { DataStore } from "../../../src/models/data-store";
import type { DataEventSelection, HygieneInventory, StoreHygiene, Trail } from "../../../src/models/hygiene";
import { customerDataReadsAreAudited as rule } from "../../../src/rules/hygiene/customer-data-reads-are-audited";
import { run, statuses } from "../../helpers/models";
import { DENIED, hygiene, PREVIEW, setting, storeOf } from "./transit-audit-fixtures";

const bucket = (level: string | null = "confidential", over: Partial<DataStore> = {}) => storeOf("s3-bucket", "orders", level, { arn: "arn:aws:s3:::orders", ...over });
const table = (level: string | null = "confidential", over: Partial<DataStore> = {}) =>
  storeOf("dynamodb-table", "customers", level, { arn: "arn:aws:dynamodb:eu-west-1:111122223333:table/customers", ...over });

const LOGGED: StoreHygiene = { auditLog: setting(true, "server access logging to bucket 'logs'") };
const UNLOGGED: StoreHygiene = { auditLog: setting(false, "server access logging off") };

const s3Reads = (over: Partial<DataEventSelection> = {}): DataEventSelection => ({ resourceType: "s3-object", resources: "all", readWrite: "all", ...over });
const tableReads = (over: Partial<DataEventSelection> = {}): DataEventSelection => ({ resourceType: "dynamodb-table", resources: "all", readWrite: "read", ...over });
const trail = (dataEvents: Trail["dataEvents"], over: Partial<Trail> = {}): Trail => ({
  model: "trail",
  ref: { id: "urn:audit", type: "aws:cloudtrail/trail:Trail", name: "audit", label: "CloudTrail trail" },
  multiRegion: setting(true, "isMultiRegionTrail=true"),
  logFileValidation: setting(true, "enableLogFileValidation=true"),
  kmsKey: setting<string | undefined>("key", "kmsKeyId set"),
  logging: setting(true, "enableLogging=true"),
  dataEvents,
  ...over,
});

const judge = (s: DataStore, own: StoreHygiene | undefined, trails: Trail[], scope: HygieneInventory["scope"] = "account", options: Record<string, unknown> = {}) =>
  run(rule, { stores: [s], hygiene: hygiene(scope, own ? { [s.ref.id]: own } : {}, { trails }) }, options);

describe("CDG-HYG-006 customer-data-reads-are-audited", () => {
  describe("S3 buckets (confidential), scope account", () => {
    it.each<[string, StoreHygiene | undefined, Trail[], string]>([
      ["compliant: server access logging on", LOGGED, [], "pass"],
      ["compliant: no access logs, but a trail records every bucket's reads", UNLOGGED, [trail([s3Reads()])], "pass"],
      ["compliant: a trail with a prefix covering the bucket", UNLOGGED, [trail([s3Reads({ resources: ["arn:aws:s3:::orders/"] })])], "pass"],
      ["compliant: a trail naming the bucket by reference", UNLOGGED, [trail([s3Reads({ resources: PREVIEW, resourceRefs: ["urn:orders"] })])], "pass"],
      ["violation: no access logs and no trail", UNLOGGED, [], "fail"],
      ["violation: the trail records only writes", UNLOGGED, [trail([s3Reads({ readWrite: "write" })])], "fail"],
      ["violation: the trail records another bucket", UNLOGGED, [trail([s3Reads({ resources: ["arn:aws:s3:::other/"] })])], "fail"],
      ["violation: the trail records only a prefix of the bucket", UNLOGGED, [trail([s3Reads({ resources: ["arn:aws:s3:::orders/invoices/"] })])], "fail"],
      ["violation: the trail records DynamoDB only", UNLOGGED, [trail([tableReads()])], "fail"],
      ["violation: the covering trail is not logging", UNLOGGED, [trail([s3Reads()], { logging: setting(false, "IsLogging=false") })], "fail"],
      ["unknown: the access logging setting is denied to the scanner", { auditLog: setting<boolean>(DENIED, "s3:GetBucketLogging denied") }, [], "unknown"],
      ["unknown: access logging not part of this view", undefined, [], "unknown"],
      ["unknown: the trail's prefixes are computed", UNLOGGED, [trail([s3Reads({ resources: PREVIEW })])], "unknown"],
      ["unknown: the trail's selectors are not readable", UNLOGGED, [trail(DENIED)], "unknown"],
    ])("%s", (_name, own, trails, expected) => {
      expect(statuses(judge(bucket(), own, trails))).toEqual([expected]);
    });

    it("unknown: the bucket's name and ARN are not known and the trail names prefixes", () => {
      const b = bucket("confidential", { arn: PREVIEW, physicalName: undefined });
      expect(statuses(judge(b, UNLOGGED, [trail([s3Reads({ resources: ["arn:aws:s3:::orders/"] })])]))).toEqual(["unknown"]);
    });
  });

  describe("restricted buckets need CloudTrail data events, not only server access logs", () => {
    it.each<[string, StoreHygiene | undefined, Trail[], string]>([
      ["violation: restricted with server access logs only", LOGGED, [], "fail"],
      ["compliant: restricted with a trail recording its object reads", UNLOGGED, [trail([s3Reads({ resources: ["arn:aws:s3:::orders/"], readWrite: "read" })])], "pass"],
      ["compliant: restricted with a trail and no access-logging setting in view", undefined, [trail([s3Reads()])], "pass"],
      ["unknown: restricted, the trail's resources computed", LOGGED, [trail([s3Reads({ resources: PREVIEW })])], "unknown"],
    ])("%s", (_name, own, trails, expected) => {
      expect(statuses(judge(bucket("restricted"), own, trails))).toEqual([expected]);
    });

    it("says server access logs are not enough", () => {
      const [o] = judge(bucket("restricted"), LOGGED, []);
      expect(o?.message).toBe(
        "reads of S3 bucket 'orders' are not recorded: server access logging to bucket 'logs' (not enough for restricted data), no CloudTrail trail " +
          "(required: restricted: a logging trail recording object-level read data events of the bucket; server access logs are not enough)",
      );
    });
  });

  describe("DynamoDB tables", () => {
    it.each<[string, Trail[], string]>([
      ["compliant: a trail records every table's reads", [trail([tableReads()])], "pass"],
      ["compliant: a trail names the table's ARN", [trail([tableReads({ resources: ["arn:aws:dynamodb:eu-west-1:111122223333:table/customers"] })])], "pass"],
      ["violation: no trail records table data events", [trail([s3Reads()])], "fail"],
      ["violation: another table", [trail([tableReads({ resources: ["arn:aws:dynamodb:eu-west-1:111122223333:table/other"] })])], "fail"],
      ["unknown: the trail's logging status is denied", [trail([tableReads()], { logging: setting<boolean>(DENIED, "GetTrailStatus denied") })], "unknown"],
    ])("%s", (_name, trails, expected) => {
      expect(statuses(judge(table(), undefined, trails))).toEqual([expected]);
    });

    it("server access logging does not apply to tables", () => {
      expect(statuses(judge(table(), { auditLog: setting(true, "something") }, []))).toEqual(["fail"]);
    });
  });

  describe("scope stack: a trail outside the stack may record the reads", () => {
    it.each<[string, DataStore, StoreHygiene | undefined, Trail[], Record<string, unknown>, string]>([
      ["compliant: access logging declared", bucket(), LOGGED, [], {}, "pass"],
      ["compliant: a declared trail records the table", table(), undefined, [trail([tableReads()])], {}, "pass"],
      ["unknown: nothing declared records the bucket's reads", bucket(), UNLOGGED, [], {}, "unknown"],
      ["unknown: nothing declared records the table's reads", table(), undefined, [], {}, "unknown"],
      ["violation: with requireCoverageInStack, nothing declared", bucket(), UNLOGGED, [], { requireCoverageInStack: true }, "fail"],
      ["violation: restricted with requireCoverageInStack and access logs only", bucket("restricted"), LOGGED, [], { requireCoverageInStack: true }, "fail"],
    ])("%s", (_name, s, own, trails, options, expected) => {
      expect(statuses(judge(s, own, trails, "stack", options))).toEqual([expected]);
    });

    it("says why it is not assessed", () => {
      const [o] = judge(bucket(), UNLOGGED, [], "stack");
      expect(o).toMatchObject({ status: "unknown", reason: "not-fetched" });
      expect(o?.message).toContain("server access logging off, no CloudTrail trail; a trail outside the stack may record them");
    });
  });

  it.each<[string, string | null, string]>([
    ["compliant: public data is not judged", "public", "not-applicable"],
    ["violation: untagged is customer data", null, "fail"],
  ])("classification %s", (_name, level, expected) => {
    expect(statuses(judge(bucket(level), UNLOGGED, []))).toEqual([expected]);
  });

  it("unknown: the view has no hygiene part", () => {
    expect(statuses(run(rule, { stores: [bucket()] }))).toEqual(["unknown"]);
  });
});
