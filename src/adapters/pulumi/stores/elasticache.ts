import { mapVal, unknown } from "../../../core/value";
import type { StoreAdapter } from "../store-adapter";
import { alwaysEncrypted, copyOfProperty, inheritedUnlessSet, notEncrypted, switchedWithDefault } from "./shared";

/**
 * `aws:elasticache/replicationGroup:ReplicationGroup` (v6, v7): `atRestEncryptionEnabled`
 * defaults to false for the redis engine (the default engine) and true for valkey; the key is
 * `kmsKeyId`, else a service-owned key. A secondary of a global datastore takes its encryption.
 */
export const elasticacheReplicationGroup: StoreAdapter = {
  types: ["aws:elasticache/replicationGroup:ReplicationGroup"],
  kind: "elasticache-replication-group",
  label: "ElastiCache replication group",
  nameProperty: "replicationGroupId",
  encryption: (p) =>
    inheritedUnlessSet(p, ["globalReplicationGroupId"], ["atRestEncryptionEnabled", "kmsKeyId"]) ??
    switchedWithDefault(
      p,
      "atRestEncryptionEnabled",
      "kmsKeyId",
      mapVal(p.str("engine"), (e) => e?.toLowerCase() === "valkey"),
      "aws-owned",
    ),
  copyOf: (p) => copyOfProperty(p, "globalReplicationGroupId", "replica"),
};

/**
 * `aws:elasticache/cluster:Cluster` (v6, v7) has no at-rest encryption setting: a member of a
 * replication group (`replicationGroupId`) is encrypted as its group; any other cache cluster
 * (every Memcached cluster) is not encrypted at rest.
 */
export const elasticacheCluster: StoreAdapter = {
  types: ["aws:elasticache/cluster:Cluster"],
  kind: "elasticache-replication-group",
  label: "ElastiCache cluster",
  nameProperty: "clusterId",
  encryption: (p) =>
    p.get("replicationGroupId") !== undefined
      ? unknown("not-fetched", `${p.resource.name} is encrypted as the replication group named in 'replicationGroupId'`)
      : notEncrypted(
          "no encryption at rest: a cache cluster outside a replication group has no such setting (Memcached never encrypts at rest)",
        ),
  copyOf: (p) => copyOfProperty(p, "replicationGroupId", "replica"),
};

/** `aws:elasticache/serverlessCache:ServerlessCache`: always encrypted, AWS-owned key unless `kmsKeyId`. */
export const elasticacheServerlessCache: StoreAdapter = {
  types: ["aws:elasticache/serverlessCache:ServerlessCache"],
  kind: "elasticache-serverless-cache",
  label: "ElastiCache serverless cache",
  nameProperty: "name",
  encryptedByDefault: true,
  encryption: (p) => alwaysEncrypted(p, "kmsKeyId", "aws-owned", "always encrypted: AWS-owned key (kmsKeyId not set)"),
};
