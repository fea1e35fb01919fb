import type { Outcome } from "../../core/rule";
import type { DataStore } from "../../models/data-store";
import { defineRule } from "../define-rule";
import { CONTROLS } from "../frameworks";
import { customerStores, isSettled, isTrue, judgeChecks } from "./transit-facts";

/** Database kinds whose server can refuse plain connections (a parameter or a setting of the store). */
const DATABASE_KINDS: ReadonlySet<string> = new Set(["rds-instance", "rds-cluster", "docdb-cluster", "neptune-cluster", "redshift-cluster", "redshift-serverless-namespace"]);

/** A global cluster has no parameter group of its own: each member cluster is judged. */
const judged = (s: DataStore): boolean => DATABASE_KINDS.has(s.kind) && s.variant !== "rds-global-cluster";

export const databasesRequireTlsConnections = defineRule({
  id: "CDG-HYG-001",
  slug: "databases-require-tls-connections",
  title: "Customer data databases refuse connections that are not over TLS",
  pillar: "hygiene",
  severity: "high",
  scope: "stack",
  reads: ["stores", "hygiene"],
  frameworks: {
    gdpr: [CONTROLS.gdprSecurityOfProcessing],
    ccpa: [CONTROLS.ccpaReasonableSecurity, CONTROLS.ccpaSecurityDuty],
    "pci-dss-4.0": [CONTROLS.pciStrongCryptoInTransit],
    hipaa: [CONTROLS.hipaaTransmissionSecurity, CONTROLS.hipaaEncryptionInTransit],
  },
  rationale:
    "Seed practice: encrypt in transmission. RDS, Aurora, DocumentDB, Neptune and Redshift accept plain " +
    "connections unless the server is told to refuse them (`rds.force_ssl=1`, `require_secure_transport=ON`, " +
    "`tls=enabled`, `require_ssl=true` in the parameter group). A client that does not ask for TLS then sends " +
    "queries, results and credentials in clear text inside the VPC. An auditor asks for evidence that every " +
    "database holding personal data refuses unencrypted sessions, not merely that TLS is available. " +
    "Restricted data needs the same: there is no weaker setting to allow for confidential data. An Aurora " +
    "instance that belongs to a cluster is not a store of its own in the model: its cluster is judged.",
  remediation:
    "Set the TLS-enforcing parameter in a parameter group the database uses, e.g. " +
    "`new aws.rds.ParameterGroup(\"pg\", { family: \"postgres16\", parameters: [{ name: \"rds.force_ssl\", value: \"1\" }] })` " +
    "(MySQL: `require_secure_transport=ON`; DocumentDB: `tls=enabled`; Neptune: HTTPS is mandatory from engine 1.0.4.0, so upgrade older clusters; " +
    "Redshift: `require_ssl=true`), and name it in `parameterGroupName` / `dbClusterParameterGroupName`.",
  links: [
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL.html",
    "https://docs.aws.amazon.com/documentdb/latest/developerguide/security.encryption.ssl.html",
    "https://docs.aws.amazon.com/redshift/latest/mgmt/connecting-ssl-support.html",
  ],
  evaluate(inventory, { config }): Outcome[] {
    return customerStores(inventory, config, judged).map((s) =>
      isSettled(s)
        ? s
        : judgeChecks(s.store.ref, [{ setting: s.hygiene?.transitRequired, name: "whether it refuses plain connections", required: "TLS required for every connection", ok: isTrue }], {
            pass: "refuses connections without TLS",
            fail: "accepts connections without TLS",
          }),
    );
  },
});
