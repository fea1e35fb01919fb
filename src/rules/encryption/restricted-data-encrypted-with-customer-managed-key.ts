import { classify, describeClassification } from "../../core/classification";
import { CLASSIFICATION_LEVELS, type ClassificationLevel } from "../../core/classification-levels";
import { fail, notApplicable, notAssessed, pass, describe } from "../../core/outcome";
import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { isUnknown } from "../../core/value";
import { CONTROLS } from "../frameworks";
import { encryptedUnits, KEY_MANAGER_TEXT } from "./encryption-facts";

interface Options {
  levels: ClassificationLevel[];
}

export const restrictedDataEncryptedWithCustomerManagedKey = defineRule<Options>({
  id: "CDG-ENC-002",
  slug: "restricted-data-encrypted-with-customer-managed-key",
  title: "Restricted data is encrypted with a customer-managed KMS key",
  pillar: "encryption",
  severity: "high",
  scope: "stack",
  reads: ["stores", "keys"],
  frameworks: {
    gdpr: [CONTROLS.gdprSecurityOfProcessing, CONTROLS.gdprByDesign],
    ccpa: [CONTROLS.ccpaReasonableSecurity],
    "pci-dss-4.0": [CONTROLS.pciStoredDataUnreadable, CONTROLS.pciKeyProtection],
    hipaa: [CONTROLS.hipaaEncryptionAtRest],
  },
  rationale:
    "With an AWS-owned or AWS-managed key, anyone allowed to read the store reads the data: the key " +
    "policy cannot be narrowed, key use is not separately logged per caller, and the key cannot be " +
    "disabled to cut off access in an incident. A customer-managed key adds a second, auditable gate " +
    "and lets each customer segment have its own key. AWS encrypts S3 (SSE-S3, since January 2023) and " +
    "DynamoDB (AWS-owned key) by default, so for those the on/off switch says nothing: this rule judges " +
    "the key type. It runs on the whole stack because S3 encryption is often set by a separate " +
    "BucketServerSideEncryptionConfiguration resource and replicas inherit their source's key.",
  remediation:
    "Create an `aws.kms.Key` (rotation on) for the data and pass its ARN: `kmsKeyId` (RDS, Aurora, " +
    "DocumentDB, EBS, EFS, Redshift, ElastiCache, Kinesis, Secrets Manager, CloudWatch Logs), " +
    "`kmsMasterKeyId` with `sseAlgorithm: 'aws:kms'` (S3 via BucketServerSideEncryptionConfiguration; " +
    "SQS; SNS), `serverSideEncryption: {enabled: true, kmsKeyArn}` (DynamoDB), " +
    "`encryptAtRest.kmsKeyId` (OpenSearch), `kmsKeyArn` (Neptune, Backup vaults).",
  links: ["https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-mgmt"],
  options: {
    levels: {
      type: "array",
      items: { type: "string", enum: CLASSIFICATION_LEVELS },
      default: ["restricted"],
      description: "Classification levels whose stores need a customer-managed key.",
    },
  },
  evaluate(inventory, { config, options }): Outcome[] {
    return inventory.stores.flatMap((store): Outcome[] => {
      const c = classify(store.tags, config);
      if (isUnknown(c)) return [notAssessed(store.ref, `the classification of ${describe(store.ref)}`, c)];
      if (!options.levels.includes(c.level)) {
        return [notApplicable(store.ref, `${describe(store.ref)} is ${describeClassification(c, config)}`)];
      }
      const why = describeClassification(c, config);
      return encryptedUnits(store).map(({ what, encryption: e }) => {
        if (isUnknown(e)) return notAssessed(store.ref, `the encryption of ${what}`, e);
        if (isUnknown(e.enabled)) return notAssessed(store.ref, `whether ${what} is encrypted`, e.enabled);
        if (!e.enabled) return fail(store.ref, `${what} (${why}) is not encrypted at rest (${e.observed})`);
        if (isUnknown(e.keyManager)) return notAssessed(store.ref, `the key of ${what}`, e.keyManager);
        const key = `${KEY_MANAGER_TEXT[e.keyManager ?? "aws-owned"]}${e.keyId ? ` ${e.keyId}` : ""}`;
        return e.keyManager === "customer-managed"
          ? pass(store.ref, `${what} (${why}) is encrypted with ${key}`)
          : fail(store.ref, `${what} (${why}) is encrypted with ${key} (${e.observed}), not a customer-managed KMS key`);
      });
    });
  },
});
