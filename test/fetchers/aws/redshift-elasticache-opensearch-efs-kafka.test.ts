import { CreateFileSystemCommand, CreateMountTargetCommand, EFSClient, PutFileSystemPolicyCommand } from "@aws-sdk/client-efs";
import { CreateCacheClusterCommand, CreateCacheSubnetGroupCommand, CreateReplicationGroupCommand, ElastiCacheClient } from "@aws-sdk/client-elasticache";
import { CreateClusterV2Command, KafkaClient } from "@aws-sdk/client-kafka";
import { CreateDomainCommand, OpenSearchClient } from "@aws-sdk/client-opensearch";
import { CreateClusterCommand, CreateClusterSubnetGroupCommand, RedshiftClient } from "@aws-sdk/client-redshift";
import { beforeAll, describe, expect, it } from "vitest";
import type { InventoryContribution } from "../../../src/adapters/aws/contribution";
import { isUnknown } from "../../../src/core/value";
import { kmsFetcher } from "../../../src/fetchers/aws/kms";
import type { Placement } from "../../../src/models/placement";
import { effectivePublicAccess } from "../../../src/network/merge-placements";
import { ANALYTICS_SOURCES } from "../../../src/scanner/sources/analytics";
import type { AnySource } from "../../../src/scanner/source";
import { placementOf, storeNamed } from "../../adapters/aws/contributions";
import { everyKeyCustomerManaged } from "../../adapters/aws/fixtures";
import { MOTO_ACCOUNT, scanContext, seedConfig } from "../../support/aws-context";
import { MOTO_SETUP_TIMEOUT, useFaultProxy, useMoto } from "../../support/moto/use-moto";
import { kmsAnswersContext, seedNetwork, type SeededNetwork } from "./emulator-fixtures";

const REGION = "us-east-1";
const RESTRICTED = { "data-classification": "restricted" };
const RESTRICTED_LIST = [{ Key: "data-classification", Value: "restricted" }];
const password = "not-a-secret-1";

interface Seeded extends SeededNetwork {
  domainPolicy: string;
  efsPolicy: string;
  efsId: string;
  plainEfsId: string;
}

