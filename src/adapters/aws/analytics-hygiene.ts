import type { CacheCluster, ReplicationGroup, ServerlessCache } from "@aws-sdk/client-elasticache";
import type { Provisioned } from "@aws-sdk/client-kafka";
import type { DomainStatus } from "@aws-sdk/client-opensearch";
import type { Cluster as RedshiftCluster, LoggingStatus } from "@aws-sdk/client-redshift";
import type { Workgroup } from "@aws-sdk/client-redshift-serverless";
import type { Cluster as MemoryDbCluster } from "@aws-sdk/client-memorydb";
import { boundValue } from "../../core/bounded-text";
import { isUnknown, unknown, type Unknown } from "../../core/value";
import type { Fetched } from "../../fetchers/aws/fetched";
import type { Setting, StoreHygiene } from "../../models/hygiene";
import { unknownOf } from "./fetched";

/** Hygiene of caches, search domains, streaming, warehouses and file systems, from the scanner's answers. */

/** A setting; an Unknown value makes `Setting<never>`, which fits any setting. */
function setting<T = never>(value: NoInfer<T> | Unknown, observed: string): Setting<T>;
function setting<T>(value: T | Unknown, observed: string): Setting<T>;
function setting<T>(value: T | Unknown, observed: string): Setting<T> {
  return { value, observed };
}
const shown = (v: string): string => boundValue(v, 80);

/** A boolean AWS reports; `fallback` when it does not. */
function reported(v: boolean | undefined, field: string, fallback: boolean): Setting<boolean> {
  return v === undefined ? setting(fallback, `${field} not reported (default ${String(fallback)})`) : setting(v, `${field}=${String(v)}`);
}

/** `backups` and `backupRetentionDays` from a retention in days; 0 turns automated backups off. */
export function retentionBackups(days: number | undefined, field: string, defaultDays = 0): Pick<StoreHygiene, "backups" | "backupRetentionDays"> {
  const d = days ?? defaultDays;
  const observed = days === undefined ? `${field} not reported (default ${defaultDays})` : `${field}=${d}`;
  if (d <= 0) return { backups: setting(false, `${observed}: automated backups off`) };
  return { backups: setting(true, observed), backupRetentionDays: setting(d, observed) };
}

/** Enabled with mode "preferred" still accepts plain connections; enabled without a mode is "required". */
export function replicationGroupHygiene(g: ReplicationGroup): StoreHygiene {
  const enabled = reported(g.TransitEncryptionEnabled, "TransitEncryptionEnabled", false);
  const mode = g.TransitEncryptionMode?.toLowerCase();
  const transitRequired =
    enabled.value !== true
      ? enabled
      : mode === "preferred"
        ? setting(false, "TransitEncryptionEnabled=true, TransitEncryptionMode=preferred: plain connections still accepted")
        : setting(true, `TransitEncryptionEnabled=true, TransitEncryptionMode=${mode ?? "not reported (required)"}`);
  return { transitRequired, ...retentionBackups(g.SnapshotRetentionLimit, "SnapshotRetentionLimit") };
}

export function cacheClusterHygiene(c: CacheCluster): StoreHygiene {
  const memcached = c.Engine?.toLowerCase() === "memcached";
  return {
    transitRequired: reported(c.TransitEncryptionEnabled, "TransitEncryptionEnabled", false),
    ...(memcached
      ? { backups: setting(false, "engine memcached: ElastiCache takes no backups of Memcached clusters") }
      : retentionBackups(c.SnapshotRetentionLimit, "SnapshotRetentionLimit")),
  };
}

export function serverlessCacheHygiene(c: ServerlessCache): StoreHygiene {
  return {
    transitRequired: setting(true, "serverless cache: ElastiCache Serverless accepts TLS connections only"),
    ...retentionBackups(c.SnapshotRetentionLimit, "SnapshotRetentionLimit"),
  };
}

export function memorydbClusterHygiene(c: MemoryDbCluster): StoreHygiene {
  return { transitRequired: reported(c.TLSEnabled, "TLSEnabled", true), ...retentionBackups(c.SnapshotRetentionLimit, "SnapshotRetentionLimit") };
}

/** Audit logs are written only with fine-grained access control (`AdvancedSecurityOptions.Enabled`). */
function domainAuditLog(d: DomainStatus): Setting<boolean> {
  const audit = d.LogPublishingOptions?.AUDIT_LOGS;
  if (audit?.Enabled !== true) return setting(false, audit ? "LogPublishingOptions.AUDIT_LOGS.Enabled=false" : "no AUDIT_LOGS in LogPublishingOptions");
  if (d.AdvancedSecurityOptions?.Enabled === true) return setting(true, "AUDIT_LOGS published to CloudWatch Logs, fine-grained access control enabled");
  return setting(false, "AUDIT_LOGS published, but audit logs need fine-grained access control: AdvancedSecurityOptions.Enabled=false");
}

