import type { DBCluster, DBInstance } from "@aws-sdk/client-rds";
import type { Fetched } from "../../../fetchers/aws/fetched";
import type { DataStore, StoreKind } from "../../../models/data-store";
import type { Placement } from "../../../models/placement";
import { storeLabel } from "../../../models/store-kind-facts";
import { mergePlacements } from "../../../network/merge-placements";
import { tagsOfList, unknownOf } from "../fetched";
import { storageEncryption } from "./encryption";
import { arnOrBuilt, CLUSTER_TYPES, familyOf, rdsArn, refIn, SUBNET_GROUP_SERVICE, type RdsFamily, type RdsScope } from "./names";
import { clusterPlacement, instancePlacement } from "./placement";
import type { SubnetGroups } from "./subnet-groups";

const KIND_OF: Readonly<Record<RdsFamily, StoreKind>> = { rds: "rds-cluster", docdb: "docdb-cluster", neptune: "neptune-cluster" };

export const clusterArn = (c: DBCluster, s: RdsScope): string => c.DBClusterArn ?? rdsArn(s, "cluster", c.DBClusterIdentifier ?? "");

/**
 * An Aurora or Multi-AZ DB cluster (`rds-cluster`), a DocumentDB (`docdb`) or Neptune (`neptune`)
 * cluster. A cross-Region replica names its source in `ReplicationSourceIdentifier`.
 */
export function clusterStore(c: DBCluster, s: RdsScope): DataStore {
  const kind = KIND_OF[familyOf(c.Engine)];
  const id = c.DBClusterIdentifier ?? "";
  const source = c.ReplicationSourceIdentifier;
  return {
    model: "data-store",
    ref: refIn(s, clusterArn(c, s), CLUSTER_TYPES[familyOf(c.Engine)], id, storeLabel(kind)),
    kind,
    physicalName: id,
    tags: tagsOfList(c.TagList),
    encryption: storageEncryption({ on: c.StorageEncrypted, switchName: "StorageEncrypted", type: c.StorageEncryptionType, kmsKeyId: c.KmsKeyId }, s),
    parts: [],
    ...(source ? { copyOf: { relation: "read-replica", source, sourceProperty: "ReplicationSourceIdentifier", sourceRef: arnOrBuilt(s, "cluster", source) } } : {}),
  };
}

/**
 * Where a cluster sits: its subnet group and security groups, public when any of its instances is
 * (as the Pulumi front merges `ClusterInstance`s). When the instances could not be listed, the
 * public access of an Aurora or Neptune cluster (which reports no switch of its own) is not known.
 */
export function clusterPlacementWithInstances(
  c: DBCluster,
  instances: Fetched<DBInstance[]>,
  groups: SubnetGroups,
): Placement {
  const family = familyOf(c.Engine);
  const service = SUBNET_GROUP_SERVICE[family];
  const base = clusterPlacement(c, service, groups);
  if (family === "docdb") return base;
  // A Multi-AZ DB cluster's own switch decides for its instances; Aurora and Neptune need the instances.
  if (!instances.ok) return c.PubliclyAccessible !== undefined ? base : { ...base, publiclyAccessible: unknownOf(instances.failure) };
  return instances.value
    .filter((i) => i.DBClusterIdentifier !== undefined && i.DBClusterIdentifier === c.DBClusterIdentifier)
    .reduce((placement, i) => mergePlacements(placement, instancePlacement(i, service, groups), true), base);
}
