import { describe, expect, it } from "vitest";
import { buildNetworkGraph, buildPlacements, PLACEMENT_TYPES, placementOf } from "../../../../src/adapters/pulumi/network";
import { Props } from "../../../../src/adapters/pulumi/props";
import { isUnknown } from "../../../../src/core/value";
import type { Placement } from "../../../../src/models/placement";
import { VPC_DEFAULT_SECURITY_GROUP } from "../../../../src/models/network";
import { effectivePublicAccess } from "../../../../src/network/merge-placements";
import { indexNetwork } from "../../../../src/network/network-index";
import { resolvePlacement } from "../../../../src/network/resolve-placement";
import { engineResource, UNKNOWN, urnOf } from "../../../helpers/engine";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const SUBNET = "aws:ec2/subnet:Subnet";
const sgUrn = urnOf(SG, "db");
const subnetUrn = (n: string) => urnOf(SUBNET, n);

type Res = Parameters<typeof engineResource>;
const placement = (...r: Res): Placement => {
  const p = placementOf(new Props(engineResource(...r)));
  if (!p) throw new Error("no placement");
  return p;
};
const summary = (p: Placement) => {
  const pub = effectivePublicAccess(p);
  const show = (v: unknown) => (isUnknown(v) ? `unknown:${v.reason}` : v);
  return { public: show(pub), subnets: show(p.subnets), securityGroups: show(p.securityGroups), inVpc: show(p.inVpc), defaultVpc: p.defaultVpc ?? false };
};

