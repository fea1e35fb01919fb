import { describe, notApplicable, notAssessed } from "../../core/outcome";
import type { Outcome } from "../../core/rule";
import { isUnknown } from "../../core/value";
import type { KmsKey } from "../../models/kms-key";

/**
 * Automatic rotation exists only for symmetric encryption keys whose material AWS KMS generated;
 * returns the outcome that settles the matter for other keys, or undefined for rotatable ones.
 */
export function rotationNotPossible(key: KmsKey): Outcome | undefined {
  const who = describe(key.ref);
  if (isUnknown(key.spec)) return notAssessed(key.ref, `the key spec of ${who}`, key.spec);
  if (isUnknown(key.usage)) return notAssessed(key.ref, `the key usage of ${who}`, key.usage);
  if (isUnknown(key.origin)) return notAssessed(key.ref, `the key origin of ${who}`, key.origin);
  if (key.spec !== "SYMMETRIC_DEFAULT" || key.usage !== "ENCRYPT_DECRYPT") {
    return notApplicable(key.ref, `${who} is not a symmetric encryption key: AWS cannot rotate it automatically`);
  }
  if (key.origin !== "AWS_KMS") {
    return notApplicable(key.ref, `${who} has key material from ${key.origin}: rotate it manually`);
  }
  return undefined;
}