async function seed(endpoint: string): Promise<Seeded> {
  const config = seedConfig(endpoint, REGION);
  const { cmk, subnets, sg } = await seedNetwork(endpoint, REGION, { key: "analytics", prefix: "10.1", group: "data" });

  const redshift = new RedshiftClient(config);
  await redshift.send(new CreateClusterSubnetGroupCommand({ ClusterSubnetGroupName: "wh-subnets", Description: "warehouse", SubnetIds: subnets }));
  const cluster = { NodeType: "ra3.xlplus", MasterUsername: "admin", MasterUserPassword: password, ClusterSubnetGroupName: "wh-subnets", VpcSecurityGroupIds: [sg] };
  await redshift.send(new CreateClusterCommand({ ...cluster, ClusterIdentifier: "warehouse", Encrypted: true, KmsKeyId: cmk, PubliclyAccessible: false, Tags: RESTRICTED_LIST }));
  await redshift.send(new CreateClusterCommand({ ...cluster, ClusterIdentifier: "open", Encrypted: false, PubliclyAccessible: true }));

  const elasticache = new ElastiCacheClient(config);
  await elasticache.send(new CreateCacheSubnetGroupCommand({ CacheSubnetGroupName: "cache-subnets", CacheSubnetGroupDescription: "cache", SubnetIds: subnets }));
  await elasticache.send(
    new CreateReplicationGroupCommand({
      ReplicationGroupId: "sessions",
      ReplicationGroupDescription: "sessions",
      Engine: "redis",
      CacheNodeType: "cache.t3.micro",
      AtRestEncryptionEnabled: true,
      KmsKeyId: cmk,
      CacheSubnetGroupName: "cache-subnets",
      SecurityGroupIds: [sg],
      Tags: RESTRICTED_LIST,
    }),
  );
  // moto lists no member clusters of a replication group: add one, as AWS lists them.
  const node = { CacheNodeType: "cache.t3.micro", NumCacheNodes: 1, CacheSubnetGroupName: "cache-subnets", SecurityGroupIds: [sg] };
  await elasticache.send(new CreateCacheClusterCommand({ ...node, CacheClusterId: "sessions-001", ReplicationGroupId: "sessions", Engine: "redis" }));
  await elasticache.send(new CreateCacheClusterCommand({ ...node, CacheClusterId: "memo", Engine: "memcached", Tags: RESTRICTED_LIST }));

  const opensearch = new OpenSearchClient(config);
  const domainPolicy = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "es:*", Resource: `arn:aws:es:${REGION}:${MOTO_ACCOUNT}:domain/open-search/*` }],
  });
  await opensearch.send(
    new CreateDomainCommand({
      DomainName: "search",
      EngineVersion: "OpenSearch_2.11",
      EncryptionAtRestOptions: { Enabled: true, KmsKeyId: cmk },
      VPCOptions: { SubnetIds: subnets, SecurityGroupIds: [sg] },
      TagList: RESTRICTED_LIST,
    }),
  );
  await opensearch.send(new CreateDomainCommand({ DomainName: "open-search", EngineVersion: "Elasticsearch_7.10", AccessPolicies: domainPolicy }));

  const efs = new EFSClient(config);
  const fs = await efs.send(new CreateFileSystemCommand({ CreationToken: "files", Encrypted: true, KmsKeyId: cmk, Tags: RESTRICTED_LIST }));
  const efsId = fs.FileSystemId ?? "";
  for (const subnet of subnets) await efs.send(new CreateMountTargetCommand({ FileSystemId: efsId, SubnetId: subnet, SecurityGroups: [sg] }));
  const efsPolicy = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${MOTO_ACCOUNT}:root` }, Action: "elasticfilesystem:ClientMount", Resource: fs.FileSystemArn }],
  });
  await efs.send(new PutFileSystemPolicyCommand({ FileSystemId: efsId, Policy: efsPolicy }));
  const plainEfsId = (await efs.send(new CreateFileSystemCommand({ CreationToken: "plain", Encrypted: false }))).FileSystemId ?? "";

  // Seeded although moto's listing of it cannot be read by the SDK (see the MSK test).
  const kafka = new KafkaClient(config);
  await kafka.send(
    new CreateClusterV2Command({
      ClusterName: "events",
      Tags: RESTRICTED,
      Provisioned: {
        KafkaVersion: "3.6.0",
        NumberOfBrokerNodes: 2,
        BrokerNodeGroupInfo: { InstanceType: "kafka.m5.large", ClientSubnets: subnets, SecurityGroups: [sg], ConnectivityInfo: { PublicAccess: { Type: "SERVICE_PROVIDED_EIPS" } } },
        EncryptionInfo: { EncryptionAtRest: { DataVolumeKMSKeyId: cmk } },
      },
    }),
  );
  await kafka.send(new CreateClusterV2Command({ ClusterName: "stream", Serverless: { VpcConfigs: [{ SubnetIds: subnets, SecurityGroupIds: [sg] }] } }));
  return { cmk, subnets, sg, domainPolicy, efsPolicy, efsId, plainEfsId };
}

/** Every analytics source run against the emulator, its answers adapted with the KMS answers deciding key managers. */
async function scan(endpoint: string): Promise<Map<string, InventoryContribution>> {
  const { ctx } = scanContext(endpoint, REGION);
  const adaptContext = kmsAnswersContext(await kmsFetcher.fetch(ctx));
  const run = async (s: AnySource): Promise<[string, InventoryContribution]> => [s.fetcher.name, s.adapt(await s.fetcher.fetch(ctx), adaptContext)];
  return new Map(await Promise.all(ANALYTICS_SOURCES.map(run)));
}

const sorted = (refs: Placement["subnets"]): unknown => (isUnknown(refs) ? refs : [...refs].sort());

const moto = useMoto();

describe("Redshift, ElastiCache, OpenSearch, EFS and MSK fetchers and adapters against moto", () => {
  let seeded: Seeded;
  let scanned: Map<string, InventoryContribution>;

  beforeAll(async () => {
    seeded = await seed(moto().endpoint);
    scanned = await scan(moto().endpoint);
  }, MOTO_SETUP_TIMEOUT);

  it("declares one source per service, each with read-only actions of its own service", () => {
    expect(ANALYTICS_SOURCES.map((s) => s.fetcher.name)).toEqual([
      "redshift-clusters",
      "redshift-serverless-namespaces",
      "elasticache",
      "opensearch-domains",
      "efs-file-systems",
      "msk-clusters",
    ]);
    for (const s of ANALYTICS_SOURCES) {
      for (const action of s.fetcher.actions) {
        // EFS's DescribeMountTargetSecurityGroups is authorized on the mount target's network interface too.
        const own = action.startsWith(`${s.fetcher.service}:`) || (s.fetcher.service === "elasticfilesystem" && action === "ec2:DescribeNetworkInterfaceAttribute");
        expect(own, action).toBe(true);
        expect(action.split(":")[1], action).toMatch(/^(Describe|List)/);
      }
    }
  });

  it("Redshift: a cluster with a customer-managed key in its subnet group; a public unencrypted one", () => {
    const c = scanned.get("redshift-clusters");
    expect(c?.gaps).toEqual([]);
    const s = storeNamed(c, "warehouse");
    expect(s).toMatchObject({
      kind: "redshift-cluster",
      ref: { id: `arn:aws:redshift:${REGION}:${MOTO_ACCOUNT}:cluster:warehouse`, type: "AWS::Redshift::Cluster", account: MOTO_ACCOUNT, region: REGION },
      tags: RESTRICTED,
      encryption: { enabled: true, keyManager: "customer-managed", keyId: seeded.cmk, keyRef: seeded.cmk },
    });
    const p = placementOf(c, s.ref.id);
    expect(p).toMatchObject({ publiclyAccessible: false, subnetGroupService: "redshift", securityGroups: [seeded.sg], inVpc: true });
    expect(sorted(p.subnets)).toEqual([...seeded.subnets].sort());
    expect(c?.network?.subnetGroups?.find((g) => g.ref.id === p.subnetGroup)).toMatchObject({ name: "wh-subnets", service: "redshift" });
    const open = storeNamed(c, "open");
    expect(open.encryption).toMatchObject({ enabled: false });
    expect(effectivePublicAccess(placementOf(c, open.ref.id))).toBe(true);
  });

  it("ElastiCache: a replication group placed by its member; a standalone Memcached cluster", () => {
    const c = scanned.get("elasticache");
    const g = storeNamed(c, "sessions");
    expect(g).toMatchObject({ kind: "elasticache-replication-group", tags: RESTRICTED, encryption: { enabled: true, keyManager: "customer-managed", keyId: seeded.cmk } });
    const p = placementOf(c, g.ref.id);
    // moto answers no SecurityGroups for cache clusters (AWS does): security groups are covered by the recorded tests.
    expect(p).toMatchObject({ publiclyAccessible: false, subnetGroupService: "elasticache", inVpc: true });
    expect(c?.network?.subnetGroups?.find((sg) => sg.ref.id === p.subnetGroup)).toMatchObject({ name: "cache-subnets", service: "elasticache" });
    expect(sorted(p.subnets)).toEqual([...seeded.subnets].sort());
    expect(storeNamed(c, "memo")).toMatchObject({ variant: "elasticache-cache-cluster", tags: RESTRICTED, encryption: { enabled: false } });
    expect(c?.stores?.map((s) => s.ref.name).sort()).toEqual(["memo", "sessions"]);
    // moto has no DescribeServerlessCaches: that listing alone is a gap; serverless caches are covered by the recorded tests.
    expect(c?.gaps?.map((gap) => [gap.action, gap.reason])).toEqual([["elasticache:DescribeServerlessCaches", "error"]]);
  });

  it("OpenSearch: a VPC domain with a customer-managed key; a public Elasticsearch domain with a public policy", () => {
    const c = scanned.get("opensearch-domains");
    expect(c?.gaps).toBeUndefined();
    const s = storeNamed(c, "search");
    expect(s).toMatchObject({ kind: "opensearch-domain", tags: RESTRICTED, encryption: { enabled: true, keyManager: "customer-managed", keyId: seeded.cmk } });
    expect(s.variant).toBeUndefined();
    const p = placementOf(c, s.ref.id);
    expect(p).toMatchObject({ publiclyAccessible: false, inVpc: true, securityGroups: [seeded.sg] });
    expect(sorted(p.subnets)).toEqual([...seeded.subnets].sort());
    const open = storeNamed(c, "open-search");
    expect(open).toMatchObject({ variant: "elasticsearch-domain", encryption: { enabled: false } });
    expect(placementOf(c, open.ref.id)).toMatchObject({ publiclyAccessible: true, inVpc: false });
    expect(c?.resourcePolicies?.find((r) => r.target === open.ref.id)).toMatchObject({ service: "opensearch", document: seeded.domainPolicy, accountId: MOTO_ACCOUNT });
  });

  it("EFS: an encrypted file system with its policy and mount targets; a plain one", () => {
    const c = scanned.get("efs-file-systems");
    const s = storeNamed(c, seeded.efsId);
    expect(s).toMatchObject({ kind: "efs-file-system", tags: expect.objectContaining(RESTRICTED), encryption: { enabled: true, keyManager: "customer-managed", keyId: seeded.cmk } });
    const p = placementOf(c, s.ref.id);
    expect(p).toMatchObject({ publiclyAccessible: false, securityGroups: [seeded.sg], inVpc: true });
    expect(sorted(p.subnets)).toEqual([...seeded.subnets].sort());
    expect(c?.resourcePolicies).toEqual([expect.objectContaining({ target: s.ref.id, service: "efs", document: seeded.efsPolicy })]);
    expect(storeNamed(c, seeded.plainEfsId).encryption).toMatchObject({ enabled: false });
  });

  it("MSK and Redshift Serverless, which moto cannot answer the SDK for, leave gaps and no invented store", () => {
    // moto's ListClustersV2 answers CreationTime in a form the SDK rejects (not RFC 3339), and moto has no
    // Redshift Serverless at all: both are covered by the recorded tests.
    const msk = scanned.get("msk-clusters");
    expect(msk?.stores).toBeUndefined();
    expect(msk?.gaps).toEqual([expect.objectContaining({ service: "kafka", action: "kafka:ListClustersV2", reason: "error", what: "MSK clusters", detail: expect.stringMatching(/date-time/) })]);
    const serverless = scanned.get("redshift-serverless-namespaces");
    expect(serverless?.stores).toEqual([]);
    expect(serverless?.gaps?.map((g) => [g.action, g.reason])).toEqual([
      ["redshift-serverless:ListNamespaces", "error"],
      ["redshift-serverless:ListWorkgroups", "error"],
    ]);
  });
});

describe("Redshift, ElastiCache, OpenSearch and EFS answers denied", () => {
  const proxy = useFaultProxy(() => ({ target: moto().endpoint, accessDenied: ["redshift", "elasticache", "es", "elasticfilesystem"] }));

  it("every listing is a coverage gap with reason access-denied; no model is invented", async () => {
    const { ctx } = scanContext(proxy().endpoint, REGION);
    const adaptContext = everyKeyCustomerManaged(MOTO_ACCOUNT);
    const denied = ANALYTICS_SOURCES.filter((s) => ["redshift", "elasticache", "es", "elasticfilesystem"].includes(s.fetcher.service));
    const contributions = await Promise.all(denied.map(async (s) => s.adapt(await s.fetcher.fetch(ctx), adaptContext) as InventoryContribution));
    expect(contributions.flatMap((c) => (c.gaps ?? []).map((g) => [g.action, g.reason]))).toEqual([
      ["redshift:DescribeClusters", "access-denied"],
      ["redshift:DescribeClusterSubnetGroups", "access-denied"],
      ["elasticache:DescribeReplicationGroups", "access-denied"],
      ["elasticache:DescribeCacheClusters", "access-denied"],
      ["elasticache:DescribeServerlessCaches", "access-denied"],
      ["elasticache:DescribeCacheSubnetGroups", "access-denied"],
      ["es:ListDomainNames", "access-denied"],
      ["elasticfilesystem:DescribeFileSystems", "access-denied"],
    ]);
    expect(contributions.flatMap((c) => c.stores ?? [])).toEqual([]);
  });
});
