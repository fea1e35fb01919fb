import type { BackupVaultListMember } from "@aws-sdk/client-backup";
import { encryptedWith } from "../../encryption/at-rest";
import type { BackupAnswers, BackupVaultAnswers } from "../../fetchers/aws/backup";
import type { EncryptionAtRest, StoreVariant } from "../../models/data-store";
import { storeFacts, storeLabel } from "../../models/store-kind-facts";
import type { AdaptContext } from "./context";
import type { InventoryContribution } from "./contribution";
import { gapOf, readFetched } from "./fetched";
import { inlinePolicy, storesAndPolicies, type StoreWithPolicy } from "./inline-policy";
import { keyedEncryption } from "./keyed-encryption";
import { awsRef } from "./refs";
import { backupVaultHygiene } from "./services-hygiene";

const AIR_GAPPED: StoreVariant = "backup-logically-air-gapped-vault";

/**
 * Always encrypted with `EncryptionKeyArn` (a standard vault names the AWS-managed aws/backup key
 * when given none), unless `EncryptionKeyType` says the key is AWS-owned (an air-gapped vault's
 * default, whose ARN is in an AWS account); without a key, the kind's: AWS-managed, AWS-owned
 * for an air-gapped vault.
 */
function vaultEncryption(ctx: AdaptContext, region: string, v: BackupVaultListMember, variant: StoreVariant | undefined): EncryptionAtRest {
  if (v.EncryptionKeyType === "AWS_OWNED_KMS_KEY") return encryptedWith("aws-owned", "EncryptionKeyType=AWS_OWNED_KMS_KEY");
  if (v.EncryptionKeyArn) return keyedEncryption(ctx, v.EncryptionKeyArn, region, "EncryptionKeyArn");
  const keyless = storeFacts("backup-vault", variant).encryption.keyless ?? "aws-managed";
  const key = keyless === "aws-owned" ? "AWS-owned key" : "AWS-managed key aws/backup";
  return encryptedWith(keyless, `always encrypted: ${key} (EncryptionKeyArn not set)`);
}

function adaptVault(ctx: AdaptContext, region: string, v: BackupVaultAnswers): StoreWithPolicy {
  const name = v.vault.BackupVaultName ?? "";
  const arn = v.vault.BackupVaultArn ?? "";
  const variant = v.vault.VaultType === "LOGICALLY_AIR_GAPPED_BACKUP_VAULT" ? AIR_GAPPED : undefined;
  const type = variant ? "AWS::Backup::LogicallyAirGappedBackupVault" : "AWS::Backup::BackupVault";
  const ref = awsRef(arn, type, name, storeLabel("backup-vault", variant), arn.split(":")[4] || ctx.account, region);
  const policy = inlinePolicy(ref, "backup", "access policy", readFetched(v.policy, (d) => d));
  return {
    store: {
      model: "data-store",
      ref,
      kind: "backup-vault",
      ...(variant ? { variant } : {}),
      physicalName: name,
      tags: readFetched(v.tags, (t) => t),
      encryption: vaultEncryption(ctx, region, v.vault, variant),
      parts: [],
    },
    ...(policy ? { policy } : {}),
  };
}

export function adaptBackup(raw: BackupAnswers, ctx: AdaptContext): InventoryContribution {
  if (!raw.vaults.ok) return { gaps: [gapOf(raw.vaults.failure, "Backup vaults")] };
  const adapted = raw.vaults.value.map((v) => ({ ...adaptVault(ctx, raw.region, v), hygiene: backupVaultHygiene(v.vault) }));
  return { ...storesAndPolicies(adapted), hygiene: { stores: adapted.map((a) => [a.store.ref.id, a.hygiene] as const) } };
}
