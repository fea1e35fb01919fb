import { isUnknown, unknown } from "../../../../core/value";
import type { Placement } from "../../../../models/placement";
import type { Props } from "../../props";
import { describeSetting, securityGroupsOf, subnetGroupPlacement, subnetListPlacement, subnetOf, subnetsOf, switchOf } from "./shapes";
import { isSet } from "../values";

/** Reads where one resource sits in the network. */
export type PlacementReader = (p: Props) => Placement;

const rdsInstance: PlacementReader = (p) => {
  const placement = subnetGroupPlacement(p, {
    service: "rds",
    groupPath: "dbSubnetGroupName",
    securityGroupPaths: ["vpcSecurityGroupIds"],
    publicPath: "publiclyAccessible",
    publicWhenUnset: false,
  });
  if (!placement.defaultVpc || p.get("replicateSourceDb") === undefined) return placement;
  const { defaultVpc: _ignored, ...rest } = placement;
  return { ...rest, subnets: unknown("not-fetched", `read replica ${p.resource.name} names no subnet group: it uses its source's`) };
};

/** Aurora and Multi-AZ clusters: public access is set on their instances (joined separately). */
const rdsCluster: PlacementReader = (p) =>
  subnetGroupPlacement(p, { service: "rds", groupPath: "dbSubnetGroupName", securityGroupPaths: ["vpcSecurityGroupIds"], publicWhenUnset: false });

/** DocumentDB has no public access. */
const docdbCluster: PlacementReader = (p) => ({
  ...subnetGroupPlacement(p, { service: "docdb", groupPath: "dbSubnetGroupName", securityGroupPaths: ["vpcSecurityGroupIds"] }),
  publiclyAccessible: false,
});

const neptuneCluster: PlacementReader = (p) =>
  subnetGroupPlacement(p, { service: "neptune", groupPath: "neptuneSubnetGroupName", securityGroupPaths: ["vpcSecurityGroupIds"], publicWhenUnset: false });

/**
 * Unset, `publiclyAccessible` follows AWS's default, private since January 2025 (@pulumi/aws v7).
 * @pulumi/aws v6 had a schema default of true, which its provider fills into the inputs.
 */
const redshiftCluster: PlacementReader = (p) =>
  subnetGroupPlacement(p, {
    service: "redshift",
    groupPath: "clusterSubnetGroupName",
    securityGroupPaths: ["vpcSecurityGroupIds"],
    publicPath: "publiclyAccessible",
    publicWhenUnset: false,
  });

/** ElastiCache nodes have no public endpoint. */
const elasticacheGroup: PlacementReader = (p) => ({
  ...subnetGroupPlacement(p, { service: "elasticache", groupPath: "subnetGroupName", securityGroupPaths: ["securityGroupIds"] }),
  publiclyAccessible: false,
});

const elasticacheServerless: PlacementReader = (p) => ({
  ...subnetListPlacement(p, { subnetPaths: ["subnetIds"], securityGroupPaths: ["securityGroupIds"] }),
  publiclyAccessible: false,
});

/** DMS makes replication instances public unless told otherwise. */
const dmsInstance: PlacementReader = (p) =>
  subnetGroupPlacement(p, {
    service: "dms",
    groupPath: "replicationSubnetGroupId",
    securityGroupPaths: ["vpcSecurityGroupIds"],
    publicPath: "publiclyAccessible",
    publicWhenUnset: true,
  });

const redshiftWorkgroup: PlacementReader = (p) =>
  subnetListPlacement(p, { subnetPaths: ["subnetIds"], securityGroupPaths: ["securityGroupIds"], publicPath: "publiclyAccessible", publicWhenUnset: false });

/** Without VPC options a domain has a public endpoint, guarded only by its access policy. */
const searchDomain: PlacementReader = (p) => {
  const options = p.obj("vpcOptions");
  if (isUnknown(options)) return { publiclyAccessible: options, subnets: options, securityGroups: options, inVpc: options, observed: "vpcOptions unknown" };
  if (options === undefined) return { publiclyAccessible: true, subnets: [], securityGroups: [], inVpc: false, observed: "no vpcOptions: public endpoint" };
  const base = p.itemPath("vpcOptions", 0);
  return {
    ...subnetListPlacement(p, { subnetPaths: [`${base}.subnetIds`], securityGroupPaths: [`${base}.securityGroupIds`] }),
    publiclyAccessible: false,
  };
};

const MSK_PUBLIC_ACCESS: ReadonlySet<string> = new Set(["DISABLED", "SERVICE_PROVIDED_EIPS"]);

/** MSK brokers are public only with `SERVICE_PROVIDED_EIPS`. */
const mskCluster: PlacementReader = (p) => {
  const info = p.itemPath("brokerNodeGroupInfo", 0);
  const access = p.str(`${p.itemPath(`${info}.connectivityInfo`, 0)}.publicAccess.type`);
  const placement = subnetListPlacement(p, { subnetPaths: [`${info}.clientSubnets`], securityGroupPaths: [`${info}.securityGroups`] });
  return {
    ...placement,
    publiclyAccessible: isUnknown(access) ? access : access === undefined ? undefined : access === "SERVICE_PROVIDED_EIPS",
    publicWhenUnset: false,
    // Only the provider's own values are printed: any other string is the program's text.
    observed: `publicAccess.type ${typeof access === "string" ? (MSK_PUBLIC_ACCESS.has(access) ? access : "an unrecognized value") : isUnknown(access) ? "unknown" : "not set"}`,
  };
};

