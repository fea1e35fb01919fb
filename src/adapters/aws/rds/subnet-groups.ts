import type { DBInstance, DBSubnetGroup } from "@aws-sdk/client-rds";
import { unknown, type Unknown } from "../../../core/value";
import type { Fetched } from "../../../fetchers/aws/fetched";
import type { SubnetGroup } from "../../../models/network";
import { unknownOf } from "../fetched";
import { rdsArn, refIn, SUBNET_GROUP_TYPE, type RdsScope } from "./names";

/**
 * One DB subnet group. RDS, DocumentDB and Neptune share the API and its groups, so every group
 * is an `rds` group; placements name it by model id (its ARN), which resolves whatever service
 * they name.
 */
export function subnetGroupModel(g: DBSubnetGroup, s: RdsScope): SubnetGroup | undefined {
  const name = g.DBSubnetGroupName;
  if (!name) return undefined;
  const subnets = (g.Subnets ?? []).map((n) => n.SubnetIdentifier).filter((id): id is string => typeof id === "string");
  return {
    kind: "subnet-group",
    service: "rds",
    ref: refIn(s, g.DBSubnetGroupArn ?? rdsArn(s, "subgrp", name), SUBNET_GROUP_TYPE, name, "RDS subnet group"),
    awsId: name,
    name,
    subnets,
  };
}

/** The region's subnet groups by name: the listing's, and those instances carry inline. */
export class SubnetGroups {
  private readonly byName = new Map<string, SubnetGroup>();
  private readonly listingFailed?: Unknown;

  constructor(listing: Fetched<DBSubnetGroup[]>, instances: readonly DBInstance[], s: RdsScope) {
    if (listing.ok) for (const g of listing.value) this.add(subnetGroupModel(g, s));
    else this.listingFailed = unknownOf(listing.failure);
    // Inline groups stand in for a listing that failed (or missed a group created meanwhile).
    for (const i of instances) if (i.DBSubnetGroup) this.add(subnetGroupModel(i.DBSubnetGroup, s));
  }

  private add(g: SubnetGroup | undefined): void {
    if (g && typeof g.name === "string" && !this.byName.has(g.name)) this.byName.set(g.name, g);
  }

  get(name: string): SubnetGroup | undefined {
    return this.byName.get(name);
  }

  /** Why the subnets of a group not found are not known. */
  missing(name: string): Unknown {
    return this.listingFailed ?? unknown("not-fetched", `DB subnet group ${name} was not in the DescribeDBSubnetGroups answer`);
  }

  all(): SubnetGroup[] {
    return [...this.byName.values()];
  }
}
