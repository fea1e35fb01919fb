import { STORE_KIND_FACTS } from "../../../models/store-kind-facts";
import { switchedEncryption } from "../kms-ref";
import type { StoreAdapter } from "../store-adapter";
import { alwaysEncrypted, withStringBooleans } from "./shared";

const CLUSTER = STORE_KIND_FACTS["redshift-cluster"].encryption;

/**
 * `aws:redshift/cluster:Cluster`: `encrypted` is a boolean in v6 and a string ("true"/"false",
 * documented default "true") in v7. AWS encrypts every new provisioned cluster since January 2025
 * (AWS-owned key unless `kmsKeyId` names one), so an unset `encrypted` means encrypted.
 */
export const redshiftCluster: StoreAdapter = {
  types: ["aws:redshift/cluster:Cluster"],
  kind: "redshift-cluster",
  nameProperty: "clusterIdentifier",
  encryption: (p) =>
    switchedEncryption(withStringBooleans(p), "encrypted", "kmsKeyId", { defaultOn: CLUSTER.onByDefault, keylessManager: CLUSTER.keyless }),
};

/** `aws:redshiftserverless/namespace:Namespace`: always encrypted, AWS-owned key unless `kmsKeyId`. */
export const redshiftServerlessNamespace: StoreAdapter = {
  types: ["aws:redshiftserverless/namespace:Namespace"],
  kind: "redshift-serverless-namespace",
  nameProperty: "namespaceName",
  encryption: (p) => alwaysEncrypted(p, "kmsKeyId", STORE_KIND_FACTS["redshift-serverless-namespace"].encryption.keyless, "always encrypted: AWS-owned key (kmsKeyId not set)"),
};
