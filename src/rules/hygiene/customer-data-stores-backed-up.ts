import { describeClassification } from "../../core/classification";
import { describe, fail, notApplicable, notAssessed, pass } from "../../core/outcome";
import type { Outcome } from "../../core/rule";
import { isUnknown, unknown } from "../../core/value";
import type { StoreHygiene } from "../../models/hygiene";
import { defineRule } from "../define-rule";
import { CONTROLS } from "../frameworks";
import { selectionKeeps, type Check } from "./readiness-backup-facts";
import { days, hygieneOf, isRestricted, judgeCustomerStores } from "./readiness-facts";

interface Options {
  minBackupRetentionDays: number;
  minRestrictedBackupRetentionDays: number;
}

/** Databases and file systems with backups of their own or through AWS Backup. S3 is judged by versioning (CDG-HYG-016). */
const KINDS: ReadonlySet<string> = new Set([
  "rds-instance",
  "rds-cluster",
  "docdb-cluster",
  "neptune-cluster",
  "dynamodb-table",
  "redshift-cluster",
  "efs-file-system",
  "elasticache-replication-group",
  "elasticache-serverless-cache",
  "memorydb-cluster",
]);

/** Forms whose data is backed up elsewhere, with the reason. */
const BACKED_UP_ELSEWHERE: Readonly<Record<string, string>> = {
  "rds-global-cluster": "its member clusters keep the backups",
  "elasticache-cache-cluster": "a member of a replication group is backed up with its group (and a Memcached cluster has no backups)",
};

export const customerDataStoresBackedUp = defineRule<Options>({
  id: "CDG-HYG-014",
  slug: "customer-data-stores-backed-up",
  title: "Customer data databases and file systems are backed up for a minimum period",
  pillar: "hygiene",
  severity: "high",
  scope: "stack",
  reads: ["stores", "hygiene"],
  frameworks: {
    gdpr: [CONTROLS.gdprRestoreAvailability, CONTROLS.gdprResilience],
    ccpa: [CONTROLS.ccpaReasonableSecurity],
    hipaa: [CONTROLS.hipaaDataBackup, CONTROLS.hipaaContingency],
  },
  rationale:
    "Seed practice: breach preparation. After ransomware, a destructive intruder or an operator's mistake, customer " +
    "data can be restored only from a backup taken before the incident and kept long enough for the incident to be " +
    "noticed. Each customer data database or file system (RDS instances and clusters, DocumentDB, Neptune, DynamoDB, " +
    "Redshift, EFS, ElastiCache, MemoryDB) must have its automated backups or point-in-time recovery on and kept at " +
    "least `minBackupRetentionDays` (default 7), or be selected (by reference, ARN pattern or tag) by an AWS Backup " +
    "plan keeping recovery points that long. Restricted: a longer minimum, `minRestrictedBackupRetentionDays` " +
    "(default 14). S3 buckets are judged by versioning (CDG-HYG-016); read replicas are backed up through their " +
    "source. In a stack's preview only the stack's own backup plans are seen: a store covered by an account-wide " +
    "plan selecting by tag can be waived with that reason. An auditor asks for the backup schedule and a restore test.",
  remediation:
    "Turn on automated backups, e.g. `new aws.rds.Instance(\"db\", { ..., backupRetentionPeriod: 14 })`, " +
    "`pointInTimeRecovery: { enabled: true }` on a DynamoDB table, an `aws.efs.BackupPolicy` with status ENABLED, or " +
    "select the store in an AWS Backup plan: `new aws.backup.Selection(\"db\", { planId: plan.id, iamRoleArn: " +
    "role.arn, resources: [db.arn] })`.",
  links: [
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html",
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html",
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Point-in-time-recovery.html",
  ],
  options: {
    minBackupRetentionDays: {
      type: "integer",
      minimum: 1,
      default: 7,
      description: "Fewest days backups of a customer data store must be kept (confidential, or untagged).",
    },
    minRestrictedBackupRetentionDays: {
      type: "integer",
      minimum: 1,
      default: 14,
      description: "Fewest days backups of a store classified restricted must be kept.",
    },
  },
  evaluate(inventory, { config, options }): Outcome[] {
    const hygiene = hygieneOf(inventory);
    return judgeCustomerStores(inventory, config, KINDS, (store, c) => {
      const who = describe(store.ref);
      const elsewhere = (store.variant && BACKED_UP_ELSEWHERE[store.variant]) ?? (store.copyOf?.relation === "read-replica" ? "a read replica is backed up through its source" : undefined);
      if (elsewhere) return notApplicable(store.ref, `${who}: ${elsewhere}`);
      const min = isRestricted(c) ? options.minRestrictedBackupRetentionDays : options.minBackupRetentionDays;
      const own = ownBackups(hygiene.stores.get(store.ref.id), min);
      if (own.holds === true) return pass(store.ref, `${who} is backed up: ${own.text}`);
      const plans = hygiene.backupSelections.map((s) => selectionKeeps(s, store, min));
      const planned = plans.find((p) => p.holds === true);
      if (planned) return pass(store.ref, `${who} is backed up: ${planned.text}`);
      const open = [own, ...plans].find((p) => isUnknown(p.holds));
      if (open && isUnknown(open.holds)) return notAssessed(store.ref, open.text, open.holds);
      const short = plans.filter((p) => p.selects && p.holds === false).map((p) => p.text);
      const where = hygiene.scope === "stack" ? "in this stack " : "";
      const byPlan = short.length > 0 ? short.join("; ") : `no AWS Backup selection ${where}covers it`;
      return fail(store.ref, `${who} is not backed up for the ${days(min)} required for a store ${describeClassification(c, config)}: ${own.text}; ${byPlan}`);
    });
  },
});

function ownBackups(h: StoreHygiene | undefined, min: number): Check {
  const backups = h?.backups;
  if (!backups) return { holds: unknown("not-fetched", "the setting is not part of this view"), text: "its automated backups" };
  if (isUnknown(backups.value)) return { holds: backups.value, text: `its automated backups (${backups.observed})` };
  if (!backups.value) return { holds: false, text: `its own backups are off (${backups.observed})` };
  const kept = h.backupRetentionDays;
  const what = `how long its automated backups are kept (${backups.observed})`;
  if (!kept) return { holds: unknown("not-fetched", "the backup retention is not part of this view"), text: what };
  if (isUnknown(kept.value)) return { holds: kept.value, text: `how long its automated backups are kept (${kept.observed})` };
  return kept.value >= min
    ? { holds: true, text: `automated backups kept ${days(kept.value)} (${kept.observed})` }
    : { holds: false, text: `its automated backups are kept only ${days(kept.value)} (${kept.observed})` };
}
