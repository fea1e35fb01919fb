import { describe, expect, it } from "vitest";
import { storeFacts } from "../../../src/models/store-kind-facts";
import { alwaysEncryptedCases, storeCases, storeOf } from "./store-cases";

const VAULT = "aws:backup/vault:Vault";
const AIR_GAPPED = "aws:backup/logicallyAirGappedVault:LogicallyAirGappedVault";

describe("Backup vault adapters", () => {
  storeCases("backup-vault", [
    ...alwaysEncryptedCases(VAULT, "kmsKeyArn", "aws-managed"),
    { type: VAULT, name: "AWS-managed alias", props: { kmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:alias/aws/backup" }, expect: { keyManager: "aws-managed" } },
    ...alwaysEncryptedCases(AIR_GAPPED, "encryptionKeyArn", "aws-owned").map((c) => ({ ...c, name: `v7 ${c.name}` })),
    { type: AIR_GAPPED, name: "v6 (no key setting): AWS-owned", props: { minRetentionDays: 7, maxRetentionDays: 35 }, expect: { enabled: true, keyManager: "aws-owned" } },
  ]);

  it.each([VAULT, AIR_GAPPED])("%s is named and always encrypted", (type) => {
    const s = storeOf(type, { name: "backups" });
    expect([s.physicalName, storeFacts(s.kind, s.variant).encryption.always]).toEqual(["backups", true]);
  });
});
