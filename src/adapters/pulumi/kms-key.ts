import { isUnknown, type Val } from "../../core/value";
import { KMS_KEY_LABEL, type KmsKey } from "../../models/kms-key";
import type { Props } from "./props";
import { refOf } from "./store-adapter";

const orDefault = <T>(v: Val<T | undefined>, d: T): Val<T> => (v === undefined ? d : v);

/** `aws:kms/key:Key`, `aws:kms/externalKey:ExternalKey`, replicas, and `aws-native:kms:Key`. */
export function adaptKmsKey(p: Props): KmsKey {
  const type = p.resource.type;
  const native = type.startsWith("aws-native:");
  const external = type.includes("xternalKey");
  const customStore = p.str("customKeyStoreId");
  const xks = p.str("xksKeyId");
  const origin: Val<string> = native
    ? orDefault(p.str("origin"), "AWS_KMS")
    : external
      ? "EXTERNAL"
      : isUnknown(xks) || isUnknown(customStore)
        ? (isUnknown(xks) ? xks : customStore) as Val<string>
        : xks
          ? "EXTERNAL_KEY_STORE"
          : customStore
            ? "AWS_CLOUDHSM"
            : "AWS_KMS";
  return {
    model: "kms-key",
    ref: refOf(p, KMS_KEY_LABEL),
    arn: p.providerOutput("arn"),
    manager: "customer",
    spec: orDefault(native ? p.str("keySpec") : p.str("customerMasterKeySpec"), "SYMMETRIC_DEFAULT"),
    usage: orDefault(p.str("keyUsage"), "ENCRYPT_DECRYPT"),
    origin,
    rotationEnabled: orDefault(p.bool("enableKeyRotation"), false),
    deletionWindowDays: native ? p.num("pendingWindowInDays") : p.num("deletionWindowInDays"),
    tags: p.tags(),
  };
}
