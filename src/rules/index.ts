import type { AnyRule } from "../core/rule";
import { copiesAndReplicasStayEncrypted } from "./encryption/copies-and-replicas-stay-encrypted";
import { dataStoreEncryptedAtRest } from "./encryption/data-store-encrypted-at-rest";
import { kmsKeyDeletionWindowSufficient } from "./encryption/kms-key-deletion-window-sufficient";
import { kmsKeyRotationEnabled } from "./encryption/kms-key-rotation-enabled";
import { restrictedDataEncryptedWithCustomerManagedKey } from "./encryption/restricted-data-encrypted-with-customer-managed-key";
import { HYGIENE_RULES } from "./hygiene";
import { IAM_RULES } from "./iam";
import { NETWORK_RULES } from "./network";
import { SEGREGATION_RULES } from "./segregation";

/** Every rule, in id order. */
export const ALL_RULES: readonly AnyRule[] = [
  dataStoreEncryptedAtRest,
  restrictedDataEncryptedWithCustomerManagedKey,
  kmsKeyRotationEnabled,
  kmsKeyDeletionWindowSufficient,
  copiesAndReplicasStayEncrypted,
  ...NETWORK_RULES,
  ...SEGREGATION_RULES,
  ...IAM_RULES,
  ...HYGIENE_RULES,
];

export {
  copiesAndReplicasStayEncrypted,
  dataStoreEncryptedAtRest,
  kmsKeyDeletionWindowSufficient,
  kmsKeyRotationEnabled,
  restrictedDataEncryptedWithCustomerManagedKey,
};
export * from "./hygiene";
export * from "./iam";
export * from "./network";
export * from "./segregation";
