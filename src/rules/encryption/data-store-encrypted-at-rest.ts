import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { CONTROLS } from "../frameworks";
import { encryptedUnits, judgeEnabled } from "./encryption-facts";

export const dataStoreEncryptedAtRest = defineRule({
  id: "CDG-ENC-001",
  slug: "data-store-encrypted-at-rest",
  title: "Every data store is encrypted at rest",
  pillar: "encryption",
  severity: "high",
  scope: "resource",
  reads: ["stores"],
  frameworks: {
    gdpr: [CONTROLS.gdprSecurityOfProcessing],
    ccpa: [CONTROLS.ccpaReasonableSecurity],
    "pci-dss-4.0": [CONTROLS.pciStoredDataUnreadable],
    hipaa: [CONTROLS.hipaaEncryptionAtRest],
    "cis-aws-3.0": ["2.2.1", "2.3.1", "2.4.1"],
  },
  rationale:
    "Storage media, snapshots and backups leave the data owner's hands; encryption at rest keeps a lost " +
    "disk or a copied snapshot unreadable. Stores that AWS encrypts whatever their settings (S3 since " +
    "January 2023, DynamoDB, CloudWatch Logs, Secrets Manager, Backup vaults, Redshift Serverless, " +
    "ElastiCache Serverless, new SQS queues) always pass here; for them only the key type matters, which " +
    "rule CDG-ENC-002 judges. Every separately encrypted part counts: each block " +
    "device of an instance or launch template and each table replica.",
  remediation:
    "Turn on encryption at rest when the store is created (most services cannot encrypt an existing " +
    "store in place): e.g. `storageEncrypted: true` for RDS, Aurora, DocumentDB and Neptune, " +
    "`encrypted: true` for EBS, EFS and Redshift, `atRestEncryptionEnabled: true` for ElastiCache, " +
    "`encryptAtRest.enabled: true` for OpenSearch, `kmsMasterKeyId` for SNS, `encryptionType: \"KMS\"` " +
    "for Kinesis, `serverSideEncryption.enabled: true` for Firehose. To encrypt an existing store, " +
    "restore an encrypted copy from a snapshot.",
  links: ["https://docs.aws.amazon.com/prescriptive-guidance/latest/encryption-best-practices/welcome.html"],
  evaluate(inventory): Outcome[] {
    return inventory.stores.flatMap((store) =>
      encryptedUnits(store).map((u) => judgeEnabled(store, u.what, u.encryption)),
    );
  },
});
