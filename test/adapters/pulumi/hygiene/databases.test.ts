import { describe, expect, it } from "vitest";
import type { EngineResource } from "../../../../src/adapters/pulumi/engine-resource";
import { databaseHygieneAdapter } from "../../../../src/adapters/pulumi/hygiene/databases";
import { buildInventory } from "../../../../src/adapters/pulumi/inventory";
import { isUnknown, type UnknownReason } from "../../../../src/core/value";
import type { Setting, StoreHygiene } from "../../../../src/models/hygiene";
import { engineResource, UNKNOWN, urnOf } from "../../../helpers/engine";

const INSTANCE = "aws:rds/instance:Instance";
const NATIVE_INSTANCE = "aws-native:rds:DbInstance";
const CLUSTER = "aws:rds/cluster:Cluster";
const NATIVE_CLUSTER = "aws-native:rds:DbCluster";
const DOCDB = "aws:docdb/cluster:Cluster";
const NEPTUNE = "aws:neptune/cluster:Cluster";
const GLOBAL = "aws:rds/globalCluster:GlobalCluster";
const PG = "aws:rds/parameterGroup:ParameterGroup";
const NATIVE_PG = "aws-native:rds:DbParameterGroup";
const CPG = "aws:rds/clusterParameterGroup:ClusterParameterGroup";
const DOCDB_CPG = "aws:docdb/clusterParameterGroup:ClusterParameterGroup";
const NEPTUNE_CPG = "aws:neptune/clusterParameterGroup:ClusterParameterGroup";
/** A value that must never reach a message. */
const MARKER = "do-not-print-7f3a";

/** The hygiene of every store, by logical name, as the adapter builds it from the stack's resources. */
function hygieneOf(...resources: EngineResource[]): Map<string, StoreHygiene> {
  const own = resources.filter((r) => databaseHygieneAdapter.types.includes(r.type));
  const stores = buildInventory(resources).stores;
  const names = new Map(stores.map((s) => [s.ref.id, s.ref.name]));
  return new Map((databaseHygieneAdapter.build(own, stores).stores ?? []).map(([id, h]) => [names.get(id) ?? id, h]));
}

const db = (type: string, props: Record<string, unknown>, deps: Record<string, string[]> = {}) => hygieneOf(engineResource(type, "db", props, deps)).get("db")!;

type Expect = boolean | number | { readonly unknown: UnknownReason };
function expectSetting<T>(s: Setting<T> | undefined, x: Expect, observed?: RegExp): void {
  expect(s, "setting missing").toBeDefined();
  if (typeof x === "object") {
    expect(isUnknown(s!.value) && s!.value.reason).toBe(x.unknown);
  } else {
    expect(s!.value).toBe(x);
  }
  if (observed) expect(s!.observed).toMatch(observed);
  expect(s!.observed).not.toContain(MARKER);
  if (isUnknown(s!.value)) expect(s!.value.detail).not.toContain(MARKER);
}

const params = (entries: Record<string, unknown>) => Object.entries(entries).map(([name, value]) => ({ name, value, applyMethod: "pending-reboot" }));

