import type { DBCluster, DBInstance, DBSubnetGroup, GlobalCluster } from "@aws-sdk/client-rds";
import { describe, expect, it } from "vitest";
import type { InventoryContribution } from "../../../src/adapters/aws/contribution";
import { adaptRdsDatabases } from "../../../src/adapters/aws/rds";
import { isUnknown } from "../../../src/core/value";
import type { RdsDatabasesAnswer } from "../../../src/fetchers/aws/rds-databases";
import type { DataStore } from "../../../src/models/data-store";
import type { Inventory } from "../../../src/models/inventory";
import type { NetworkGraph } from "../../../src/models/network";
import type { Placement } from "../../../src/models/placement";
import { effectivePublicAccess } from "../../../src/network/merge-placements";
import { indexNetwork } from "../../../src/network/network-index";
import { resolvePlacement } from "../../../src/network/resolve-placement";
import { dataStoreEncryptedAtRest } from "../../../src/rules/encryption/data-store-encrypted-at-rest";
import { dataStoreNotPubliclyAccessible } from "../../../src/rules/network/data-store-not-publicly-accessible";
import { engineResource } from "../../helpers/engine";
import { run, statuses } from "../../helpers/models";
import { inventoryOf, networkOf, placementOf, storeNamed } from "./contributions";
import { ACCOUNT, adaptContext, AWS_MANAGED_KEY_ARN, CMK_ARN, failed, ok, REGION, TAG_LIST, TAGS } from "./fixtures";
import { comparablePlacement, expectParity, pulumi, pulumiPlacement, without } from "./parity";

const arn = (type: string, id: string, region = REGION) => `arn:aws:rds:${region}:${ACCOUNT}:${type}:${id}`;

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

const adapt = (over: Partial<RdsDatabasesAnswer> = {}, ctx = adaptContext()) => adaptRdsDatabases(answer(over), ctx);

