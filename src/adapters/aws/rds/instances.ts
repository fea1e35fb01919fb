import type { DBInstance } from "@aws-sdk/client-rds";
import type { DataStore } from "../../../models/data-store";
import type { StoreExposure } from "../../../models/exposure";
import { storeLabel } from "../../../models/store-kind-facts";
import { tagsOfList } from "../fetched";
import { storageEncryption } from "./encryption";
import { arnOrBuilt, CLUSTER_INSTANCE_LABELS, familyOf, INSTANCE_TYPES, rdsArn, refIn, SUBNET_GROUP_SERVICE, type RdsScope } from "./names";
import { instancePlacement } from "./placement";
import type { SubnetGroups } from "./subnet-groups";

export const instanceArn = (i: DBInstance, s: RdsScope): string => i.DBInstanceArn ?? rdsArn(s, "db", i.DBInstanceIdentifier ?? "");

/** A read replica names its source instance (or Multi-AZ cluster): an identifier, or an ARN across Regions. */
function replicaOf(i: DBInstance, s: RdsScope): DataStore["copyOf"] {
  const fromInstance = i.ReadReplicaSourceDBInstanceIdentifier;
  const fromCluster = i.ReadReplicaSourceDBClusterIdentifier;
  if (fromInstance) {
    return { relation: "read-replica", source: fromInstance, sourceProperty: "ReadReplicaSourceDBInstanceIdentifier", sourceRef: arnOrBuilt(s, "db", fromInstance) };
  }
  if (fromCluster) {
    return { relation: "read-replica", source: fromCluster, sourceProperty: "ReadReplicaSourceDBClusterIdentifier", sourceRef: arnOrBuilt(s, "cluster", fromCluster) };
  }
  return undefined;
}

/**
 * An RDS instance that is not part of a cluster. Its encryption is the one the API reports, also
 * for a read replica (AWS gives the replica its source's unless it named its own key).
 */
export function instanceStore(i: DBInstance, s: RdsScope): DataStore {
  const id = i.DBInstanceIdentifier ?? "";
  const copyOf = replicaOf(i, s);
  return {
    model: "data-store",
    ref: refIn(s, instanceArn(i, s), INSTANCE_TYPES.rds, id, storeLabel("rds-instance")),
    kind: "rds-instance",
    physicalName: id,
    tags: tagsOfList(i.TagList),
    encryption: storageEncryption({ on: i.StorageEncrypted, switchName: "StorageEncrypted", type: i.StorageEncryptionType, kmsKeyId: i.KmsKeyId }, s),
    parts: [],
    ...(copyOf ? { copyOf } : {}),
  };
}

export const instancePlacementOf = (i: DBInstance, groups: SubnetGroups) =>
  instancePlacement(i, SUBNET_GROUP_SERVICE[familyOf(i.Engine)], groups);

/**
 * An instance of an Aurora, Multi-AZ, DocumentDB or Neptune cluster: no store of its own (the
 * cluster is), judged for its public access. `clusterId` is its cluster's model id when the
 * cluster is in the answer, whose placement then merges this instance's access.
 */
export function clusterInstanceExposure(i: DBInstance, s: RdsScope, groups: SubnetGroups, clusterId: string | undefined): StoreExposure {
  const family = familyOf(i.Engine);
  return {
    resource: {
      ref: refIn(s, instanceArn(i, s), INSTANCE_TYPES[family], i.DBInstanceIdentifier ?? "", CLUSTER_INSTANCE_LABELS[family]),
      kind: "cluster-instance",
      tags: tagsOfList(i.TagList),
      ...(clusterId ? { partOf: clusterId } : {}),
      placement: instancePlacementOf(i, groups),
    },
  };
}
