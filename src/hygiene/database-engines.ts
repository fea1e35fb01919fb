import { isUnknown, unknown, type Val } from "../core/value";
import type { Setting, StoreHygiene } from "../models/hygiene";

/**
 * What AWS's database engines do by default for transit encryption, audit logs, backups and
 * deletion protection: provider-neutral (no Pulumi or SDK shapes), shared by the Pulumi front and
 * the scanner's RDS adapter so both read a database the same way.
 */

export type DbEngine = "postgres" | "aurora-postgresql" | "mysql" | "mariadb" | "aurora-mysql" | "sqlserver" | "oracle" | "docdb" | "neptune" | "other";

/** The engine family of an RDS `engine` value ("sqlserver-se", "oracle-ee-cdb", "aurora" = Aurora MySQL 5.6). */
export function engineOf(engine: string): DbEngine {
  const e = engine.toLowerCase();
  if (e === "aurora" || e === "aurora-mysql") return "aurora-mysql";
  if (e === "aurora-postgresql") return "aurora-postgresql";
  if (e === "postgres" || e === "custom-postgres") return "postgres";
  if (e === "mysql") return "mysql";
  if (e === "mariadb") return "mariadb";
  if (e.startsWith("sqlserver") || e.startsWith("custom-sqlserver")) return "sqlserver";
  if (e.startsWith("oracle") || e.startsWith("custom-oracle")) return "oracle";
  if (e === "docdb") return "docdb";
  if (e === "neptune") return "neptune";
  return "other";
}

/** The major version of "15.4", "9.6.22", "8.0.mysql_aurora.3.04.0", or of a parameter group family ("postgres15"). */
export function majorOf(versionOrFamily: string): number | undefined {
  const m = /(\d+)/.exec(versionOrFamily);
  return m ? Number(m[1]) : undefined;
}

/** The parameter that makes the server refuse plain connections, and its engine default. */
interface TlsParameter {
  readonly name: string;
  readonly isOn: (value: string) => boolean;
  /** Default for a major version; `undefined` major = the engine version AWS picks today. */
  readonly defaultOn: (major: number | undefined) => boolean;
  readonly defaultText: (major: number | undefined) => string;
}

const ONE = (v: string) => v.trim() === "1";
const ON = (v: string) => ["1", "on", "true"].includes(v.trim().toLowerCase());

const forceSsl = (engineLabel: string): TlsParameter => ({
  name: "rds.force_ssl",
  isOn: ONE,
  defaultOn: () => false,
  defaultText: () => `default 0 for ${engineLabel}`,
});
const secureTransport = (engineLabel: string): TlsParameter => ({
  name: "require_secure_transport",
  isOn: ON,
  defaultOn: () => false,
  defaultText: () => `default OFF for ${engineLabel}`,
});

/** RDS for PostgreSQL: rds.force_ssl defaults to 1 from major version 15, 0 before. */
const POSTGRES_TLS: TlsParameter = {
  name: "rds.force_ssl",
  isOn: ONE,
  defaultOn: (major) => major === undefined || major >= 15,
  defaultText: (major) =>
    major === undefined
      ? "engine version not set: AWS's default PostgreSQL version (15 or later) defaults it to 1"
      : `default ${major >= 15 ? 1 : 0} for PostgreSQL ${major}`,
};

/** DocumentDB's `tls` parameter: enabled by default; "disabled" accepts plain connections. */
const DOCDB_TLS: TlsParameter = {
  name: "tls",
  isOn: (v) => v.trim().toLowerCase() !== "disabled",
  defaultOn: () => true,
  defaultText: () => "default enabled for DocumentDB",
};

const TLS_PARAMETERS: Partial<Record<DbEngine, TlsParameter>> = {
  postgres: POSTGRES_TLS,
  "aurora-postgresql": forceSsl("Aurora PostgreSQL"),
  sqlserver: forceSsl("SQL Server"),
  mysql: secureTransport("MySQL"),
  mariadb: secureTransport("MariaDB"),
  "aurora-mysql": secureTransport("Aurora MySQL"),
  docdb: DOCDB_TLS,
};

/** The TLS parameter a store's parameter group must set, when its engine has one. */
export const tlsParameterOf = (engine: DbEngine): string | undefined => TLS_PARAMETERS[engine]?.name;

