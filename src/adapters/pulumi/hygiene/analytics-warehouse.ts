import { isUnknown, unknown } from "../../../core/value";
import type { DataStore } from "../../../models/data-store";
import type { Setting, StoreHygiene } from "../../../models/hygiene";
import type { EngineResource } from "../engine-resource";
import { Props } from "../props";
import { blockAt } from "../stores/shared";
import { boolSetting, retentionBackups, setting, shown, StoreJoin } from "./analytics-settings";

/** Hygiene of Redshift clusters and Serverless namespaces and of EFS file systems, joined to the resources that hold their settings. */

export const REDSHIFT_CLUSTER = "aws:redshift/cluster:Cluster";
export const REDSHIFT_PARAMETER_GROUP = "aws:redshift/parameterGroup:ParameterGroup";
export const REDSHIFT_LOGGING = "aws:redshift/logging:Logging";
export const REDSHIFT_NAMESPACE = "aws:redshiftserverless/namespace:Namespace";
export const REDSHIFT_WORKGROUP = "aws:redshiftserverless/workgroup:Workgroup";
export const EFS_FILE_SYSTEM = "aws:efs/fileSystem:FileSystem";
export const EFS_BACKUP_POLICY = "aws:efs/backupPolicy:BackupPolicy";

/**
 * `require_ssl` of each parameter group family's defaults: the redshift-2.0 family (the default
 * group of clusters created since January 2025) requires SSL; redshift-1.0 does not.
 */
const FAMILY_REQUIRES_SSL: Readonly<Record<string, boolean>> = { "redshift-1.0": false, "redshift-2.0": true };

const truthy = (v: string): boolean | undefined => ({ true: true, "1": true, on: true, false: false, "0": false, off: false })[v.trim().toLowerCase()];

/** A `[{name|parameterKey, value|parameterValue}]` list's `require_ssl`, else `unset()`. */
function requireSslIn(p: Props, list: string, keyField: string, valueField: string, where: string, unset: () => Setting<boolean>): Setting<boolean> {
  const n = p.count(list);
  if (isUnknown(n)) return setting(n, `${list} of ${where} computed during the update`);
  for (let i = 0; i < n; i++) {
    const at = p.itemPath(list, i);
    const key = p.str(`${at}.${keyField}`);
    if (isUnknown(key)) return setting(key, `a parameter name of ${where} computed during the update`);
    if (key !== "require_ssl") continue;
    const v = p.str(`${at}.${valueField}`);
    if (isUnknown(v)) return setting(v, `require_ssl of ${where} computed during the update`);
    const b = v === undefined ? undefined : truthy(v);
    if (b === undefined) return setting(unknown("error", `require_ssl of ${where} should be true or false`), `require_ssl of ${where} not recognized`);
    return setting(b, `require_ssl=${String(b)} in ${where}`);
  }
  return unset();
}

function parameterGroupRequiresSsl(group: EngineResource): Setting<boolean> {
  const p = new Props(group);
  const where = `parameter group ${group.name}`;
  return requireSslIn(p, "parameters", "name", "value", where, () => {
    const family = p.str("family");
    if (isUnknown(family)) return setting(family, `family of ${where} computed during the update`);
    const b = family === undefined ? undefined : FAMILY_REQUIRES_SSL[family];
    if (b === undefined) return setting(unknown("not-fetched", `the default require_ssl of the ${where}'s family is not known`), `require_ssl not set in ${where}`);
    return setting(b, `require_ssl not set in ${where} (family ${family} default: ${String(b)})`);
  });
}

