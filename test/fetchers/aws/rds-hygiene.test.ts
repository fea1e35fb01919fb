import { CreateDBInstanceCommand, RDSClient, type DBCluster, type DBInstance } from "@aws-sdk/client-rds";
import { describe, expect, it } from "vitest";
import type { InventoryContribution } from "../../../src/adapters/aws/contribution";
import { databaseHygieneAdapter } from "../../../src/adapters/pulumi/hygiene/databases";
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import { adaptRdsDatabases } from "../../../src/adapters/aws/rds";
import { isUnknown } from "../../../src/core/value";
import { rdsDatabasesFetcher, type RdsDatabasesAnswer } from "../../../src/fetchers/aws/rds-databases";
import type { Setting, StoreHygiene } from "../../../src/models/hygiene";
import { rdsDatabasesSource } from "../../../src/scanner/sources/rds";
import { ACCOUNT, everyKeyCustomerManaged, failed, ok, REGION as FIXTURE_REGION } from "../../adapters/aws/fixtures";
import { HYGIENE_DATABASES as D, HYGIENE_PARAMETER_GROUPS as G, seedHygieneDatabases } from "../../scanner/seed-hygiene-databases";
import { MOTO_ACCOUNT, scanContext, seedConfig } from "../../support/aws-context";
import { recordActions } from "../../support/data-plane";
import { iamUser, policyDocument, whileIamEnforced } from "../../support/iam-user";
import { useMoto } from "../../support/moto/use-moto";
import { engineResource } from "../../helpers/engine";

const REGION = "us-east-1";
const moto = useMoto({ resetEachTest: true });

/** Store name -> its hygiene, joined by the store's model id (its ARN). */
function hygieneByName(c: InventoryContribution): Map<string, StoreHygiene> {
  const byId = new Map(c.hygiene?.stores ?? []);
  return new Map((c.stores ?? []).map((s) => [s.physicalName ?? s.ref.name, byId.get(s.ref.id) as StoreHygiene]));
}

/** A setting as `value` or `unknown:<reason>`. */
const v = <T>(s: Setting<T> | undefined): unknown => (s === undefined ? "missing" : isUnknown(s.value) ? `unknown:${s.value.reason}` : s.value);

const summary = (h: StoreHygiene | undefined) => ({
  transit: v(h?.transitRequired),
  audit: v(h?.auditLog),
  backups: v(h?.backups),
  days: v(h?.backupRetentionDays),
  deletionProtection: v(h?.deletionProtection),
});

