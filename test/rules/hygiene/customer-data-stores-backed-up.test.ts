import { describe, expect, it } from "vitest";
import type { Tags } from "../../../src/core/classification";
import type { Val } from "../../../src/core/value";
import type { DataStore } from "../../../src/models/data-store";
import type { BackupSelection, StoreHygiene } from "../../../src/models/hygiene";
import { customerDataStoresBackedUp as rule } from "../../../src/rules/hygiene/customer-data-stores-backed-up";
import { run, statuses } from "../../helpers/models";
import { CONFIDENTIAL, DENIED, hygieneInventory, PREVIEW, RESTRICTED, setting, storeOf } from "./readiness-models";

const KINDS = [
  "rds-instance",
  "rds-cluster",
  "docdb-cluster",
  "neptune-cluster",
  "dynamodb-table",
  "redshift-cluster",
  "efs-file-system",
  "elasticache-replication-group",
  "elasticache-serverless-cache",
  "memorydb-cluster",
];
const ARN = "arn:aws:rds:eu-west-1:111122223333:db:orders";

const backed = (on: Val<boolean>, kept?: Val<number>): StoreHygiene => ({
  backups: setting(on, on === false ? "backupRetentionPeriod=0" : "backups on"),
  ...(kept === undefined ? {} : { backupRetentionDays: setting(kept, `backupRetentionPeriod=${isNaN(Number(kept)) ? "?" : String(kept)}`) }),
});
const OFF = backed(false);
const db = (tags: Val<Tags | undefined> = CONFIDENTIAL, over: Partial<DataStore> = {}) => storeOf("rds-instance", "orders", tags, { arn: ARN, ...over });
const selection = (over: Partial<BackupSelection> = {}): BackupSelection => ({
  model: "backup-selection",
  ref: { id: "urn:selection:daily", type: "aws:backup/selection:Selection", name: "daily", label: "AWS Backup selection" },
  plan: "daily-plan",
  resources: [],
  resourceRefs: [],
  tags: [],
  retentionDays: setting<number | "forever">(35, "shortest rule lifecycle.deleteAfter=35 days in plan daily-plan"),
  ...over,
});
const inv = (s: DataStore, h: StoreHygiene | undefined, ...selections: BackupSelection[]) => hygieneInventory([[s, h]], { backupSelections: selections });

