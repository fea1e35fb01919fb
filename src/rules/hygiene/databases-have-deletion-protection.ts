import { describe, fail, pass } from "../../core/outcome";
import type { Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { CONTROLS } from "../frameworks";
import { isOutcome, judgeCustomerStores, storeSetting } from "./readiness-facts";

/** Databases with a deletion-protection switch; RDS instances of a cluster are not stores (the cluster is). */
const KINDS: ReadonlySet<string> = new Set(["rds-instance", "rds-cluster", "docdb-cluster", "neptune-cluster", "dynamodb-table"]);

export const databasesHaveDeletionProtection = defineRule({
  id: "CDG-HYG-015",
  slug: "databases-have-deletion-protection",
  title: "Customer data databases have deletion protection on",
  pillar: "hygiene",
  severity: "medium",
  scope: "resource",
  reads: ["stores", "hygiene"],
  frameworks: {
    gdpr: [CONTROLS.gdprRestoreAvailability, CONTROLS.gdprResilience],
    ccpa: [CONTROLS.ccpaReasonableSecurity],
    hipaa: [CONTROLS.hipaaIntegrity, CONTROLS.hipaaContingency],
  },
  rationale:
    "Seed practice: breach preparation. Deleting a database is one API call away for anyone holding broad rights, " +
    "and a `pulumi up` that replaces or removes it deletes it too; deletion protection makes the call fail until the " +
    "setting is turned off on purpose, which stops an intruder's or an operator's single mistaken step. Standalone " +
    "RDS instances, RDS (and global) clusters, DocumentDB and Neptune clusters and DynamoDB tables holding customer data " +
    "must have it on (instances of a cluster are protected by their cluster). Restricted: the same, since the " +
    "protection is either on or off. An auditor asks how accidental or malicious destruction of personal data is prevented.",
  remediation:
    "Set `deletionProtection: true` on `aws.rds.Instance`, `aws.rds.Cluster`, `aws.rds.GlobalCluster`, " +
    "`aws.docdb.Cluster` and `aws.neptune.Cluster`, and `deletionProtectionEnabled: true` on `aws.dynamodb.Table`.",
  links: [
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeleteInstance.DeletionProtection",
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection",
  ],
  evaluate(inventory, { config }): Outcome[] {
    return judgeCustomerStores(inventory, config, KINDS, (store) => {
      const who = describe(store.ref);
      const protection = storeSetting(inventory, store, "deletionProtection", "the deletion protection");
      if (isOutcome(protection)) return protection;
      return protection.value
        ? pass(store.ref, `${who} has deletion protection on (${protection.observed})`)
        : fail(store.ref, `${who} can be deleted without safeguard (${protection.observed}); a database holding customer data must have deletion protection on`);
    });
  },
});
