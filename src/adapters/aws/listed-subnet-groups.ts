import { unknown } from "../../core/value";
import type { Fetched } from "../../fetchers/aws/fetched";
import type { SubnetGroup, SubnetGroupService } from "../../models/network";
import type { Placement } from "../../models/placement";
import type { ResourceRef } from "../../models/ref";
import { unknownOf } from "./fetched";

/** How a service lists its subnet groups, as messages name them (`Redshift subnet group`, `DescribeClusterSubnetGroups`). */
export interface SubnetGroupListing {
  readonly service: SubnetGroupService;
  readonly label: string;
  readonly operation: string;
}

/** A subnet group as ElastiCache and Redshift list it (a name and its subnets' ids), named by `refOf`; none without a name. */
export function listedSubnetGroup(
  service: SubnetGroupService,
  name: string | undefined,
  subnets: readonly { readonly SubnetIdentifier?: string }[] | undefined,
  refOf: (name: string) => ResourceRef,
): SubnetGroup | undefined {
  if (!name) return undefined;
  return {
    kind: "subnet-group",
    service,
    ref: refOf(name),
    awsId: name,
    name,
    subnets: (subnets ?? []).flatMap((n) => (n.SubnetIdentifier ? [n.SubnetIdentifier] : [])),
  };
}

/** The models of a subnet groups listing that answered; a failed listing stays its failure. */
export function listedSubnetGroups<G>(listed: Fetched<G[]>, model: (g: G) => SubnetGroup | undefined): Fetched<SubnetGroup[]> {
  return listed.ok ? { ok: true, value: listed.value.flatMap((g) => model(g) ?? []) } : listed;
}

/**
 * The subnet group a store names (`who` names the store): its model id and subnets when listed,
 * else its name and why its subnets are not known; no group at all is the default VPC.
 */
export function subnetGroupPlacement(
  name: string | undefined,
  who: string,
  groups: Fetched<SubnetGroup[]>,
  listing: SubnetGroupListing,
): Pick<Placement, "subnetGroup" | "subnetGroupService" | "subnets" | "defaultVpc"> {
  if (!name) return { subnets: unknown("not-fetched", `${who} names no subnet group: AWS places it in the default VPC`), defaultVpc: true };
  const group = groups.ok ? groups.value.find((g) => g.name === name) : undefined;
  if (group) return { subnetGroup: group.ref.id, subnetGroupService: listing.service, subnets: group.subnets };
  const subnets = groups.ok ? unknown("not-fetched", `${listing.label} ${name} was not in the ${listing.operation} answer`) : unknownOf(groups.failure);
  return { subnetGroup: name, subnetGroupService: listing.service, subnets };
}
