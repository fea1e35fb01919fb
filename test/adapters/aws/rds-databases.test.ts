import type { DBCluster, DBInstance, DBSubnetGroup, GlobalCluster } from "@aws-sdk/client-rds";
import { describe, expect, it } from "vitest";
import type { AdaptContext } from "../../../src/adapters/aws/context";
import type { InventoryContribution } from "../../../src/adapters/aws/contribution";
import { adaptRdsDatabases } from "../../../src/adapters/aws/rds";
import type { EngineResource } from "../../../src/adapters/pulumi/engine-resource";
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import { isUnknown, unknown, type Val } from "../../../src/core/value";
import type { Fetched } from "../../../src/fetchers/aws/fetched";
import type { RdsDatabasesAnswer } from "../../../src/fetchers/aws/rds-databases";
import type { DataStore, KeyManager } from "../../../src/models/data-store";
import type { Inventory } from "../../../src/models/inventory";
import { emptyNetworkGraph, type NetworkGraph } from "../../../src/models/network";
import type { Placement } from "../../../src/models/placement";
import { effectivePublicAccess } from "../../../src/network/merge-placements";
import { indexNetwork } from "../../../src/network/network-index";
import { resolvePlacement } from "../../../src/network/resolve-placement";
import { dataStoreEncryptedAtRest } from "../../../src/rules/encryption/data-store-encrypted-at-rest";
import { dataStoreNotPubliclyAccessible } from "../../../src/rules/network/data-store-not-publicly-accessible";
import { engineResource } from "../../helpers/engine";
import { run, statuses } from "../../helpers/models";
import { expectParity } from "./parity";

