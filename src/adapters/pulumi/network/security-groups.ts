import { isUnknown, unknown, type Val } from "../../../core/value";
import type { RulePeer, SecurityGroup, SecurityGroupRule, UnattachedRule } from "../../../models/network";
import type { Props } from "../props";
import { refOf } from "../store-adapter";
import { withAwsId, type References } from "./references";
import { PREFIX_LIST_TYPES, SECURITY_GROUP_TYPES, T, VPC_TYPES } from "./types";
import { inlineItems, isSet, optStr, strList } from "./values";

/** `SecurityGroup` and `DefaultSecurityGroup` with their inline rules (separate rules are joined later). */
export function adaptSecurityGroup(p: Props, refs: References): SecurityGroup & { ingress: SecurityGroupRule[]; egress: SecurityGroupRule[] } {
  return {
    kind: "security-group",
    ref: refOf(p, "security group"),
    ...withAwsId(p),
    vpc: refs.ref(p, "vpcId", VPC_TYPES),
    name: optStr(p, "name"),
    ...(p.resource.type === T.defaultSecurityGroup ? { isDefault: true } : {}),
    ingress: inlineRules(p, "ingress", refs),
    egress: inlineRules(p, "egress", refs),
  };
}

function inlineRules(p: Props, direction: "ingress" | "egress", refs: References): SecurityGroupRule[] {
  const items = inlineItems(p, direction);
  if (isUnknown(items)) return [unreadableRule(direction, `${direction} of ${p.resource.name}`, items)];
  return items.map((base, i) => ({
    origin: `${direction}[${i}] of ${p.resource.name}`,
    direction,
    protocol: optStr(p, `${base}.protocol`),
    fromPort: p.num(`${base}.fromPort`),
    toPort: p.num(`${base}.toPort`),
    peers: inlinePeers(p, base, refs),
  }));
}

/** Sources of an inline rule: its dependencies are shared by every rule, so references resolve one by one. */
function inlinePeers(p: Props, base: string, refs: References): Val<RulePeer[]> {
  const groups = strList(p, `${base}.securityGroups`);
  const lists = strList(p, `${base}.prefixListIds`);
  const cidrs = cidrPeers(p, `${base}.cidrBlocks`, `${base}.ipv6CidrBlocks`);
  if (isUnknown(groups)) return groups;
  if (isUnknown(lists)) return lists;
  if (isUnknown(cidrs)) return cidrs;
  const self = p.bool(`${base}.self`);
  if (isUnknown(self)) return self;
  return [
    ...cidrs,
    ...lists.map((_, i) => ({ kind: "prefix-list" as const, prefixList: refOrError(p, `${base}.prefixListIds.${i}`, PREFIX_LIST_TYPES, refs) })),
    ...groups.map((_, i) => ({ kind: "security-group" as const, group: refOrError(p, `${base}.securityGroups.${i}`, SECURITY_GROUP_TYPES, refs) })),
    ...(self === true ? [{ kind: "self" as const }] : []),
  ];
}

function refOrError(p: Props, path: string, types: ReadonlySet<string>, refs: References): Val<string> {
  return refs.ref(p, path, types) ?? unknown("error", `${path} of ${p.resource.name} is empty`);
}

function cidrPeers(p: Props, ipv4Path: string, ipv6Path: string): Val<RulePeer[]> {
  const v4 = strList(p, ipv4Path);
  const v6 = strList(p, ipv6Path);
  if (isUnknown(v4)) return v4;
  if (isUnknown(v6)) return v6;
  return [...v4.map((cidr) => ({ kind: "ipv4" as const, cidr })), ...v6.map((cidr) => ({ kind: "ipv6" as const, cidr }))];
}

function unreadableRule(direction: "ingress" | "egress", origin: string, reason: Val<never>): SecurityGroupRule {
  return { origin, direction, protocol: reason, fromPort: reason, toPort: reason, peers: reason };
}