describe("RDS, Aurora and Neptune hygiene against moto", () => {
  it("reads TLS from the user-set parameters, audit exports, backups and deletion protection", async () => {
    await seedHygieneDatabases(moto().endpoint, REGION);
    const c = adaptRdsDatabases(await rdsDatabasesFetcher.fetch(scanContext(moto().endpoint, REGION).ctx), everyKeyCustomerManaged(MOTO_ACCOUNT));
    const h = hygieneByName(c);
    expect(summary(h.get(D.okPostgres))).toEqual({ transit: true, audit: true, backups: true, days: 7, deletionProtection: true });
    expect(summary(h.get(D.badPostgres))).toEqual({ transit: false, audit: false, backups: false, days: 0, deletionProtection: false });
    expect(summary(h.get(D.okMysql))).toMatchObject({ transit: true, audit: true });
    expect(summary(h.get(D.badMysql))).toMatchObject({ transit: false, audit: false });
    expect(summary(h.get(D.okAurora))).toEqual({ transit: true, audit: true, backups: true, days: 7, deletionProtection: true });
    expect(summary(h.get(D.badAurora))).toMatchObject({ transit: false, audit: false, backups: true, deletionProtection: false });
    expect(summary(h.get(D.okNeptune))).toMatchObject({ transit: true, audit: true, deletionProtection: true });
    expect(summary(h.get(D.badNeptune))).toMatchObject({ transit: true, audit: false, deletionProtection: false });
    // Exported but never written: Neptune's audit switch is off in its default group.
    expect(h.get(D.badNeptune)?.auditLog?.observed).toMatch(/exports 'audit'\); neptune_enable_audit_log not set .*default 0/);
    expect(h.get(D.okAurora)?.auditLog?.observed).toMatch(/server_audit_logging=1 in parameter group/);

    expect(h.get(D.okPostgres)?.transitRequired?.observed).toBe(`rds.force_ssl=1 in parameter group '${G.okPostgres}'`);
    expect(h.get(D.badMysql)?.transitRequired?.observed).toMatch(/^require_secure_transport from the default parameter group 'default\.mysql8\.0' \(default OFF for MySQL\)$/);
    expect(h.get(D.okAurora)?.transitRequired?.observed).toBe(`require_secure_transport=ON in parameter group '${G.okAurora}'`);
    expect(h.get(D.badPostgres)?.backups?.observed).toBe("BackupRetentionPeriod=0");
  });

  it("reads each custom group once, and never an AWS default group", async () => {
    await seedHygieneDatabases(moto().endpoint, REGION);
    const rds = new RDSClient(seedConfig(moto().endpoint, REGION));
    await rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: "hyg-ok-postgres-2",
        Engine: "postgres",
        DBInstanceClass: "db.t3.micro",
        AllocatedStorage: 20,
        MasterUsername: "admin",
        MasterUserPassword: "not-a-secret-1",
        DBParameterGroupName: G.okPostgres,
      }),
    );
    const { ctx } = scanContext(moto().endpoint, REGION);
    const called = recordActions(ctx);
    const c = adaptRdsDatabases(await rdsDatabasesFetcher.fetch(ctx), everyKeyCustomerManaged(MOTO_ACCOUNT));
    // okPostgres (two instances), badPostgres, okMysql (badMysql is on default.mysql8.0); okAurora, badAurora, okNeptune (badNeptune is on its default group).
    expect(called.filter((a) => a === "rds:DescribeDBParameters")).toHaveLength(3);
    expect(called.filter((a) => a === "rds:DescribeDBClusterParameters")).toHaveLength(3);
    expect(v(hygieneByName(c).get("hyg-ok-postgres-2")?.transitRequired)).toBe(true);
    expect(rdsDatabasesFetcher.actions).toEqual(expect.arrayContaining(["rds:DescribeDBParameters", "rds:DescribeDBClusterParameters"]));
    expect(rdsDatabasesSource.feeds).toContain("hygiene");
  });

  it("a denied parameter read leaves only TLS of the databases on custom groups not assessed", async () => {
    await seedHygieneDatabases(moto().endpoint, REGION);
    const keys = await iamUser(moto().endpoint, "scanner", {
      name: "read",
      document: policyDocument({ Effect: "Allow", Action: "rds:Describe*", Resource: "*" }, { Effect: "Deny", Action: "rds:DescribeDBParameters", Resource: "*" }),
    });
    const { ctx } = scanContext(moto().endpoint, REGION, { credentials: async () => keys, retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    const c = await whileIamEnforced(moto(), async () => adaptRdsDatabases(await rdsDatabasesFetcher.fetch(ctx), everyKeyCustomerManaged(MOTO_ACCOUNT)));
    const h = hygieneByName(c);
    const denied = h.get(D.okPostgres)?.transitRequired?.value;
    expect(isUnknown(denied) && [denied.reason, denied.detail]).toEqual(["access-denied", expect.stringMatching(/^rds:DescribeDBParameters \(us-east-1\) did not answer/)]);
    expect(summary(h.get(D.okPostgres))).toMatchObject({ audit: true, backups: true, deletionProtection: true });
    // The default group needs no call; cluster groups were allowed; the listings were no gap.
    expect(v(h.get(D.badMysql)?.transitRequired)).toBe(false);
    expect(v(h.get(D.okAurora)?.transitRequired)).toBe(true);
    expect(c.gaps).toEqual([]);
  });
});

describe("DocumentDB hygiene from recorded answers (moto has no docdb engine)", () => {
  const arn = (id: string) => `arn:aws:rds:${FIXTURE_REGION}:${ACCOUNT}:cluster:${id}`;
  const docdb = (id: string, extra: Partial<DBCluster>): DBCluster => ({
    DBClusterIdentifier: id,
    DBClusterArn: arn(id),
    Engine: "docdb",
    EngineVersion: "5.0.0",
    StorageEncrypted: true,
    BackupRetentionPeriod: 1,
    DeletionProtection: false,
    ...extra,
  });
  const answer = (clusterGroups: RdsDatabasesAnswer["parameters"]): RdsDatabasesAnswer => ({
    region: FIXTURE_REGION,
    instances: ok([]),
    clusters: ok([
      docdb("hyg-ok-docdb", { DBClusterParameterGroup: "hyg-ok-docdb-audit", EnabledCloudwatchLogsExports: ["audit", "profiler"], DeletionProtection: true, BackupRetentionPeriod: 7 }),
      docdb("hyg-bad-docdb-audit-off", { DBClusterParameterGroup: "default.docdb5.0", EnabledCloudwatchLogsExports: ["audit"] }),
      docdb("hyg-bad-docdb", { DBClusterParameterGroup: "hyg-bad-docdb-no-tls", EnabledCloudwatchLogsExports: ["profiler"] }),
    ]),
    globalClusters: ok([]),
    subnetGroups: ok([]),
    ...(clusterGroups ? { parameters: clusterGroups } : {}),
  });
  const adapt = (a: RdsDatabasesAnswer) => hygieneByName(adaptRdsDatabases(a, everyKeyCustomerManaged()));

  it("tls enabled by default, disabled by the cluster group; audit exported and switched on, or not", () => {
    const h = adapt(
      answer({
        instanceGroups: new Map(),
        clusterGroups: new Map([
          ["hyg-ok-docdb-audit", ok([{ ParameterName: "audit_logs", ParameterValue: "enabled" }])],
          ["hyg-bad-docdb-no-tls", ok([{ ParameterName: "tls", ParameterValue: "disabled" }])],
        ]),
      }),
    );
    expect(summary(h.get("hyg-ok-docdb"))).toEqual({ transit: true, audit: true, backups: true, days: 7, deletionProtection: true });
    // The audit log exported, but audit_logs left at its default (disabled): nothing is written.
    expect(summary(h.get("hyg-bad-docdb-audit-off"))).toMatchObject({ transit: true, audit: false });
    expect(h.get("hyg-bad-docdb-audit-off")?.auditLog?.observed).toMatch(/audit_logs not set .*default disabled/);
    expect(summary(h.get("hyg-bad-docdb"))).toEqual({ transit: false, audit: false, backups: true, days: 1, deletionProtection: false });
    expect(h.get("hyg-bad-docdb")?.transitRequired?.observed).toBe("tls=disabled in parameter group 'hyg-bad-docdb-no-tls'");
  });

  it("a denied cluster parameter read is access-denied; an answer without parameters (older recordings) is not-fetched", () => {
    const denied = adapt(answer({ instanceGroups: new Map(), clusterGroups: new Map([["hyg-bad-docdb-no-tls", failed("rds", "rds:DescribeDBClusterParameters")]]) }));
    expect(v(denied.get("hyg-bad-docdb")?.transitRequired)).toBe("unknown:access-denied");
    // A database on a default group needs no call.
    expect(v(denied.get("hyg-bad-docdb-audit-off")?.transitRequired)).toBe(true);
    expect(v(adapt(answer(undefined)).get("hyg-bad-docdb")?.transitRequired)).toBe("unknown:not-fetched");
  });
});