describe("CDG-HYG-014 customer-data-stores-backed-up", () => {
  it.each<[string, ReturnType<typeof inv>, Record<string, unknown>, string[]]>([
    ["compliant: confidential, own backups kept 7 days", inv(db(), backed(true, 7)), {}, ["pass"]],
    ["compliant: restricted, own backups kept 14 days", inv(db(RESTRICTED), backed(true, 14)), {}, ["pass"]],
    ["compliant: own backups off but selected by reference (preview) in a 35-day plan", inv(db(), OFF, selection({ resourceRefs: ["urn:rds-instance:orders"] })), {}, ["pass"]],
    ["compliant: selected by an ARN pattern", inv(db(), OFF, selection({ resources: ["arn:aws:rds:*:111122223333:db:*"] })), {}, ["pass"]],
    ["compliant: selected by '*'", inv(db(CONFIDENTIAL, { arn: PREVIEW }), OFF, selection({ resources: ["*"] })), {}, ["pass"]],
    ["compliant: selected by tag", inv(db({ ...CONFIDENTIAL, backup: "daily" }), OFF, selection({ tags: [{ key: "backup", value: "daily" }] })), {}, ["pass"]],
    ["compliant: a plan that never deletes", inv(db(), OFF, selection({ resources: ["*"], retentionDays: setting<number | "forever">("forever", "no rule sets deleteAfter") })), {}, ["pass"]],
    ["compliant: scanner store (ARN id) selected by pattern", inv(storeOf("rds-instance", "orders", CONFIDENTIAL, { ref: { id: ARN, type: "AWS::RDS::DBInstance", name: "orders", label: "RDS instance" } }), OFF, selection({ resources: ["arn:aws:rds:eu-west-1:111122223333:db:ord*"] })), {}, ["pass"]],
    ["compliant: own retention unknown but a selection covers it", inv(db(), backed(true, PREVIEW), selection({ resources: ["*"] })), {}, ["pass"]],
    ["compliant: classified internal, not customer data", inv(db({ "data-classification": "internal" }), OFF), {}, ["not-applicable"]],
    ["compliant: a read replica is backed up through its source", inv(db(CONFIDENTIAL, { copyOf: { relation: "read-replica", source: "orders-primary" } }), OFF), {}, ["not-applicable"]],
    ["compliant: a global cluster's members keep the backups", inv(storeOf("rds-cluster", "global", CONFIDENTIAL, { variant: "rds-global-cluster" }), undefined), {}, ["not-applicable"]],
    ["violation: own backups off, no selection", inv(db(), OFF), {}, ["fail"]],
    ["violation: own backups kept 3 days", inv(db(), backed(true, 3)), {}, ["fail"]],
    ["violation: restricted needs 14 days: 7 is too few", inv(db(RESTRICTED), backed(true, 7)), {}, ["fail"]],
    ["violation: a configured minimum of 30 days", inv(db(), backed(true, 14)), { minBackupRetentionDays: 30 }, ["fail"]],
    ["violation: the selection's plan keeps 3 days", inv(db(), OFF, selection({ resources: ["*"], retentionDays: setting<number | "forever">(3, "deleteAfter=3") })), {}, ["fail"]],
    ["violation: the selection names another database", inv(db(), OFF, selection({ resources: ["arn:aws:rds:eu-west-1:111122223333:db:billing"] })), {}, ["fail"]],
    ["violation: the selection's tag is not on the store", inv(db(), OFF, selection({ tags: [{ key: "backup", value: "daily" }] })), {}, ["fail"]],
    ["violation: a pattern of another service cannot select it, even with its ARN unknown", inv(db(CONFIDENTIAL, { arn: PREVIEW }), OFF, selection({ resources: ["arn:aws:dynamodb:*:*:table/*"] })), {}, ["fail"]],
    ["unknown: own backups computed in preview", inv(db(), backed(PREVIEW)), {}, ["unknown"]],
    ["unknown: own retention denied", inv(db(), backed(true, DENIED)), {}, ["unknown"]],
    ["unknown: own retention not part of the view", inv(db(), backed(true)), {}, ["unknown"]],
    ["unknown: no backup settings in the view", inv(db(), undefined), {}, ["unknown"]],
    ["unknown: an RDS pattern and the store's ARN unknown (preview)", inv(db(CONFIDENTIAL, { arn: PREVIEW }), OFF, selection({ resources: ["arn:aws:rds:*:*:db:*"] })), {}, ["unknown"]],
    ["unknown: the selection's resources are computed", inv(db(), OFF, selection({ resources: PREVIEW })), {}, ["unknown"]],
    ["unknown: the selection's tags are computed", inv(db(), OFF, selection({ tags: PREVIEW })), {}, ["unknown"]],
    ["unknown: a covering plan's retention is computed", inv(db(), OFF, selection({ resources: ["*"], retentionDays: setting<number | "forever">(PREVIEW, "rules not known") })), {}, ["unknown"]],
    ["unknown: a covering plan's retention is not in view", inv(db(), OFF, selection({ resources: ["*"], retentionDays: undefined })), {}, ["unknown"]],
    ["unknown: the store's tags are computed", inv(db(PREVIEW), OFF), {}, ["unknown"]],
  ])("%s", (_name, i, options, expected) => {
    expect(statuses(run(rule, i, options))).toEqual(expected);
  });

  describe.each(KINDS)("kind %s", (kind) => {
    const s = storeOf(kind, "data", CONFIDENTIAL);
    it.each<[string, StoreHygiene | undefined, string]>([
      ["compliant: backups kept 7 days", backed(true, 7), "pass"],
      ["violation: backups off", OFF, "fail"],
      ["unknown: backups computed", backed(PREVIEW), "unknown"],
    ])("%s", (_name, h, expected) => {
      expect(statuses(run(rule, hygieneInventory([[s, h]])))).toEqual([expected]);
    });
  });

  it("leaves S3 buckets to the versioning rule", () => {
    expect(run(rule, hygieneInventory([[storeOf("s3-bucket", "b", CONFIDENTIAL), OFF]]))).toEqual([]);
  });

  it("names the store, what was observed and the minimum", () => {
    const [o] = run(rule, inv(db(RESTRICTED), backed(true, 7)));
    expect(o?.message).toBe(
      "RDS instance 'orders' is not backed up for the 14 days required for a store classified 'restricted': its automated backups are kept only 7 days (backupRetentionPeriod=7); no AWS Backup selection in this stack covers it",
    );
    const short = selection({ resources: ["*"], retentionDays: setting<number | "forever">(3, "deleteAfter=3") });
    const [p] = run(rule, hygieneInventory([[db(), OFF]], { backupSelections: [short] }, "account"));
    expect(p?.message).toBe(
      "RDS instance 'orders' is not backed up for the 7 days required for a store classified 'confidential': its own backups are off (backupRetentionPeriod=0); AWS Backup selection 'daily' of backup plan 'daily-plan' keeps recovery points only 3 days (deleteAfter=3)",
    );
    const [q] = run(rule, inv(db(), OFF, selection({ resources: ["*"] })));
    expect(q?.message).toBe(
      "RDS instance 'orders' is backed up: AWS Backup selection 'daily' of backup plan 'daily-plan' selects it and keeps recovery points 35 days (shortest rule lifecycle.deleteAfter=35 days in plan daily-plan)",
    );
  });

  it("says what could not be judged", () => {
    const [o] = run(rule, inv(db(CONFIDENTIAL, { arn: PREVIEW }), OFF, selection({ resources: ["arn:aws:rds:*:*:db:*"] })));
    expect(o?.reason).toBe("preview");
    expect(o?.message).toBe(
      "RDS instance 'orders': whether AWS Backup selection 'daily' of backup plan 'daily-plan' selects it cannot be judged: computed during the update",
    );
  });
});
