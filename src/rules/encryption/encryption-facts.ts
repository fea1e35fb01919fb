import { describe as describeRef, fail, notAssessed, pass } from "../../core/outcome";
import type { Outcome } from "../../core/rule";
import { isUnknown } from "../../core/value";
import type { DataStore, EncryptedPart, EncryptionAtRest } from "../../models/data-store";
import { storeFacts } from "../../models/store-kind-facts";

/** The store itself and each separately encrypted part, named for messages. */
export function encryptedUnits(store: DataStore): { what: string; encryption: EncryptedPart["encryption"] }[] {
  const who = describeRef(store.ref);
  const parts = store.parts.map((p) => ({ what: `${who} ${p.name}`, encryption: p.encryption }));
  if (storeFacts(store.kind, store.variant).summarisesParts && parts.length > 0) return parts;
  return [{ what: who, encryption: store.encryption }, ...parts];
}

export const KEY_MANAGER_TEXT: Record<NonNullable<EncryptionAtRest["keyManager"] & string>, string> = {
  "aws-owned": "an AWS-owned key",
  "aws-managed": "an AWS-managed KMS key",
  "customer-managed": "a customer-managed KMS key",
};

/** "encrypted (observed)" / "NOT encrypted (observed)", or a not-assessed outcome. */
export function judgeEnabled(store: DataStore, what: string, e: EncryptedPart["encryption"]): Outcome {
  if (isUnknown(e)) return notAssessed(store.ref, `the encryption of ${what}`, e);
  if (isUnknown(e.enabled)) return notAssessed(store.ref, `whether ${what} is encrypted`, e.enabled);
  return e.enabled
    ? pass(store.ref, `${what} is encrypted at rest (${e.observed})`)
    : fail(store.ref, `${what} is not encrypted at rest (${e.observed})`);
}
