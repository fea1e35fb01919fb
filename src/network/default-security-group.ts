import { isUnknown, unknown, type Val } from "../core/value";
import { VPC_DEFAULT_SECURITY_GROUP, type NetworkRef, type SecurityGroup, type Vpc } from "../models/network";
import type { Placement } from "../models/placement";
import type { NetworkIndex } from "./network-index";

/**
 * The default security group AWS creates with a VPC, with AWS's rules: all traffic in from members
 * of the group, all traffic out.
 */
export function implicitDefaultGroup(vpc: Vpc): SecurityGroup {
  const where = `the default security group of VPC ${vpc.ref.name}`;
  const all = { protocol: "-1", fromPort: 0, toPort: 0 } as const;
  return {
    kind: "security-group",
    ref: { id: `${vpc.ref.id}#default-security-group`, type: "implicit-default-security-group", name: `default (VPC ${vpc.ref.name})`, label: "security group" },
    vpc: vpc.ref.id,
    // Not indexed by name: every VPC has a group named `default`.
    name: undefined,
    isDefault: true,
    implicit: true,
    ingress: [{ origin: `the rule AWS creates in ${where} (all traffic from its members)`, direction: "ingress", ...all, peers: [{ kind: "self" }] }],
    egress: [{ origin: `the rule AWS creates in ${where} (all traffic out)`, direction: "egress", ...all, peers: [{ kind: "ipv4", cidr: "0.0.0.0/0" }] }],
  };
}

const NAMED_NONE = "it names no security group, so AWS attaches the default group of its VPC";

/** The VPCs the placement's subnets sit in (the default VPC when AWS picks it). */
function vpcsOfPlacement(net: NetworkIndex, placement: Placement, subnets: Val<readonly NetworkRef[]>): Val<NetworkRef[]> {
  if (isUnknown(subnets)) return unknown(subnets.reason, `${NAMED_NONE}, which is not known (${subnets.detail})`);
  if (subnets.length === 0) {
    const defaultVpc = placement.defaultVpc ? net.graph.vpcs.find((v) => v.isDefault) : undefined;
    if (defaultVpc) return [defaultVpc.ref.id];
    return unknown("not-fetched", `${NAMED_NONE}${placement.defaultVpc ? " (the region's default VPC)" : ""}, which is not part of the stack`);
  }
  const out = new Set<NetworkRef>();
  for (const ref of subnets) {
    const subnet = net.get(ref, "subnet");
    if (!subnet) return unknown("not-fetched", `${NAMED_NONE}, which is not known (subnet ${ref} is not part of the stack)`);
    const vpc = subnet.vpc;
    if (isUnknown(vpc)) return unknown(vpc.reason, `${NAMED_NONE}, which is not known (the VPC of subnet ${subnet.ref.name}: ${vpc.detail})`);
    if (vpc === undefined) return unknown("error", `${NAMED_NONE}, but subnet ${subnet.ref.name} names no VPC`);
    out.add(net.resolve(vpc));
  }
  return [...out];
}

/**
 * A placement's security groups with `VPC_DEFAULT_SECURITY_GROUP` replaced by the model id of the
 * default group of the VPC the store sits in; Unknown when that VPC or its default group is not known.
 */
export function withDefaultGroup(net: NetworkIndex, placement: Placement, groups: Val<readonly NetworkRef[]>, subnets: Val<readonly NetworkRef[]>): Val<readonly NetworkRef[]> {
  if (isUnknown(groups) || !groups.includes(VPC_DEFAULT_SECURITY_GROUP)) return groups;
  const vpcs = vpcsOfPlacement(net, placement, subnets);
  if (isUnknown(vpcs)) return vpcs;
  const defaults: NetworkRef[] = [];
  for (const vpc of vpcs) {
    const group = net.defaultSecurityGroupOf(vpc);
    if (isUnknown(group)) return unknown(group.reason, `${NAMED_NONE}: ${group.detail}`);
    defaults.push(group.ref.id);
  }
  return [...new Set([...groups.filter((g) => g !== VPC_DEFAULT_SECURITY_GROUP), ...defaults])];
}
