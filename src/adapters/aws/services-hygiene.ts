import type { BackupVaultListMember } from "@aws-sdk/client-backup";
import type { ContinuousBackupsDescription, TableDescription, TimeToLiveDescription } from "@aws-sdk/client-dynamodb";
import type { StreamDescriptionSummary } from "@aws-sdk/client-kinesis";
import { unknown, type Val } from "../../core/value";
import type { Fetched } from "../../fetchers/aws/fetched";
import type { Setting, StoreHygiene } from "../../models/hygiene";
import { unknownOf } from "./fetched";

/** Hygiene settings of tables, streams, queues, log groups and vaults, from the answers their fetchers already hold. */

/** DynamoDB's default point-in-time recovery window. */
const PITR_DEFAULT_DAYS = 35;
const SQS_DEFAULT_RETENTION_SECONDS = 345_600;
const KINESIS_DEFAULT_RETENTION_HOURS = 24;

/** Days as a possibly fractional number, rounded to a thousandth (as the Pulumi front rounds them). */
const daysOf = (n: number, perDay: number): number => Math.round((n / perDay) * 1000) / 1000;

/** A setting read from one answer; a call that did not answer makes it Unknown with the action and reason. */
function fromAnswer<A, T>(answer: Fetched<A>, what: string, read: (a: A) => Setting<T>): Setting<T> {
  if (!answer.ok) return { value: unknownOf(answer.failure), observed: `${what} not read (${answer.failure.action}: ${answer.failure.reason})` };
  return read(answer.value);
}

/** A table deleted between DescribeTable and a later read of it. */
const gone = (call: string): Setting<boolean> => ({ value: unknown("not-fetched", `the table was not found by ${call}`), observed: `${call}: table not found` });

function pitr(answer: Fetched<ContinuousBackupsDescription | undefined> | undefined): Pick<StoreHygiene, "backups" | "backupRetentionDays"> {
  if (answer === undefined) return { backups: { value: unknown("not-fetched", "continuous backups were not read"), observed: "continuous backups not read" } };
  const backups = fromAnswer(answer, "PointInTimeRecoveryStatus", (c): Setting<boolean> => {
    if (c === undefined) return gone("DescribeContinuousBackups");
    const status = c.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus;
    return { value: status === "ENABLED", observed: `PointInTimeRecoveryStatus=${status ?? "not set"}` };
  });
  if (backups.value !== true || !answer.ok) return { backups };
  const days = answer.value?.PointInTimeRecoveryDescription?.RecoveryPeriodInDays;
  const backupRetentionDays = days === undefined
    ? { value: PITR_DEFAULT_DAYS, observed: `RecoveryPeriodInDays not set (default ${PITR_DEFAULT_DAYS} days)` }
    : { value: days, observed: `RecoveryPeriodInDays=${days} days` };
  return { backups, backupRetentionDays };
}

/** ENABLING counts as on: items expire once AWS finishes turning TTL on. */
function ttl(answer: Fetched<TimeToLiveDescription | undefined> | undefined): Setting<boolean> {
  if (answer === undefined) return { value: unknown("not-fetched", "time to live was not read"), observed: "time to live not read" };
  return fromAnswer(answer, "TimeToLiveStatus", (t): Setting<boolean> => {
    if (t === undefined) return gone("DescribeTimeToLive");
    const status = t.TimeToLiveStatus;
    return { value: status === "ENABLED" || status === "ENABLING", observed: `TimeToLiveStatus=${status ?? "not set"}` };
  });
}

/**
 * A table in one region: PITR and its window (DescribeContinuousBackups), TTL (DescribeTimeToLive),
 * deletion protection (DescribeTable). Replicas in other regions are tables of their own regions,
 * read when those regions are scanned.
 */
export function dynamodbTableHygiene(
  table: Fetched<TableDescription | undefined>,
  continuousBackups: Fetched<ContinuousBackupsDescription | undefined> | undefined,
  timeToLive: Fetched<TimeToLiveDescription | undefined> | undefined,
): StoreHygiene {
  return {
    ...pitr(continuousBackups),
    ttl: ttl(timeToLive),
    deletionProtection: fromAnswer(table, "DeletionProtectionEnabled", (t) => {
      const on = t?.DeletionProtectionEnabled;
      return { value: on === true, observed: `DeletionProtectionEnabled=${on === undefined ? "not set (false)" : String(on)}` };
    }),
  };
}

export function kinesisStreamHygiene(summary: Fetched<StreamDescriptionSummary | undefined>): StoreHygiene {
  return {
    retentionDays: fromAnswer(summary, "RetentionPeriodHours", (s) => {
      const hours = s?.RetentionPeriodHours;
      if (hours === undefined) return { value: daysOf(KINESIS_DEFAULT_RETENTION_HOURS, 24), observed: `RetentionPeriodHours not set (default ${KINESIS_DEFAULT_RETENTION_HOURS} hours)` };
      return { value: daysOf(hours, 24), observed: `RetentionPeriodHours=${hours} hours` };
    }),
  };
}

export function sqsQueueHygiene(attributes: Fetched<Record<string, string> | undefined>): StoreHygiene {
  return {
    retentionDays: fromAnswer(attributes, "MessageRetentionPeriod", (a) => {
      const raw = a?.MessageRetentionPeriod;
      if (raw === undefined) return { value: daysOf(SQS_DEFAULT_RETENTION_SECONDS, 86_400), observed: `MessageRetentionPeriod not set (default ${SQS_DEFAULT_RETENTION_SECONDS} seconds)` };
      const seconds = Number(raw);
      const value: Val<number> = Number.isFinite(seconds) && seconds >= 0 ? daysOf(seconds, 86_400) : unknown("error", "MessageRetentionPeriod should be a number of seconds, got another string");
      return { value, observed: `MessageRetentionPeriod=${Number.isFinite(seconds) ? seconds : "not a number"} seconds` };
    }),
  };
}

/** DescribeLogGroups leaves `retentionInDays` out when events never expire. */
export function logGroupHygiene(retentionInDays: number | undefined): StoreHygiene {
  if (retentionInDays === undefined || retentionInDays === 0) return { retentionDays: { value: "forever", observed: "retentionInDays not set (never expires)" } };
  return { retentionDays: { value: retentionInDays, observed: `retentionInDays=${retentionInDays} days` } };
}

const bound = (v: number | undefined): string => (v === undefined ? "not set" : String(v));

/** Vault Lock from ListBackupVaults (the same `Locked`/`MinRetentionDays` as DescribeBackupVault). */
export function backupVaultHygiene(v: BackupVaultListMember): StoreHygiene {
  const bounds = `MinRetentionDays=${bound(v.MinRetentionDays)}, MaxRetentionDays=${bound(v.MaxRetentionDays)}`;
  if (v.VaultType === "LOGICALLY_AIR_GAPPED_BACKUP_VAULT") return { vaultLock: { value: true, observed: `logically air-gapped vault, always locked: ${bounds}` } };
  if (v.Locked !== true) return { vaultLock: { value: false, observed: `Locked=${v.Locked === undefined ? "not set" : "false"}` } };
  const mode = v.LockDate ? `compliance mode (immutable from ${v.LockDate.toISOString()})` : "governance mode (no LockDate)";
  return { vaultLock: { value: true, observed: `Locked=true, ${bounds}, ${mode}` } };
}