describe("RDS databases adapter (recorded responses)", () => {
  describe("DB instances", () => {
    it("an instance encrypted with a customer-managed key, private, in its subnet group", () => {
      const c = adapt({ instances: ok([dbInstance("orders", { StorageEncrypted: true, StorageEncryptionType: "sse-kms", KmsKeyId: CMK_ARN })]) });
      const s = storeNamed(c, "orders");
      expect(s).toMatchObject({
        kind: "rds-instance",
        ref: { id: arn("db", "orders"), type: "AWS::RDS::DBInstance", name: "orders", label: "RDS instance", account: ACCOUNT, region: REGION },
        tags: { "data-classification": "restricted" },
        encryption: { enabled: true, keyManager: "customer-managed", keyId: CMK_ARN, keyRef: CMK_ARN },
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
      ["the aws/rds key", { StorageEncrypted: true, KmsKeyId: AWS_MANAGED_KEY_ARN }, { enabled: true, keyManager: "aws-managed", keyId: AWS_MANAGED_KEY_ARN }],
      ["an AWS-owned key (sse-rds)", { StorageEncrypted: false, StorageEncryptionType: "sse-rds" }, { enabled: true, keyManager: "aws-owned" }],
      ["StorageEncryptionType none", { StorageEncryptionType: "none" }, { enabled: false }],
    ])("encryption: %s", (_name, over, expected) => {
      expect(storeNamed(adapt({ instances: ok([dbInstance("db", over)]) }), "db").encryption).toMatchObject(expected);
    });

    it("a key KMS could not describe leaves the key manager Unknown with the reason", () => {
      const e = storeNamed(adapt({ instances: ok([dbInstance("db", { StorageEncrypted: true, KmsKeyId: CMK_ARN })]) }, adaptContext({})), "db").encryption;
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
          dbInstance("orders-replica", { ReadReplicaSourceDBInstanceIdentifier: "orders", StorageEncrypted: true, KmsKeyId: CMK_ARN }),
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
      const c = adapt({ instances: failed("rds", "rds:DescribeDBInstances"), clusters: ok([dbCluster("aurora")]) });
      expect(c.gaps).toEqual([
        { service: "rds", region: REGION, what: "RDS DB instances", action: "rds:DescribeDBInstances", reason: "access-denied", detail: "AccessDenied: not authorized" },
      ]);
      const p = placementOf(c, arn("cluster", "aurora"));
      expect(effectivePublicAccess(p)).toMatchObject({ reason: "access-denied" });
      expect(statuses(run(dataStoreNotPubliclyAccessible, inventoryOf(c)))).toEqual(["unknown"]);
    });

    it.each([true, false])("a Multi-AZ DB cluster's own PubliclyAccessible=%s decides even without its instances", (open) => {
      const c = adapt({ instances: failed("rds", "rds:DescribeDBInstances"), clusters: ok([dbCluster("multi-az", { Engine: "postgres", PubliclyAccessible: open })]) });
      expect(effectivePublicAccess(placementOf(c, arn("cluster", "multi-az")))).toBe(open);
    });
  });

  describe("DB clusters", () => {
    it("an Aurora cluster is a store; its instances are exposed resources that are part of it and make it public", () => {
      const c = adapt({
        clusters: ok([dbCluster("aurora", { StorageEncrypted: true, KmsKeyId: CMK_ARN })]),
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
      const c = adapt({ clusters: failed("rds", "rds:DescribeDBClusters"), instances: ok([dbInstance("lost-1", { DBClusterIdentifier: "lost", PubliclyAccessible: true })]) });
      const e = new Map(c.exposures ?? []).get(arn("db", "lost-1"));
      expect(e?.resource?.partOf).toBeUndefined();
      expect(c.gaps?.map((g) => g.what)).toEqual(["RDS, DocumentDB and Neptune DB clusters"]);
      expect(statuses(run(dataStoreNotPubliclyAccessible, inventoryOf(c)))).toEqual(["fail"]);
    });

    it("DocumentDB and Neptune clusters come from the same API, told apart by Engine", () => {
      const c = adapt({
        clusters: ok([
          dbCluster("docs", { Engine: "docdb", StorageEncrypted: true, KmsKeyId: AWS_MANAGED_KEY_ARN }),
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
        subnetGroups: failed("rds", "rds:DescribeDBSubnetGroups"),
        clusters: ok([dbCluster("aurora")]),
        instances: ok([dbInstance("aurora-1", { DBClusterIdentifier: "aurora" })]),
      });
      expect(placementOf(inline, arn("cluster", "aurora")).subnets).toEqual(["subnet-a", "subnet-b"]);
      expect(inline.gaps?.map((g) => g.what)).toEqual(["RDS DB subnet groups"]);

      const none = adapt({ subnetGroups: failed("rds", "rds:DescribeDBSubnetGroups"), clusters: ok([dbCluster("aurora")]) });
      const p = placementOf(none, arn("cluster", "aurora"));
      expect(p.subnetGroup).toBe("orders-subnets");
      expect(p.subnets).toMatchObject({ reason: "access-denied", detail: expect.stringContaining("rds:DescribeDBSubnetGroups") });
    });

    it("a cluster replica names its source; serverless v1 reports its encryption", () => {
      const source = arn("cluster", "primary", "us-east-1");
      const c = adapt({ clusters: ok([dbCluster("replica", { ReplicationSourceIdentifier: source, StorageEncrypted: true, KmsKeyId: CMK_ARN })]) });
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
      const other = adaptRdsDatabases({ ...answer({ globalClusters: ok([global()]) }), region: "us-east-1" }, adaptContext());
      expect(other.stores).toEqual([]);
      expect(adapt({ globalClusters: ok([global({ GlobalClusterMembers: [] })]) }).stores).toEqual([]);
    });

    it("not encrypted", () => {
      expect(storeNamed(adapt({ globalClusters: ok([global({ StorageEncrypted: false })]) }), "orders-global").encryption).toMatchObject({ enabled: false });
    });
  });

  it("every failed listing is its own gap, and nothing is invented", () => {
    const c = adapt({
      instances: failed("rds", "rds:DescribeDBInstances"),
      clusters: failed("rds", "rds:DescribeDBClusters"),
      globalClusters: failed("rds", "rds:DescribeGlobalClusters"),
      subnetGroups: failed("rds", "rds:DescribeDBSubnetGroups"),
    });
    expect(c.stores).toEqual([]);
    expect(c.network?.subnetGroups).toEqual([]);
    expect(c.gaps?.map((g) => g.action)).toEqual(["rds:DescribeDBInstances", "rds:DescribeDBClusters", "rds:DescribeGlobalClusters", "rds:DescribeDBSubnetGroups"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Parity: the same deployed resources, through the Pulumi front (an existing stack, known values).

/** A placement to compare across fronts, once both have joined the subnet group: its subnets are known once resolved. */
function joinedPlacement(p: Placement | undefined, graph: NetworkGraph | undefined): unknown {
  if (!p || !graph) throw new Error("no placement or no network to compare");
  expect(resolvePlacement(indexNetwork(graph), p).subnets).toEqual(["subnet-a", "subnet-b"]);
  return comparablePlacement(p, graph);
}

/** The store named and its placement are the same from the scan as from the Pulumi front (its only store); answers the scan's store. */
function expectStoreParity(fromAws: InventoryContribution, name: string, fromPulumi: Inventory): DataStore {
  const store = storeNamed(fromAws, name);
  expectParity(store, fromPulumi.stores[0]);
  expect(joinedPlacement(placementOf(fromAws, store.ref.id), networkOf(fromAws))).toEqual(joinedPlacement(pulumiPlacement(fromPulumi), fromPulumi.network));
  return store;
}

const rdsGroup = engineResource("aws:rds/subnetGroup:SubnetGroup", "orders-subnets", { name: "orders-subnets", subnetIds: ["subnet-a", "subnet-b"] });

describe("parity with the Pulumi front", () => {
  it.each<[string, Record<string, unknown>, Partial<DBInstance>]>([
    ["a customer-managed key", { storageEncrypted: true, kmsKeyId: CMK_ARN, publiclyAccessible: false }, { StorageEncrypted: true, KmsKeyId: CMK_ARN, PubliclyAccessible: false }],
    ["defaults (not encrypted), public", { publiclyAccessible: true }, { StorageEncrypted: false, PubliclyAccessible: true }],
  ])("RDS instance with %s", (_name, props, over) => {
    const fromPulumi = pulumi(
      rdsGroup,
      engineResource("aws:rds/instance:Instance", "orders", { identifier: "orders", dbSubnetGroupName: "orders-subnets", vpcSecurityGroupIds: ["sg-1"], tags: TAGS, ...props }),
    );
    const fromAws = adapt({ instances: ok([dbInstance("orders", { TagList: TAG_LIST, ...over })]) });
    expectStoreParity(fromAws, "orders", fromPulumi);
    expectParity(fromAws.network?.subnetGroups, fromPulumi.network?.subnetGroups);
  });

  it("RDS instance encrypted without a key named: the scan also sees which key (the aws/rds key's ARN)", () => {
    const fromPulumi = pulumi(engineResource("aws:rds/instance:Instance", "orders", { identifier: "orders", storageEncrypted: true, tags: TAGS }));
    const store = storeNamed(adapt({ instances: ok([dbInstance("orders", { TagList: TAG_LIST, StorageEncrypted: true, KmsKeyId: AWS_MANAGED_KEY_ARN })]) }), "orders");
    expect(store.encryption).toMatchObject({ keyId: AWS_MANAGED_KEY_ARN });
    expectParity(without(store, ["keyId"]), fromPulumi.stores[0]);
  });

  it.each<[string, Record<string, unknown>, Partial<DBCluster>]>([
    ["a customer-managed key", { storageEncrypted: true, kmsKeyId: CMK_ARN }, { StorageEncrypted: true, KmsKeyId: CMK_ARN }],
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
    const store = expectStoreParity(fromAws, "aurora", fromPulumi);
    const pulumiStore = fromPulumi.stores[0] as DataStore;
    // The instance: same kind and tags; partOf names each front's cluster model; the scan knows its subnets.
    const awsInstance = new Map(fromAws.exposures ?? []).get(arn("db", "aurora-1"))?.resource;
    const pulumiInstance = [...(fromPulumi.exposures?.values() ?? [])].find((e) => e.resource?.kind === "cluster-instance")?.resource;
    expectParity(without(awsInstance, ["partOf", "placement"]), without(pulumiInstance, ["partOf", "placement"]));
    expect(awsInstance?.partOf).toBe(store.ref.id);
    expect(pulumiInstance?.partOf).toBe(pulumiStore.ref.id);
    expect(awsInstance?.placement && effectivePublicAccess(awsInstance.placement)).toBe(pulumiInstance?.placement && effectivePublicAccess(pulumiInstance.placement));
  });

  it.each<[string, Record<string, unknown>, Partial<DBCluster>]>([
    ["a customer-managed key", { storageEncrypted: true, kmsKeyId: CMK_ARN }, { StorageEncrypted: true, KmsKeyId: CMK_ARN }],
    ["defaults (not encrypted)", {}, { StorageEncrypted: false }],
  ])("DocumentDB cluster with %s", (_name, props, over) => {
    const fromPulumi = pulumi(
      engineResource("aws:docdb/subnetGroup:SubnetGroup", "docs-subnets", { name: "orders-subnets", subnetIds: ["subnet-a", "subnet-b"] }),
      engineResource("aws:docdb/cluster:Cluster", "docs", { clusterIdentifier: "docs", dbSubnetGroupName: "orders-subnets", vpcSecurityGroupIds: ["sg-1"], tags: TAGS, ...props }),
    );
    const fromAws = adapt({ clusters: ok([dbCluster("docs", { Engine: "docdb", TagList: TAG_LIST, ...over })]) });
    expectStoreParity(fromAws, "docs", fromPulumi);
  });

  it.each<[string, Record<string, unknown>, Partial<DBCluster>]>([
    ["a customer-managed key", { storageEncrypted: true, kmsKeyArn: CMK_ARN }, { StorageEncrypted: true, KmsKeyId: CMK_ARN }],
    ["defaults (not encrypted)", {}, { StorageEncrypted: false }],
  ])("Neptune cluster with %s", (_name, props, over) => {
    const fromPulumi = pulumi(
      engineResource("aws:neptune/subnetGroup:SubnetGroup", "graph-subnets", { name: "orders-subnets", subnetIds: ["subnet-a", "subnet-b"] }),
      engineResource("aws:neptune/cluster:Cluster", "graph", { clusterIdentifier: "graph", neptuneSubnetGroupName: "orders-subnets", vpcSecurityGroupIds: ["sg-1"], tags: TAGS, ...props }),
    );
    const fromAws = adapt({ clusters: ok([dbCluster("graph", { Engine: "neptune", TagList: TAG_LIST, ...over })]) });
    expectStoreParity(fromAws, "graph", fromPulumi);
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
