import type { DBInstance } from "@aws-sdk/client-rds";
import type { DataStore } from "../../../models/data-store";
import type { StoreExposure } from "../../../models/exposure";
import type { Placement } from "../../../models/placement";
import type { RdsDatabasesAnswer } from "../../../fetchers/aws/rds-databases";
import type { AdaptContext } from "../context";
import type { CoverageGap, InventoryContribution } from "../contribution";
import { gapOf } from "../fetched";
import type { StoreHygiene } from "../../../models/hygiene";
import { clusterHygiene, instanceHygiene } from "./hygiene";
import { clusterArn, clusterPlacementWithInstances, clusterStore } from "./clusters";
import { globalClusterStore, isHomeRegion } from "./global-clusters";
import { clusterInstanceExposure, instancePlacementOf, instanceStore } from "./instances";
import { tagsOfExposed, type RdsScope } from "./names";
import { SubnetGroups } from "./subnet-groups";

const LISTINGS = [
  ["instances", "RDS DB instances"],
  ["clusters", "RDS, DocumentDB and Neptune DB clusters"],
  ["globalClusters", "RDS global clusters"],
  ["subnetGroups", "RDS DB subnet groups"],
] as const;

/**
 * One Region's databases: instances, clusters and global clusters as stores, with their
 * placements; cluster instances as exposed resources that are part of their cluster; DB subnet
 * groups in the network graph. Logical databases inside a server are not listable from the
 * control plane: the scan has none.
 */
export function adaptRdsDatabases(raw: RdsDatabasesAnswer, ctx: AdaptContext): InventoryContribution {
  const s: RdsScope = { ctx, region: raw.region };
  const instances: readonly DBInstance[] = raw.instances.ok ? raw.instances.value : [];
  const groups = new SubnetGroups(raw.subnetGroups, instances, s);
  const stores: DataStore[] = [];
  const placements: [string, Placement][] = [];
  const exposures: [string, StoreExposure][] = [];
  const hygiene: [string, StoreHygiene][] = [];

  const clusterIds = new Map<string, string>();
  for (const c of raw.clusters.ok ? raw.clusters.value : []) {
    const store = clusterStore(c, s);
    stores.push(store);
    placements.push([store.ref.id, clusterPlacementWithInstances(c, raw.instances, groups)]);
    hygiene.push([store.ref.id, clusterHygiene(c, raw.parameters)]);
    if (c.DBClusterIdentifier) clusterIds.set(c.DBClusterIdentifier, clusterArn(c, s));
  }
  for (const i of instances) {
    if (i.DBClusterIdentifier) {
      const exposure = clusterInstanceExposure(i, s, groups, clusterIds.get(i.DBClusterIdentifier));
      if (exposure.resource) exposures.push([exposure.resource.ref.id, exposure]);
      continue;
    }
    const store = instanceStore(i, s);
    stores.push(store);
    placements.push([store.ref.id, instancePlacementOf(i, groups)]);
    hygiene.push([store.ref.id, instanceHygiene(i, raw.parameters)]);
  }
  for (const g of raw.globalClusters.ok ? raw.globalClusters.value : []) {
    if (isHomeRegion(g, raw.region)) stores.push(globalClusterStore(g, s));
  }

  const gaps: CoverageGap[] = [];
  for (const [field, what] of LISTINGS) {
    const listing = raw[field];
    if (!listing.ok) gaps.push(gapOf(listing.failure, what));
  }
  return { stores, placements, exposures, network: { subnetGroups: groups.all() }, tags: tagsOfExposed(exposures), hygiene: { stores: hygiene }, gaps };
}