/**
 * One parameter as a database's parameter group has it: set in a custom group, or left to the engine
 * default (the group does not set it, or the database uses AWS's default group).
 */
export type ParameterRead =
  | { readonly source: "set"; readonly value: string; readonly group: string }
  | { readonly source: "default"; readonly group: string; readonly defaultGroup: boolean };
// A default group's `group` is its name ("default.postgres16"), or "" when the database names none.

/** Words a message may quote: switch values and log type names; anything else is not printed. */
const PRINTABLE = new Set(
  ["0", "1", "on", "off", "true", "false", "enabled", "disabled", "tls1.2+", "tls1.3+", "fips-140-3"].concat(
    ["audit", "error", "general", "slowquery", "postgresql", "upgrade", "alert", "listener", "trace", "oemagent", "agent", "profiler", "iam-db-auth-error", "instance"],
  ),
);
const shown = (value: string): string => (PRINTABLE.has(value.trim().toLowerCase()) ? value.trim() : "an unexpected value");
/** Engine names are AWS's identifiers ("sqlserver-ee", "db2-se"); anything longer or odd is not printed. */
const engineShown = (engine: string): string => (/^[a-z0-9-]{1,32}$/.test(engine) ? engine : "(unrecognised)");

/**
 * Whether clients must use TLS. `major` is the engine's major version (from the group's family or the
 * engine version); Unknown when it decides the default and is not known yet.
 */
export function transitRequiredOf(engine: DbEngine, engineName: string, major: Val<number | undefined>, read: Val<ParameterRead>): Setting<boolean> {
  if (engine === "neptune") return { value: true, observed: "Neptune accepts only HTTPS/TLS connections (mandatory since engine 1.0.4.0)" };
  if (engine === "oracle") {
    return {
      value: unknown("not-fetched", "RDS for Oracle serves TLS through the SSL option of its option group, which adds a TLS port but keeps the plain listener open; option groups are not read"),
      observed: "Oracle: TLS depends on the option group's SSL option (not read)",
    };
  }
  const tls = TLS_PARAMETERS[engine];
  if (!tls) {
    return { value: unknown("not-fetched", `engine '${engineShown(engineName)}' has no TLS parameter this tool knows`), observed: `engine '${engineShown(engineName)}' not assessed for TLS` };
  }
  if (isUnknown(read)) return { value: read, observed: `${tls.name} unknown` };
  if (read.source === "set") {
    return { value: tls.isOn(read.value), observed: `${tls.name}=${shown(read.value)} in parameter group '${read.group}'` };
  }
  const where = !read.defaultGroup
    ? `not set in parameter group '${read.group}'`
    : read.group
      ? `from the default parameter group '${read.group}'`
      : "from the default parameter group";
  if (isUnknown(major)) return { value: major, observed: `${tls.name} ${where}; its default depends on the engine version, unknown` };
  return { value: tls.defaultOn(major), observed: `${tls.name} ${where} (${tls.defaultText(major)})` };
}

/** A cluster parameter that turns the engine's audit records on (off by default): without it the exported log is empty. */
interface AuditParameter {
  readonly name: string;
  readonly isOn: (value: string) => boolean;
  readonly defaultText: string;
}

/** The CloudWatch Logs export that carries an engine's data-access audit records, and what else it needs. */
const AUDIT_EXPORTS: Partial<Record<DbEngine, { readonly log: string; readonly note?: string; readonly parameter?: AuditParameter }>> = {
  mysql: { log: "audit", note: "records also need the MARIADB_AUDIT_PLUGIN option of the option group, not read" },
  mariadb: { log: "audit", note: "records also need the MARIADB_AUDIT_PLUGIN option of the option group, not read" },
  "aurora-mysql": { log: "audit", parameter: { name: "server_audit_logging", isOn: ON, defaultText: "default OFF" } },
  postgres: { log: "postgresql", note: "audit records need pgaudit in shared_preload_libraries" },
  "aurora-postgresql": { log: "postgresql", note: "audit records need pgaudit in shared_preload_libraries" },
  oracle: { log: "audit", note: "Oracle's unified audit trail" },
  docdb: { log: "audit", parameter: { name: "audit_logs", isOn: (v) => !["disabled", "none"].includes(v.trim().toLowerCase()), defaultText: "default disabled" } },
  neptune: { log: "audit", parameter: { name: "neptune_enable_audit_log", isOn: ONE, defaultText: "default 0" } },
};

