import { switchedEncryption } from "../kms-ref";
import type { StoreAdapter } from "../store-adapter";
import { copyOfProperty, inheritedUnlessSet } from "./shared";

/**
 * `aws:neptune/cluster:Cluster` (v6, v7): `storageEncrypted` (default false), `kmsKeyArn`
 * (default aws/rds). A replica (`replicationSourceIdentifier`) or a restore from
 * `snapshotIdentifier` without either takes its source's encryption.
 */
export const neptuneCluster: StoreAdapter = {
  types: ["aws:neptune/cluster:Cluster"],
  kind: "neptune-cluster",
  nameProperty: "clusterIdentifier",
  encryption: (p) =>
    inheritedUnlessSet(p, ["replicationSourceIdentifier", "snapshotIdentifier"], ["storageEncrypted", "kmsKeyArn"]) ??
    switchedEncryption(p, "storageEncrypted", "kmsKeyArn"),
  copyOf: (p) => copyOfProperty(p, "replicationSourceIdentifier", "read-replica"),
};