const ACCOUNT = "111122223333";
const REGION = "eu-west-1";
const CMK = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const AWS_RDS_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0000aaaa-12ab-34cd-56ef-1234567890ab`;
const arn = (type: string, id: string, region = REGION) => `arn:aws:rds:${region}:${ACCOUNT}:${type}:${id}`;

/** The scan's KMS answers: one customer key, the aws/rds key, anything else not readable. */
function context(kms: "read" | "denied" = "read"): AdaptContext {
  const managers: Record<string, KeyManager> = { [CMK]: "customer-managed", [AWS_RDS_KEY]: "aws-managed" };
  return {
    account: ACCOUNT,
    partition: "aws",
    keyManager: (key): Val<KeyManager> =>
      kms === "read" && managers[key] ? (managers[key] as KeyManager) : unknown("access-denied", "kms:DescribeKey (eu-west-1) did not answer: AccessDeniedException"),
    keyRef: (key) => (kms === "read" && key === CMK ? CMK : undefined),
  };
}

const ok = <T>(value: T): Fetched<T> => ({ ok: true, value });
const denied = (action: string): Fetched<never> => ({
  ok: false,
  failure: { reason: "access-denied", service: "rds", action, region: REGION, detail: "AccessDenied: not authorized" },
});

const subnetGroup = (name = "orders-subnets", subnets = ["subnet-a", "subnet-b"]): DBSubnetGroup => ({
  DBSubnetGroupName: name,
  DBSubnetGroupArn: arn("subgrp", name),
  VpcId: "vpc-1",
  Subnets: subnets.map((SubnetIdentifier) => ({ SubnetIdentifier, SubnetStatus: "Active" })),
});

const dbInstance = (id: string, over: Partial<DBInstance> = {}): DBInstance => ({
  DBInstanceIdentifier: id,
  DBInstanceArn: arn("db", id),
  Engine: "postgres",
  StorageEncrypted: false,
  PubliclyAccessible: false,
  DBSubnetGroup: subnetGroup(),
  VpcSecurityGroups: [{ VpcSecurityGroupId: "sg-1", Status: "active" }],
  TagList: [{ Key: "data-classification", Value: "restricted" }],
  ...over,
});

const dbCluster = (id: string, over: Partial<DBCluster> = {}): DBCluster => ({
  DBClusterIdentifier: id,
  DBClusterArn: arn("cluster", id),
  Engine: "aurora-postgresql",
  StorageEncrypted: false,
  DBSubnetGroup: "orders-subnets",
  VpcSecurityGroups: [{ VpcSecurityGroupId: "sg-1", Status: "active" }],
  TagList: [{ Key: "data-classification", Value: "restricted" }],
  ...over,
});

const answer = (over: Partial<RdsDatabasesAnswer> = {}): RdsDatabasesAnswer => ({
  region: REGION,
  instances: ok([]),
  clusters: ok([]),
  globalClusters: ok([]),
  subnetGroups: ok([subnetGroup()]),
  ...over,
});

const adapt = (over: Partial<RdsDatabasesAnswer> = {}, ctx = context()) => adaptRdsDatabases(answer(over), ctx);
const storeNamed = (c: InventoryContribution, name: string): DataStore => {
  const s = c.stores?.find((x) => x.physicalName === name);
  if (!s) throw new Error(`no store ${name}`);
  return s;
};
const placementOf = (c: InventoryContribution, id: string): Placement => {
  const p = c.placements?.find(([k]) => k === id)?.[1];
  if (!p) throw new Error(`no placement for ${id}`);
  return p;
};
const networkOf = (c: InventoryContribution): NetworkGraph => ({ ...emptyNetworkGraph(), ...c.network });
const inventoryOf = (c: InventoryContribution): Inventory => ({
  stores: c.stores ?? [],
  keys: [],
  network: networkOf(c),
  placements: new Map(c.placements ?? []),
  exposures: new Map(c.exposures ?? []),
});

describe("RDS databases adapter (recorded responses)", () => {
  describe("DB instances", () => {
    it("an instance encrypted with a customer-managed key, private, in its subnet group", () => {
      const c = adapt({ instances: ok([dbInstance("orders", { StorageEncrypted: true, StorageEncryptionType: "sse-kms", KmsKeyId: CMK })]) });
      const s = storeNamed(c, "orders");
      expect(s).toMatchObject({
        kind: "rds-instance",
        ref: { id: arn("db", "orders"), type: "AWS::RDS::DBInstance", name: "orders", label: "RDS instance", account: ACCOUNT, region: REGION },
        tags: { "data-classification": "restricted" },
        encryption: { enabled: true, keyManager: "customer-managed", keyId: CMK, keyRef: CMK },
      });
      expect(placementOf(c, s.ref.id)).toMatchObject({
        publiclyAccessible: false,
        publicWhenUnset: false,
        subnetGroup: arn("subgrp", "orders-subnets"),
        subnetGroupService: "rds",
        subnets: ["subnet-a", "subnet-b"],
        securityGroups: ["sg-1"],
        inVpc: true,
      });
      expect(c.network?.subnetGroups).toEqual([
        expect.objectContaining({ kind: "subnet-group", service: "rds", awsId: "orders-subnets", name: "orders-subnets", subnets: ["subnet-a", "subnet-b"] }),
      ]);
      expect(c.gaps).toEqual([]);
    });

    it.each<[string, Partial<DBInstance>, object]>([
      ["not encrypted", { StorageEncrypted: false }, { enabled: false, keyManager: undefined, observed: "StorageEncrypted=false" }],
      ["the aws/rds key", { StorageEncrypted: true, KmsKeyId: AWS_RDS_KEY }, { enabled: true, keyManager: "aws-managed", keyId: AWS_RDS_KEY }],
      ["an AWS-owned key (sse-rds)", { StorageEncrypted: false, StorageEncryptionType: "sse-rds" }, { enabled: true, keyManager: "aws-owned" }],
      ["StorageEncryptionType none", { StorageEncryptionType: "none" }, { enabled: false }],
    ])("encryption: %s", (_name, over, expected) => {
      expect(storeNamed(adapt({ instances: ok([dbInstance("db", over)]) }), "db").encryption).toMatchObject(expected);
    });

    it("a key KMS could not describe leaves the key manager Unknown with the reason", () => {
      const e = storeNamed(adapt({ instances: ok([dbInstance("db", { StorageEncrypted: true, KmsKeyId: CMK })]) }, context("denied")), "db").encryption;
      expect(isUnknown(e)).toBe(false);
      if (isUnknown(e)) return;
      expect(e.enabled).toBe(true);
      expect(e.keyManager).toMatchObject({ reason: "access-denied" });
    });

    it("a publicly accessible instance fails CDG-NET-001; a private one passes", () => {
      const c = adapt({ instances: ok([dbInstance("open", { PubliclyAccessible: true }), dbInstance("closed")]) });
      const outcomes = run(dataStoreNotPubliclyAccessible, inventoryOf(c));
      expect(outcomes.map((o) => [o.resource.name, o.status])).toEqual([
        ["open", "fail"],
        ["closed", "pass"],
      ]);
    });

    it("read replicas name their source (same Region by identifier, across Regions by ARN)", () => {
      const source = arn("db", "orders", "us-east-1");
      const c = adapt({
        instances: ok([
          dbInstance("orders"),
          dbInstance("orders-replica", { ReadReplicaSourceDBInstanceIdentifier: "orders", StorageEncrypted: true, KmsKeyId: CMK }),
          dbInstance("orders-dr", { ReadReplicaSourceDBInstanceIdentifier: source }),
        ]),
      });
      const replica = storeNamed(c, "orders-replica");
      expect(replica.copyOf).toEqual({ relation: "read-replica", source: "orders", sourceProperty: "ReadReplicaSourceDBInstanceIdentifier", sourceRef: arn("db", "orders") });
      expect(replica.encryptionFrom).toBeUndefined();
      expect(replica.encryption).toMatchObject({ enabled: true, keyManager: "customer-managed" });
      expect(storeNamed(c, "orders-dr").copyOf).toMatchObject({ source, sourceRef: source });
    });

    it("a failed instance listing is a coverage gap, and leaves an Aurora cluster's public access Unknown", () => {
      const c = adapt({ instances: denied("rds:DescribeDBInstances"), clusters: ok([dbCluster("aurora")]) });
      expect(c.gaps).toEqual([
        { service: "rds", region: REGION, what: "RDS DB instances", action: "rds:DescribeDBInstances", reason: "access-denied", detail: "AccessDenied: not authorized" },
      ]);
      const p = placementOf(c, arn("cluster", "aurora"));
      expect(effectivePublicAccess(p)).toMatchObject({ reason: "access-denied" });
      expect(statuses(run(dataStoreNotPubliclyAccessible, inventoryOf(c)))).toEqual(["unknown"]);
    });

    it.each([true, false])("a Multi-AZ DB cluster's own PubliclyAccessible=%s decides even without its instances", (open) => {
      const c = adapt({ instances: denied("rds:DescribeDBInstances"), clusters: ok([dbCluster("multi-az", { Engine: "postgres", PubliclyAccessible: open })]) });
      expect(effectivePublicAccess(placementOf(c, arn("cluster", "multi-az")))).toBe(open);
    });
  });

  describe("DB clusters", () => {
    it("an Aurora cluster is a store; its instances are exposed resources that are part of it and make it public", () => {
      const c = adapt({
        clusters: ok([dbCluster("aurora", { StorageEncrypted: true, KmsKeyId: CMK })]),
        instances: ok([
          dbInstance("aurora-1", { DBClusterIdentifier: "aurora", Engine: "aurora-postgresql", PubliclyAccessible: false }),
          dbInstance("aurora-2", { DBClusterIdentifier: "aurora", Engine: "aurora-postgresql", PubliclyAccessible: true }),
        ]),
      });
      expect(c.stores?.map((s) => [s.kind, s.physicalName])).toEqual([["rds-cluster", "aurora"]]);
      expect(storeNamed(c, "aurora")).toMatchObject({ ref: { type: "AWS::RDS::DBCluster", label: "RDS cluster" }, encryption: { keyManager: "customer-managed" } });
      const p = placementOf(c, arn("cluster", "aurora"));
      expect(p).toMatchObject({ publiclyAccessible: true, subnetGroup: arn("subgrp", "orders-subnets"), subnets: ["subnet-a", "subnet-b"], securityGroups: ["sg-1"] });
      const e = new Map(c.exposures ?? []).get(arn("db", "aurora-2"));
      expect(e?.resource).toMatchObject({
        kind: "cluster-instance",
        ref: { label: "RDS cluster instance", type: "AWS::RDS::DBInstance" },
        partOf: arn("cluster", "aurora"),
        tags: { "data-classification": "restricted" },
      });
      expect(new Map(c.tags ?? []).get(arn("db", "aurora-2"))).toEqual({ "data-classification": "restricted" });
      // The cluster is judged once, public through its instance; the instances are not judged apart.
      const outcomes = run(dataStoreNotPubliclyAccessible, inventoryOf(c));
      expect(outcomes.map((o) => [o.resource.name, o.status])).toEqual([["aurora", "fail"]]);
    });

    it("an instance whose cluster is not in the answer carries its own placement and is judged alone", () => {
      const c = adapt({ clusters: denied("rds:DescribeDBClusters"), instances: ok([dbInstance("lost-1", { DBClusterIdentifier: "lost", PubliclyAccessible: true })]) });
      const e = new Map(c.exposures ?? []).get(arn("db", "lost-1"));
      expect(e?.resource?.partOf).toBeUndefined();
      expect(c.gaps?.map((g) => g.what)).toEqual(["RDS, DocumentDB and Neptune DB clusters"]);
      expect(statuses(run(dataStoreNotPubliclyAccessible, inventoryOf(c)))).toEqual(["fail"]);
    });

    it("DocumentDB and Neptune clusters come from the same API, told apart by Engine", () => {
      const c = adapt({
        clusters: ok([
          dbCluster("docs", { Engine: "docdb", StorageEncrypted: true, KmsKeyId: AWS_RDS_KEY }),
          dbCluster("graph", { Engine: "neptune", StorageEncrypted: false }),
        ]),
        instances: ok([dbInstance("graph-1", { DBClusterIdentifier: "graph", Engine: "neptune", PubliclyAccessible: true })]),
      });
      expect(storeNamed(c, "docs")).toMatchObject({ kind: "docdb-cluster", ref: { type: "AWS::DocDB::DBCluster", label: "DocumentDB cluster" }, encryption: { keyManager: "aws-managed" } });
      expect(storeNamed(c, "graph")).toMatchObject({ kind: "neptune-cluster", ref: { type: "AWS::Neptune::DBCluster", label: "Neptune cluster" }, encryption: { enabled: false } });
      expect(placementOf(c, arn("cluster", "docs"))).toMatchObject({ publiclyAccessible: false, subnetGroupService: "docdb" });
      expect(placementOf(c, arn("cluster", "graph"))).toMatchObject({ publiclyAccessible: true, subnetGroupService: "neptune" });
      expect(new Map(c.exposures ?? []).get(arn("db", "graph-1"))?.resource?.ref.label).toBe("Neptune cluster instance");
      const enc = run(dataStoreEncryptedAtRest, inventoryOf(c));
      expect(enc.map((o) => [o.resource.name, o.status])).toEqual([
        ["docs", "pass"],
        ["graph", "fail"],
      ]);
    });

    it("a cluster's subnet group comes from the listing; when that failed, from a member's inline group", () => {
      const inline = adapt({
        subnetGroups: denied("rds:DescribeDBSubnetGroups"),
        clusters: ok([dbCluster("aurora")]),
        instances: ok([dbInstance("aurora-1", { DBClusterIdentifier: "aurora" })]),
      });
      expect(placementOf(inline, arn("cluster", "aurora")).subnets).toEqual(["subnet-a", "subnet-b"]);
      expect(inline.gaps?.map((g) => g.what)).toEqual(["RDS DB subnet groups"]);

      const none = adapt({ subnetGroups: denied("rds:DescribeDBSubnetGroups"), clusters: ok([dbCluster("aurora")]) });
      const p = placementOf(none, arn("cluster", "aurora"));
      expect(p.subnetGroup).toBe("orders-subnets");
      expect(p.subnets).toMatchObject({ reason: "access-denied", detail: expect.stringContaining("rds:DescribeDBSubnetGroups") });
    });

    it("a cluster replica names its source; serverless v1 reports its encryption", () => {
      const source = arn("cluster", "primary", "us-east-1");
      const c = adapt({ clusters: ok([dbCluster("replica", { ReplicationSourceIdentifier: source, StorageEncrypted: true, KmsKeyId: CMK })]) });
      expect(storeNamed(c, "replica").copyOf).toEqual({ relation: "read-replica", source, sourceProperty: "ReplicationSourceIdentifier", sourceRef: source });
    });
  });

  describe("global clusters", () => {
    const global = (over: Partial<GlobalCluster> = {}): GlobalCluster => ({
      GlobalClusterIdentifier: "orders-global",
      GlobalClusterArn: `arn:aws:rds::${ACCOUNT}:global-cluster:orders-global`,
      Engine: "aurora-postgresql",
      StorageEncrypted: true,
      GlobalClusterMembers: [
        { DBClusterArn: arn("cluster", "primary"), IsWriter: true },
        { DBClusterArn: arn("cluster", "secondary", "us-east-1"), IsWriter: false },
      ],
      TagList: [{ Key: "customer-segment", Value: "eu" }],
      ...over,
    });

    it("is kept in its writer's Region only, with its member clusters' keys not its own", () => {
      const home = adapt({ globalClusters: ok([global()]) });
      expect(storeNamed(home, "orders-global")).toMatchObject({
        kind: "rds-cluster",
        variant: "rds-global-cluster",
        ref: { label: "RDS global cluster", type: "AWS::RDS::GlobalCluster", region: REGION },
        tags: { "customer-segment": "eu" },
        encryption: { enabled: true, keyManager: { reason: "not-fetched" } },
      });
      const other = adaptRdsDatabases({ ...answer({ globalClusters: ok([global()]) }), region: "us-east-1" }, context());
      expect(other.stores).toEqual([]);
      expect(adapt({ globalClusters: ok([global({ GlobalClusterMembers: [] })]) }).stores).toEqual([]);
    });

    it("not encrypted", () => {
      expect(storeNamed(adapt({ globalClusters: ok([global({ StorageEncrypted: false })]) }), "orders-global").encryption).toMatchObject({ enabled: false });
    });
  });

  it("every failed listing is its own gap, and nothing is invented", () => {
    const c = adapt({
      instances: denied("rds:DescribeDBInstances"),
      clusters: denied("rds:DescribeDBClusters"),
      globalClusters: denied("rds:DescribeGlobalClusters"),
      subnetGroups: denied("rds:DescribeDBSubnetGroups"),
    });
    expect(c.stores).toEqual([]);
    expect(c.network?.subnetGroups).toEqual([]);
    expect(c.gaps?.map((g) => g.action)).toEqual(["rds:DescribeDBInstances", "rds:DescribeDBClusters", "rds:DescribeGlobalClusters", "rds:DescribeDBSubnetGroups"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Parity: the same deployed resources, through the Pulumi front (an existing stack, known values).

const TAGS = { "data-classification": "restricted", "customer-segment": "eu" };
const TAG_LIST = Object.entries(TAGS).map(([Key, Value]) => ({ Key, Value }));

function pulumi(...resources: EngineResource[]): Inventory {
  return buildInventory(resources);
}

/** Fields that hold a model id or say where a setting is spelled, whose values differ by front by construction. */
function without(model: unknown, keys: readonly string[]): unknown {
  if (Array.isArray(model)) return model.map((m) => without(m, keys));
  if (typeof model !== "object" || model === null || isUnknown(model)) return model;
  return Object.fromEntries(Object.entries(model).filter(([k]) => !keys.includes(k)).map(([k, v]) => [k, without(v, keys)]));
}

/** A placement resolved against its front's graph, naming its subnet group by name and its subnets by AWS id. */
function comparablePlacement(p: Placement | undefined, graph: NetworkGraph | undefined): unknown {
  if (!p || !graph) throw new Error("no placement or no network to compare");
  const net = indexNetwork(graph);
  const r = resolvePlacement(net, p);
  // Both fronts must have joined the subnet group: its subnets are known once resolved.
  expect(r.subnets).toEqual(["subnet-a", "subnet-b"]);
  const group = typeof r.subnetGroup === "string" ? net.get(r.subnetGroup, "subnet-group") : undefined;
  const subnets = isUnknown(r.subnets) ? r.subnets : r.subnets.map((s) => net.get(s, "subnet")?.awsId ?? s);
  return { ...r, subnetGroup: group ? group.name : r.subnetGroup, subnets, observed: "" };
}

const rdsGroup = engineResource("aws:rds/subnetGroup:SubnetGroup", "orders-subnets", { name: "orders-subnets", subnetIds: ["subnet-a", "subnet-b"] });

describe("parity with the Pulumi front", () => {
  it.each<[string, Record<string, unknown>, Partial<DBInstance>]>([
    ["a customer-managed key", { storageEncrypted: true, kmsKeyId: CMK, publiclyAccessible: false }, { StorageEncrypted: true, KmsKeyId: CMK, PubliclyAccessible: false }],
    ["defaults (not encrypted), public", { publiclyAccessible: true }, { StorageEncrypted: false, PubliclyAccessible: true }],
  ])("RDS instance with %s", (_name, props, over) => {
    const fromPulumi = pulumi(
      rdsGroup,
      engineResource("aws:rds/instance:Instance", "orders", { identifier: "orders", dbSubnetGroupName: "orders-subnets", vpcSecurityGroupIds: ["sg-1"], tags: TAGS, ...props }),
    );
    const fromAws = adapt({ instances: ok([dbInstance("orders", { TagList: TAG_LIST, ...over })]) });
    const store = storeNamed(fromAws, "orders");
    expectParity(store, fromPulumi.stores[0]);
    expect(comparablePlacement(placementOf(fromAws, store.ref.id), networkOf(fromAws))).toEqual(
      comparablePlacement(fromPulumi.placements?.get(fromPulumi.stores[0]!.ref.id), fromPulumi.network),
    );
    expectParity(fromAws.network?.subnetGroups, fromPulumi.network?.subnetGroups);
  });

  it("RDS instance encrypted without a key named: the scan also sees which key (the aws/rds key's ARN)", () => {
    const fromPulumi = pulumi(engineResource("aws:rds/instance:Instance", "orders", { identifier: "orders", storageEncrypted: true, tags: TAGS }));
    const store = storeNamed(adapt({ instances: ok([dbInstance("orders", { TagList: TAG_LIST, StorageEncrypted: true, KmsKeyId: AWS_RDS_KEY })]) }), "orders");
    expect(store.encryption).toMatchObject({ keyId: AWS_RDS_KEY });
    expectParity(without(store, ["keyId"]), fromPulumi.stores[0]);
  });

  it.each<[string, Record<string, unknown>, Partial<DBCluster>]>([
    ["a customer-managed key", { storageEncrypted: true, kmsKeyId: CMK }, { StorageEncrypted: true, KmsKeyId: CMK }],
    ["defaults (not encrypted)", {}, { StorageEncrypted: false }],
  ])("Aurora cluster with %s, and a public instance", (_name, props, over) => {
    const fromPulumi = pulumi(
      rdsGroup,
      engineResource("aws:rds/cluster:Cluster", "aurora", { clusterIdentifier: "aurora", dbSubnetGroupName: "orders-subnets", vpcSecurityGroupIds: ["sg-1"], tags: TAGS, ...props }),
      engineResource("aws:rds/clusterInstance:ClusterInstance", "aurora-1", { identifier: "aurora-1", clusterIdentifier: "aurora", publiclyAccessible: true, tags: TAGS }),
    );
    const fromAws = adapt({
      clusters: ok([dbCluster("aurora", { TagList: TAG_LIST, ...over })]),
      instances: ok([dbInstance("aurora-1", { DBClusterIdentifier: "aurora", Engine: "aurora-postgresql", PubliclyAccessible: true, TagList: TAG_LIST })]),
    });
    const store = storeNamed(fromAws, "aurora");
    const pulumiStore = fromPulumi.stores[0] as DataStore;
    expectParity(store, pulumiStore);
    expect(comparablePlacement(placementOf(fromAws, store.ref.id), networkOf(fromAws))).toEqual(
      comparablePlacement(fromPulumi.placements?.get(pulumiStore.ref.id), fromPulumi.network),
    );
    // The instance: same kind and tags; partOf names each front's cluster model; the scan knows its subnets.
    const awsInstance = new Map(fromAws.exposures ?? []).get(arn("db", "aurora-1"))?.resource;
    const pulumiInstance = [...(fromPulumi.exposures?.values() ?? [])].find((e) => e.resource?.kind === "cluster-instance")?.resource;
    expectParity(without(awsInstance, ["partOf", "placement"]), without(pulumiInstance, ["partOf", "placement"]));
    expect(awsInstance?.partOf).toBe(store.ref.id);
    expect(pulumiInstance?.partOf).toBe(pulumiStore.ref.id);
    expect(awsInstance?.placement && effectivePublicAccess(awsInstance.placement)).toBe(pulumiInstance?.placement && effectivePublicAccess(pulumiInstance.placement));
  });

  it.each<[string, Record<string, unknown>, Partial<DBCluster>]>([
    ["a customer-managed key", { storageEncrypted: true, kmsKeyId: CMK }, { StorageEncrypted: true, KmsKeyId: CMK }],
    ["defaults (not encrypted)", {}, { StorageEncrypted: false }],
  ])("DocumentDB cluster with %s", (_name, props, over) => {
    const fromPulumi = pulumi(
      engineResource("aws:docdb/subnetGroup:SubnetGroup", "docs-subnets", { name: "orders-subnets", subnetIds: ["subnet-a", "subnet-b"] }),
      engineResource("aws:docdb/cluster:Cluster", "docs", { clusterIdentifier: "docs", dbSubnetGroupName: "orders-subnets", vpcSecurityGroupIds: ["sg-1"], tags: TAGS, ...props }),
    );
    const fromAws = adapt({ clusters: ok([dbCluster("docs", { Engine: "docdb", TagList: TAG_LIST, ...over })]) });
    const store = storeNamed(fromAws, "docs");
    expectParity(store, fromPulumi.stores[0]);
    expect(comparablePlacement(placementOf(fromAws, store.ref.id), networkOf(fromAws))).toEqual(
      comparablePlacement(fromPulumi.placements?.get(fromPulumi.stores[0]!.ref.id), fromPulumi.network),
    );
  });

  it.each<[string, Record<string, unknown>, Partial<DBCluster>]>([
    ["a customer-managed key", { storageEncrypted: true, kmsKeyArn: CMK }, { StorageEncrypted: true, KmsKeyId: CMK }],
    ["defaults (not encrypted)", {}, { StorageEncrypted: false }],
  ])("Neptune cluster with %s", (_name, props, over) => {
    const fromPulumi = pulumi(
      engineResource("aws:neptune/subnetGroup:SubnetGroup", "graph-subnets", { name: "orders-subnets", subnetIds: ["subnet-a", "subnet-b"] }),
      engineResource("aws:neptune/cluster:Cluster", "graph", { clusterIdentifier: "graph", neptuneSubnetGroupName: "orders-subnets", vpcSecurityGroupIds: ["sg-1"], tags: TAGS, ...props }),
    );
    const fromAws = adapt({ clusters: ok([dbCluster("graph", { Engine: "neptune", TagList: TAG_LIST, ...over })]) });
    const store = storeNamed(fromAws, "graph");
    expectParity(store, fromPulumi.stores[0]);
    expect(comparablePlacement(placementOf(fromAws, store.ref.id), networkOf(fromAws))).toEqual(
      comparablePlacement(fromPulumi.placements?.get(fromPulumi.stores[0]!.ref.id), fromPulumi.network),
    );
  });

  it.each([true, false])("global cluster, storageEncrypted=%s", (encrypted) => {
    const fromPulumi = pulumi(
      engineResource("aws:rds/globalCluster:GlobalCluster", "orders-global", { globalClusterIdentifier: "orders-global", storageEncrypted: encrypted, tags: TAGS }),
    );
    const fromAws = adapt({
      globalClusters: ok([
        {
          GlobalClusterIdentifier: "orders-global",
          GlobalClusterArn: `arn:aws:rds::${ACCOUNT}:global-cluster:orders-global`,
          StorageEncrypted: encrypted,
          GlobalClusterMembers: [{ DBClusterArn: arn("cluster", "primary"), IsWriter: true }],
          TagList: TAG_LIST,
        },
      ]),
    });
    expectParity(storeNamed(fromAws, "orders-global"), fromPulumi.stores[0]);
  });
});
