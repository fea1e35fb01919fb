import type { CacheCluster, CacheSubnetGroup, ReplicationGroup, ServerlessCache } from "@aws-sdk/client-elasticache";
import { describe, expect, it } from "vitest";
import { adaptElastiCache } from "../../../src/adapters/aws/elasticache";
import type { ElastiCacheAnswers, Tagged } from "../../../src/fetchers/aws/elasticache";
import type { DataStore } from "../../../src/models/data-store";
import { dataStoreEncryptedAtRest } from "../../../src/rules/encryption/data-store-encrypted-at-rest";
import { dataStoreInPrivateSubnets } from "../../../src/rules/network/data-store-in-private-subnets";
import { engineResource } from "../../helpers/engine";
import { run, statuses } from "../../helpers/models";
import { expectUnknown, inventoryOf, networkOf, placementOf, storeNamed } from "./contributions";
import { ACCOUNT, adaptContext, CMK_ARN, failed, ok, REGION, TAG_LIST, TAGS } from "./fixtures";
import { comparablePlacement, expectParity, pulumi, pulumiPlacement } from "./parity";

const arn = (resource: string) => `arn:aws:elasticache:${REGION}:${ACCOUNT}:${resource}`;
const tagged = <T>(resource: T): Tagged<T> => ({ resource, tags: ok(TAG_LIST) });

const subnetGroup = (name = "cache-subnets"): CacheSubnetGroup => ({
  CacheSubnetGroupName: name,
  ARN: arn(`subnetgroup:${name}`),
  VpcId: "vpc-1",
  Subnets: [{ SubnetIdentifier: "subnet-a" }, { SubnetIdentifier: "subnet-b" }],
});

const group = (id: string, over: Partial<ReplicationGroup> = {}): ReplicationGroup => ({
  ReplicationGroupId: id,
  ARN: arn(`replicationgroup:${id}`),
  Engine: "redis",
  AtRestEncryptionEnabled: true,
  MemberClusters: [`${id}-001`, `${id}-002`],
  ...over,
});

const member = (id: string, groupId: string, sg = "sg-1"): CacheCluster => ({
  CacheClusterId: id,
  ARN: arn(`cluster:${id}`),
  Engine: "redis",
  ReplicationGroupId: groupId,
  CacheSubnetGroupName: "cache-subnets",
  SecurityGroups: [{ SecurityGroupId: sg, Status: "active" }],
  AtRestEncryptionEnabled: true,
});

const standalone = (id: string, over: Partial<CacheCluster> = {}): CacheCluster => ({
  CacheClusterId: id,
  ARN: arn(`cluster:${id}`),
  Engine: "memcached",
  CacheSubnetGroupName: "cache-subnets",
  SecurityGroups: [{ SecurityGroupId: "sg-1", Status: "active" }],
  ...over,
});

const serverless = (name: string, over: Partial<ServerlessCache> = {}): ServerlessCache => ({
  ServerlessCacheName: name,
  ARN: arn(`serverlesscache:${name}`),
  Engine: "valkey",
  SubnetIds: ["subnet-a", "subnet-b"],
  SecurityGroupIds: ["sg-1"],
  ...over,
});

const answer = (over: Partial<ElastiCacheAnswers> = {}): ElastiCacheAnswers => ({
  region: REGION,
  replicationGroups: ok([]),
  cacheClusters: ok([]),
  serverlessCaches: ok([]),
  subnetGroups: ok([subnetGroup()]),
  ...over,
});
const adapt = (over: Partial<ElastiCacheAnswers> = {}) => adaptElastiCache(answer(over), adaptContext());
/** A replication group and its two member clusters. */
const withMembers = (g: ReplicationGroup, sgs: [string, string] = ["sg-1", "sg-1"]): Partial<ElastiCacheAnswers> => ({
  replicationGroups: ok([tagged(g)]),
  cacheClusters: ok([
    { resource: member(`${g.ReplicationGroupId}-001`, g.ReplicationGroupId ?? "", sgs[0]) },
    { resource: member(`${g.ReplicationGroupId}-002`, g.ReplicationGroupId ?? "", sgs[1]) },
  ]),
});

