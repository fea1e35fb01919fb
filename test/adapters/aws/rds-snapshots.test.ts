import type { DBClusterSnapshot, DBInstance, DBSnapshot } from "@aws-sdk/client-rds";
import { describe, expect, it } from "vitest";
import type { InventoryContribution } from "../../../src/adapters/aws/contribution";
import { adaptRdsDatabases, adaptRdsSnapshots } from "../../../src/adapters/aws/rds";
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import { isUnknown, unknown } from "../../../src/core/value";
import type { Fetched } from "../../../src/fetchers/aws/fetched";
import type { RdsSnapshotsAnswer } from "../../../src/fetchers/aws/rds-snapshots";
import type { StoreExposure } from "../../../src/models/exposure";
import type { Inventory } from "../../../src/models/inventory";
import { copiesAndReplicasStayEncrypted } from "../../../src/rules/encryption/copies-and-replicas-stay-encrypted";
import { snapshotsAndImagesSharedOnlyWithTrustedAccounts as sharingRule } from "../../../src/rules/network/snapshots-and-images-shared-only-with-trusted-accounts";
import { engineResource } from "../../helpers/engine";
import { run } from "../../helpers/models";
import { storeNamed } from "./contributions";
import { ACCOUNT, adaptContext, CMK_ARN, failed, ok, REGION } from "./fixtures";
import { expectParity } from "./parity";

const TRUSTED = "444455556666";
const arn = (type: string, id: string, region = REGION) => `arn:aws:rds:${region}:${ACCOUNT}:${type}:${id}`;

const ctx = adaptContext({ [CMK_ARN]: "customer-managed" }, { otherwise: () => unknown("not-fetched", "the KMS keys of eu-west-1 were not read") });

const restore = (...values: string[]) => ok([{ AttributeName: "restore", AttributeValues: values }]);

const snapshot = (id: string, over: Partial<DBSnapshot> = {}): DBSnapshot => ({
  DBSnapshotIdentifier: id,
  DBSnapshotArn: arn("snapshot", id),
  DBInstanceIdentifier: "orders",
  SnapshotType: "manual",
  Encrypted: true,
  KmsKeyId: CMK_ARN,
  TagList: [],
  ...over,
});
const clusterSnapshot = (id: string, over: Partial<DBClusterSnapshot> = {}): DBClusterSnapshot => ({
  DBClusterSnapshotIdentifier: id,
  DBClusterSnapshotArn: arn("cluster-snapshot", id),
  DBClusterIdentifier: "aurora",
  SnapshotType: "manual",
  StorageEncrypted: true,
  KmsKeyId: CMK_ARN,
  TagList: [],
  ...over,
});

type Entry<S> = { snapshot: S; attributes: Fetched<{ AttributeName?: string; AttributeValues?: string[] }[]> };
const answer = (snapshots: Fetched<Entry<DBSnapshot>[]> = ok([]), clusterSnapshots: Fetched<Entry<DBClusterSnapshot>[]> = ok([])): RdsSnapshotsAnswer => ({
  region: REGION,
  snapshots,
  clusterSnapshots,
});
const adapt = (a: RdsSnapshotsAnswer) => adaptRdsSnapshots(a, ctx);
const exposure = (c: InventoryContribution, id: string): StoreExposure => {
  const e = new Map(c.exposures ?? []).get(id);
  if (!e) throw new Error(`no exposure ${id}`);
  return e;
};
const inventoryOf = (...cs: InventoryContribution[]): Inventory => ({
  stores: cs.flatMap((c) => c.stores ?? []),
  keys: [],
  exposures: new Map(cs.flatMap((c) => c.exposures ?? [])),
});

/** The database the snapshots copy, as the databases adapter sees it. */
const database = (classification: string): InventoryContribution =>
  adaptRdsDatabases(
    {
      region: REGION,
      instances: ok<DBInstance[]>([
        { DBInstanceIdentifier: "orders", DBInstanceArn: arn("db", "orders"), Engine: "postgres", StorageEncrypted: true, KmsKeyId: CMK_ARN, TagList: [{ Key: "data-classification", Value: classification }] },
      ]),
      clusters: ok([]),
      globalClusters: ok([]),
      subnetGroups: ok([]),
    },
    ctx,
  );

