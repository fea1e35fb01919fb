import type { DataStore } from "../../models/data-store";
import { tagProps, type StateWriter } from "./context";
import { alwaysEncryptedKey } from "./key-setting";
import { policiesOf } from "./policies";

const T = {
  vault: "aws:backup/vault:Vault",
  airGappedVault: "aws:backup/logicallyAirGappedVault:LogicallyAirGappedVault",
  policy: "aws:backup/vaultPolicy:VaultPolicy",
} as const;

/**
 * A vault, always encrypted: `kmsKeyArn` (none: aws/backup); a logically air-gapped vault
 * `encryptionKeyArn` (none: an AWS-owned key). The access policy of either as a `VaultPolicy`
 * naming the vault (the Pulumi adapter joins one to an air-gapped vault by name only).
 */
export function writeVault(w: StateWriter, store: DataStore): void {
  const name = store.physicalName ?? store.ref.name;
  const airGapped = store.variant === "backup-logically-air-gapped-vault";
  const what = `${airGapped ? "Backup logically air-gapped vault" : "Backup vault"} ${name}`;
  const { setting, value } = alwaysEncryptedKey(store, what);
  const keyProperty = airGapped ? "encryptionKeyArn" : "kmsKeyArn";
  const policies = policiesOf(w, store.ref.id, "backup");
  const vault = w.add({
    type: airGapped ? T.airGappedVault : T.vault,
    name,
    model: store.ref,
    id: name,
    props: { name, arn: store.ref.id, ...(value ? { [keyProperty]: value } : {}), ...tagProps(store.tags, what) },
    refs: { [keyProperty]: [setting.keyModel] },
  });
  for (const policy of policies) {
    w.add({ type: T.policy, name, model: store.ref, id: name, props: { backupVaultName: name, policy }, refs: { backupVaultName: [vault] } });
  }
}