describe("ElastiCache adapter (recorded responses)", () => {
  it("a replication group with a customer-managed key, placed by its member clusters", () => {
    const c = adapt(withMembers(group("sessions", { KmsKeyId: CMK_ARN }), ["sg-1", "sg-2"]));
    expect(c.stores).toHaveLength(1);
    const s = storeNamed(c, "sessions");
    expect(s).toMatchObject({
      kind: "elasticache-replication-group",
      physicalName: "sessions",
      ref: { id: arn("replicationgroup:sessions"), type: "AWS::ElastiCache::ReplicationGroup", label: "ElastiCache replication group", account: ACCOUNT, region: REGION },
      tags: TAGS,
      encryption: { enabled: true, keyManager: "customer-managed", keyId: CMK_ARN, keyRef: CMK_ARN },
    });
    expect(s.variant).toBeUndefined();
    expect(placementOf(c, s.ref.id)).toMatchObject({
      publiclyAccessible: false,
      subnetGroup: arn("subnetgroup:cache-subnets"),
      subnetGroupService: "elasticache",
      subnets: ["subnet-a", "subnet-b"],
      securityGroups: ["sg-1", "sg-2"],
      inVpc: true,
    });
    expect(c.network?.subnetGroups).toEqual([expect.objectContaining({ service: "elasticache", name: "cache-subnets", ref: expect.objectContaining({ label: "ElastiCache subnet group" }) })]);
  });

  it.each<[string, Partial<ReplicationGroup>, Partial<DataStore["encryption"]>]>([
    ["at rest without a key: service-owned", {}, { enabled: true, keyManager: "aws-owned" }],
    ["not encrypted", { AtRestEncryptionEnabled: false }, { enabled: false, keyManager: undefined }],
    ["switch not reported, redis: off", { AtRestEncryptionEnabled: undefined }, { enabled: false }],
    ["switch not reported, valkey: on", { AtRestEncryptionEnabled: undefined, Engine: "valkey" }, { enabled: true, keyManager: "aws-owned" }],
  ])("replication group %s", (_name, over, expected) => {
    expect(storeNamed(adapt(withMembers(group("sessions", over))), "sessions").encryption).toMatchObject(expected);
  });

  it("a secondary of a global datastore is a replica of the global datastore", () => {
    const g = group("sessions-eu", { GlobalReplicationGroupInfo: { GlobalReplicationGroupId: "ldgnf-sessions", GlobalReplicationGroupMemberRole: "SECONDARY" } });
    expect(storeNamed(adapt(withMembers(g)), "sessions-eu").copyOf).toEqual({ relation: "replica", source: "ldgnf-sessions", sourceProperty: "GlobalReplicationGroupInfo.GlobalReplicationGroupId" });
    const primary = group("sessions", { GlobalReplicationGroupInfo: { GlobalReplicationGroupId: "ldgnf-sessions", GlobalReplicationGroupMemberRole: "PRIMARY" } });
    expect(storeNamed(adapt(withMembers(primary)), "sessions").copyOf).toBeUndefined();
  });

  it("a standalone Memcached cluster is a store (not encrypted); member clusters are not", () => {
    const c = adapt({ replicationGroups: ok([tagged(group("sessions"))]), cacheClusters: ok([{ resource: member("sessions-001", "sessions") }, tagged(standalone("memo"))]) });
    expect(c.stores?.map((s) => s.ref.name)).toEqual(["sessions", "memo"]);
    const memo = storeNamed(c, "memo");
    expect(memo).toMatchObject({ kind: "elasticache-replication-group", variant: "elasticache-cache-cluster", ref: { type: "AWS::ElastiCache::CacheCluster", label: "ElastiCache cluster" }, tags: TAGS });
    expect(memo.encryption).toMatchObject({ enabled: false });
    expect(statuses(run(dataStoreEncryptedAtRest, inventoryOf(c)))).toEqual(["pass", "fail"]);
  });

  it("a serverless cache: always encrypted, placed in its subnets", () => {
    const c = adapt({ serverlessCaches: ok([tagged(serverless("sessions-sl")), tagged(serverless("keyed", { KmsKeyId: CMK_ARN }))]) });
    const s = storeNamed(c, "sessions-sl");
    expect(s).toMatchObject({ kind: "elasticache-serverless-cache", ref: { type: "AWS::ElastiCache::ServerlessCache", label: "ElastiCache serverless cache" }, encryption: { enabled: true, keyManager: "aws-owned" } });
    expect(storeNamed(c, "keyed").encryption).toMatchObject({ keyManager: "customer-managed", keyId: CMK_ARN });
    expect(placementOf(c, s.ref.id)).toMatchObject({ publiclyAccessible: false, subnets: ["subnet-a", "subnet-b"], securityGroups: ["sg-1"], inVpc: true });
  });

  it("cache clusters not listed: the group's placement is Unknown with the reason", () => {
    const c = adapt({ replicationGroups: ok([tagged(group("sessions"))]), cacheClusters: failed("elasticache", "elasticache:DescribeCacheClusters") });
    const p = placementOf(c, storeNamed(c, "sessions").ref.id);
    expect(p.publiclyAccessible).toBe(false);
    expectUnknown(p.subnets, "access-denied", /DescribeCacheClusters/);
    expectUnknown(p.securityGroups, "access-denied");
    expect(statuses(run(dataStoreInPrivateSubnets, inventoryOf(c)))).toEqual(["unknown"]);
    expect(c.gaps).toEqual([expect.objectContaining({ what: "ElastiCache cache clusters" })]);
  });

  it("tags not read: Unknown with the reason", () => {
    const c = adapt({ replicationGroups: ok([{ resource: group("sessions"), tags: failed("elasticache", "elasticache:ListTagsForResource", "throttled") }]) });
    expectUnknown(storeNamed(c, "sessions").tags, "throttled", /ListTagsForResource/);
  });

  it("each listing that failed leaves its own gap", () => {
    const c = adapt({
      replicationGroups: failed("elasticache", "elasticache:DescribeReplicationGroups"),
      serverlessCaches: failed("elasticache", "elasticache:DescribeServerlessCaches", "unavailable"),
      subnetGroups: failed("elasticache", "elasticache:DescribeCacheSubnetGroups"),
    });
    expect(c.gaps?.map((g) => g.what)).toEqual(["ElastiCache replication groups", "ElastiCache serverless caches", "ElastiCache cache subnet groups"]);
    expect(c.network?.subnetGroups).toEqual([]);
  });
});

