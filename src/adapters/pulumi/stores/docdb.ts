import { switchedEncryption } from "../kms-ref";
import type { StoreAdapter } from "../store-adapter";
import { inheritedUnlessSet } from "./shared";

/**
 * `aws:docdb/cluster:Cluster` (v6, v7): `storageEncrypted` (default false), `kmsKeyId` (default
 * aws/rds); restored from `snapshotIdentifier` without either, it keeps the snapshot's encryption.
 */
export const docdbCluster: StoreAdapter = {
  types: ["aws:docdb/cluster:Cluster"],
  kind: "docdb-cluster",
  nameProperty: "clusterIdentifier",
  encryption: (p) =>
    inheritedUnlessSet(p, ["snapshotIdentifier"], ["storageEncrypted", "kmsKeyId"]) ??
    switchedEncryption(p, "storageEncrypted", "kmsKeyId"),
};
