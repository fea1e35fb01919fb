import type { Placement } from "../../models/placement";
import { known, type StateWriter } from "./context";

/** A store's placement in the terms its v7 properties use: AWS ids, and the models they name. */
export interface PlacementSettings {
  readonly publiclyAccessible?: boolean;
  /** The subnet group's name. */
  readonly subnetGroup?: string;
  readonly subnetGroupModel?: string;
  readonly subnets: readonly string[];
  readonly subnetModels: readonly string[];
  readonly securityGroups: readonly string[];
  readonly securityGroupModels: readonly string[];
}

/** Where the scan found the store, if it read that; the subnets are those it lists itself (not a subnet group's). */
export function placementSettings(w: StateWriter, modelId: string, what: string): PlacementSettings | undefined {
  const p: Placement | undefined = w.inventory.placements?.get(modelId);
  if (p === undefined) return undefined;
  const access = known(p.publiclyAccessible, `whether ${what} is publicly accessible`);
  const group = p.subnetGroup === undefined ? undefined : known(p.subnetGroup, `the subnet group of ${what}`);
  const groupModel = group === undefined ? undefined : w.inventory.network?.subnetGroups.find((g) => g.ref.id === group);
  const groupName = groupModel === undefined ? group : known(groupModel.name, `the name of subnet group ${groupModel.ref.name}`);
  const subnets = group === undefined ? known(p.subnets, `the subnets of ${what}`) : [];
  const groups = known(p.securityGroups, `the security groups of ${what}`);
  return {
    ...(access === undefined ? {} : { publiclyAccessible: access }),
    ...(groupName === undefined ? {} : { subnetGroup: groupName }),
    ...(groupModel === undefined ? {} : { subnetGroupModel: groupModel.ref.id }),
    subnets: subnets.map((s) => w.awsIdOf(s)),
    subnetModels: [...subnets],
    securityGroups: groups.map((g) => w.awsIdOf(g)),
    securityGroupModels: [...groups],
  };
}