/** The cluster parameter an engine's audit records need, when one does (read from the same group as TLS). */
export const auditParameterOf = (engine: DbEngine): string | undefined => AUDIT_EXPORTS[engine]?.parameter?.name;

/** How the audit parameter is set, for messages, and whether it is on. */
function auditSwitch(p: AuditParameter, read: Val<ParameterRead>): { readonly on: Val<boolean>; readonly text: string } {
  if (isUnknown(read)) return { on: read, text: `${p.name} unknown` };
  if (read.source === "set") return { on: p.isOn(read.value), text: `${p.name}=${shown(read.value)} in parameter group '${read.group}'` };
  return { on: false, text: `${p.name} ${read.group ? `not set in parameter group '${read.group}'` : "not set (default parameter group)"} (${p.defaultText})` };
}

/**
 * Whether the engine's audit records are exported to CloudWatch Logs (`property` names the exports
 * setting). Aurora MySQL, DocumentDB and Neptune also need their audit parameter on (`auditRead`):
 * an exported audit log they never write is no audit.
 */
export function auditLogOf(
  engine: DbEngine,
  engineName: string,
  exports: Val<readonly string[] | undefined>,
  property: string,
  auditRead: Val<ParameterRead> = unknown("not-fetched", "the audit parameter was not read"),
): Setting<boolean> {
  if (engine === "sqlserver") {
    return {
      value: unknown("not-fetched", "SQL Server exports only its agent and error logs; its audit (SQLSERVER_AUDIT option) writes to S3 through the option group, which is not read"),
      observed: "SQL Server: audit is an option group setting (not read); the agent and error logs are not audit logs",
    };
  }
  const audit = AUDIT_EXPORTS[engine];
  if (!audit) return { value: unknown("not-fetched", `engine '${engineShown(engineName)}' has no audit log this tool knows`), observed: `engine '${engineShown(engineName)}' not assessed for audit logs` };
  if (isUnknown(exports)) return { value: exports, observed: `${property} unknown` };
  const list = exports ?? [];
  const exported = list.includes(audit.log);
  const listed = `${property}: ${exports === undefined ? "not set" : list.length === 0 ? "none" : list.map(shown).join(", ")} (${exported ? "exports" : "does not export"} '${audit.log}')`;
  const note = audit.note ? `; ${audit.note}` : "";
  if (!exported || !audit.parameter) return { value: exported, observed: `${listed}${note}` };
  const sw = auditSwitch(audit.parameter, auditRead);
  return { value: sw.on, observed: `${listed}; ${sw.text}` };
}

/** Automated backups from a retention period in days (0 = off); `unset` is the default AWS applies when it is not set. */
export function backupsOf(days: Val<number | undefined>, property: string, unset: { readonly days: number; readonly why: string }): Pick<StoreHygiene, "backups" | "backupRetentionDays"> {
  if (isUnknown(days)) return { backups: { value: days, observed: `${property} unknown` }, backupRetentionDays: { value: days, observed: `${property} unknown` } };
  const value = days ?? unset.days;
  const observed = days === undefined ? `${property} not set (${unset.why}: ${unset.days} day${unset.days === 1 ? "" : "s"})` : `${property}=${days}`;
  return { backups: { value: value > 0, observed }, backupRetentionDays: { value, observed } };
}

export function deletionProtectionOf(on: Val<boolean | undefined>, property: string): Setting<boolean> {
  if (isUnknown(on)) return { value: on, observed: `${property} unknown` };
  return { value: on === true, observed: on === undefined ? `${property} not set (default false)` : `${property}=${on}` };
}

/** Default backup retention when the setting is left unset: AWS's API default of 1 day (0 for a read replica instance). */
export const DEFAULT_BACKUP_DAYS = { days: 1, why: "AWS default" } as const;
export const REPLICA_BACKUP_DAYS = { days: 0, why: "AWS default for a read replica" } as const;
