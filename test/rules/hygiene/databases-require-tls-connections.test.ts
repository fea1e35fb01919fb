import { describe, expect, it } from "vitest";
import type { StoreHygiene } from "../../../src/models/hygiene";
import type { DataStore } from "../../../src/models/data-store";
import { databasesRequireTlsConnections as rule } from "../../../src/rules/hygiene/databases-require-tls-connections";
import { run, statuses } from "../../helpers/models";
import { DENIED, hygiene, PREVIEW, setting, storeOf, variantOf } from "./transit-audit-fixtures";

const FORCED = { transitRequired: setting(true, "rds.force_ssl=1 in parameter group 'tls'") };
const OPEN = { transitRequired: setting(false, "rds.force_ssl=0 in parameter group 'default.postgres16'") };

const judge = (s: DataStore, h: StoreHygiene | undefined) =>
  run(rule, { stores: [s], hygiene: hygiene("stack", h === undefined ? {} : { [s.ref.id]: h }) });

const KINDS = ["rds-instance", "rds-cluster", "docdb-cluster", "neptune-cluster", "redshift-cluster", "redshift-serverless-namespace"] as const;

describe("CDG-HYG-001 databases-require-tls-connections", () => {
  describe.each(KINDS)("%s", (kind) => {
    const db = storeOf(kind, "orders");
    it.each<[string, StoreHygiene | undefined, string]>([
      ["compliant: TLS forced by the server", FORCED, "pass"],
      ["violation: plain connections accepted", OPEN, "fail"],
      ["unknown: the parameter group is computed in preview", { transitRequired: setting<boolean>(PREVIEW, "parameter group computed") }, "unknown"],
      ["unknown: the scanner was denied reading the parameters", { transitRequired: setting<boolean>(DENIED, "rds:DescribeDBParameters denied") }, "unknown"],
      ["unknown: the setting is not part of this view", undefined, "unknown"],
    ])("%s", (_name, h, expected) => {
      expect(statuses(judge(db, h))).toEqual([expected]);
    });
  });

  it("names the resource, the observed setting and the requirement", () => {
    const [o] = judge(storeOf("rds-instance", "orders"), OPEN);
    expect(o?.message).toBe(
      "RDS instance 'orders' accepts connections without TLS: rds.force_ssl=0 in parameter group 'default.postgres16' (required: TLS required for every connection)",
    );
  });

  it("says why a value was not assessed", () => {
    const [o] = judge(storeOf("rds-instance", "orders"), { transitRequired: setting<boolean>(PREVIEW, "parameterGroupName computed") });
    expect(o).toMatchObject({ status: "unknown", reason: "preview" });
    expect(o?.message).toContain("parameterGroupName computed");
    const [missing] = judge(storeOf("rds-instance", "orders"), undefined);
    expect(missing).toMatchObject({ status: "unknown", reason: "not-fetched" });
    expect(missing?.message).toContain("not part of this view");
  });

  it.each<[string, string | null, string]>([
    ["restricted: the same requirement (violation)", "restricted", "fail"],
    ["confidential: violation", "confidential", "fail"],
    ["untagged: treated as customer data (violation)", null, "fail"],
    ["compliant: public data is not judged", "public", "not-applicable"],
    ["compliant: internal data is not judged", "internal", "not-applicable"],
  ])("classification %s", (_name, level, expected) => {
    expect(statuses(judge(storeOf("rds-cluster", "orders", level), OPEN))).toEqual([expected]);
  });

  it("unknown: tags computed in preview leave the classification not assessed", () => {
    expect(statuses(judge(storeOf("rds-cluster", "orders", null, { tags: PREVIEW }), OPEN))).toEqual(["unknown"]);
  });

  it("does not judge other kinds, nor a global cluster (its members are judged)", () => {
    const global = variantOf(storeOf("rds-cluster", "global"), "rds-global-cluster", "RDS global cluster");
    expect(judge(storeOf("s3-bucket", "b"), OPEN)).toEqual([]);
    expect(judge(global, OPEN)).toEqual([]);
  });
});