describe("ElastiCache parity with the Pulumi front", () => {
  const subnets = engineResource("aws:elasticache/subnetGroup:SubnetGroup", "cache-subnets", { name: "cache-subnets", subnetIds: ["subnet-a", "subnet-b"] });
  const groupProps = { replicationGroupId: "sessions", engine: "redis", subnetGroupName: "cache-subnets", securityGroupIds: ["sg-1"], tags: TAGS };

  it.each<[string, Record<string, unknown>, Partial<ReplicationGroup>]>([
    ["a customer-managed key", { atRestEncryptionEnabled: true, kmsKeyId: CMK_ARN }, { KmsKeyId: CMK_ARN }],
    ["at rest without a key", { atRestEncryptionEnabled: true }, {}],
    ["defaults: redis, not encrypted", { atRestEncryptionEnabled: false }, { AtRestEncryptionEnabled: false }],
  ])("replication group with %s", (_name, props, over) => {
    const fromPulumi = pulumi(subnets, engineResource("aws:elasticache/replicationGroup:ReplicationGroup", "sessions", { ...groupProps, ...props }));
    const fromAws = adapt(withMembers(group("sessions", over)));
    const store = storeNamed(fromAws, "sessions");
    expectParity(store, fromPulumi.stores[0]);
    expect(comparablePlacement(placementOf(fromAws, store.ref.id), networkOf(fromAws))).toEqual(comparablePlacement(pulumiPlacement(fromPulumi), fromPulumi.network));
    expectParity(fromAws.network?.subnetGroups, fromPulumi.network?.subnetGroups);
  });

  it("standalone Memcached cluster", () => {
    const fromPulumi = pulumi(subnets, engineResource("aws:elasticache/cluster:Cluster", "memo", { clusterId: "memo", engine: "memcached", subnetGroupName: "cache-subnets", securityGroupIds: ["sg-1"], tags: TAGS }));
    const fromAws = adapt({ cacheClusters: ok([tagged(standalone("memo"))]) });
    const store = storeNamed(fromAws, "memo");
    expectParity(store, fromPulumi.stores[0]);
    expect(comparablePlacement(placementOf(fromAws, store.ref.id), networkOf(fromAws))).toEqual(comparablePlacement(pulumiPlacement(fromPulumi), fromPulumi.network));
  });

  it.each<[string, Record<string, unknown>, Partial<ServerlessCache>]>([
    ["a customer-managed key", { kmsKeyId: CMK_ARN }, { KmsKeyId: CMK_ARN }],
    ["defaults: AWS-owned key", {}, {}],
  ])("serverless cache with %s", (_name, props, over) => {
    const fromPulumi = pulumi(engineResource("aws:elasticache/serverlessCache:ServerlessCache", "sessions-sl", { name: "sessions-sl", engine: "valkey", subnetIds: ["subnet-a", "subnet-b"], securityGroupIds: ["sg-1"], tags: TAGS, ...props }));
    const fromAws = adapt({ serverlessCaches: ok([tagged(serverless("sessions-sl", over))]) });
    const store = storeNamed(fromAws, "sessions-sl");
    expectParity(store, fromPulumi.stores[0]);
    expect(comparablePlacement(placementOf(fromAws, store.ref.id), undefined)).toEqual(comparablePlacement(pulumiPlacement(fromPulumi), undefined));
  });
});
