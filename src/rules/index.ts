import type { AnyRule } from "../core/rule";
import { copiesAndReplicasStayEncrypted } from "./encryption/copies-and-replicas-stay-encrypted";
import { dataStoreEncryptedAtRest } from "./encryption/data-store-encrypted-at-rest";
import { kmsKeyDeletionWindowSufficient } from "./encryption/kms-key-deletion-window-sufficient";
import { kmsKeyRotationEnabled } from "./encryption/kms-key-rotation-enabled";
import { restrictedDataEncryptedWithCustomerManagedKey } from "./encryption/restricted-data-encrypted-with-customer-managed-key";

/** Every rule, in id order. */
export const ALL_RULES: readonly AnyRule[] = [
  dataStoreEncryptedAtRest,
  restrictedDataEncryptedWithCustomerManagedKey,
  kmsKeyRotationEnabled,
  kmsKeyDeletionWindowSufficient,
  copiesAndReplicasStayEncrypted,
];

export {
  copiesAndReplicasStayEncrypted,
  dataStoreEncryptedAtRest,
  kmsKeyDeletionWindowSufficient,
  kmsKeyRotationEnabled,
  restrictedDataEncryptedWithCustomerManagedKey,
};
