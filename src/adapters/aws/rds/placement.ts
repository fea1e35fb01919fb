import type { DBCluster, DBInstance, VpcSecurityGroupMembership } from "@aws-sdk/client-rds";
import { unknown, type Val } from "../../../core/value";
import type { NetworkRef, SubnetGroupService } from "../../../models/network";
import type { Placement } from "../../../models/placement";
import type { SubnetGroups } from "./subnet-groups";

const securityGroupsOf = (list: readonly VpcSecurityGroupMembership[] | undefined): NetworkRef[] => [
  ...new Set((list ?? []).map((g) => g.VpcSecurityGroupId).filter((id): id is string => typeof id === "string")),
];

interface GroupPlacement {
  readonly subnetGroup?: Val<NetworkRef | undefined>;
  readonly subnetGroupService?: SubnetGroupService;
  readonly subnets: Val<readonly NetworkRef[]>;
}

/** The subnet group a database names (its model id when found) and that group's subnets. */
function groupPlacement(name: string | undefined, service: SubnetGroupService, groups: SubnetGroups, who: string): GroupPlacement {
  if (!name) return { subnets: unknown("not-fetched", `${who} reports no DB subnet group`) };
  const group = groups.get(name);
  if (!group) return { subnetGroup: name, subnetGroupService: service, subnets: groups.missing(name) };
  return { subnetGroup: group.ref.id, subnetGroupService: service, subnets: group.subnets };
}

const describePublic = (v: boolean | undefined): string => `PubliclyAccessible=${v === undefined ? "not reported" : String(v)}`;

/** An RDS instance (or a cluster's instance): its own switch, subnet group and security groups. */
export function instancePlacement(i: DBInstance, service: SubnetGroupService, groups: SubnetGroups): Placement {
  const who = `DB instance ${i.DBInstanceIdentifier ?? "(no identifier)"}`;
  const groupName = i.DBSubnetGroup?.DBSubnetGroupName;
  return {
    publiclyAccessible: i.PubliclyAccessible,
    publicWhenUnset: false,
    ...groupPlacement(groupName, service, groups, who),
    securityGroups: securityGroupsOf(i.VpcSecurityGroups),
    inVpc: true,
    observed: `instance ${i.DBInstanceIdentifier ?? ""}: ${describePublic(i.PubliclyAccessible)}, DBSubnetGroup ${groupName ?? "not reported"}`,
  };
}

/**
 * A cluster's own placement, before its instances' public access is merged in. Aurora and Neptune
 * set public access per instance; a Multi-AZ DB cluster also reports its own `PubliclyAccessible`;
 * DocumentDB has no public access.
 */
export function clusterPlacement(c: DBCluster, service: SubnetGroupService, groups: SubnetGroups): Placement {
  const who = `DB cluster ${c.DBClusterIdentifier ?? "(no identifier)"}`;
  const docdb = service === "docdb";
  return {
    publiclyAccessible: docdb ? false : c.PubliclyAccessible,
    ...(docdb ? {} : { publicWhenUnset: false }),
    ...groupPlacement(c.DBSubnetGroup, service, groups, who),
    securityGroups: securityGroupsOf(c.VpcSecurityGroups),
    inVpc: true,
    observed: [...(c.PubliclyAccessible === undefined ? [] : [describePublic(c.PubliclyAccessible)]), `DBSubnetGroup ${c.DBSubnetGroup ?? "not reported"}`].join(", "),
  };
}
