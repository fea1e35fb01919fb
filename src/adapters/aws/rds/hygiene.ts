import type { DBCluster, DBInstance, Parameter } from "@aws-sdk/client-rds";
import { unknown, type Val } from "../../../core/value";
import type { StoreHygiene } from "../../../models/hygiene";
import type { Fetched } from "../../../fetchers/aws/fetched";
import type { RdsUserParameters } from "../../../fetchers/aws/rds-parameters";
import {
  auditLogOf,
  auditParameterOf,
  backupsOf,
  DEFAULT_BACKUP_DAYS,
  deletionProtectionOf,
  engineOf,
  majorOf,
  tlsParameterOf,
  transitRequiredOf,
  type ParameterRead,
} from "../../../hygiene/database-engines";
import { unknownOf } from "../fetched";

/**
 * Hygiene of the databases the RDS API describes, read as the Pulumi front reads them (the engine
 * facts are shared): TLS from the user-set parameters of the (cluster) parameter group, audit log
 * exports (and the audit parameter where the engine has one), automated backups, deletion protection. AWS reports every value, so none is a default.
 */

/** How a group sets one parameter: AWS's default group holds engine defaults; a custom one only what users set. */
function parameterRead(group: string | undefined, groups: ReadonlyMap<string, Fetched<Parameter[]>> | undefined, parameter: string): Val<ParameterRead> {
  if (group === undefined || group === "" || group.startsWith("default.")) return { source: "default", group: group ?? "", defaultGroup: true };
  const answer = groups?.get(group);
  if (answer === undefined) return unknown("not-fetched", `the parameters of parameter group '${group}' were not read`);
  if (!answer.ok) return unknownOf(answer.failure);
  const set = answer.value.find((p) => p.ParameterName?.toLowerCase() === parameter && p.ParameterValue !== undefined);
  return set?.ParameterValue !== undefined ? { source: "set", value: set.ParameterValue, group } : { source: "default", group, defaultGroup: false };
}

interface DatabaseFacts {
  readonly engine: string | undefined;
  readonly engineVersion: string | undefined;
  readonly group: string | undefined;
  readonly groups: ReadonlyMap<string, Fetched<Parameter[]>> | undefined;
  readonly exports: readonly string[] | undefined;
  readonly backupRetentionPeriod: number | undefined;
  readonly deletionProtection: boolean | undefined;
}

function hygieneOf(d: DatabaseFacts): StoreHygiene {
  const engineName = d.engine ?? "";
  const engine = engineOf(engineName);
  const parameter = tlsParameterOf(engine);
  const read = parameter ? parameterRead(d.group, d.groups, parameter) : unknown("not-fetched", "no TLS parameter");
  const audit = auditParameterOf(engine);
  const major = d.engineVersion === undefined ? undefined : majorOf(d.engineVersion);
  return {
    transitRequired: transitRequiredOf(engine, engineName, major, read),
    // The API omits the list when nothing is exported.
    auditLog: auditLogOf(engine, engineName, d.exports ?? [], "EnabledCloudwatchLogsExports", audit ? parameterRead(d.group, d.groups, audit) : undefined),
    ...backupsOf(d.backupRetentionPeriod, "BackupRetentionPeriod", DEFAULT_BACKUP_DAYS),
    deletionProtection: deletionProtectionOf(d.deletionProtection, "DeletionProtection"),
  };
}

/** An RDS instance outside a cluster (the store the scanner builds for it). */
export const instanceHygiene = (i: DBInstance, parameters: RdsUserParameters | undefined): StoreHygiene =>
  hygieneOf({
    engine: i.Engine,
    engineVersion: i.EngineVersion,
    group: i.DBParameterGroups?.[0]?.DBParameterGroupName,
    groups: parameters?.instanceGroups,
    exports: i.EnabledCloudwatchLogsExports,
    backupRetentionPeriod: i.BackupRetentionPeriod,
    deletionProtection: i.DeletionProtection,
  });

/** An Aurora, Multi-AZ, DocumentDB or Neptune cluster: its cluster parameter group decides TLS. */
export const clusterHygiene = (c: DBCluster, parameters: RdsUserParameters | undefined): StoreHygiene =>
  hygieneOf({
    engine: c.Engine,
    engineVersion: c.EngineVersion,
    group: c.DBClusterParameterGroup,
    groups: parameters?.clusterGroups,
    exports: c.EnabledCloudwatchLogsExports,
    backupRetentionPeriod: c.BackupRetentionPeriod,
    deletionProtection: c.DeletionProtection,
  });
