import { isUnknown } from "../../../core/value";
import type { StoreAdapter } from "../store-adapter";
import { alwaysEncrypted, blockAt, encryptedWith } from "./shared";

const AWS_MANAGED = "always encrypted: AWS-managed key aws/kafka (no encryptionAtRestKmsKeyArn)";

/**
 * `aws:msk/cluster:Cluster` (v6, v7; `encryptionInfo` as an object, or a one-element list as
 * older engines send it): always encrypted with `encryptionInfo.encryptionAtRestKmsKeyArn`, else
 * the AWS-managed aws/kafka key.
 */
export const mskCluster: StoreAdapter = {
  types: ["aws:msk/cluster:Cluster"],
  kind: "msk-cluster",
  label: "MSK cluster",
  nameProperty: "clusterName",
  encryptedByDefault: true,
  encryption(p) {
    const info = blockAt(p, "encryptionInfo");
    if (isUnknown(info)) return info;
    if (info === undefined) return encryptedWith("aws-managed", AWS_MANAGED);
    return alwaysEncrypted(p, `${info}.encryptionAtRestKmsKeyArn`, "aws-managed", AWS_MANAGED);
  },
};

/** `aws:msk/serverlessCluster:ServerlessCluster`: always encrypted with a service-owned key, no key setting. */
export const mskServerlessCluster: StoreAdapter = {
  types: ["aws:msk/serverlessCluster:ServerlessCluster"],
  kind: "msk-cluster",
  label: "MSK Serverless cluster",
  nameProperty: "clusterName",
  encryptedByDefault: true,
  encryption: () => encryptedWith("aws-owned", "always encrypted by MSK Serverless with a service-owned key"),
};
