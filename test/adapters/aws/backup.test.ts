import type { BackupVaultListMember } from "@aws-sdk/client-backup";
import { describe, expect, it } from "vitest";
import { adaptBackup } from "../../../src/adapters/aws/backup";
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import { isUnknown } from "../../../src/core/value";
import type { BackupAnswers, BackupVaultAnswers } from "../../../src/fetchers/aws/backup";
import type { DataStore } from "../../../src/models/data-store";
import { engineResource } from "../../helpers/engine";
import { knownEncryption, onlyStore } from "./contributions";
import { ACCOUNT, adaptContext, AWS_MANAGED_KEY_ARN, CMK_ARN, failed, ok, REGION } from "./fixtures";
import { expectParity } from "./parity";

const ARN = `arn:aws:backup:${REGION}:${ACCOUNT}:backup-vault:vault`;
const TAGS = { "data-classification": "restricted" };
const POLICY = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "backup:CopyIntoBackupVault", Resource: "*" }] });

const answers = (vault: Partial<BackupVaultListMember> = {}, rest: Partial<BackupVaultAnswers> = {}): BackupAnswers => ({
  region: REGION,
  vaults: ok([{ vault: { BackupVaultName: "vault", BackupVaultArn: ARN, VaultType: "BACKUP_VAULT", ...vault }, policy: ok(undefined), tags: ok(TAGS), ...rest }]),
});
const storeOf = (raw: BackupAnswers): DataStore => onlyStore(adaptBackup(raw, adaptContext()));
const pulumiStore = (type: string, props: Record<string, unknown>) =>
  buildInventory([engineResource(type, "vault", { name: "vault", tags: TAGS, ...props })]).stores[0];

describe("Backup vaults from ListBackupVaults", () => {
  it("a standard vault names its key: the AWS-managed aws/backup key by default", () => {
    const s = storeOf(answers({ EncryptionKeyArn: AWS_MANAGED_KEY_ARN }));
    expect(s.ref).toMatchObject({ id: ARN, type: "AWS::Backup::BackupVault", name: "vault", label: "Backup vault", account: ACCOUNT });
    expect(s).toMatchObject({ kind: "backup-vault", physicalName: "vault", tags: TAGS });
    expect(s.variant).toBeUndefined();
    expect(knownEncryption(s.encryption)).toMatchObject({ enabled: true, keyManager: "aws-managed", keyId: AWS_MANAGED_KEY_ARN });
  });

  it("a customer-managed key", () => {
    expect(knownEncryption(storeOf(answers({ EncryptionKeyArn: CMK_ARN })).encryption)).toMatchObject({ keyManager: "customer-managed", keyRef: CMK_ARN });
  });

  it("a logically air-gapped vault without a key: its variant, the AWS-owned key", () => {
    const s = storeOf(answers({ VaultType: "LOGICALLY_AIR_GAPPED_BACKUP_VAULT" }));
    expect(s).toMatchObject({ variant: "backup-logically-air-gapped-vault", ref: { label: "Backup logically air-gapped vault", type: "AWS::Backup::LogicallyAirGappedBackupVault" } });
    expect(knownEncryption(s.encryption)).toMatchObject({ enabled: true, keyManager: "aws-owned" });
  });

  it("an air-gapped vault whose key type is AWS-owned is AWS-owned, whatever account its key ARN names", () => {
    const awsOwnedKey = "arn:aws:kms:eu-west-1:999988887777:key/1111aaaa-12ab-34cd-56ef-1234567890ab";
    const s = storeOf(answers({ VaultType: "LOGICALLY_AIR_GAPPED_BACKUP_VAULT", EncryptionKeyArn: awsOwnedKey, EncryptionKeyType: "AWS_OWNED_KMS_KEY" }));
    expect(knownEncryption(s.encryption)).toMatchObject({ enabled: true, keyManager: "aws-owned", observed: "EncryptionKeyType=AWS_OWNED_KMS_KEY" });
  });

  it("the access policy governs the vault", () => {
    expect(adaptBackup(answers({}, { policy: ok(POLICY) }), adaptContext()).resourcePolicies).toEqual([
      expect.objectContaining({ target: ARN, service: "backup", document: POLICY, origin: "the access policy of Backup vault 'vault'", accountId: ACCOUNT }),
    ]);
  });

  it("failed reads: policy and tags unknown; a failed listing is a gap", () => {
    const c = adaptBackup(answers({}, { policy: failed("backup", "backup:GetBackupVaultAccessPolicy"), tags: failed("backup", "backup:ListTags") }), adaptContext());
    expect(isUnknown(c.stores![0]!.tags)).toBe(true);
    expect(isUnknown(c.resourcePolicies?.[0]?.document)).toBe(true);
    expect(adaptBackup({ region: REGION, vaults: failed("backup", "backup:ListBackupVaults") }, adaptContext()).gaps).toEqual([
      expect.objectContaining({ service: "backup", what: "Backup vaults" }),
    ]);
  });
});

describe("Backup parity with the Pulumi front", () => {
  it("defaults: AWS-managed; only the scan names the aws/backup key it found", () => {
    const aws = storeOf(answers({ EncryptionKeyArn: AWS_MANAGED_KEY_ARN }));
    expect(knownEncryption(aws.encryption).keyId).toBe(AWS_MANAGED_KEY_ARN);
    expectParity({ ...aws, encryption: { ...knownEncryption(aws.encryption), keyId: undefined } }, pulumiStore("aws:backup/vault:Vault", {}));
  });

  it("a customer-managed key", () => {
    expectParity(storeOf(answers({ EncryptionKeyArn: CMK_ARN })), pulumiStore("aws:backup/vault:Vault", { kmsKeyArn: CMK_ARN }));
  });

  it("a logically air-gapped vault", () => {
    expectParity(
      storeOf(answers({ VaultType: "LOGICALLY_AIR_GAPPED_BACKUP_VAULT" })),
      pulumiStore("aws:backup/logicallyAirGappedVault:LogicallyAirGappedVault", {}),
    );
  });

  it("the policy: same service and document (Pulumi declares it apart, so origin and account differ)", () => {
    const pulumi = buildInventory([
      engineResource("aws:backup/vault:Vault", "vault", { name: "vault" }),
      engineResource("aws:backup/vaultPolicy:VaultPolicy", "vault-policy", { backupVaultName: "vault", policy: POLICY }),
    ]).resourcePolicies?.[0];
    const aws = adaptBackup(answers({}, { policy: ok(POLICY) }), adaptContext()).resourcePolicies?.[0];
    expect(pulumi).toMatchObject({ service: "backup", document: POLICY });
    expect(aws).toMatchObject({ service: pulumi?.service, document: pulumi?.document });
  });
});
