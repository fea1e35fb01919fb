import type { Outcome } from "../../core/rule";
import type { DataStore } from "../../models/data-store";
import { defineRule } from "../define-rule";
import { CONTROLS } from "../frameworks";
import { customerStores, isSettled, isTrue, judgeChecks } from "./transit-facts";

/** Databases and search domains whose own audit log records who queried what. */
const AUDITED_KINDS: ReadonlySet<string> = new Set([
  "rds-instance",
  "rds-cluster",
  "redshift-cluster",
  "redshift-serverless-namespace",
  "opensearch-domain",
  "docdb-cluster",
  "neptune-cluster",
]);

/** A global cluster exports nothing itself: each member cluster is judged. */
const judged = (s: DataStore): boolean => AUDITED_KINDS.has(s.kind) && s.variant !== "rds-global-cluster";

export const databaseAuditLogsExported = defineRule({
  id: "CDG-HYG-007",
  slug: "database-audit-logs-exported",
  title: "Customer data databases and search domains export their audit logs",
  pillar: "hygiene",
  severity: "medium",
  scope: "stack",
  reads: ["stores", "hygiene"],
  frameworks: {
    gdpr: [CONTROLS.gdprSecurityOfProcessing, CONTROLS.gdprBreachNotification],
    ccpa: [CONTROLS.ccpaReasonableSecurity],
    "pci-dss-4.0": [CONTROLS.pciAuditLogsEnabled],
    hipaa: [CONTROLS.hipaaAuditControls],
  },
  rationale:
    "Seed practice: audit. CloudTrail sees API calls, not SQL or search queries: only the database's own audit " +
    "log (MySQL/MariaDB `audit` via the MARIADB_AUDIT_PLUGIN, PostgreSQL `pgaudit` or `postgresql` logs, Aurora " +
    "`audit`, Redshift user activity/connection logs, DocumentDB and Neptune `audit`, OpenSearch `AUDIT_LOGS` with " +
    "fine-grained access control) records who read which customer records. Logs that stay on the instance are " +
    "rotated away and die with it, so they must be exported to CloudWatch Logs (or S3 for Redshift). An auditor " +
    "asks for the database access log covering the period of an incident. Restricted data: the same requirement " +
    "(the log is either exported or not); what the log captures is configured in the engine's parameters.",
  remediation:
    "RDS/Aurora: `enabledCloudwatchLogsExports: [\"audit\"]` (MySQL/MariaDB, with the audit plugin option group) or " +
    "`[\"postgresql\"]` with `pgaudit`; DocumentDB/Neptune: `enabledCloudwatchLogsExports: [\"audit\"]` and the `audit_logs` " +
    "parameter; Redshift: `logging: { logDestinationType: \"cloudwatch\", logExports: [\"useractivitylog\", \"connectionlog\"] }`; " +
    "OpenSearch: `logPublishingOptions: [{ logType: \"AUDIT_LOGS\", cloudwatchLogGroupArn: group.arn }]` with fine-grained access control.",
  links: [
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html",
    "https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html",
    "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html",
    "https://docs.aws.amazon.com/documentdb/latest/developerguide/event-auditing.html",
  ],
  evaluate(inventory, { config }): Outcome[] {
    return customerStores(inventory, config, judged).map((s) =>
      isSettled(s)
        ? s
        : judgeChecks(s.store.ref, [{ setting: s.hygiene?.auditLog, name: "whether its audit log is exported", required: "audit logs exported", ok: isTrue }], {
            pass: "exports its audit log",
            fail: "does not export an audit log",
          }),
    );
  },
});