/** `aws:ec2/securityGroupRule:SecurityGroupRule`: one rule, many sources. */
export function adaptSecurityGroupRule(p: Props, refs: References): UnattachedRule {
  const type = p.str("type");
  const rule: SecurityGroupRule = {
    origin: `rule ${p.resource.name}`,
    ruleRef: refOf(p, "security group rule"),
    direction: type === "egress" ? "egress" : "ingress",
    protocol: optStr(p, "protocol"),
    fromPort: p.num("fromPort"),
    toPort: p.num("toPort"),
    peers: type === "ingress" || type === "egress" ? rulePeers(p, refs) : badType(p, type),
  };
  return { securityGroup: refs.ref(p, "securityGroupId", SECURITY_GROUP_TYPES), rule };
}

/** An unknown type leaves the rule's direction open: its sources are then not judged. */
function badType(p: Props, type: Val<string | undefined>): Val<RulePeer[]> {
  return isUnknown(type) ? type : unknown("error", `type of ${p.resource.name} should be ingress or egress`);
}

function rulePeers(p: Props, refs: References): Val<RulePeer[]> {
  const cidrs = cidrPeers(p, "cidrBlocks", "ipv6CidrBlocks");
  if (isUnknown(cidrs)) return cidrs;
  const self = p.bool("self");
  if (isUnknown(self)) return self;
  const lists = refs.refs(p, "prefixListIds", PREFIX_LIST_TYPES);
  const prefixLists: RulePeer[] = isUnknown(lists)
    ? [{ kind: "prefix-list", prefixList: lists }]
    : lists.map((prefixList) => ({ kind: "prefix-list", prefixList }));
  // The provider computes `sourceSecurityGroupId` for CIDR rules: only a value the program set counts.
  const source = isSet(p, "sourceSecurityGroupId") ? refs.ref(p, "sourceSecurityGroupId", SECURITY_GROUP_TYPES) : undefined;
  const group: RulePeer[] = source === undefined ? [] : [{ kind: "security-group", group: source }];
  return [...cidrs, ...prefixLists, ...group, ...(self === true ? [{ kind: "self" as const }] : [])];
}

/** `aws:vpc/securityGroupIngressRule` and `...EgressRule`: one rule, one source. */
export function adaptVpcSecurityGroupRule(p: Props, refs: References): UnattachedRule {
  const direction = p.resource.type === T.securityGroupEgressRule ? "egress" : "ingress";
  const rule: SecurityGroupRule = {
    origin: `rule ${p.resource.name}`,
    ruleRef: refOf(p, `security group ${direction} rule`),
    direction,
    protocol: optStr(p, "ipProtocol"),
    fromPort: p.num("fromPort"),
    toPort: p.num("toPort"),
    peers: singlePeer(p, refs),
  };
  return { securityGroup: refs.ref(p, "securityGroupId", SECURITY_GROUP_TYPES), rule };
}

function singlePeer(p: Props, refs: References): Val<RulePeer[]> {
  if (isSet(p, "cidrIpv4")) return [{ kind: "ipv4", cidr: required(p, "cidrIpv4") }];
  if (isSet(p, "cidrIpv6")) return [{ kind: "ipv6", cidr: required(p, "cidrIpv6") }];
  if (isSet(p, "prefixListId")) return [{ kind: "prefix-list", prefixList: refOrError(p, "prefixListId", PREFIX_LIST_TYPES, refs) }];
  if (isSet(p, "referencedSecurityGroupId")) {
    return [{ kind: "security-group", group: refOrError(p, "referencedSecurityGroupId", SECURITY_GROUP_TYPES, refs) }];
  }
  const pending = ["cidrIpv4", "cidrIpv6", "prefixListId", "referencedSecurityGroupId"].map((f) => optStr(p, f)).find(isUnknown);
  return pending ?? unknown("error", `${p.resource.name} names no source or destination`);
}

function required(p: Props, path: string): Val<string> {
  return optStr(p, path) ?? unknown("error", `${path} of ${p.resource.name} is empty`);
}