describe("database hygiene (Pulumi)", () => {
  describe("transitRequired by engine and parameter group", () => {
    const cases: { name: string; resources: EngineResource[]; expect: Expect; observed?: RegExp }[] = [
      { name: "PostgreSQL 16 on the default group: force_ssl defaults to 1", resources: [engineResource(INSTANCE, "db", { engine: "postgres", engineVersion: "16.3" })], expect: true, observed: /default 1 for PostgreSQL 16/ },
      { name: "PostgreSQL 14 on the default group: defaults to 0", resources: [engineResource(INSTANCE, "db", { engine: "postgres", engineVersion: "14.9" })], expect: false, observed: /default 0 for PostgreSQL 14/ },
      { name: "PostgreSQL without a version: AWS's default version (15+)", resources: [engineResource(INSTANCE, "db", { engine: "postgres" })], expect: true, observed: /engine version not set/ },
      { name: "PostgreSQL version unknown on the default group", resources: [engineResource(INSTANCE, "db", { engine: "postgres", engineVersion: UNKNOWN }, { engineVersion: [urnOf("x:y:Z", "v")] })], expect: { unknown: "preview" } },
      {
        name: "PostgreSQL 14 with rds.force_ssl=1 in its group (joined by name)",
        resources: [engineResource(PG, "pg", { name: "tls-pg", family: "postgres14", parameters: params({ "rds.force_ssl": "1" }) }), engineResource(INSTANCE, "db", { engine: "postgres", engineVersion: "14.9", parameterGroupName: "tls-pg" })],
        expect: true,
        observed: /rds\.force_ssl=1 in parameter group 'tls-pg'/,
      },
      {
        name: "PostgreSQL 16 with rds.force_ssl=0 in its group",
        resources: [engineResource(PG, "pg", { name: "plain-pg", family: "postgres16", parameters: params({ "rds.force_ssl": "0" }) }), engineResource(INSTANCE, "db", { engine: "postgres", engineVersion: "16.3", parameterGroupName: "plain-pg" })],
        expect: false,
        observed: /rds\.force_ssl=0/,
      },
      {
        name: "a custom group that leaves force_ssl: the group family's default (postgres14 -> 0)",
        resources: [engineResource(PG, "pg", { name: "other", family: "postgres14", parameters: params({ work_mem: "4096" }) }), engineResource(INSTANCE, "db", { engine: "postgres", parameterGroupName: "other" })],
        expect: false,
        observed: /not set in parameter group 'other' \(default 0 for PostgreSQL 14\)/,
      },
      { name: "MySQL on the default group: require_secure_transport OFF", resources: [engineResource(INSTANCE, "db", { engine: "mysql", engineVersion: "8.0.35" })], expect: false, observed: /default OFF for MySQL/ },
      { name: "MySQL naming an AWS default group", resources: [engineResource(INSTANCE, "db", { engine: "mysql", parameterGroupName: "default.mysql8.0" })], expect: false, observed: /default parameter group 'default\.mysql8\.0'/ },
      {
        name: "MariaDB with require_secure_transport=ON",
        resources: [engineResource(PG, "pg", { name: "tls", family: "mariadb10.11", parameters: params({ require_secure_transport: "ON" }) }), engineResource(INSTANCE, "db", { engine: "mariadb", parameterGroupName: "tls" })],
        expect: true,
      },
      {
        name: "SQL Server with rds.force_ssl=1",
        resources: [engineResource(PG, "pg", { name: "tls", family: "sqlserver-se-16.0", parameters: params({ "rds.force_ssl": "1" }) }), engineResource(INSTANCE, "db", { engine: "sqlserver-se", parameterGroupName: "tls" })],
        expect: true,
      },
      { name: "SQL Server on the default group", resources: [engineResource(INSTANCE, "db", { engine: "sqlserver-ex" })], expect: false, observed: /default 0 for SQL Server/ },
      { name: "Oracle: TLS is an option group setting, not read", resources: [engineResource(INSTANCE, "db", { engine: "oracle-ee" })], expect: { unknown: "not-fetched" }, observed: /option group/ },
      { name: "an engine with no known TLS parameter (Db2)", resources: [engineResource(INSTANCE, "db", { engine: "db2-se" })], expect: { unknown: "not-fetched" }, observed: /db2-se/ },
      { name: "engine unknown", resources: [engineResource(INSTANCE, "db", { engine: UNKNOWN }, { engine: [urnOf("x:y:Z", "e")] })], expect: { unknown: "preview" } },
      { name: "a replica that sets no engine", resources: [engineResource(INSTANCE, "db", { replicateSourceDb: "primary" })], expect: { unknown: "not-fetched" } },
      { name: "a replica naming no group uses its source's: not assessed", resources: [engineResource(INSTANCE, "db", { engine: "mysql", replicateSourceDb: "primary" })], expect: { unknown: "not-fetched" } },
      {
        name: "a replica naming its own group is read from it",
        resources: [engineResource(PG, "pg", { name: "tls", parameters: params({ require_secure_transport: "ON" }) }), engineResource(INSTANCE, "db", { engine: "mysql", replicateSourceDb: "primary", parameterGroupName: "tls" })],
        expect: true,
      },
      { name: "a group the stack does not declare", resources: [engineResource(INSTANCE, "db", { engine: "mysql", parameterGroupName: "shared-tls" })], expect: { unknown: "not-fetched" } },
      {
        name: "a parameter value of the wrong shape is never printed",
        resources: [engineResource(PG, "pg", { name: "g", parameters: params({ "rds.force_ssl": MARKER }) }), engineResource(INSTANCE, "db", { engine: "postgres", parameterGroupName: "g" })],
        expect: false,
        observed: /an unexpected value/,
      },
      { name: "Aurora PostgreSQL on the default cluster group: 0", resources: [engineResource(CLUSTER, "db", { engine: "aurora-postgresql", engineVersion: "16.2" })], expect: false, observed: /default 0 for Aurora PostgreSQL/ },
      {
        name: "Aurora MySQL: the cluster parameter group sets require_secure_transport",
        resources: [engineResource(CPG, "cpg", { name: "tls", family: "aurora-mysql8.0", parameters: params({ require_secure_transport: "1" }) }), engineResource(CLUSTER, "db", { engine: "aurora-mysql", dbClusterParameterGroupName: "tls" })],
        expect: true,
      },
      {
        name: "a cluster is not joined to an instance parameter group of the same name",
        resources: [engineResource(PG, "pg", { name: "tls", parameters: params({ require_secure_transport: "1" }) }), engineResource(CLUSTER, "db", { engine: "aurora-mysql", dbClusterParameterGroupName: "tls" })],
        expect: { unknown: "not-fetched" },
      },
      { name: "DocumentDB on its default group: tls enabled", resources: [engineResource(DOCDB, "db", {})], expect: true, observed: /default enabled/ },
      {
        name: "DocumentDB with tls=disabled",
        resources: [engineResource(DOCDB_CPG, "cpg", { name: "plain", family: "docdb5.0", parameters: params({ tls: "disabled" }) }), engineResource(DOCDB, "db", { dbClusterParameterGroupName: "plain" })],
        expect: false,
        observed: /tls=disabled in parameter group 'plain'/,
      },
      {
        name: "DocumentDB with tls1.2+",
        resources: [engineResource(DOCDB_CPG, "cpg", { name: "strict", family: "docdb5.0", parameters: params({ tls: "tls1.2+" }) }), engineResource(DOCDB, "db", { dbClusterParameterGroupName: "strict" })],
        expect: true,
      },
      { name: "Neptune: HTTPS is mandatory", resources: [engineResource(NEPTUNE, "db", {})], expect: true, observed: /mandatory since engine 1\.0\.4\.0/ },
      {
        name: "aws-native parameter group (a JSON map of parameters)",
        resources: [engineResource(NATIVE_PG, "pg", { dbParameterGroupName: "tls", family: "postgres14", parameters: { "rds.force_ssl": 1 } }), engineResource(NATIVE_INSTANCE, "db", { engine: "postgres", dbParameterGroupName: "tls" })],
        expect: true,
      },
      { name: "aws-native cluster on the default group", resources: [engineResource(NATIVE_CLUSTER, "db", { engine: "aurora-postgresql" })], expect: false },
    ];
    it.each(cases)("$name", ({ resources, expect: x, observed }) => {
      expectSetting(hygieneOf(...resources).get("db")?.transitRequired, x, observed);
    });
  });

  describe("a new stack's preview (ids and names unknown, joined by dependency)", () => {
    const group = (parameters: unknown, name: unknown = UNKNOWN) => engineResource(PG, "pg", { name, family: "postgres14", parameters });
    const instance = (g: EngineResource) => engineResource(INSTANCE, "db", { engine: "postgres", engineVersion: "14.9", parameterGroupName: UNKNOWN }, { parameterGroupName: [g.urn] });

    it("a group with rds.force_ssl=1 joined by dependency", () => {
      const g = group(params({ "rds.force_ssl": "1" }));
      expectSetting(hygieneOf(g, instance(g)).get("db")?.transitRequired, true, /rds\.force_ssl=1 in parameter group 'pg'/);
    });

    it("a parameter value computed during the update is not assessed (preview)", () => {
      const g = group(params({ "rds.force_ssl": UNKNOWN }));
      expectSetting(hygieneOf(g, instance(g)).get("db")?.transitRequired, { unknown: "preview" });
    });

    it("the whole parameters list computed (a jsonStringify/apply output) is not assessed", () => {
      const g = group(UNKNOWN);
      expectSetting(hygieneOf(g, instance(g)).get("db")?.transitRequired, { unknown: "preview" });
    });

    it("a group name from another resource, with no group in the stack, stays unknown", () => {
      const r = engineResource(INSTANCE, "db", { engine: "postgres", parameterGroupName: UNKNOWN }, { parameterGroupName: [urnOf("pulumi:pulumi:StackReference", "shared")] });
      expectSetting(hygieneOf(r).get("db")?.transitRequired, { unknown: "preview" });
    });

    it("an Aurora cluster joined to its cluster parameter group by dependency", () => {
      const g = engineResource(CPG, "cpg", { name: UNKNOWN, family: "aurora-postgresql16", parameters: params({ "rds.force_ssl": "1" }) });
      const c = engineResource(CLUSTER, "db", { engine: "aurora-postgresql", dbClusterParameterGroupName: UNKNOWN }, { dbClusterParameterGroupName: [g.urn] });
      expectSetting(hygieneOf(g, c).get("db")?.transitRequired, true);
    });
  });

  describe("an existing stack (planned state, every value known)", () => {
    const planned = (r: EngineResource): EngineResource => ({ ...r, plannedState: true });

    it("joins by dependency and by value alike", () => {
      const g = planned(engineResource(PG, "pg", { name: "tls-pg", family: "postgres14", parameters: params({ "rds.force_ssl": "1" }) }));
      const byDep = planned(engineResource(INSTANCE, "db", { engine: "postgres", parameterGroupName: "tls-pg" }, { parameterGroupName: [g.urn] }));
      const byName = planned(engineResource(INSTANCE, "db2", { engine: "postgres", parameterGroupName: "tls-pg" }));
      const h = hygieneOf(g, byDep, byName);
      expectSetting(h.get("db")?.transitRequired, true);
      expectSetting(h.get("db2")?.transitRequired, true);
    });

    it("a group name the provider computes (left unset) is the default group", () => {
      const r = planned(engineResource(INSTANCE, "db", { engine: "mysql", engineVersion: "8.0.35", parameterGroupName: UNKNOWN, backupRetentionPeriod: UNKNOWN, deletionProtection: false }));
      const h = hygieneOf(r).get("db")!;
      expectSetting(h.transitRequired, false, /from the default parameter group/);
      expectSetting(h.backups, true, /not set \(AWS default: 1 day\)/);
    });
  });

  describe("auditLog", () => {
    const cases: { name: string; type: string; props: Record<string, unknown>; expect: Expect; observed?: RegExp }[] = [
      { name: "MySQL exports audit", type: INSTANCE, props: { engine: "mysql", enabledCloudwatchLogsExports: ["audit", "error"] }, expect: true, observed: /MARIADB_AUDIT_PLUGIN/ },
      { name: "MySQL exports only error", type: INSTANCE, props: { engine: "mysql", enabledCloudwatchLogsExports: ["error"] }, expect: false, observed: /does not export 'audit'/ },
      { name: "nothing exported", type: INSTANCE, props: { engine: "mariadb" }, expect: false, observed: /not set/ },
      { name: "PostgreSQL exports postgresql (pgaudit)", type: INSTANCE, props: { engine: "postgres", enabledCloudwatchLogsExports: ["postgresql"] }, expect: true, observed: /pgaudit/ },
      { name: "PostgreSQL exports only upgrade", type: INSTANCE, props: { engine: "postgres", enabledCloudwatchLogsExports: ["upgrade"] }, expect: false },
      { name: "Oracle exports audit", type: INSTANCE, props: { engine: "oracle-se2", enabledCloudwatchLogsExports: ["audit", "alert"] }, expect: true },
      { name: "SQL Server error/agent logs are not audit: not assessed", type: INSTANCE, props: { engine: "sqlserver-ee", enabledCloudwatchLogsExports: ["error", "agent"] }, expect: { unknown: "not-fetched" }, observed: /SQLSERVER_AUDIT|option group/ },
      { name: "exports computed", type: INSTANCE, props: { engine: "mysql", enabledCloudwatchLogsExports: UNKNOWN }, expect: { unknown: "preview" } },
      { name: "an export name is never printed unless known", type: INSTANCE, props: { engine: "mysql", enabledCloudwatchLogsExports: [MARKER] }, expect: false, observed: /another|unexpected/ },
      { name: "Aurora MySQL exports audit but server_audit_logging is off (default group)", type: CLUSTER, props: { engine: "aurora-mysql", enabledCloudwatchLogsExports: ["audit"] }, expect: false, observed: /server_audit_logging not set .*default OFF/ },
      { name: "aws-native cluster (enableCloudwatchLogsExports)", type: NATIVE_CLUSTER, props: { engine: "aurora-postgresql", enableCloudwatchLogsExports: ["postgresql"] }, expect: true },
      { name: "DocumentDB exports audit but audit_logs is disabled by default", type: DOCDB, props: { enabledCloudwatchLogsExports: ["audit", "profiler"] }, expect: false, observed: /audit_logs .*default disabled/ },
      { name: "DocumentDB exports profiler only", type: DOCDB, props: { enabledCloudwatchLogsExports: ["profiler"] }, expect: false },
      { name: "Neptune exports audit but neptune_enable_audit_log is 0 by default", type: NEPTUNE, props: { enableCloudwatchLogsExports: ["audit"] }, expect: false, observed: /neptune_enable_audit_log .*default 0/ },
      { name: "Neptune exports slowquery only", type: NEPTUNE, props: { enableCloudwatchLogsExports: ["slowquery"] }, expect: false },
    ];
    it.each(cases)("$name", ({ type, props, expect: x, observed }) => expectSetting(db(type, props).auditLog, x, observed));

    const switched: { name: string; resources: EngineResource[]; expect: Expect; observed?: RegExp }[] = [
      {
        name: "Aurora MySQL: audit exported and server_audit_logging=1",
        resources: [engineResource(CPG, "cpg", { name: "audit", parameters: params({ server_audit_logging: "1" }) }), engineResource(CLUSTER, "db", { engine: "aurora-mysql", dbClusterParameterGroupName: "audit", enabledCloudwatchLogsExports: ["audit"] })],
        expect: true,
        observed: /server_audit_logging=1 in parameter group 'audit'/,
      },
      {
        name: "DocumentDB: audit exported and audit_logs=enabled (joined by dependency)",
        resources: [
          engineResource(DOCDB_CPG, "cpg", { name: UNKNOWN, parameters: params({ audit_logs: "enabled" }) }),
          engineResource(DOCDB, "db", { dbClusterParameterGroupName: UNKNOWN, enabledCloudwatchLogsExports: ["audit"] }, { dbClusterParameterGroupName: [urnOf(DOCDB_CPG, "cpg")] }),
        ],
        expect: true,
      },
      {
        name: "DocumentDB: audit_logs=none",
        resources: [engineResource(DOCDB_CPG, "cpg", { name: "g", parameters: params({ audit_logs: "none" }) }), engineResource(DOCDB, "db", { dbClusterParameterGroupName: "g", enabledCloudwatchLogsExports: ["audit"] })],
        expect: false,
      },
      {
        name: "Neptune: audit exported and neptune_enable_audit_log=1",
        resources: [engineResource(NEPTUNE_CPG, "cpg", { name: "g", parameters: params({ neptune_enable_audit_log: "1" }) }), engineResource(NEPTUNE, "db", { neptuneClusterParameterGroupName: "g", enableCloudwatchLogsExports: ["audit"] })],
        expect: true,
      },
      {
        name: "Neptune: the audit switch computed during the update",
        resources: [engineResource(NEPTUNE_CPG, "cpg", { name: "g", parameters: params({ neptune_enable_audit_log: UNKNOWN }) }), engineResource(NEPTUNE, "db", { neptuneClusterParameterGroupName: "g", enableCloudwatchLogsExports: ["audit"] })],
        expect: { unknown: "preview" },
      },
      {
        name: "the switch on but the log not exported",
        resources: [engineResource(NEPTUNE_CPG, "cpg", { name: "g", parameters: params({ neptune_enable_audit_log: "1" }) }), engineResource(NEPTUNE, "db", { neptuneClusterParameterGroupName: "g" })],
        expect: false,
      },
    ];
    it.each(switched)("$name", ({ resources, expect: x, observed }) => expectSetting(hygieneOf(...resources).get("db")?.auditLog, x, observed));
  });

  describe("backups and deletion protection", () => {
    const cases: { name: string; type: string; props: Record<string, unknown>; backups: Expect; days: Expect; observed?: RegExp }[] = [
      { name: "instance, unset: AWS default 1 day", type: INSTANCE, props: { engine: "mysql" }, backups: true, days: 1, observed: /not set \(AWS default: 1 day\)/ },
      { name: "instance, 0: off", type: INSTANCE, props: { engine: "mysql", backupRetentionPeriod: 0 }, backups: false, days: 0, observed: /backupRetentionPeriod=0/ },
      { name: "instance, 14", type: INSTANCE, props: { engine: "mysql", backupRetentionPeriod: 14 }, backups: true, days: 14 },
      { name: "read replica, unset: 0", type: INSTANCE, props: { engine: "mysql", replicateSourceDb: "primary" }, backups: false, days: 0, observed: /read replica/ },
      { name: "computed", type: INSTANCE, props: { engine: "mysql", backupRetentionPeriod: UNKNOWN }, backups: { unknown: "preview" }, days: { unknown: "preview" } },
      { name: "wrong type", type: INSTANCE, props: { engine: "mysql", backupRetentionPeriod: MARKER }, backups: { unknown: "error" }, days: { unknown: "error" } },
      { name: "Aurora cluster, unset: 1", type: CLUSTER, props: { engine: "aurora-mysql" }, backups: true, days: 1 },
      { name: "Aurora cluster, 35", type: CLUSTER, props: { engine: "aurora-mysql", backupRetentionPeriod: 35 }, backups: true, days: 35 },
      { name: "DocumentDB, unset: 1", type: DOCDB, props: {}, backups: true, days: 1 },
      { name: "Neptune, 7", type: NEPTUNE, props: { backupRetentionPeriod: 7 }, backups: true, days: 7 },
    ];
    it.each(cases)("$name", ({ type, props, backups, days, observed }) => {
      const h = db(type, props);
      expectSetting(h.backups, backups, observed);
      expectSetting(h.backupRetentionDays, days, observed);
    });

    it.each([INSTANCE, CLUSTER, DOCDB, NEPTUNE])("%s deletionProtection: unset false, true, computed", (type) => {
      expectSetting(db(type, { engine: "mysql" }).deletionProtection, false, /not set \(default false\)/);
      expectSetting(db(type, { engine: "mysql", deletionProtection: true }).deletionProtection, true, /deletionProtection=true/);
      expectSetting(db(type, { engine: "mysql", deletionProtection: UNKNOWN }).deletionProtection, { unknown: "preview" });
    });
  });

  it("reads only database stores (no global cluster, no other store)", () => {
    const h = hygieneOf(engineResource(GLOBAL, "global", { storageEncrypted: true }), engineResource("aws:s3/bucket:Bucket", "b", {}), engineResource(NEPTUNE, "db", {}));
    expect([...h.keys()]).toEqual(["db"]);
  });

  it("declares the parameter group types it joins", () => {
    for (const t of [PG, NATIVE_PG, CPG, DOCDB_CPG, NEPTUNE_CPG, INSTANCE, CLUSTER, DOCDB, NEPTUNE]) expect(databaseHygieneAdapter.types).toContain(t);
  });
});
