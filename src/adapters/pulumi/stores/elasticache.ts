import { mapVal } from "../../../core/value";
import { notEncrypted } from "../../../encryption/at-rest";
import { STORE_KIND_FACTS } from "../../../models/store-kind-facts";
import type { StoreAdapter } from "../store-adapter";
import { alwaysEncrypted, copyOfProperty, inheritedUnlessSet, inheritsEncryption, switchedWithDefault } from "./shared";

/**
 * `aws:elasticache/replicationGroup:ReplicationGroup` (v6, v7): `atRestEncryptionEnabled`
 * defaults to false for the redis engine (the default engine) and true for valkey; the key is
 * `kmsKeyId`, else a service-owned key. A secondary of a global datastore takes its encryption.
 */
export const elasticacheReplicationGroup: StoreAdapter = {
  types: ["aws:elasticache/replicationGroup:ReplicationGroup"],
  kind: "elasticache-replication-group",
  nameProperty: "replicationGroupId",
  encryption: (p) =>
    inheritedUnlessSet(p, ["globalReplicationGroupId"], ["atRestEncryptionEnabled", "kmsKeyId"]) ??
    switchedWithDefault(
      p,
      "atRestEncryptionEnabled",
      "kmsKeyId",
      mapVal(p.str("engine"), (e) => e?.toLowerCase() === "valkey"),
      STORE_KIND_FACTS["elasticache-replication-group"].encryption.keyless,
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
  variant: "elasticache-cache-cluster",
  nameProperty: "clusterId",
  encryption: (p) =>
    p.get("replicationGroupId") !== undefined
      ? inheritsEncryption("source", `${p.resource.name} is encrypted as the replication group named in 'replicationGroupId'`)
      : notEncrypted(
          "no encryption at rest: a cache cluster outside a replication group has no such setting (Memcached never encrypts at rest)",
        ),
  copyOf: (p) => copyOfProperty(p, "replicationGroupId", "replica"),
};

/** `aws:elasticache/serverlessCache:ServerlessCache`: always encrypted, AWS-owned key unless `kmsKeyId`. */
export const elasticacheServerlessCache: StoreAdapter = {
  types: ["aws:elasticache/serverlessCache:ServerlessCache"],
  kind: "elasticache-serverless-cache",
  nameProperty: "name",
  encryption: (p) =>
    alwaysEncrypted(
      p,
      "kmsKeyId",
      STORE_KIND_FACTS["elasticache-serverless-cache"].encryption.keyless,
      "always encrypted: AWS-owned key (kmsKeyId not set)",
    ),
};
