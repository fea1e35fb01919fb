import {
  CreateDBClusterCommand,
  CreateDBClusterParameterGroupCommand,
  CreateDBInstanceCommand,
  type CreateDBClusterCommandInput,
  type CreateDBInstanceCommandInput,
  CreateDBParameterGroupCommand,
  ModifyDBClusterParameterGroupCommand,
  ModifyDBParameterGroupCommand,
  RDSClient,
} from "@aws-sdk/client-rds";
import { seedConfig } from "../support/aws-context";

/**
 * Databases whose hygiene the scanner reads, one compliant (`hyg-ok-`) and one not (`hyg-bad-`) per
 * setting: TLS required by the (cluster) parameter group, audit log exported, automated backups and
 * deletion protection. moto has no DocumentDB engine on the RDS API; DocumentDB is covered by
 * recorded answers (test/fetchers/aws/rds-hygiene.test.ts).
 */
export const HYGIENE_DATABASES = {
  /** PostgreSQL 14, group sets rds.force_ssl=1, exports postgresql, 7-day backups, deletion protection. */
  okPostgres: "hyg-ok-postgres",
  /** PostgreSQL 16, group sets rds.force_ssl=0, exports nothing, backups off, no deletion protection. */
  badPostgres: "hyg-bad-postgres",
  /** MySQL, group sets require_secure_transport=ON, exports audit. */
  okMysql: "hyg-ok-mysql",
  /** MySQL on its default group (require_secure_transport OFF), exports only the error log. */
  badMysql: "hyg-bad-mysql",
  /** Aurora MySQL, cluster group sets require_secure_transport=ON and server_audit_logging=1, exports audit, 7-day backups, deletion protection. */
  okAurora: "hyg-ok-aurora",
  /** Aurora PostgreSQL, cluster group sets rds.force_ssl=0, exports nothing, no deletion protection. */
  badAurora: "hyg-bad-aurora",
  /** Neptune (TLS mandatory), cluster group sets neptune_enable_audit_log=1, exports audit, deletion protection. */
  okNeptune: "hyg-ok-neptune",
  /** Neptune exporting audit on its default group (neptune_enable_audit_log 0: nothing is written), no deletion protection. */
  badNeptune: "hyg-bad-neptune",
} as const;

export const HYGIENE_PARAMETER_GROUPS = {
  okPostgres: "hyg-ok-pg-force-ssl",
  badPostgres: "hyg-bad-pg-no-ssl",
  okMysql: "hyg-ok-mysql-secure-transport",
  okAurora: "hyg-ok-aurora-mysql-secure-transport",
  badAurora: "hyg-bad-aurora-pg-no-ssl",
  okNeptune: "hyg-ok-neptune-audit",
} as const;

const RESTRICTED = [{ Key: "data-classification", Value: "restricted" }];
const CONFIDENTIAL = [{ Key: "data-classification", Value: "confidential" }];
const LOGIN = { MasterUsername: "admin", MasterUserPassword: "not-a-secret-1" };
const INSTANCE = { ...LOGIN, DBInstanceClass: "db.t3.micro", AllocatedStorage: 20, StorageEncrypted: true };

export async function seedHygieneDatabases(endpoint: string, region: string): Promise<void> {
  const rds = new RDSClient(seedConfig(endpoint, region));
  const G = HYGIENE_PARAMETER_GROUPS;
  const D = HYGIENE_DATABASES;
  const group = async (name: string, family: string, parameter: string, value: string) => {
    await rds.send(new CreateDBParameterGroupCommand({ DBParameterGroupName: name, DBParameterGroupFamily: family, Description: name }));
    await rds.send(new ModifyDBParameterGroupCommand({ DBParameterGroupName: name, Parameters: [{ ParameterName: parameter, ParameterValue: value, ApplyMethod: "pending-reboot" }] }));
  };
  const clusterGroup = async (name: string, family: string, parameters: Record<string, string>) => {
    await rds.send(new CreateDBClusterParameterGroupCommand({ DBClusterParameterGroupName: name, DBParameterGroupFamily: family, Description: name }));
    const list = Object.entries(parameters).map(([ParameterName, ParameterValue]) => ({ ParameterName, ParameterValue, ApplyMethod: "pending-reboot" as const }));
    await rds.send(new ModifyDBClusterParameterGroupCommand({ DBClusterParameterGroupName: name, Parameters: list }));
  };
  await group(G.okPostgres, "postgres14", "rds.force_ssl", "1");
  await group(G.badPostgres, "postgres16", "rds.force_ssl", "0");
  await group(G.okMysql, "mysql8.0", "require_secure_transport", "ON");
  await clusterGroup(G.okAurora, "aurora-mysql8.0", { require_secure_transport: "ON", server_audit_logging: "1" });
  await clusterGroup(G.badAurora, "aurora-postgresql16", { "rds.force_ssl": "0" });
  await clusterGroup(G.okNeptune, "neptune1.3", { neptune_enable_audit_log: "1" });

  const instance = (id: string, extra: Omit<CreateDBInstanceCommandInput, "DBInstanceIdentifier" | "DBInstanceClass">) => rds.send(new CreateDBInstanceCommand({ ...INSTANCE, DBInstanceIdentifier: id, ...extra }));
  await instance(D.okPostgres, {
    Engine: "postgres",
    EngineVersion: "14.9",
    DBParameterGroupName: G.okPostgres,
    EnableCloudwatchLogsExports: ["postgresql"],
    BackupRetentionPeriod: 7,
    DeletionProtection: true,
    Tags: RESTRICTED,
  });
  await instance(D.badPostgres, { Engine: "postgres", EngineVersion: "16.3", DBParameterGroupName: G.badPostgres, BackupRetentionPeriod: 0, DeletionProtection: false, Tags: CONFIDENTIAL });
  await instance(D.okMysql, { Engine: "mysql", EngineVersion: "8.0.35", DBParameterGroupName: G.okMysql, EnableCloudwatchLogsExports: ["audit", "error"], Tags: RESTRICTED });
  await instance(D.badMysql, { Engine: "mysql", EngineVersion: "8.0.35", EnableCloudwatchLogsExports: ["error"], Tags: CONFIDENTIAL });

  const cluster = (id: string, extra: Omit<CreateDBClusterCommandInput, "DBClusterIdentifier">) => rds.send(new CreateDBClusterCommand({ ...LOGIN, DBClusterIdentifier: id, StorageEncrypted: true, ...extra }));
  await cluster(D.okAurora, {
    Engine: "aurora-mysql",
    EngineVersion: "8.0.mysql_aurora.3.05.2",
    DBClusterParameterGroupName: G.okAurora,
    EnableCloudwatchLogsExports: ["audit"],
    BackupRetentionPeriod: 7,
    DeletionProtection: true,
    Tags: RESTRICTED,
  });
  await cluster(D.badAurora, { Engine: "aurora-postgresql", EngineVersion: "16.2", DBClusterParameterGroupName: G.badAurora, DeletionProtection: false, Tags: CONFIDENTIAL });
  await cluster(D.okNeptune, { Engine: "neptune", DBClusterParameterGroupName: G.okNeptune, EnableCloudwatchLogsExports: ["audit"], DeletionProtection: true, Tags: RESTRICTED });
  await cluster(D.badNeptune, { Engine: "neptune", EnableCloudwatchLogsExports: ["audit"], Tags: CONFIDENTIAL });
}
