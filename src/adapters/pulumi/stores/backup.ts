import type { StoreAdapter } from "../store-adapter";
import { alwaysEncrypted } from "./shared";

/** `aws:backup/vault:Vault` (v6, v7): always encrypted with `kmsKeyArn`, else the AWS-managed aws/backup key. */
export const backupVault: StoreAdapter = {
  types: ["aws:backup/vault:Vault"],
  kind: "backup-vault",
  label: "Backup vault",
  nameProperty: "name",
  encryptedByDefault: true,
  encryption: (p) => alwaysEncrypted(p, "kmsKeyArn", "aws-managed", "always encrypted: AWS-managed key aws/backup (kmsKeyArn not set)"),
};

/**
 * `aws:backup/logicallyAirGappedVault:LogicallyAirGappedVault`: always encrypted with an
 * AWS-owned key; v7 adds `encryptionKeyArn` for a customer key (v6 has no key setting).
 */
export const backupAirGappedVault: StoreAdapter = {
  types: ["aws:backup/logicallyAirGappedVault:LogicallyAirGappedVault"],
  kind: "backup-vault",
  label: "Backup logically air-gapped vault",
  nameProperty: "name",
  encryptedByDefault: true,
  encryption: (p) =>
    alwaysEncrypted(p, "encryptionKeyArn", "aws-owned", "always encrypted: AWS-owned key (encryptionKeyArn not set)"),
};
