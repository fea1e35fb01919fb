import { describe, expect, it } from "vitest";
import type { Tags } from "../../../src/core/classification";
import { DEFAULT_CONFIG } from "../../../src/core/config";
import type { Val } from "../../../src/core/value";
import type { StoreHygiene } from "../../../src/models/hygiene";
import { backupVaultsLocked as rule } from "../../../src/rules/hygiene/backup-vaults-locked";
import { run, statuses } from "../../helpers/models";
import { CONFIDENTIAL, DENIED, hygieneInventory, PREVIEW, RESTRICTED, setting, storeOf } from "./readiness-models";

const locked = (value: Val<boolean>): StoreHygiene => ({ vaultLock: setting(value, value === true ? "Vault Lock min 7 / max 3650 days" : "no Vault Lock configuration") });
const inv = (tags: Val<Tags | undefined>, h: StoreHygiene | undefined) => hygieneInventory([[storeOf("backup-vault", "orders-vault", tags), h]]);

describe("CDG-HYG-017 backup-vaults-locked", () => {
  it.each<[string, ReturnType<typeof inv>, string[]]>([
    ["compliant: confidential vault locked", inv(CONFIDENTIAL, locked(true)), ["pass"]],
    ["compliant: untagged vault (customer data by default) locked", inv(undefined, locked(true)), ["pass"]],
    ["compliant: vault classified internal, not customer data", inv({ "data-classification": "internal" }, locked(false)), ["not-applicable"]],
    ["violation: confidential vault not locked", inv(CONFIDENTIAL, locked(false)), ["fail"]],
    ["violation: restricted vault not locked (the same requirement)", inv(RESTRICTED, locked(false)), ["fail"]],
    ["violation: untagged vault not locked", inv(undefined, locked(false)), ["fail"]],
    ["unknown: lock computed in preview", inv(CONFIDENTIAL, locked(PREVIEW)), ["unknown"]],
    ["unknown: DescribeBackupVault denied", inv(CONFIDENTIAL, locked(DENIED)), ["unknown"]],
    ["unknown: lock not part of the view", inv(CONFIDENTIAL, undefined), ["unknown"]],
    ["unknown: tags computed", inv(PREVIEW, locked(false)), ["unknown"]],
  ])("%s", (_name, i, expected) => {
    expect(statuses(run(rule, i))).toEqual(expected);
  });

  it("judges a logically air-gapped vault by its (always on) lock", () => {
    const vault = storeOf("backup-vault", "air", CONFIDENTIAL, { variant: "backup-logically-air-gapped-vault" });
    expect(statuses(run(rule, hygieneInventory([[vault, locked(true)]])))).toEqual(["pass"]);
  });

  it("treats untagged vaults as not customer data when configured so", () => {
    expect(statuses(run(rule, inv(undefined, locked(false)), {}, { ...DEFAULT_CONFIG, assumeCustomerData: false }))).toEqual(["not-applicable"]);
  });

  it("judges only backup vaults", () => {
    expect(run(rule, hygieneInventory([[storeOf("s3-bucket", "b", CONFIDENTIAL), locked(false)]]))).toEqual([]);
  });

  it("names the vault and the observed setting", () => {
    const [o] = run(rule, inv(CONFIDENTIAL, locked(false)));
    expect(o?.message).toBe("Backup vault 'orders-vault' is not locked (no Vault Lock configuration); a vault holding customer data backups must have Vault Lock");
  });
});
