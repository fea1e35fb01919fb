import { isUnknown } from "../../../core/value";
import type { Setting, StoreHygiene } from "../../../models/hygiene";
import type { EngineResource } from "../engine-resource";
import { Props } from "../props";
import type { PulumiHygieneAdapter } from "./adapter";
import { AIR_GAPPED_VAULT, VAULT, VAULT_LOCK, vaultHygiene } from "./services-backup";
import { dynamodbReplicaHygiene, dynamodbTableHygiene } from "./services-dynamodb";
import { amount, daysOf } from "./services-settings";

const TABLE = "aws:dynamodb/table:Table";
const TABLE_REPLICA = "aws:dynamodb/tableReplica:TableReplica";
const STREAM = "aws:kinesis/stream:Stream";
const QUEUE = "aws:sqs/queue:Queue";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

/** A DELIVERY-class log group keeps its events 2 days whatever `retentionInDays` says. */
const DELIVERY_RETENTION_DAYS = 2;

/** `retentionInDays` (0 or unset: never expires), unless `logGroupClass` is DELIVERY. */
function logGroupRetention(p: Props): Setting<number | "forever"> {
  const cls = p.str("logGroupClass");
  if (isUnknown(cls)) return { value: cls, observed: "logGroupClass unknown" };
  if (cls === "DELIVERY") return { value: DELIVERY_RETENTION_DAYS, observed: `logGroupClass=DELIVERY (retention fixed at ${DELIVERY_RETENTION_DAYS} days)` };
  const days = p.num("retentionInDays");
  if (days === undefined || days === 0) return { value: "forever", observed: `retentionInDays ${days === 0 ? "=0" : "not set"} (never expires)` };
  return amount(p, "retentionInDays", "days", 0, (n) => n);
}

/** The hygiene settings a store resource carries on itself. */
const OWN_SETTINGS: Readonly<Record<string, (p: Props) => StoreHygiene>> = {
  [TABLE]: dynamodbTableHygiene,
  [TABLE_REPLICA]: dynamodbReplicaHygiene,
  [STREAM]: (p) => ({ retentionDays: amount(p, "retentionPeriod", "hours", 24, (h) => daysOf(h, 24)) }),
  [QUEUE]: (p) => ({ retentionDays: amount(p, "messageRetentionSeconds", "seconds", 345_600, (s) => daysOf(s, 86_400)) }),
  [LOG_GROUP]: (p) => ({ retentionDays: logGroupRetention(p) }),
};

/**
 * Tables (PITR, its window, TTL, deletion protection), Kinesis streams, SQS queues and log groups
 * (retention), backup vaults (Vault Lock). Store ids are the resources' URNs, as the store adapters'.
 */
export const servicesHygieneAdapter: PulumiHygieneAdapter = {
  types: [TABLE, TABLE_REPLICA, STREAM, QUEUE, LOG_GROUP, VAULT, AIR_GAPPED_VAULT, VAULT_LOCK],
  build(resources: readonly EngineResource[], stores) {
    const own = resources.flatMap((r): (readonly [string, StoreHygiene])[] => {
      const read = OWN_SETTINGS[r.type];
      return read ? [[r.urn, read(new Props(r))]] : [];
    });
    return { stores: [...own, ...vaultHygiene(resources, stores)] };
  },
};
