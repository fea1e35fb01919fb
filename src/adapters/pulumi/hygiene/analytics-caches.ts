import { isUnknown } from "../../../core/value";
import type { Setting, StoreHygiene } from "../../../models/hygiene";
import type { Props } from "../props";
import { always, boolSetting, retentionBackups, setting, unexpected } from "./analytics-settings";

/** Hygiene of ElastiCache and MemoryDB stores, from the store resources' own properties. */

export const ELASTICACHE_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
export const ELASTICACHE_CLUSTER = "aws:elasticache/cluster:Cluster";
export const ELASTICACHE_SERVERLESS = "aws:elasticache/serverlessCache:ServerlessCache";
export const MEMORYDB_CLUSTER = "aws:memorydb/cluster:Cluster";

/**
 * `transitEncryptionEnabled` (default false) and `transitEncryptionMode`: "preferred" still accepts
 * plain connections (a migration step); enabled without a mode is "required".
 */
export function replicationGroupTransit(p: Props): Setting<boolean> {
  const enabled = boolSetting(p, "transitEncryptionEnabled", false);
  if (enabled.value !== true) return enabled;
  const mode = p.str("transitEncryptionMode");
  if (isUnknown(mode)) return setting(mode, "transitEncryptionEnabled=true, transitEncryptionMode computed during the update");
  if (mode === undefined || mode === "") return setting(true, "transitEncryptionEnabled=true, transitEncryptionMode not set (required)");
  const m = mode.toLowerCase();
  if (m === "required") return setting(true, "transitEncryptionEnabled=true, transitEncryptionMode=required");
  if (m === "preferred") return setting(false, "transitEncryptionEnabled=true, transitEncryptionMode=preferred: plain connections still accepted");
  return setting(unexpected(p, "transitEncryptionMode", '"required" or "preferred"'), "transitEncryptionMode not recognized");
}

export function replicationGroupHygiene(p: Props): StoreHygiene {
  return { transitRequired: replicationGroupTransit(p), ...retentionBackups(p, "snapshotRetentionLimit", 0) };
}

/**
 * A cache cluster outside a replication group (a member's settings are its group's): TLS has no
 * "preferred" mode there; Memcached has no backups.
 */
export function cacheClusterHygiene(p: Props): StoreHygiene | undefined {
  if (p.get("replicationGroupId") !== undefined) return undefined;
  const engine = p.str("engine");
  const memcached = typeof engine === "string" && engine.toLowerCase() === "memcached";
  return {
    transitRequired: boolSetting(p, "transitEncryptionEnabled", false),
    ...(memcached ? { backups: setting(false, "engine memcached: ElastiCache takes no backups of Memcached clusters") } : retentionBackups(p, "snapshotRetentionLimit", 0)),
  };
}

/** Serverless caches accept TLS connections only; automated snapshots while `snapshotRetentionLimit` > 0 (unset: none). */
export function serverlessCacheHygiene(p: Props): StoreHygiene {
  return {
    transitRequired: always("serverless cache: ElastiCache Serverless accepts TLS connections only"),
    ...retentionBackups(p, "snapshotRetentionLimit", 0),
  };
}

/** `tlsEnabled` (default true; false needs the open-access ACL); `snapshotRetentionLimit` (default 0: no automated snapshots). */
export function memorydbClusterHygiene(p: Props): StoreHygiene {
  return { transitRequired: boolSetting(p, "tlsEnabled", true), ...retentionBackups(p, "snapshotRetentionLimit", 0) };
}
