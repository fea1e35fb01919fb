import type { CacheCluster, CacheSubnetGroup, ServerlessCache } from "@aws-sdk/client-elasticache";
import { unknown, type Val } from "../../core/value";
import type { Fetched } from "../../fetchers/aws/fetched";
import type { NetworkRef, SubnetGroup } from "../../models/network";
import type { Placement } from "../../models/placement";
import type { AdaptContext } from "./context";
import { unknownOf } from "./fetched";
import { listedSubnetGroup, subnetGroupPlacement, type SubnetGroupListing } from "./listed-subnet-groups";
import { arnOf, awsRef } from "./refs";

/** ElastiCache nodes have no public endpoint: every placement here is private. */

const CACHE_SUBNET_GROUPS: SubnetGroupListing = { service: "elasticache", label: "ElastiCache subnet group", operation: "DescribeCacheSubnetGroups" };

export function cacheSubnetGroupModel(g: CacheSubnetGroup, ctx: AdaptContext, region: string): SubnetGroup | undefined {
  return listedSubnetGroup("elasticache", g.CacheSubnetGroupName, g.Subnets, (name) => {
    const arn = g.ARN ?? arnOf(ctx.partition, "elasticache", region, ctx.account, `subnetgroup:${name}`);
    return awsRef(arn, "AWS::ElastiCache::SubnetGroup", name, "ElastiCache subnet group", ctx.account, region);
  });
}

const groupPart = (name: string | undefined, who: string, groups: Fetched<SubnetGroup[]>) => subnetGroupPlacement(name, who, groups, CACHE_SUBNET_GROUPS);

const securityGroupsOf = (clusters: readonly CacheCluster[]): NetworkRef[] => [
  ...new Set(clusters.flatMap((c) => (c.SecurityGroups ?? []).flatMap((g) => (g.SecurityGroupId ? [g.SecurityGroupId] : [])))),
];

/** A standalone cache cluster: its own subnet group and security groups. */
export function cacheClusterPlacement(c: CacheCluster, groups: Fetched<SubnetGroup[]>): Placement {
  const name = c.CacheSubnetGroupName;
  return {
    publiclyAccessible: false,
    ...groupPart(name, c.CacheClusterId ?? "", groups),
    securityGroups: securityGroupsOf([c]),
    inVpc: true,
    observed: `CacheSubnetGroupName ${name ?? "not reported"}`,
  };
}

/**
 * A replication group is placed by its member clusters (the group's answer names neither subnet
 * group nor security groups): the members' subnet group, and their security groups united.
 */
export function replicationGroupPlacement(id: string, clusters: Fetched<CacheCluster[]>, groups: Fetched<SubnetGroup[]>): Placement {
  if (!clusters.ok) {
    const why = unknownOf(clusters.failure);
    return { publiclyAccessible: false, subnetGroup: why, subnets: why, securityGroups: why, inVpc: true, observed: "member clusters not listed" };
  }
  const members = clusters.value.filter((c) => c.ReplicationGroupId === id);
  if (members.length === 0) {
    const why = unknown("not-fetched", `no member cluster of replication group ${id} was listed: its subnets and security groups are not known`);
    return { publiclyAccessible: false, subnets: why, securityGroups: why, inVpc: true, observed: "no member clusters listed" };
  }
  const name = members.find((c) => c.CacheSubnetGroupName)?.CacheSubnetGroupName;
  return {
    publiclyAccessible: false,
    ...groupPart(name, id, groups),
    securityGroups: securityGroupsOf(members),
    inVpc: true,
    observed: `CacheSubnetGroupName ${name ?? "not reported"} (of ${members.length} member cluster(s))`,
  };
}

export function serverlessCachePlacement(c: ServerlessCache): Placement {
  const subnets = [...new Set(c.SubnetIds ?? [])];
  const defaultVpc = subnets.length === 0;
  const placed: Val<readonly NetworkRef[]> = defaultVpc
    ? unknown("not-fetched", `${c.ServerlessCacheName ?? ""} names no subnets: AWS places it in the default VPC`)
    : subnets;
  return {
    publiclyAccessible: false,
    subnets: placed,
    securityGroups: [...new Set(c.SecurityGroupIds ?? [])],
    inVpc: true,
    ...(defaultVpc ? { defaultVpc: true } : {}),
    observed: `SubnetIds: ${subnets.length}`,
  };
}