const mskServerless: PlacementReader = (p) => {
  const count = p.count("vpcConfigs");
  const bases = isUnknown(count) ? [] : Array.from({ length: count }, (_, i) => p.itemPath("vpcConfigs", i));
  const placement = subnetListPlacement(p, {
    subnetPaths: bases.map((b) => `${b}.subnetIds`),
    securityGroupPaths: bases.map((b) => `${b}.securityGroupIds`),
  });
  return { ...placement, ...(isUnknown(count) ? { subnets: count } : {}), publiclyAccessible: false };
};

/** Without `associatePublicIpAddress` an instance follows its subnet's `mapPublicIpOnLaunch`. */
const ec2Instance: PlacementReader = (p) => {
  const subnets = subnetOf(p, "subnetId");
  const placedElsewhere = ["networkInterfaces", "primaryNetworkInterface", "launchTemplate"].find((path) => isSet(p, path));
  const defaultVpc = !isUnknown(subnets) && subnets.length === 0 && placedElsewhere === undefined;
  const noSubnet = defaultVpc
    ? unknown("not-fetched", `${p.resource.name} names no subnet: AWS places it in the default VPC`)
    : unknown("not-fetched", `${p.resource.name} names no subnet: its ${placedElsewhere ?? "network interfaces"} setting decides where it sits`);
  return {
    publiclyAccessible: switchOf(p, "associatePublicIpAddress"),
    subnets: !isUnknown(subnets) && subnets.length === 0 ? noSubnet : subnets,
    securityGroups: securityGroupsOf(p, "vpcSecurityGroupIds", "securityGroups"),
    inVpc: true,
    ...(defaultVpc ? { defaultVpc: true } : {}),
    observed: [describeSetting(p, "associatePublicIpAddress"), describeSetting(p, "subnetId")].join(", "),
  };
};

/** Compute, for segment checks: a function without `vpcConfig` runs outside the VPCs. */
const lambdaFunction: PlacementReader = (p) => {
  const config = p.obj("vpcConfig");
  if (isUnknown(config)) return { publiclyAccessible: undefined, subnets: config, securityGroups: config, inVpc: config, observed: "vpcConfig unknown" };
  const base = p.itemPath("vpcConfig", 0);
  const subnets = config === undefined ? [] : subnetsOf(p, `${base}.subnetIds`);
  if (!isUnknown(subnets) && subnets.length === 0) {
    return { publiclyAccessible: undefined, subnets: [], securityGroups: [], inVpc: false, observed: "no vpcConfig" };
  }
  return { publiclyAccessible: undefined, subnets, securityGroups: securityGroupsOf(p, `${base}.securityGroupIds`), inVpc: true, observed: "vpcConfig set" };
};

/** An EFS mount target is a network interface with private addresses only. */
const efsMountTarget: PlacementReader = (p) => ({
  publiclyAccessible: false,
  subnets: subnetOf(p, "subnetId"),
  securityGroups: securityGroupsOf(p, "securityGroups"),
  inVpc: true,
  observed: `mount target ${p.resource.name}`,
});

const clusterInstance: PlacementReader = (p) => ({
  publiclyAccessible: switchOf(p, "publiclyAccessible"),
  publicWhenUnset: false,
  subnets: unknown("not-fetched", `${p.resource.name} uses its cluster's subnets`),
  securityGroups: unknown("not-fetched", `${p.resource.name} uses its cluster's security groups`),
  inVpc: true,
  observed: `instance ${p.resource.name}: ${describeSetting(p, "publiclyAccessible")}`,
});

/** Readers of the resources placed on their own. */
export const PLACEMENT_READERS: ReadonlyMap<string, PlacementReader> = new Map([
  ["aws:rds/instance:Instance", rdsInstance],
  ["aws:rds/cluster:Cluster", rdsCluster],
  ["aws:docdb/cluster:Cluster", docdbCluster],
  ["aws:neptune/cluster:Cluster", neptuneCluster],
  ["aws:redshift/cluster:Cluster", redshiftCluster],
  ["aws:elasticache/replicationGroup:ReplicationGroup", elasticacheGroup],
  ["aws:elasticache/cluster:Cluster", elasticacheGroup],
  ["aws:elasticache/serverlessCache:ServerlessCache", elasticacheServerless],
  ["aws:opensearch/domain:Domain", searchDomain],
  ["aws:elasticsearch/domain:Domain", searchDomain],
  ["aws:msk/cluster:Cluster", mskCluster],
  ["aws:msk/serverlessCluster:ServerlessCluster", mskServerless],
  ["aws:ec2/instance:Instance", ec2Instance],
  ["aws:dms/replicationInstance:ReplicationInstance", dmsInstance],
  ["aws:lambda/function:Function", lambdaFunction],
]);

/** Readers of resources that place another one (joined by `PLACEMENT_JOINS`). */
export const PART_READERS = { efsMountTarget, clusterInstance, redshiftWorkgroup } as const;