describe("parity: the scanner and the Pulumi front read the same database alike", () => {
  const pulumi = (...resources: ReturnType<typeof engineResource>[]) => {
    const stores = buildInventory(resources).stores;
    return new Map(databaseHygieneAdapter.build(resources, stores).stores ?? []).get(stores[0]!.ref.id);
  };
  const scanner = (instances: DBInstance[], clusters: DBCluster[], groups: RdsDatabasesAnswer["parameters"]) => {
    const c = adaptRdsDatabases({ region: FIXTURE_REGION, instances: ok(instances), clusters: ok(clusters), globalClusters: ok([]), subnetGroups: ok([]), parameters: groups }, everyKeyCustomerManaged());
    return c.hygiene?.stores?.[0]?.[1];
  };
  const param = (name: string, value: string) => ({ name, value, applyMethod: "pending-reboot" });

  it("a PostgreSQL 14 instance with rds.force_ssl=1, postgresql exported, 7-day backups, deletion protection", () => {
    const fromPulumi = pulumi(
      engineResource("aws:rds/instance:Instance", "db", { engine: "postgres", engineVersion: "14.9", parameterGroupName: "tls", enabledCloudwatchLogsExports: ["postgresql"], backupRetentionPeriod: 7, deletionProtection: true }),
      engineResource("aws:rds/parameterGroup:ParameterGroup", "pg", { name: "tls", family: "postgres14", parameters: [param("rds.force_ssl", "1")] }),
    );
    const fromScan = scanner(
      [{ DBInstanceIdentifier: "db", Engine: "postgres", EngineVersion: "14.9", DBParameterGroups: [{ DBParameterGroupName: "tls" }], EnabledCloudwatchLogsExports: ["postgresql"], BackupRetentionPeriod: 7, DeletionProtection: true }],
      [],
      { instanceGroups: new Map([["tls", ok([{ ParameterName: "rds.force_ssl", ParameterValue: "1" }])]]), clusterGroups: new Map() },
    );
    expect(summary(fromScan)).toEqual(summary(fromPulumi));
    expect(summary(fromScan)).toEqual({ transit: true, audit: true, backups: true, days: 7, deletionProtection: true });
  });

  it("an Aurora MySQL cluster on its default group exporting audit", () => {
    const fromPulumi = pulumi(engineResource("aws:rds/cluster:Cluster", "db", { engine: "aurora-mysql", enabledCloudwatchLogsExports: ["audit"], backupRetentionPeriod: 1 }));
    const fromScan = scanner(
      [],
      [{ DBClusterIdentifier: "db", Engine: "aurora-mysql", DBClusterParameterGroup: "default.aurora-mysql8.0", EnabledCloudwatchLogsExports: ["audit"], BackupRetentionPeriod: 1, DeletionProtection: false }],
      { instanceGroups: new Map(), clusterGroups: new Map() },
    );
    expect(summary(fromScan)).toEqual(summary(fromPulumi));
    expect(summary(fromScan)).toMatchObject({ transit: false, audit: false });
  });
});
