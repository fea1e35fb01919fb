import { unknown } from "../../../core/value";
import type { StoreAdapter } from "../store-adapter";
import { copyOfProperty, keyedOr } from "./shared";

/**
 * A snapshot copy is encrypted with `kmsKeyId` when given (which also encrypts a copy of an
 * unencrypted snapshot), else it keeps the source snapshot's encryption and key.
 */
function snapshotCopy(type: string, label: string, source: string, target: string): StoreAdapter {
  return {
    types: [type],
    kind: "rds-snapshot-copy",
    label,
    nameProperty: target,
    encryption: (p) =>
      keyedOr(p, "kmsKeyId", () =>
        unknown("not-fetched", `${p.resource.name} keeps the encryption of the snapshot named in '${source}'`),
      ),
    copyOf: (p) => copyOfProperty(p, source, "snapshot-copy"),
  };
}

export const rdsSnapshotCopy = snapshotCopy(
  "aws:rds/snapshotCopy:SnapshotCopy",
  "RDS snapshot copy",
  "sourceDbSnapshotIdentifier",
  "targetDbSnapshotIdentifier",
);

export const rdsClusterSnapshotCopy = snapshotCopy(
  "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy",
  "RDS cluster snapshot copy",
  "sourceDbClusterSnapshotIdentifier",
  "targetDbClusterSnapshotIdentifier",
);
