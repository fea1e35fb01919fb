import { describe, expect, it } from "vitest";
import type { DataStore } from "../../../src/models/data-store";
import type { StoreHygiene } from "../../../src/models/hygiene";
import { databaseAuditLogsExported as rule } from "../../../src/rules/hygiene/database-audit-logs-exported";
import { run, statuses } from "../../helpers/models";
import { DENIED, hygiene, PREVIEW, setting, storeOf, variantOf } from "./transit-audit-fixtures";

const EXPORTED = { auditLog: setting(true, "enabledCloudwatchLogsExports=[audit]") };
const LOCAL = { auditLog: setting(false, "enabledCloudwatchLogsExports not set") };

const judge = (s: DataStore, h: StoreHygiene | undefined) => run(rule, { stores: [s], hygiene: hygiene("stack", h ? { [s.ref.id]: h } : {}) });

const KINDS = ["rds-instance", "rds-cluster", "redshift-cluster", "redshift-serverless-namespace", "opensearch-domain", "docdb-cluster", "neptune-cluster"] as const;

describe("CDG-HYG-007 database-audit-logs-exported", () => {
  describe.each(KINDS)("%s", (kind) => {
    it.each<[string, StoreHygiene | undefined, string]>([
      ["compliant: audit log exported", EXPORTED, "pass"],
      ["violation: no audit log exported", LOCAL, "fail"],
      ["unknown: exports computed in preview", { auditLog: setting<boolean>(PREVIEW, "enabledCloudwatchLogsExports computed") }, "unknown"],
      ["unknown: denied to the scanner", { auditLog: setting<boolean>(DENIED, "rds:DescribeDBInstances denied") }, "unknown"],
      ["unknown: not part of this view", undefined, "unknown"],
    ])("%s", (_name, h, expected) => {
      expect(statuses(judge(storeOf(kind, "db"), h))).toEqual([expected]);
    });
  });

  it("names the store, the observed setting and the requirement", () => {
    const [o] = judge(storeOf("docdb-cluster", "docs"), LOCAL);
    expect(o?.message).toBe("DocumentDB cluster 'docs' does not export an audit log: enabledCloudwatchLogsExports not set (required: audit logs exported)");
  });

  it.each<[string, string | null, string]>([
    ["violation: restricted, the same requirement", "restricted", "fail"],
    ["violation: confidential", "confidential", "fail"],
    ["violation: untagged is customer data", null, "fail"],
    ["compliant: internal is not judged", "internal", "not-applicable"],
  ])("classification %s", (_name, level, expected) => {
    expect(statuses(judge(storeOf("rds-instance", "db", level), LOCAL))).toEqual([expected]);
  });

  it("judges neither buckets nor global clusters", () => {
    expect(judge(storeOf("s3-bucket", "b"), LOCAL)).toEqual([]);
    expect(judge(variantOf(storeOf("rds-cluster", "g"), "rds-global-cluster", "RDS global cluster"), LOCAL)).toEqual([]);
  });
});
