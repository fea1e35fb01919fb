import { describe, fail, pass } from "../../core/outcome";
import type { Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { CONTROLS } from "../frameworks";
import { isOutcome, judgeCustomerStores, storeSetting } from "./readiness-facts";

const VAULTS: ReadonlySet<string> = new Set(["backup-vault"]);

export const backupVaultsLocked = defineRule({
  id: "CDG-HYG-017",
  slug: "backup-vaults-locked",
  title: "Backup vaults holding customer data are locked against early deletion",
  pillar: "hygiene",
  severity: "medium",
  scope: "stack",
  reads: ["stores", "hygiene"],
  frameworks: {
    gdpr: [CONTROLS.gdprRestoreAvailability, CONTROLS.gdprResilience],
    ccpa: [CONTROLS.ccpaReasonableSecurity],
    hipaa: [CONTROLS.hipaaDataBackup, CONTROLS.hipaaIntegrity],
  },
  rationale:
    "Seed practice: breach preparation. Ransomware operators and destructive intruders delete backups first; an " +
    "unlocked vault lets anyone with backup:DeleteRecoveryPoint or vault rights remove every recovery point. AWS " +
    "Backup Vault Lock refuses deleting recovery points before their minimum retention and changing the lifecycle, " +
    "so a backup vault holding customer data (classified as stores are; untagged vaults are assumed to) must have a " +
    "Vault Lock configuration (logically air-gapped vaults are always locked). The lock is a resource of its own, so " +
    "the rule joins the stack. Restricted: the same; the model records a lock without its mode, so compliance mode " +
    "(which even the root user cannot remove) is recommended but not checked. An auditor asks how backups are " +
    "protected from the same attacker as production.",
  remediation:
    "Lock the vault: `new aws.backup.VaultLockConfiguration(\"orders\", { backupVaultName: vault.name, " +
    "minRetentionDays: 7, maxRetentionDays: 3650, changeableForDays: 3 })` (with `changeableForDays` the lock becomes " +
    "compliance mode after that many days).",
  links: ["https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html"],
  evaluate(inventory, { config }): Outcome[] {
    return judgeCustomerStores(inventory, config, VAULTS, (vault) => {
      const who = describe(vault.ref);
      const lock = storeSetting(inventory, vault, "vaultLock", "the vault lock");
      if (isOutcome(lock)) return lock;
      return lock.value
        ? pass(vault.ref, `${who} is locked (${lock.observed})`)
        : fail(vault.ref, `${who} is not locked (${lock.observed}); a vault holding customer data backups must have Vault Lock`);
    });
  },
});
