import { isUnknown } from "../../../core/value";
import { encryptedWith } from "../../../encryption/at-rest";
import { STORE_KIND_FACTS, STORE_VARIANT_FACTS } from "../../../models/store-kind-facts";
import type { StoreAdapter } from "../store-adapter";
import { alwaysEncrypted, blockAt } from "./shared";

const KEYLESS = STORE_KIND_FACTS["msk-cluster"].encryption.keyless;

const AWS_MANAGED = "always encrypted: AWS-managed key aws/kafka (no encryptionAtRestKmsKeyArn)";

/**
 * `aws:msk/cluster:Cluster` (v6, v7; `encryptionInfo` as an object, or a one-element list as
 * older engines send it): always encrypted with `encryptionInfo.encryptionAtRestKmsKeyArn`, else
 * the AWS-managed aws/kafka key.
 */
export const mskCluster: StoreAdapter = {
  types: ["aws:msk/cluster:Cluster"],
  kind: "msk-cluster",
  nameProperty: "clusterName",
  encryption(p) {
    const info = blockAt(p, "encryptionInfo");
    if (isUnknown(info)) return info;
    if (info === undefined) return encryptedWith(KEYLESS, AWS_MANAGED);
    return alwaysEncrypted(p, `${info}.encryptionAtRestKmsKeyArn`, KEYLESS, AWS_MANAGED);
  },
};

/** `aws:msk/serverlessCluster:ServerlessCluster`: always encrypted with a service-owned key, no key setting. */
export const mskServerlessCluster: StoreAdapter = {
  types: ["aws:msk/serverlessCluster:ServerlessCluster"],
  kind: "msk-cluster",
  variant: "msk-serverless-cluster",
  nameProperty: "clusterName",
  encryption: () => encryptedWith(STORE_VARIANT_FACTS["msk-serverless-cluster"].encryption.keyless, "always encrypted by MSK Serverless with a service-owned key"),
};
