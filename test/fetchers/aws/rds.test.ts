import {
  CopyDBSnapshotCommand,
  CreateDBClusterCommand,
  CreateDBClusterSnapshotCommand,
  CreateDBInstanceCommand,
  CreateDBInstanceReadReplicaCommand,
  CreateDBSnapshotCommand,
  CreateDBSubnetGroupCommand,
  CreateGlobalClusterCommand,
  ModifyDBClusterSnapshotAttributeCommand,
  ModifyDBSnapshotAttributeCommand,
  RDSClient,
} from "@aws-sdk/client-rds";
import { beforeAll, describe, expect, it } from "vitest";
import type { InventoryContribution } from "../../../src/adapters/aws/contribution";
import { adaptRdsDatabases, adaptRdsSnapshots } from "../../../src/adapters/aws/rds";
import { isUnknown } from "../../../src/core/value";
import { kmsFetcher } from "../../../src/fetchers/aws/kms";
import { rdsDatabasesFetcher } from "../../../src/fetchers/aws/rds-databases";
import { rdsSnapshotsFetcher } from "../../../src/fetchers/aws/rds-snapshots";
import type { StoreExposure } from "../../../src/models/exposure";
import { effectivePublicAccess } from "../../../src/network/merge-placements";
import { RDS_SOURCES } from "../../../src/scanner/sources/rds";
import { placementOf, storeNamed } from "../../adapters/aws/contributions";
import { everyKeyCustomerManaged } from "../../adapters/aws/fixtures";
import { MOTO_ACCOUNT, scanContext, seedConfig } from "../../support/aws-context";
import { MOTO_SETUP_TIMEOUT, useFaultProxy, useMoto } from "../../support/moto/use-moto";
import { kmsAnswersContext, seedNetwork, type SeededNetwork } from "./emulator-fixtures";

// moto keeps global clusters in its us-east-1 backend and finds their source clusters there only.
const REGION = "us-east-1";
const TRUSTED = "444455556666";
const RESTRICTED = [{ Key: "data-classification", Value: "restricted" }];

async function seed(endpoint: string): Promise<SeededNetwork> {
  const { cmk, subnets, sg } = await seedNetwork(endpoint, REGION, { key: "orders", prefix: "10.0", group: "db" });
  const rds = new RDSClient(seedConfig(endpoint, REGION));

  await rds.send(new CreateDBSubnetGroupCommand({ DBSubnetGroupName: "orders-subnets", DBSubnetGroupDescription: "orders", SubnetIds: subnets }));
  const placed = { DBSubnetGroupName: "orders-subnets", VpcSecurityGroupIds: [sg] };
  const instance = { DBInstanceClass: "db.t3.micro", MasterUsername: "admin", MasterUserPassword: "not-a-secret-1", AllocatedStorage: 20 };
  await rds.send(
    new CreateDBInstanceCommand({ ...instance, ...placed, DBInstanceIdentifier: "orders", Engine: "postgres", StorageEncrypted: true, KmsKeyId: cmk, PubliclyAccessible: false, Tags: RESTRICTED }),
  );
  await rds.send(new CreateDBInstanceCommand({ ...instance, ...placed, DBInstanceIdentifier: "open", Engine: "mysql", StorageEncrypted: false, PubliclyAccessible: true }));
  await rds.send(new CreateDBInstanceReadReplicaCommand({ DBInstanceIdentifier: "orders-replica", SourceDBInstanceIdentifier: "orders" }));

  const cluster = { MasterUsername: "admin", MasterUserPassword: "not-a-secret-1", ...placed };
  const aurora = await rds.send(
    new CreateDBClusterCommand({ ...cluster, DBClusterIdentifier: "aurora", Engine: "aurora-postgresql", StorageEncrypted: true, KmsKeyId: cmk, Tags: RESTRICTED }),
  );
  await rds.send(
    new CreateDBInstanceCommand({ DBInstanceIdentifier: "aurora-1", DBClusterIdentifier: "aurora", Engine: "aurora-postgresql", DBInstanceClass: "db.r6g.large", PubliclyAccessible: true }),
  );
  // moto refuses Engine "docdb" (its enum has aurora-*, mysql, neptune, postgres): DocumentDB is covered by the recorded tests.
  await rds.send(new CreateDBClusterCommand({ ...cluster, DBClusterIdentifier: "graph", Engine: "neptune", StorageEncrypted: false }));
  await rds.send(
    new CreateGlobalClusterCommand({ GlobalClusterIdentifier: "orders-global", SourceDBClusterIdentifier: aurora.DBCluster?.DBClusterArn }),
  );

  await rds.send(new CreateDBSnapshotCommand({ DBSnapshotIdentifier: "orders-snap", DBInstanceIdentifier: "orders" }));
  await rds.send(new ModifyDBSnapshotAttributeCommand({ DBSnapshotIdentifier: "orders-snap", AttributeName: "restore", ValuesToAdd: ["all"] }));
  await rds.send(new CopyDBSnapshotCommand({ SourceDBSnapshotIdentifier: "orders-snap", TargetDBSnapshotIdentifier: "orders-snap-copy", KmsKeyId: cmk }));
  await rds.send(new CreateDBClusterSnapshotCommand({ DBClusterSnapshotIdentifier: "aurora-snap", DBClusterIdentifier: "aurora" }));
  await rds.send(
    new ModifyDBClusterSnapshotAttributeCommand({ DBClusterSnapshotIdentifier: "aurora-snap", AttributeName: "restore", ValuesToAdd: [TRUSTED] }),
  );
  return { cmk, subnets, sg };
}