/** Clients must use SSL when the cluster's parameter group sets `require_ssl`. */
function clusterTransit(p: Props, join: StoreJoin): Setting<boolean> {
  const group = join.resource(p, "clusterParameterGroupName", REDSHIFT_PARAMETER_GROUP, "name");
  if (isUnknown(group)) return setting(group, "clusterParameterGroupName computed during the update");
  if (group) return parameterGroupRequiresSsl(group);
  const name = p.str("clusterParameterGroupName");
  if (isUnknown(name)) return setting(name, "clusterParameterGroupName computed during the update");
  if (name === undefined || name === "") {
    return setting(true, "clusterParameterGroupName not set: default parameter group default.redshift-2.0 (require_ssl=true for clusters created since January 2025)");
  }
  const family = /^default\.(redshift-\d\.\d)$/.exec(name)?.[1];
  const b = family === undefined ? undefined : FAMILY_REQUIRES_SSL[family];
  if (b !== undefined) return setting(b, `default parameter group ${name} (require_ssl=${String(b)})`);
  return setting(unknown("not-fetched", `parameter group ${shown(name)} is not declared in the stack`), `clusterParameterGroupName=${shown(name)}`);
}

/** v6 inline `logging.enable`, or an `aws:redshift/logging:Logging` naming the cluster (v6, v7). */
function clusterAuditLog(p: Props, store: DataStore, join: StoreJoin): Setting<boolean> {
  const logging = join.namedBy(REDSHIFT_LOGGING, "clusterIdentifier", store)[0];
  if (logging) {
    const destination = new Props(logging).str("logDestinationType");
    return setting(true, `audit logging by ${logging.name}${typeof destination === "string" ? ` to ${shown(destination)}` : ""}`);
  }
  const inline = blockAt(p, "logging");
  if (isUnknown(inline)) return setting(inline, "logging computed during the update");
  if (inline !== undefined) return boolSetting(p, `${inline}.enable`, false);
  return setting(false, "no audit logging: neither logging.enable nor an aws:redshift/logging:Logging for the cluster");
}

export function redshiftClusterHygiene(p: Props, store: DataStore, join: StoreJoin): StoreHygiene {
  return {
    transitRequired: clusterTransit(p, join),
    auditLog: clusterAuditLog(p, store, join),
    ...retentionBackups(p, "automatedSnapshotRetentionPeriod", 1),
  };
}

/** A namespace is reached through its workgroups: TLS is required when every one keeps `require_ssl` (default true). */
export function redshiftNamespaceHygiene(store: DataStore, join: StoreJoin): StoreHygiene {
  const settings = join.namedBy(REDSHIFT_WORKGROUP, "namespaceName", store).map((w) =>
    requireSslIn(new Props(w), "configParameters", "parameterKey", "parameterValue", `workgroup ${w.name}`, () =>
      setting(true, `require_ssl not set in workgroup ${w.name} (default true)`),
    ),
  );
  if (settings.length === 0) return {};
  const decisive = settings.find((s) => s.value === false) ?? settings.find((s) => isUnknown(s.value));
  return { transitRequired: decisive ?? setting(true, settings.map((s) => s.observed).join("; ")) };
}

const BACKUP_ON: Readonly<Record<string, boolean>> = { ENABLED: true, ENABLING: true, DISABLED: false, DISABLING: false };

/** Automatic backups follow the file system's `aws:efs/backupPolicy:BackupPolicy`; without one they are off. */
export function efsHygiene(store: DataStore, join: StoreJoin): StoreHygiene {
  const policy = join.namedBy(EFS_BACKUP_POLICY, "fileSystemId", store)[0];
  if (!policy) return { backups: setting(false, "no aws:efs/backupPolicy:BackupPolicy for the file system: automatic backups off (AWS default through the API)") };
  const p = new Props(policy);
  const block = blockAt(p, "backupPolicy");
  if (isUnknown(block)) return { backups: setting(block, `backupPolicy of ${policy.name} computed during the update`) };
  const status = block === undefined ? undefined : p.str(`${block}.status`);
  if (isUnknown(status)) return { backups: setting(status, `backupPolicy.status of ${policy.name} computed during the update`) };
  const on = status === undefined ? undefined : BACKUP_ON[status];
  if (on === undefined) return { backups: setting(unknown("error", `backupPolicy.status of ${policy.name} should be ENABLED or DISABLED`), `backup policy ${policy.name}`) };
  return { backups: setting(on, `backup policy ${policy.name}: status ${status ?? ""}`) };
}
