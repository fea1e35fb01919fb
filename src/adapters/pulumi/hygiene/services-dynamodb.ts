import { isUnknown, unknown } from "../../../core/value";
import type { Setting, StoreHygiene } from "../../../models/hygiene";
import type { Props } from "../props";
import { blockAt } from "../stores/shared";
import { amount, flag, weakest } from "./services-settings";

/** DynamoDB's default point-in-time recovery window. */
const PITR_DEFAULT_DAYS = 35;

/** Point-in-time recovery and its window: the `pointInTimeRecovery {enabled, recoveryPeriodInDays}` block. */
function pitr(p: Props): { backups: Setting<boolean>; backupRetentionDays?: Setting<number> } {
  const block = blockAt(p, "pointInTimeRecovery");
  if (isUnknown(block)) return { backups: { value: block, observed: "pointInTimeRecovery unknown" }, backupRetentionDays: { value: block, observed: "pointInTimeRecovery unknown" } };
  if (block === undefined) return { backups: { value: false, observed: "pointInTimeRecovery not set (default disabled)" } };
  const backups = flag(p, `${block}.enabled`, false);
  if (backups.value === false) return { backups };
  if (isUnknown(backups.value)) return { backups, backupRetentionDays: { value: backups.value, observed: backups.observed } };
  return { backups, backupRetentionDays: amount(p, `${block}.recoveryPeriodInDays`, "days", PITR_DEFAULT_DAYS, (n) => n) };
}

/** Items expire when `ttl.enabled` is true with an `attributeName` (the provider requires one). */
function ttl(p: Props): Setting<boolean> {
  const block = blockAt(p, "ttl");
  if (isUnknown(block)) return { value: block, observed: "ttl unknown" };
  if (block === undefined) return { value: false, observed: "ttl not set (default disabled)" };
  const on = flag(p, `${block}.enabled`, false);
  if (on.value !== true) return on;
  const attribute = p.str(`${block}.attributeName`);
  if (attribute === undefined) {
    return { value: unknown("error", `property '${block}.attributeName' of ${p.resource.name} should be set when ttl is enabled`), observed: `${on.observed} without attributeName` };
  }
  return { value: true, observed: `${on.observed} with an attributeName` };
}

/** A switch of the table and of each inline replica (`replicas[i].<field>`): as weak as the weakest. */
function withReplicas(p: Props, own: Setting<boolean>, field: string): Setting<boolean> {
  const count = p.count("replicas");
  if (isUnknown(count)) return weakest([own, { value: count, observed: "replicas unknown" }]);
  const replicas = Array.from({ length: count }, (_, i) => flag(p, `${p.itemPath("replicas", i)}.${field}`, false));
  return weakest([own, ...replicas]);
}

/**
 * `aws:dynamodb/table:Table` (v6, v7). Inline `replicas[]` are copies of the table in other regions
 * with their own `pointInTimeRecovery` and `deletionProtectionEnabled` (default false): backups and
 * deletion protection hold only when they hold for the table and every replica. TTL is table-wide.
 */
export function dynamodbTableHygiene(p: Props): StoreHygiene {
  const { backups, backupRetentionDays } = pitr(p);
  return {
    backups: withReplicas(p, backups, "pointInTimeRecovery"),
    ...(backupRetentionDays ? { backupRetentionDays } : {}),
    ttl: ttl(p),
    deletionProtection: withReplicas(p, flag(p, "deletionProtectionEnabled", false), "deletionProtectionEnabled"),
  };
}

/**
 * `aws:dynamodb/tableReplica:TableReplica`: its own PITR switch and deletion protection (no
 * recovery window setting; TTL is the table's).
 */
export function dynamodbReplicaHygiene(p: Props): StoreHygiene {
  return { backups: flag(p, "pointInTimeRecovery", false), deletionProtection: flag(p, "deletionProtectionEnabled", false) };
}