describe("RDS snapshots adapter (recorded responses)", () => {
  it("a manual snapshot is an exposed resource holding its instance's data; not shared", () => {
    const c = adapt(answer(ok([{ snapshot: snapshot("orders-snap", { TagList: [{ Key: "team", Value: "db" }] }), attributes: restore() }])));
    expect(exposure(c, arn("snapshot", "orders-snap"))).toEqual({
      resource: {
        ref: { id: arn("snapshot", "orders-snap"), type: "AWS::RDS::DBSnapshot", name: "orders-snap", label: "RDS snapshot", account: ACCOUNT, region: REGION },
        kind: "rds-snapshot",
        tags: { team: "db" },
        dataOf: arn("db", "orders"),
      },
      shares: [],
    });
    expect(c.stores).toEqual([]);
    expect(c.tags).toEqual([[arn("snapshot", "orders-snap"), { team: "db" }]]);
    expect(c.gaps).toEqual([]);
  });

  it("the restore attribute: `all` is public, 12-digit ids are accounts, anything else is not printed", () => {
    const c = adapt(answer(ok([{ snapshot: snapshot("s"), attributes: restore("all", TRUSTED, "not-an-account") }])));
    expect(exposure(c, arn("snapshot", "s")).shares?.map((s) => s.grantee)).toEqual([
      { kind: "public" },
      { kind: "account", account: TRUSTED },
      { kind: "account", account: "an unrecognized value" },
    ]);
    expect(exposure(c, arn("snapshot", "s")).shares?.[0]?.origin).toBe("the restore attribute of RDS snapshot 's'");
  });

  it("CDG-NET-009: public fails, a trusted account passes, and the snapshot takes its database's classification", () => {
    const snaps = adapt(
      answer(
        ok([
          { snapshot: snapshot("public-snap"), attributes: restore("all") },
          { snapshot: snapshot("trusted-snap"), attributes: restore(TRUSTED) },
        ]),
      ),
    );
    const restricted = run(sharingRule, inventoryOf(database("restricted"), snaps), { trustedAccounts: [TRUSTED] });
    expect(restricted.filter((o) => o.resource.type === "AWS::RDS::DBSnapshot").map((o) => [o.resource.name, o.status])).toEqual([
      ["public-snap", "fail"],
      ["trusted-snap", "pass"],
    ]);
    const notCustomerData = run(sharingRule, inventoryOf(database("public"), snaps), { trustedAccounts: [TRUSTED] });
    expect(notCustomerData.map((o) => o.status)).toEqual(["not-applicable", "not-applicable"]);
  });

  it("attributes that could not be read make the sharing Unknown, not a pass", () => {
    const c = adapt(answer(ok([{ snapshot: snapshot("s"), attributes: failed("rds", "rds:DescribeDBSnapshotAttributes") }])));
    const grantee = exposure(c, arn("snapshot", "s")).shares?.[0]?.grantee;
    expect(grantee).toMatchObject({ reason: "access-denied", detail: expect.stringContaining("rds:DescribeDBSnapshotAttributes") });
    expect(run(sharingRule, inventoryOf(c)).map((o) => [o.status, o.reason])).toEqual([["unknown", "access-denied"]]);
  });

  it("a cluster snapshot holds its cluster's data", () => {
    const c = adapt(answer(ok([]), ok([{ snapshot: clusterSnapshot("aurora-snap"), attributes: restore("all") }])));
    expect(exposure(c, arn("cluster-snapshot", "aurora-snap")).resource).toMatchObject({
      kind: "rds-cluster-snapshot",
      ref: { label: "RDS cluster snapshot", type: "AWS::RDS::DBClusterSnapshot" },
      dataOf: arn("cluster", "aurora"),
    });
  });

  it("a copied snapshot is a store with its own encryption; its sharing is on the store", () => {
    const source = arn("snapshot", "orders-snap", "us-east-1");
    const c = adapt(
      answer(
        ok([
          { snapshot: snapshot("copy-cmk", { SourceDBSnapshotIdentifier: source, TagList: [{ Key: "data-classification", Value: "restricted" }] }), attributes: restore(TRUSTED) },
          { snapshot: snapshot("copy-plain", { SourceDBSnapshotIdentifier: source, Encrypted: false, KmsKeyId: undefined }), attributes: restore() },
        ]),
      ),
    );
    expect(storeNamed(c, "copy-cmk")).toMatchObject({
      kind: "rds-snapshot-copy",
      ref: { label: "RDS snapshot copy", type: "AWS::RDS::DBSnapshot" },
      tags: { "data-classification": "restricted" },
      encryption: { enabled: true, keyManager: "customer-managed", keyId: CMK_ARN, keyRef: CMK_ARN },
      copyOf: { relation: "snapshot-copy", source, sourceProperty: "SourceDBSnapshotIdentifier" },
    });
    expect(storeNamed(c, "copy-cmk").encryptionFrom).toBeUndefined();
    expect(exposure(c, arn("snapshot", "copy-cmk"))).toEqual({ shares: [{ origin: "the restore attribute of RDS snapshot copy 'copy-cmk'", grantee: { kind: "account", account: TRUSTED } }] });
    expect(run(copiesAndReplicasStayEncrypted, inventoryOf(c)).map((o) => [o.resource.name, o.status])).toEqual([
      ["copy-cmk", "pass"],
      ["copy-plain", "fail"],
    ]);
  });

  it("a copy of a copy in the same answer is joined to it; cluster copies are the cluster-snapshot-copy variant", () => {
    const first = arn("cluster-snapshot", "first");
    const c = adapt(
      answer(
        ok([]),
        ok([
          { snapshot: clusterSnapshot("first", { SourceDBClusterSnapshotArn: arn("cluster-snapshot", "orig", "us-east-1") }), attributes: restore() },
          { snapshot: clusterSnapshot("second", { SourceDBClusterSnapshotArn: first, KmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/unknown` }), attributes: restore() },
        ]),
      ),
    );
    const second = storeNamed(c, "second");
    expect(second).toMatchObject({ variant: "rds-cluster-snapshot-copy", ref: { label: "RDS cluster snapshot copy" }, copyOf: { sourceRef: first } });
    expect(storeNamed(c, "first").copyOf?.sourceRef).toBeUndefined();
    expect(isUnknown(second.encryption) ? undefined : second.encryption.keyManager).toMatchObject({ reason: "not-fetched" });
  });

  it("failed listings are coverage gaps", () => {
    const c = adapt(answer(failed("rds", "rds:DescribeDBSnapshots"), failed("rds", "rds:DescribeDBClusterSnapshots")));
    expect(c.gaps?.map((g) => [g.what, g.action, g.reason])).toEqual([
      ["RDS DB snapshots", "rds:DescribeDBSnapshots", "access-denied"],
      ["RDS DB cluster snapshots", "rds:DescribeDBClusterSnapshots", "access-denied"],
    ]);
    expect(c.exposures).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Parity with the Pulumi front (an existing stack, known values).

/** Drops fields whose values differ by front by construction: model ids, and where a setting is spelled. */
function without(model: unknown, keys: readonly string[]): unknown {
  if (Array.isArray(model)) return model.map((m) => without(m, keys));
  if (typeof model !== "object" || model === null || isUnknown(model)) return model;
  return Object.fromEntries(Object.entries(model).filter(([k]) => !keys.includes(k)).map(([k, v]) => [k, without(v, keys)]));
}

const TAGS = { "data-classification": "restricted" };
const TAG_LIST = [{ Key: "data-classification", Value: "restricted" }];

describe("parity with the Pulumi front", () => {
  it("RDS snapshot shared with everyone and one account, joined to its instance", () => {
    const instance = engineResource("aws:rds/instance:Instance", "orders", { identifier: "orders", storageEncrypted: true, kmsKeyId: CMK_ARN, tags: TAGS });
    const snap = engineResource("aws:rds/snapshot:Snapshot", "orders-snap", {
      dbInstanceIdentifier: "orders",
      dbSnapshotIdentifier: "orders-snap",
      sharedAccounts: ["all", TRUSTED],
      tags: TAGS,
    });
    const fromPulumi = buildInventory([instance, snap]).exposures?.get(snap.urn);
    const fromAws = exposure(adapt(answer(ok([{ snapshot: snapshot("orders-snap", { TagList: TAG_LIST }), attributes: restore("all", TRUSTED) }]))), arn("snapshot", "orders-snap"));
    expectParity(without(fromAws, ["origin", "dataOf"]), without(fromPulumi, ["origin", "dataOf"]));
    expect(fromPulumi?.resource?.dataOf).toBe(instance.urn);
    expect(fromAws.resource?.dataOf).toBe(arn("db", "orders"));
  });

  it("RDS cluster snapshot, not shared", () => {
    const snap = engineResource("aws:rds/clusterSnapshot:ClusterSnapshot", "aurora-snap", { dbClusterIdentifier: "aurora", dbClusterSnapshotIdentifier: "aurora-snap", tags: TAGS });
    const fromPulumi = buildInventory([snap]).exposures?.get(snap.urn);
    const fromAws = exposure(adapt(answer(ok([]), ok([{ snapshot: clusterSnapshot("aurora-snap", { TagList: TAG_LIST }), attributes: restore() }]))), arn("cluster-snapshot", "aurora-snap"));
    // The scan names the cluster whose data it holds whether or not that cluster is in the view.
    expectParity(without(fromAws, ["dataOf"]), fromPulumi);
  });

  it.each([
    ["aws:rds/snapshotCopy:SnapshotCopy", "sourceDbSnapshotIdentifier", "targetDbSnapshotIdentifier", "snapshot"],
    ["aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", "sourceDbClusterSnapshotIdentifier", "targetDbClusterSnapshotIdentifier", "cluster-snapshot"],
  ] as const)("%s with a customer-managed key, shared with one account", (type, sourceProp, targetProp, arnType) => {
    const source = arn(arnType, "orig", "us-east-1");
    const copy = engineResource(type, "copy-1", { [sourceProp]: source, [targetProp]: "copy-1", kmsKeyId: CMK_ARN, sharedAccounts: [TRUSTED], tags: TAGS });
    const pulumiInventory = buildInventory([copy]);
    const c =
      arnType === "snapshot"
        ? adapt(answer(ok([{ snapshot: snapshot("copy-1", { SourceDBSnapshotIdentifier: source, TagList: TAG_LIST }), attributes: restore(TRUSTED) }])))
        : adapt(answer(ok([]), ok([{ snapshot: clusterSnapshot("copy-1", { SourceDBClusterSnapshotArn: source, TagList: TAG_LIST }), attributes: restore(TRUSTED) }])));
    const store = storeNamed(c, "copy-1");
    expectParity(without(store, ["sourceProperty"]), without(pulumiInventory.stores[0], ["sourceProperty"]));
    expectParity(without(exposure(c, store.ref.id), ["origin"]), without(pulumiInventory.exposures?.get(copy.urn), ["origin"]));
  });

  it("a copy that names no key: the Pulumi front waits for its source, the scan reads the copy's own encryption", () => {
    const source = arn("snapshot", "orig", "us-east-1");
    const copy = engineResource("aws:rds/snapshotCopy:SnapshotCopy", "copy-1", { sourceDbSnapshotIdentifier: source, targetDbSnapshotIdentifier: "copy-1", tags: TAGS });
    const pulumiStore = buildInventory([copy]).stores[0];
    const awsStore = storeNamed(adapt(answer(ok([{ snapshot: snapshot("copy-1", { SourceDBSnapshotIdentifier: source, TagList: TAG_LIST }), attributes: restore() }]))), "copy-1");
    expect(pulumiStore).toMatchObject({ encryptionFrom: "source", encryption: { reason: "not-fetched" } });
    expect(awsStore.encryptionFrom).toBeUndefined();
    expect(awsStore.encryption).toMatchObject({ enabled: true, keyManager: "customer-managed" });
    expectParity(without(awsStore, ["sourceProperty", "encryption"]), without(pulumiStore, ["sourceProperty", "encryption", "encryptionFrom"]));
  });
});
