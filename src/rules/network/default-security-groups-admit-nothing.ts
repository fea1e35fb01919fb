import { describe, fail, notAssessed, pass } from "../../core/outcome";
import type { Outcome } from "../../core/rule";
import { isUnknown, unknown, type Unknown } from "../../core/value";
import { emptyNetworkGraph, type SecurityGroup, type SecurityGroupRule, type Vpc } from "../../models/network";
import type { Inventory } from "../../models/inventory";
import { indexNetwork, type NetworkIndex } from "../../network/network-index";
import { resolvePlacement } from "../../network/resolve-placement";
import { describeTraffic, trafficOf } from "../../network/ports";
import { CONTROLS } from "../frameworks";
import { defineRule } from "../define-rule";
import { listed } from "./network-facts";

export const defaultSecurityGroupsAdmitNothing = defineRule({
  id: "CDG-NET-011",
  slug: "default-security-groups-admit-nothing",
  title: "The default security group of every VPC admits no traffic",
  pillar: "network",
  severity: "medium",
  scope: "stack",
  reads: ["network", "placements", "stores", "compute"],
  frameworks: {
    gdpr: [CONTROLS.gdprByDesign],
    ccpa: [CONTROLS.ccpaReasonableSecurity],
    "pci-dss-4.0": [CONTROLS.pciInboundRestricted],
    hipaa: [CONTROLS.hipaaAccessControl],
  },
  rationale:
    "AWS attaches a VPC's default security group to every database, cache, file system or instance launched " +
    "without naming one, and creates it admitting all traffic from its own members. Anything placed in it by " +
    "omission then talks to everything else placed there by omission, and a rule added to it later reaches " +
    "them all. A store naming no security group is judged by the other rules as sitting in this group; this " +
    "rule requires the group itself to admit nothing. A VPC created without adopting its default group keeps " +
    "AWS's rule (all traffic from the group's members): a finding on the VPC once a store or instance of the " +
    "stack sits in that group by naming none. A scan judges every default group by the rules it holds.",
  remediation:
    "Adopt each VPC's default security group with no ingress rules (Pulumi: `aws.ec2.DefaultSecurityGroup` " +
    "with `vpcId` and no `ingress`, which removes AWS's rules; console or CLI: revoke its inbound rules), and " +
    "give every store a security group of its own.",
  links: ["https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html"],
  evaluate(inventory): Outcome[] {
    const graph = inventory.network ?? emptyNetworkGraph();
    const net = indexNetwork(graph);
    return [
      ...graph.securityGroups.filter((g) => g.isDefault).map((g) => judgeGroup(net, g)),
      ...graph.vpcs.filter((v) => v.defaultSecurityGroup === "aws-rules").flatMap((v) => judgeVpc(net, v, inventory)),
    ];
  },
});

function judgeGroup(net: NetworkIndex, group: SecurityGroup): Outcome {
  const who = `default ${describe(group.ref)}`;
  const admitted: string[] = [];
  let undetermined: Unknown | undefined;
  for (const rule of net.ingressOf(group)) {
    const a = admits(rule);
    if (isUnknown(a)) undetermined ??= a;
    else if (a !== undefined) admitted.push(a);
  }
  if (admitted.length > 0) return fail(group.ref, `${who} admits traffic: ${listed(admitted)}; a default security group should have no ingress rules`);
  const stray = net.rulesOfUnknownGroup.find((r) => r.direction === "ingress");
  if (!undetermined && stray) undetermined = unknown("preview", `${stray.origin} names a security group not known yet; it may be ${group.ref.name}`);
  if (undetermined) return notAssessed(group.ref, `whether ${who} admits traffic`, undetermined);
  return pass(group.ref, `${who} has no ingress rules`);
}

/** What an ingress rule admits, described; undefined when it names no source. */
function admits(rule: SecurityGroupRule): string | Unknown | undefined {
  if (isUnknown(rule.peers)) return unknown(rule.peers.reason, `the sources of ${rule.origin}: ${rule.peers.detail}`);
  if (rule.peers.length === 0) return undefined;
  const traffic = trafficOf(rule, rule.origin);
  const what = isUnknown(traffic) ? "traffic not known yet" : describeTraffic(traffic);
  const from = rule.peers.map((p) => (p.kind === "ipv4" || p.kind === "ipv6" ? String(p.cidr) : p.kind === "self" ? "its own members" : `a ${p.kind}`));
  return `${rule.origin} admits ${what} from ${[...new Set(from)].join(", ")}`;
}

/**
 * A VPC created here whose default group the graph does not hold keeps AWS's rules: a finding
 * once something of the inventory sits in that group by naming no security group.
 */
function judgeVpc(net: NetworkIndex, vpc: Vpc, inventory: Inventory): Outcome[] {
  const group = net.defaultSecurityGroupOf(vpc.ref.id);
  const who = describe(vpc.ref);
  if (isUnknown(group)) return [notAssessed(vpc.ref, `the default security group of ${who}`, group)];
  if (!group.implicit) return [];
  const members = membersOf(net, inventory, group.ref.id);
  const aws = `${who} keeps the default security group AWS creates with it, whose rule admits all traffic from its own members`;
  if (members.length === 0) return [pass(vpc.ref, `${aws}; nothing here sits in it (every store and instance names a security group)`)];
  return [fail(vpc.ref, `${aws}, and it holds what names no security group: ${listed(members)}; adopt the default security group with no ingress rules`)];
}

/** Stores and instances whose placement resolves to the group, named. */
function membersOf(net: NetworkIndex, inventory: Inventory, groupId: string): string[] {
  const names = new Map<string, string>();
  for (const s of inventory.stores) names.set(s.ref.id, describe(s.ref));
  for (const r of inventory.compute ?? []) names.set(r.id, describe(r));
  const out: string[] = [];
  for (const [id, placement] of inventory.placements ?? []) {
    const groups = resolvePlacement(net, placement).securityGroups;
    if (!isUnknown(groups) && groups.includes(groupId)) out.push(names.get(id) ?? id);
  }
  return out;
}
