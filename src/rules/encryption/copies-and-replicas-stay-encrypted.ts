import { describe, fail, notAssessed, pass } from "../../core/outcome";
import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { isUnknown } from "../../core/value";
import type { DataStore } from "../../models/data-store";
import { CONTROLS } from "../frameworks";
import { KEY_MANAGER_TEXT } from "./encryption-facts";

export const copiesAndReplicasStayEncrypted = defineRule({
  id: "CDG-ENC-005",
  slug: "copies-and-replicas-stay-encrypted",
  title: "Snapshot copies and replicas stay encrypted, with a key as strong as their source's",
  pillar: "encryption",
  severity: "high",
  scope: "stack",
  reads: ["stores"],
  frameworks: {
    gdpr: [CONTROLS.gdprSecurityOfProcessing],
    ccpa: [CONTROLS.ccpaReasonableSecurity],
    "pci-dss-4.0": [CONTROLS.pciStoredDataUnreadable],
    hipaa: [CONTROLS.hipaaEncryptionAtRest],
  },
  rationale:
    "Copies are where encryption quietly gets lost: a snapshot copied to another region or account, a " +
    "cross-region read replica or a DynamoDB replica each chooses its own key. A copy must be encrypted, " +
    "and a copy of data under a customer-managed key must not fall back to an AWS-managed key that the " +
    "key policy of the source no longer governs. Joined to the source through the stack's dependencies.",
  remediation:
    "Set `encrypted: true`/`storageEncrypted: true` and a customer-managed `kmsKeyId` (in the copy's " +
    "region) on snapshot copies and read replicas; give each DynamoDB replica its own `kmsKeyArn`.",
  links: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html"],
  evaluate(inventory): Outcome[] {
    const byId = new Map(inventory.stores.map((s) => [s.ref.id, s]));
    return inventory.stores.filter((s) => s.copyOf).map((copy) => judgeCopy(copy, byId));
  },
});

function judgeCopy(copy: DataStore, byId: Map<string, DataStore>): Outcome {
  const who = describe(copy.ref);
  const source = copy.copyOf?.sourceRef ? byId.get(copy.copyOf.sourceRef) : undefined;
  const e = copy.encryption;
  if (isUnknown(e)) return notAssessed(copy.ref, `the encryption of ${who}`, e);
  if (isUnknown(e.enabled)) return notAssessed(copy.ref, `whether ${who} is encrypted`, e.enabled);
  if (!e.enabled) return fail(copy.ref, `${who} is a ${copy.copyOf?.relation} that is not encrypted (${e.observed})`);
  if (!source) return pass(copy.ref, `${who} is encrypted (${e.observed}); its source is outside this view`);
  const se = source.encryption;
  const from = describe(source.ref);
  if (isUnknown(se)) return notAssessed(copy.ref, `the encryption of its source ${from}`, se);
  if (isUnknown(se.keyManager)) return notAssessed(copy.ref, `the key of its source ${from}`, se.keyManager);
  if (isUnknown(e.keyManager)) return notAssessed(copy.ref, `the key of ${who}`, e.keyManager);
  if (se.keyManager === "customer-managed" && e.keyManager !== "customer-managed") {
    return fail(
      copy.ref,
      `${who} uses ${KEY_MANAGER_TEXT[e.keyManager ?? "aws-owned"]} while its source ${from} uses a customer-managed key`,
    );
  }
  return pass(copy.ref, `${who} is encrypted like its source ${from} (${e.observed})`);
}
