import { describe, expect, it } from "vitest";
import type { Tags } from "../../../src/core/classification";
import type { Val } from "../../../src/core/value";
import type { StoreHygiene } from "../../../src/models/hygiene";
import { databasesHaveDeletionProtection as rule } from "../../../src/rules/hygiene/databases-have-deletion-protection";
import { run, statuses } from "../../helpers/models";
import { CONFIDENTIAL, DENIED, hygieneInventory, PREVIEW, RESTRICTED, setting, storeOf } from "./readiness-models";

const KINDS = ["rds-instance", "rds-cluster", "docdb-cluster", "neptune-cluster", "dynamodb-table"];
const protect = (value: Val<boolean>): StoreHygiene => ({ deletionProtection: setting(value, value === false ? "deletionProtection not set (default false)" : "deletionProtection=true") });
const inv = (tags: Val<Tags | undefined>, h: StoreHygiene | undefined, kind = "rds-instance") => hygieneInventory([[storeOf(kind, "orders", tags), h]]);

describe("CDG-HYG-015 databases-have-deletion-protection", () => {
  it.each<[string, ReturnType<typeof inv>, string[]]>([
    ["compliant: confidential instance protected", inv(CONFIDENTIAL, protect(true)), ["pass"]],
    ["compliant: untagged (customer data by default) protected", inv(undefined, protect(true)), ["pass"]],
    ["compliant: classified public, not customer data", inv({ "data-classification": "public" }, protect(false)), ["not-applicable"]],
    ["violation: confidential instance unprotected", inv(CONFIDENTIAL, protect(false)), ["fail"]],
    ["violation: restricted instance unprotected (the same requirement)", inv(RESTRICTED, protect(false)), ["fail"]],
    ["violation: untagged instance unprotected", inv(undefined, protect(false)), ["fail"]],
    ["unknown: protection computed in preview", inv(CONFIDENTIAL, protect(PREVIEW)), ["unknown"]],
    ["unknown: protection could not be read", inv(CONFIDENTIAL, protect(DENIED)), ["unknown"]],
    ["unknown: protection not part of the view", inv(CONFIDENTIAL, undefined), ["unknown"]],
    ["unknown: tags computed", inv(PREVIEW, protect(false)), ["unknown"]],
  ])("%s", (_name, i, expected) => {
    expect(statuses(run(rule, i))).toEqual(expected);
  });

  describe.each(KINDS)("kind %s", (kind) => {
    it.each<[string, StoreHygiene | undefined, string]>([
      ["compliant: protected", protect(true), "pass"],
      ["violation: unprotected", protect(false), "fail"],
      ["unknown: computed", protect(PREVIEW), "unknown"],
    ])("%s", (_name, h, expected) => {
      expect(statuses(run(rule, inv(CONFIDENTIAL, h, kind)))).toEqual([expected]);
    });
  });

  it("judges only databases", () => {
    expect(run(rule, inv(CONFIDENTIAL, protect(false), "s3-bucket"))).toEqual([]);
    expect(run(rule, inv(CONFIDENTIAL, protect(false), "efs-file-system"))).toEqual([]);
  });

  it("names the database and the observed setting", () => {
    const [o] = run(rule, inv(CONFIDENTIAL, protect(false)));
    expect(o?.message).toBe(
      "RDS instance 'orders' can be deleted without safeguard (deletionProtection not set (default false)); a database holding customer data must have deletion protection on",
    );
  });
});