export function domainHygiene(d: DomainStatus): StoreHygiene {
  const endpoint = d.DomainEndpointOptions;
  const policy = endpoint?.TLSSecurityPolicy;
  return {
    transitRequired: reported(endpoint?.EnforceHTTPS, "DomainEndpointOptions.EnforceHTTPS", false),
    transitMinimumTls: setting(policy, policy === undefined ? "DomainEndpointOptions.TLSSecurityPolicy not reported" : `TLSSecurityPolicy=${shown(policy)}`),
    transitBetweenNodes: reported(d.NodeToNodeEncryptionOptions?.Enabled, "NodeToNodeEncryptionOptions.Enabled", false),
    auditLog: domainAuditLog(d),
    backups: setting(true, "OpenSearch takes automated hourly snapshots of every domain"),
  };
}

export function mskProvisionedHygiene(p: Provisioned | undefined): StoreHygiene {
  const transit = p?.EncryptionInfo?.EncryptionInTransit;
  const broker = transit?.ClientBroker;
  return {
    transitRequired:
      broker === undefined
        ? setting(true, "EncryptionInTransit.ClientBroker not reported (default TLS)")
        : setting(broker === "TLS", `EncryptionInTransit.ClientBroker=${shown(broker)}${broker === "TLS" ? "" : ": plaintext client connections accepted"}`),
    transitBetweenNodes: reported(transit?.InCluster, "EncryptionInTransit.InCluster", true),
  };
}

export const MSK_SERVERLESS_HYGIENE: StoreHygiene = {
  transitRequired: setting(true, "MSK Serverless accepts TLS connections only"),
  transitBetweenNodes: setting(true, "MSK Serverless encrypts traffic between its brokers"),
};

const truthy = (v: string): boolean | undefined => ({ true: true, "1": true, on: true, false: false, "0": false, off: false })[v.trim().toLowerCase()];

function requireSslSetting(value: string | undefined, where: string, fallback: boolean): Setting<boolean> {
  if (value === undefined) return setting(fallback, `require_ssl not reported in ${where} (default ${String(fallback)})`);
  const b = truthy(value);
  return b === undefined ? setting(unknown("error", `require_ssl of ${where} should be true or false`), `require_ssl of ${where} not recognized`) : setting(b, `require_ssl=${String(b)} in ${where}`);
}

function loggingOf(s: LoggingStatus): Setting<boolean> {
  const on = s.LoggingEnabled === true;
  return setting(on, `LoggingEnabled=${String(on)}${on && s.LogDestinationType ? ` to ${s.LogDestinationType}` : ""}`);
}

/** `require_ssl` of the cluster's parameter group, and its audit logging status. */
export function redshiftClusterHygiene(
  c: RedshiftCluster,
  loggingStatus: Fetched<LoggingStatus> | undefined,
  requireSsl: Readonly<Record<string, Fetched<string | undefined>>> | undefined,
): StoreHygiene {
  const id = c.ClusterIdentifier ?? "";
  const group = c.ClusterParameterGroups?.[0]?.ParameterGroupName;
  const ssl = group === undefined ? undefined : requireSsl?.[group];
  const where = `parameter group ${group ?? ""}`;
  const transitRequired: Setting<boolean> =
    group === undefined
      ? setting(unknown("error", `cluster ${id} reported no parameter group`), "ClusterParameterGroups not reported")
      : ssl === undefined
        ? setting(unknown("not-fetched", `the parameters of ${where} were not read`), `${where} not read`)
        : ssl.ok
          ? requireSslSetting(ssl.value, where, false)
          : setting(unknownOf(ssl.failure), `${where} not read`);
  const auditLog: Setting<boolean> =
    loggingStatus === undefined
      ? setting(unknown("not-fetched", `the logging status of cluster ${id} was not read`), "logging status not read")
      : loggingStatus.ok
        ? loggingOf(loggingStatus.value)
        : setting(unknownOf(loggingStatus.failure), "logging status not read");
  return { transitRequired, auditLog, ...retentionBackups(c.AutomatedSnapshotRetentionPeriod, "AutomatedSnapshotRetentionPeriod", 1) };
}

/** A namespace requires TLS when each of its workgroups keeps `require_ssl` (default true). */
export function namespaceTransit(workgroups: readonly Workgroup[]): StoreHygiene {
  const settings = workgroups.map((w) => {
    const value = w.configParameters?.find((p) => p.parameterKey === "require_ssl")?.parameterValue;
    return requireSslSetting(value, `workgroup ${w.workgroupName ?? ""}`, true);
  });
  if (settings.length === 0) return {};
  const decisive = settings.find((s) => s.value === false) ?? settings.find((s) => isUnknown(s.value));
  return { transitRequired: decisive ?? setting(true, settings.map((s) => s.observed).join("; ")) };
}

const BACKUP_ON: Readonly<Record<string, boolean>> = { ENABLED: true, ENABLING: true, DISABLED: false, DISABLING: false };

/** The file system's backup policy: none (PolicyNotFound) means automatic backups off. */
export function efsBackups(status: Fetched<string | undefined> | undefined): StoreHygiene {
  if (status === undefined) return { backups: setting(unknown("not-fetched", "the backup policy was not read"), "backup policy not read") };
  if (!status.ok) return { backups: setting(unknownOf(status.failure), "backup policy not read") };
  const s = status.value;
  if (s === undefined) return { backups: setting(false, "no backup policy (PolicyNotFound): automatic backups off") };
  const on = BACKUP_ON[s];
  return { backups: on === undefined ? setting(unknown("error", "backup policy status not recognized"), "backup policy status not recognized") : setting(on, `backup policy status ${s}`) };
}
