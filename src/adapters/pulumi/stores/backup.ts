import { STORE_KIND_FACTS, STORE_VARIANT_FACTS } from "../../../models/store-kind-facts";
import type { StoreAdapter } from "../store-adapter";
import { alwaysEncrypted } from "./shared";

/** `aws:backup/vault:Vault` (v6, v7): always encrypted with `kmsKeyArn`, else the AWS-managed aws/backup key. */
export const backupVault: StoreAdapter = {
  types: ["aws:backup/vault:Vault"],
  kind: "backup-vault",
  nameProperty: "name",
  encryption: (p) =>
    alwaysEncrypted(
      p,
      "kmsKeyArn",
      STORE_KIND_FACTS["backup-vault"].encryption.keyless,
      "always encrypted: AWS-managed key aws/backup (kmsKeyArn not set)",
    ),
};

/**
 * `aws:backup/logicallyAirGappedVault:LogicallyAirGappedVault`: always encrypted with an
 * AWS-owned key; v7 adds `encryptionKeyArn` for a customer key (v6 has no key setting).
 */
export const backupAirGappedVault: StoreAdapter = {
  types: ["aws:backup/logicallyAirGappedVault:LogicallyAirGappedVault"],
  kind: "backup-vault",
  variant: "backup-logically-air-gapped-vault",
  nameProperty: "name",
  encryption: (p) =>
    alwaysEncrypted(
      p,
      "encryptionKeyArn",
      STORE_VARIANT_FACTS["backup-logically-air-gapped-vault"].encryption.keyless,
      "always encrypted: AWS-owned key (encryptionKeyArn not set)",
    ),
};