/** The scan of the emulator's region: RDS answers adapted with the KMS answers deciding key managers. */
async function scan(endpoint: string): Promise<{ databases: InventoryContribution; snapshots: InventoryContribution }> {
  const { ctx } = scanContext(endpoint, REGION);
  const [databases, snapshots, kms] = await Promise.all([rdsDatabasesFetcher.fetch(ctx), rdsSnapshotsFetcher.fetch(ctx), kmsFetcher.fetch(ctx)]);
  const adaptContext = kmsAnswersContext(kms);
  return { databases: adaptRdsDatabases(databases, adaptContext), snapshots: adaptRdsSnapshots(snapshots, adaptContext) };
}

const exposureOf = (c: InventoryContribution, name: string): StoreExposure => {
  const e = c.exposures?.find(([id]) => id.endsWith(`:${name}`))?.[1];
  if (!e) throw new Error(`no exposure ${name}`);
  return e;
};

const moto = useMoto();

describe("RDS fetchers and adapters against moto", () => {
  let seeded: SeededNetwork;
  let databases: InventoryContribution;
  let snapshots: InventoryContribution;

  beforeAll(async () => {
    seeded = await seed(moto().endpoint);
    ({ databases, snapshots } = await scan(moto().endpoint));
  }, MOTO_SETUP_TIMEOUT);

  it("lists every kind without a gap", () => {
    expect(databases.gaps).toEqual([]);
    expect(snapshots.gaps).toEqual([]);
    expect(RDS_SOURCES.map((s) => s.fetcher.name)).toEqual(["rds-databases", "rds-snapshots"]);
  });

  it("an instance encrypted with a customer-managed key: key, tags and placement", () => {
    const s = storeNamed(databases, "orders");
    expect(s).toMatchObject({
      kind: "rds-instance",
      ref: { type: "AWS::RDS::DBInstance", account: MOTO_ACCOUNT, region: REGION },
      tags: { "data-classification": "restricted" },
      encryption: { enabled: true, keyManager: "customer-managed", keyId: seeded.cmk, keyRef: seeded.cmk },
    });
    const p = placementOf(databases, s.ref.id);
    expect(p).toMatchObject({ publiclyAccessible: false, subnetGroupService: "rds", securityGroups: [seeded.sg], inVpc: true });
    expect([...(isUnknown(p.subnets) ? [] : p.subnets)].sort()).toEqual([...seeded.subnets].sort());
    const group = databases.network?.subnetGroups?.find((g) => g.ref.id === p.subnetGroup);
    expect(group).toMatchObject({ service: "rds", name: "orders-subnets", awsId: "orders-subnets" });
  });

  it("an unencrypted public instance", () => {
    const s = storeNamed(databases, "open");
    expect(s.encryption).toMatchObject({ enabled: false });
    expect(effectivePublicAccess(placementOf(databases, s.ref.id))).toBe(true);
  });

  it("a read replica names its source", () => {
    const s = storeNamed(databases, "orders-replica");
    expect(s.copyOf).toMatchObject({ relation: "read-replica", source: "orders", sourceRef: storeNamed(databases, "orders").ref.id });
  });

  it("an Aurora cluster with a public instance; a Neptune cluster by engine", () => {
    const aurora = storeNamed(databases, "aurora");
    expect(aurora).toMatchObject({ kind: "rds-cluster", encryption: { enabled: true, keyManager: "customer-managed" }, tags: { "data-classification": "restricted" } });
    expect(effectivePublicAccess(placementOf(databases, aurora.ref.id))).toBe(true);
    expect(exposureOf(databases, "aurora-1").resource).toMatchObject({ kind: "cluster-instance", partOf: aurora.ref.id });
    expect(databases.stores?.some((s) => s.physicalName === "aurora-1")).toBe(false);
    expect(storeNamed(databases, "graph")).toMatchObject({ kind: "neptune-cluster", encryption: { enabled: false } });
  });

  it("the global cluster is a store of its writer's Region", () => {
    // moto does not carry the source cluster's StorageEncrypted over to the global cluster (AWS does):
    // the model follows the answer. Encrypted global clusters are covered by the recorded tests.
    expect(storeNamed(databases, "orders-global")).toMatchObject({ kind: "rds-cluster", variant: "rds-global-cluster", encryption: { enabled: false } });
  });

  it("snapshots: who may restore them, and the database whose data they hold", () => {
    const snap = exposureOf(snapshots, "orders-snap");
    expect(snap.resource).toMatchObject({ kind: "rds-snapshot", dataOf: storeNamed(databases, "orders").ref.id });
    expect(snap.shares?.map((s) => s.grantee)).toEqual([{ kind: "public" }]);
    const clusterSnap = exposureOf(snapshots, "aurora-snap");
    expect(clusterSnap.resource).toMatchObject({ kind: "rds-cluster-snapshot", dataOf: storeNamed(databases, "aurora").ref.id });
    expect(clusterSnap.shares?.map((s) => s.grantee)).toEqual([{ kind: "account", account: TRUSTED }]);
  });

  it("a same-Region copy reports no source (as AWS): it is a snapshot of its database, not a copy store", () => {
    // moto sets SourceDBSnapshotIdentifier on no copy, cross-Region ones included: copy stores are covered by the recorded tests.
    expect(exposureOf(snapshots, "orders-snap-copy").resource).toMatchObject({ kind: "rds-snapshot", dataOf: storeNamed(databases, "orders").ref.id });
    expect(exposureOf(snapshots, "orders-snap-copy").shares).toEqual([]);
    expect(snapshots.stores).toEqual([]);
  });
});

describe("RDS answers denied", () => {
  const proxy = useFaultProxy(() => ({ target: moto().endpoint, accessDenied: ["rds"] }));

  it("every listing is a coverage gap with reason access-denied; no model is invented", async () => {
    const { ctx } = scanContext(proxy().endpoint, REGION);
    const adaptContext = everyKeyCustomerManaged(MOTO_ACCOUNT);
    const databases = adaptRdsDatabases(await rdsDatabasesFetcher.fetch(ctx), adaptContext);
    const snapshots = adaptRdsSnapshots(await rdsSnapshotsFetcher.fetch(ctx), adaptContext);
    expect([...(databases.gaps ?? []), ...(snapshots.gaps ?? [])].map((g) => [g.action, g.reason])).toEqual([
      ["rds:DescribeDBInstances", "access-denied"],
      ["rds:DescribeDBClusters", "access-denied"],
      ["rds:DescribeGlobalClusters", "access-denied"],
      ["rds:DescribeDBSubnetGroups", "access-denied"],
      ["rds:DescribeDBSnapshots", "access-denied"],
      ["rds:DescribeDBClusterSnapshots", "access-denied"],
    ]);
    expect([...(databases.stores ?? []), ...(snapshots.stores ?? [])]).toEqual([]);
  });
});
