import { isUnknown, type Val } from "../../core/value";
import { VPC_DEFAULT_SECURITY_GROUP, type NetworkRef } from "../../models/network";
import type { Placement } from "../../models/placement";
import { known, type StateWriter } from "./context";

/** A store's placement in the terms its v7 properties use: AWS ids, and the models they name. */
export interface PlacementSettings {
  readonly publiclyAccessible?: boolean;
  /** False for a store reached through a public service endpoint (no VPC options). */
  readonly inVpc: boolean;
  /** The subnet group's name. */
  readonly subnetGroup?: string;
  readonly subnetGroupModel?: string;
  readonly subnets: readonly string[];
  readonly subnetModels: readonly string[];
  readonly securityGroups: readonly string[];
  readonly securityGroupModels: readonly string[];
}

/**
 * The subnets a store lists itself (not a subnet group's): none when it names none and AWS puts it
 * in the default VPC, which is how the Pulumi adapter reads a store naming no subnets back.
 */
function ownSubnets(p: Placement, what: string): readonly NetworkRef[] {
  return p.defaultVpc === true && isUnknown(p.subnets) ? [] : known(p.subnets, `the subnets of ${what}`);
}

/**
 * The security groups; none when the store names none and AWS attaches its VPC's default group
 * ("not-fetched": a value AWS decides elsewhere, never a call that failed), which the Pulumi
 * adapter reads back the same way from a store naming none.
 */
function securityGroups(v: Val<readonly NetworkRef[]>, what: string): readonly NetworkRef[] {
  if (isUnknown(v) && v.reason === "not-fetched") return [];
  return known(v, `the security groups of ${what}`).filter((g) => g !== VPC_DEFAULT_SECURITY_GROUP);
}

/** Where the scan found the store, if it read that. */
export function placementSettings(w: StateWriter, modelId: string, what: string): PlacementSettings | undefined {
  const p: Placement | undefined = w.inventory.placements?.get(modelId);
  if (p === undefined) return undefined;
  const access = known(p.publiclyAccessible, `whether ${what} is publicly accessible`);
  const group = p.subnetGroup === undefined ? undefined : known(p.subnetGroup, `the subnet group of ${what}`);
  const groupModel = group === undefined ? undefined : w.inventory.network?.subnetGroups.find((g) => g.ref.id === group);
  const groupName = groupModel === undefined ? group : known(groupModel.name, `the name of subnet group ${groupModel.ref.name}`);
  const subnets = group === undefined ? ownSubnets(p, what) : [];
  const groups = securityGroups(p.securityGroups, what);
  return {
    ...(access === undefined ? {} : { publiclyAccessible: access }),
    inVpc: known(p.inVpc, `whether ${what} is in a VPC`),
    ...(groupName === undefined ? {} : { subnetGroup: groupName }),
    ...(groupModel === undefined ? {} : { subnetGroupModel: groupModel.ref.id }),
    subnets: subnets.map((s) => w.awsIdOf(s)),
    subnetModels: [...subnets],
    securityGroups: groups.map((g) => w.awsIdOf(g)),
    securityGroupModels: [...groups],
  };
}
