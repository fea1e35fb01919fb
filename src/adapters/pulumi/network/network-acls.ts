import { isUnknown, type Val } from "../../../core/value";
import type { NetworkAcl, NetworkAclEntry, NetworkRef } from "../../../models/network";
import type { Props } from "../props";
import { refOf } from "../store-adapter";
import { withAwsId, type References } from "./references";
import { NETWORK_ACL_TYPES, SUBNET_TYPES, T, VPC_TYPES } from "./types";
import { inlineItems, isSet, optStr } from "./values";

/** `NetworkAcl` and `DefaultNetworkAcl` with inline entries (separate rules and associations are joined later). */
export function adaptNetworkAcl(p: Props, refs: References): NetworkAcl & { entries: NetworkAclEntry[] } {
  const isDefault = p.resource.type === T.defaultNetworkAcl;
  return {
    kind: "network-acl",
    ref: refOf(p, "network ACL"),
    ...withAwsId(p, isDefault ? p.str("defaultNetworkAclId") : undefined),
    vpc: isDefault ? defaultAclVpc(p, refs) : refs.ref(p, "vpcId", VPC_TYPES),
    // Unset, the provider computes the list from the associations made elsewhere.
    subnets: isSet(p, "subnetIds") ? refs.refs(p, "subnetIds", SUBNET_TYPES) : [],
    entries: [...inlineEntries(p, "ingress"), ...inlineEntries(p, "egress")],
  };
}

function defaultAclVpc(p: Props, refs: References): Val<NetworkRef | undefined> {
  const vpc = refs.ref(p, "vpcId", VPC_TYPES);
  if (typeof vpc === "string") return vpc;
  const fromAclId = refs.candidates(p, "defaultNetworkAclId", VPC_TYPES);
  return fromAclId.length === 1 ? (fromAclId[0] as string) : vpc;
}

function inlineEntries(p: Props, direction: "ingress" | "egress"): NetworkAclEntry[] {
  const items = inlineItems(p, direction);
  const egress = direction === "egress";
  if (isUnknown(items)) {
    const r = items;
    return [{ origin: `${direction} of ${p.resource.name}`, egress, ruleNumber: r, action: r, protocol: r, fromPort: r, toPort: r, ipv4Cidr: r, ipv6Cidr: r }];
  }
  return items.map((base, i) => ({
    origin: `${direction}[${i}] of ${p.resource.name}`,
    egress,
    ruleNumber: p.num(`${base}.ruleNo`),
    action: optStr(p, `${base}.action`),
    protocol: optStr(p, `${base}.protocol`),
    fromPort: p.num(`${base}.fromPort`),
    toPort: p.num(`${base}.toPort`),
    ipv4Cidr: optStr(p, `${base}.cidrBlock`),
    ipv6Cidr: optStr(p, `${base}.ipv6CidrBlock`),
  }));
}

/** `NetworkAclRule`: one entry of a network ACL. */
export function adaptNetworkAclRule(p: Props, refs: References): { networkAcl: Val<NetworkRef | undefined>; entry: NetworkAclEntry } {
  const egress = p.bool("egress");
  return {
    networkAcl: refs.ref(p, "networkAclId", NETWORK_ACL_TYPES),
    entry: {
      origin: `network ACL rule ${p.resource.name}`,
      egress: egress === true,
      ruleNumber: p.num("ruleNumber"),
      action: optStr(p, "ruleAction"),
      protocol: optStr(p, "protocol"),
      fromPort: p.num("fromPort"),
      toPort: p.num("toPort"),
      ipv4Cidr: optStr(p, "cidrBlock"),
      ipv6Cidr: optStr(p, "ipv6CidrBlock"),
    },
  };
}

/** `NetworkAclAssociation`: one subnet of a network ACL. */
export function adaptNetworkAclAssociation(p: Props, refs: References): { networkAcl: Val<NetworkRef | undefined>; subnet: Val<NetworkRef | undefined> } {
  return { networkAcl: refs.ref(p, "networkAclId", NETWORK_ACL_TYPES), subnet: refs.ref(p, "subnetId", SUBNET_TYPES) };
}