describe("placementOf", () => {
  const groupDeps = (t: string) => [urnOf(t, "grp")];
  it.each<[string, Res, Record<string, unknown>]>([
    [
      "RDS instance, private, in a subnet group of the stack",
      ["aws:rds/instance:Instance", "db", { publiclyAccessible: false, dbSubnetGroupName: UNKNOWN, vpcSecurityGroupIds: [UNKNOWN] }, { dbSubnetGroupName: groupDeps("aws:rds/subnetGroup:SubnetGroup"), vpcSecurityGroupIds: [sgUrn] }],
      { public: false, subnets: "unknown:not-fetched", securityGroups: [sgUrn], inVpc: true, defaultVpc: false },
    ],
    ["RDS instance, publiclyAccessible=true", ["aws:rds/instance:Instance", "db", { publiclyAccessible: true, dbSubnetGroupName: "grp", vpcSecurityGroupIds: ["sg-1"] }], { public: true }],
    ["RDS instance without subnet group: default VPC, default SG", ["aws:rds/instance:Instance", "db", {}], { public: false, defaultVpc: true, securityGroups: [VPC_DEFAULT_SECURITY_GROUP] }],
    ["RDS instance, publiclyAccessible unknown", ["aws:rds/instance:Instance", "db", { publiclyAccessible: UNKNOWN }, { publiclyAccessible: [urnOf("random:index/randomString:RandomString", "r")] }], { public: "unknown:preview" }],
    ["RDS cluster", ["aws:rds/cluster:Cluster", "c", { dbSubnetGroupName: "grp", vpcSecurityGroupIds: ["sg-1"] }], { public: false, securityGroups: ["sg-1"] }],
    ["DocumentDB cluster is never public", ["aws:docdb/cluster:Cluster", "c", { dbSubnetGroupName: "grp" }], { public: false }],
    ["Neptune cluster", ["aws:neptune/cluster:Cluster", "c", { neptuneSubnetGroupName: "grp" }], { public: false }],
    ["Redshift cluster, public", ["aws:redshift/cluster:Cluster", "r", { publiclyAccessible: true, clusterSubnetGroupName: "grp" }], { public: true }],
    ["Redshift cluster, unset (v7 default false)", ["aws:redshift/cluster:Cluster", "r", { clusterSubnetGroupName: "grp" }], { public: false }],
    ["ElastiCache replication group", ["aws:elasticache/replicationGroup:ReplicationGroup", "c", { subnetGroupName: "grp", securityGroupIds: ["sg-1"] }], { public: false, securityGroups: ["sg-1"] }],
    ["ElastiCache serverless with subnets", ["aws:elasticache/serverlessCache:ServerlessCache", "c", { subnetIds: ["subnet-1"], securityGroupIds: ["sg-1"] }], { public: false, subnets: ["subnet-1"] }],
    ["ElastiCache serverless without subnets", ["aws:elasticache/serverlessCache:ServerlessCache", "c", {}], { defaultVpc: true, subnets: "unknown:not-fetched" }],
    ["OpenSearch without vpcOptions: public endpoint", ["aws:opensearch/domain:Domain", "d", {}], { public: true, inVpc: false, subnets: [] }],
    [
      "OpenSearch with vpcOptions (object)",
      ["aws:opensearch/domain:Domain", "d", { vpcOptions: { subnetIds: [UNKNOWN], securityGroupIds: [UNKNOWN] } }, { vpcOptions: [subnetUrn("a"), sgUrn] }],
      { public: false, inVpc: true, subnets: [subnetUrn("a")], securityGroups: [sgUrn] },
    ],
    ["Elasticsearch with vpcOptions as a one-element list", ["aws:elasticsearch/domain:Domain", "d", { vpcOptions: [{ subnetIds: ["subnet-1"], securityGroupIds: ["sg-1"] }] }], { public: false, subnets: ["subnet-1"] }],
    ["OpenSearch with vpcOptions unknown", ["aws:opensearch/domain:Domain", "d", { vpcOptions: UNKNOWN }], { public: "unknown:preview", inVpc: "unknown:preview" }],
    [
      "MSK with SERVICE_PROVIDED_EIPS",
      ["aws:msk/cluster:Cluster", "k", { brokerNodeGroupInfo: { clientSubnets: ["subnet-1"], securityGroups: ["sg-1"], connectivityInfo: { publicAccess: { type: "SERVICE_PROVIDED_EIPS" } } } }],
      { public: true, subnets: ["subnet-1"], securityGroups: ["sg-1"] },
    ],
    ["MSK with public access DISABLED", ["aws:msk/cluster:Cluster", "k", { brokerNodeGroupInfo: { clientSubnets: ["subnet-1"], securityGroups: ["sg-1"], connectivityInfo: { publicAccess: { type: "DISABLED" } } } }], { public: false }],
    ["MSK without connectivityInfo", ["aws:msk/cluster:Cluster", "k", { brokerNodeGroupInfo: { clientSubnets: ["subnet-1"], securityGroups: ["sg-1"] } }], { public: false }],
    ["MSK serverless", ["aws:msk/serverlessCluster:ServerlessCluster", "k", { vpcConfigs: [{ subnetIds: ["subnet-1"], securityGroupIds: ["sg-1"] }, { subnetIds: ["subnet-2"] }] }], { public: false, subnets: ["subnet-1", "subnet-2"] }],
    ["EC2 instance with a public IP", ["aws:ec2/instance:Instance", "i", { subnetId: "subnet-1", vpcSecurityGroupIds: ["sg-1"], associatePublicIpAddress: true }], { public: true, subnets: ["subnet-1"] }],
    ["EC2 instance, public IP left to the subnet", ["aws:ec2/instance:Instance", "i", { subnetId: "subnet-1" }], { public: undefined }],
    ["EC2 instance, public IP computed from another resource", ["aws:ec2/instance:Instance", "i", { subnetId: "subnet-1", associatePublicIpAddress: UNKNOWN }], { public: "unknown:preview" }],
    ["EC2 instance without subnet: default VPC", ["aws:ec2/instance:Instance", "i", { securityGroups: ["default"] }], { defaultVpc: true, securityGroups: ["default"] }],
    ["DMS replication instance, unset: AWS makes it public", ["aws:dms/replicationInstance:ReplicationInstance", "dms", { replicationSubnetGroupId: "grp" }], { public: true }],
    ["DMS replication instance, private", ["aws:dms/replicationInstance:ReplicationInstance", "dms", { publiclyAccessible: false, replicationSubnetGroupId: "grp" }], { public: false }],
    ["Lambda without vpcConfig", ["aws:lambda/function:Function", "f", {}], { public: undefined, inVpc: false }],
    ["Lambda in a VPC", ["aws:lambda/function:Function", "f", { vpcConfig: { subnetIds: ["subnet-1"], securityGroupIds: ["sg-1"] } }], { inVpc: true, subnets: ["subnet-1"] }],
    ["EFS mount target", ["aws:efs/mountTarget:MountTarget", "mt", { fileSystemId: "fs-1", subnetId: "subnet-1", securityGroups: ["sg-1"] }], { public: false, subnets: ["subnet-1"] }],
    ["Redshift Serverless workgroup", ["aws:redshiftserverless/workgroup:Workgroup", "wg", { namespaceName: "ns", subnetIds: ["subnet-1"], publiclyAccessible: true }], { public: true }],
  ])("%s", (_name, res, expected) => {
    expect(summary(placement(...res))).toMatchObject(expected);
  });

  it("a string where the subnet list belongs is Unknown(error) naming the path", () => {
    const p = placement("aws:elasticache/serverlessCache:ServerlessCache", "c", { subnetIds: "subnet-1" });
    expect(p.subnets).toMatchObject({ reason: "error", detail: "property 'subnetIds' of c should be a list, got string" });
  });

  it("a read replica without a subnet group uses its source's", () => {
    const p = placement("aws:rds/instance:Instance", "replica", { replicateSourceDb: "primary" });
    expect(p.defaultVpc).toBeUndefined();
    expect(isUnknown(p.subnets) && p.subnets.detail).toMatch(/uses its source's/);
  });

  it("returns undefined for other types", () => {
    expect(placementOf(new Props(engineResource("aws:s3/bucket:Bucket", "b", {})))).toBeUndefined();
  });
});

describe("buildPlacements: stores placed by other resources", () => {
  const build = (...rs: Res[]) => buildPlacements(rs.map((r) => engineResource(...r)));

  it("EFS mount targets join their file system by dependency, and unite", () => {
    const fs = urnOf("aws:efs/fileSystem:FileSystem", "data");
    const map = build(
      ["aws:efs/fileSystem:FileSystem", "data", {}],
      ["aws:efs/mountTarget:MountTarget", "a", { fileSystemId: UNKNOWN, subnetId: "subnet-1", securityGroups: ["sg-1"] }, { fileSystemId: [fs] }],
      ["aws:efs/mountTarget:MountTarget", "b", { fileSystemId: UNKNOWN, subnetId: "subnet-2", securityGroups: ["sg-1"] }, { fileSystemId: [fs] }],
    );
    expect(map.get(fs)).toMatchObject({ subnets: ["subnet-1", "subnet-2"], securityGroups: ["sg-1"], publiclyAccessible: false });
  });

  it("EFS mount targets join by known file system id", () => {
    const fs = urnOf("aws:efs/fileSystem:FileSystem", "data");
    const map = build(["aws:efs/fileSystem:FileSystem", "data", { id: "fs-0abc" }], ["aws:efs/mountTarget:MountTarget", "a", { fileSystemId: "fs-0abc", subnetId: "subnet-1" }]);
    expect(map.get(fs)?.subnets).toEqual(["subnet-1"]);
  });

  it.each<[string, boolean | undefined, unknown]>([
    ["a public Aurora instance makes the cluster public", true, true],
    ["private instances keep it private", false, false],
    ["an instance without the switch: AWS default (private)", undefined, false],
  ])("%s", (_name, publiclyAccessible, expected) => {
    const cluster = urnOf("aws:rds/cluster:Cluster", "aurora");
    const map = build(
      ["aws:rds/cluster:Cluster", "aurora", { clusterIdentifier: "aurora", dbSubnetGroupName: "grp", vpcSecurityGroupIds: ["sg-1"] }],
      ["aws:rds/clusterInstance:ClusterInstance", "aurora-1", { clusterIdentifier: "aurora", ...(publiclyAccessible === undefined ? {} : { publiclyAccessible }) }],
    );
    const p = map.get(cluster) as Placement;
    expect(effectivePublicAccess(p)).toBe(expected);
    expect(p.securityGroups).toEqual(["sg-1"]);
  });

  it("a Redshift Serverless workgroup places its namespace, joined by namespace name", () => {
    const ns = urnOf("aws:redshiftserverless/namespace:Namespace", "ns");
    const map = build(["aws:redshiftserverless/namespace:Namespace", "ns", { namespaceName: "analytics" }], ["aws:redshiftserverless/workgroup:Workgroup", "wg", { namespaceName: "analytics", subnetIds: ["subnet-1"], securityGroupIds: ["sg-1"] }]);
    expect(map.get(ns)).toMatchObject({ subnets: ["subnet-1"], securityGroups: ["sg-1"] });
  });

  it("a part whose store is not in the stack is left out", () => {
    expect(build(["aws:efs/mountTarget:MountTarget", "a", { fileSystemId: "fs-elsewhere", subnetId: "subnet-1" }]).size).toBe(0);
  });

  it("lists every type it reads", () => {
    expect(PLACEMENT_TYPES).toEqual(expect.arrayContaining(["aws:rds/instance:Instance", "aws:efs/mountTarget:MountTarget", "aws:redshiftserverless/workgroup:Workgroup", "aws:lambda/function:Function"]));
  });
});

describe("a store's placement resolved against the stack's network", () => {
  it("an RDS instance's subnet group gives its subnets", () => {
    const rsGroup = urnOf("aws:rds/subnetGroup:SubnetGroup", "grp");
    const resources = [
      engineResource(SUBNET, "a", { vpcId: "vpc-1" }),
      engineResource(SUBNET, "b", { vpcId: "vpc-1" }),
      engineResource("aws:rds/subnetGroup:SubnetGroup", "grp", { name: "grp-123", subnetIds: [UNKNOWN, UNKNOWN] }, { subnetIds: [subnetUrn("a"), subnetUrn("b")] }),
      engineResource("aws:rds/instance:Instance", "db", { dbSubnetGroupName: "grp-123", vpcSecurityGroupIds: ["sg-1"] }),
    ];
    const net = indexNetwork(buildNetworkGraph(resources));
    const p = buildPlacements(resources).get(urnOf("aws:rds/instance:Instance", "db")) as Placement;
    expect(resolvePlacement(net, p)).toMatchObject({ subnetGroup: rsGroup, subnets: [subnetUrn("a"), subnetUrn("b")] });
  });
});
