import { isUnknown, unknown, type Val } from "../core/value";
import type { NetworkRef } from "../models/network";
import type { Placement } from "../models/placement";
import { withDefaultGroup } from "./default-security-group";
import type { NetworkIndex } from "./network-index";

/**
 * A placement with its references joined to the graph: AWS ids and names become model ids, and
 * subnets given through a subnet group become the group's subnets.
 */
export function resolvePlacement(net: NetworkIndex, placement: Placement): Placement {
  const group = resolveGroup(net, placement);
  const subnets = fromGroup(net, placement, group) ?? mapRefs(placement.subnets, (r) => net.resolve(r));
  const named = mapRefs(placement.securityGroups, (r) => net.find(r, "security-group")?.ref.id ?? net.resolve(r));
  const securityGroups = withDefaultGroup(net, placement, named, subnets);
  return {
    ...placement,
    ...(group !== undefined ? { subnetGroup: group } : {}),
    subnets,
    securityGroups,
  };
}

function resolveGroup(net: NetworkIndex, p: Placement): Val<NetworkRef | undefined> | undefined {
  const g = p.subnetGroup;
  if (typeof g !== "string") return g;
  const found = p.subnetGroupService ? net.findSubnetGroup(g, p.subnetGroupService) : net.get(g, "subnet-group");
  return found?.ref.id ?? g;
}

/** The subnet group's subnets, when the placement's subnets come from it. */
function fromGroup(net: NetworkIndex, p: Placement, group: Val<NetworkRef | undefined> | undefined): Val<readonly NetworkRef[]> | undefined {
  if (!isUnknown(p.subnets) || p.subnets.reason !== "not-fetched" || group === undefined) return undefined;
  if (isUnknown(group)) return unknown(group.reason, `the subnet group: ${group.detail}`);
  const model = net.get(group, "subnet-group");
  if (!model) return unknown("not-fetched", `subnet group ${group} is not part of the stack; its subnets are not known`);
  return mapRefs(model.subnets, (r) => net.resolve(r));
}

function mapRefs(refs: Val<readonly NetworkRef[]>, f: (r: NetworkRef) => NetworkRef): Val<readonly NetworkRef[]> {
  return isUnknown(refs) ? refs : [...new Set(refs.map(f))];
}
