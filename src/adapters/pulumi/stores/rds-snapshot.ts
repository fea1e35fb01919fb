import type { StoreVariant } from "../../../models/data-store";
import type { StoreAdapter } from "../store-adapter";
import { copyOfProperty, inheritsEncryption, keyedOr } from "./shared";

/**
 * A snapshot copy is encrypted with `kmsKeyId` when given (which also encrypts a copy of an
 * unencrypted snapshot), else it keeps the source snapshot's encryption and key.
 */
function snapshotCopy(type: string, variant: StoreVariant | undefined, source: string, target: string, arnProperty: string): StoreAdapter {
  return {
    types: [type],
    kind: "rds-snapshot-copy",
    ...(variant ? { variant } : {}),
    nameProperty: target,
    arnProperty,
    encryption: (p) =>
      keyedOr(p, "kmsKeyId", () =>
        inheritsEncryption("source", `${p.resource.name} keeps the encryption of the snapshot named in '${source}'`),
      ),
    copyOf: (p) => copyOfProperty(p, source, "snapshot-copy"),
  };
}

export const rdsSnapshotCopy = snapshotCopy(
  "aws:rds/snapshotCopy:SnapshotCopy",
  undefined,
  "sourceDbSnapshotIdentifier",
  "targetDbSnapshotIdentifier",
  "dbSnapshotArn",
);

export const rdsClusterSnapshotCopy = snapshotCopy(
  "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy",
  "rds-cluster-snapshot-copy",
  "sourceDbClusterSnapshotIdentifier",
  "targetDbClusterSnapshotIdentifier",
  "dbClusterSnapshotArn",
);
