import { describe, fail, notAssessed, pass } from "../../core/outcome";
import type { Outcome } from "../../core/rule";
import { isUnknown, unknown, type Unknown } from "../../core/value";
import type { Inventory } from "../../models/inventory";
import { emptyNetworkGraph, type SecurityGroup, type SecurityGroupRule } from "../../models/network";
import type { ResourceRef } from "../../models/ref";
import type { AddressRanges } from "../../network/address-ranges";
import { groupOpensToInternet, ruleOpensToInternet, type RuleExposure } from "../../network/internet-on-ports";
import { indexNetwork, type NetworkIndex } from "../../network/network-index";
import { DEFAULT_DATA_STORE_PORTS, parsePortRanges, type PortRange } from "../../network/ports";
import { CONTROLS } from "../frameworks";
import { defineRule } from "../define-rule";
import { listed, privateRangesOf, privateRangesOptions } from "./network-facts";

interface Options {
  privateRanges: string[];
  dataStorePorts: string[];
}

export const securityGroupsClosedToInternetOnDataPorts = defineRule<Options>({
  id: "CDG-NET-010",
  slug: "security-groups-closed-to-internet-on-data-ports",
  title: "No security group admits the internet on all ports or on a data-store port",
  pillar: "network",
  severity: "high",
  scope: "stack",
  reads: ["network"],
  frameworks: {
    gdpr: [CONTROLS.gdprResilience, CONTROLS.gdprByDesign],
    ccpa: [CONTROLS.ccpaReasonableSecurity],
    "pci-dss-4.0": [CONTROLS.pciInboundRestricted, CONTROLS.pciTrustedUntrustedControlled],
    hipaa: [CONTROLS.hipaaAccessControl],
  },
  rationale:
    "A security group admitting 0.0.0.0/0, ::/0 or any address outside the private ranges on all traffic, all " +
    "ports, or a database, cache, search, broker or file-system port is ready to expose a data store the day " +
    "one is attached to it, from this stack, another stack or the console. CDG-NET-002 judges the groups a " +
    "store uses; this rule judges every group, and every separate rule resource (SecurityGroupRule, " +
    "SecurityGroupIngressRule) that opens one, whether or not a store uses it yet. Web ports (80, 443) and " +
    "other ports outside the configured list are not findings here.",
  remediation:
    "Admit data-store ports only from the security groups of the applications that use the store " +
    "(`sourceSecurityGroupId` / `referencedSecurityGroupId`) or from private CIDR blocks, and never open all " +
    "ports or all protocols to `0.0.0.0/0` or `::/0`. Put public listeners behind a load balancer on 80/443.",
  links: ["https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html"],
  options: {
    ...privateRangesOptions(),
    dataStorePorts: {
      type: "array",
      items: { type: "string" },
      default: [...DEFAULT_DATA_STORE_PORTS],
      description: "Ports (`5432`) and port ranges (`9092-9098`) of data stores; a rule admitting the internet on any of them, on all ports or on all traffic is a finding.",
    },
  },
  evaluate(inventory, { options }): Outcome[] {
    const ranges = privateRangesOf(options.privateRanges);
    const ports = parsePortRanges(options.dataStorePorts);
    const invalid = isUnknown(ranges) ? ranges : ports.errors.length > 0 ? unknown("error", `option dataStorePorts: ${ports.errors.join("; ")}`) : undefined;
    const graph = inventory.network ?? emptyNetworkGraph();
    if (invalid) return subjects(inventory).map((ref) => notAssessed(ref, `whether ${describe(ref)} admits the internet on data-store ports`, invalid));
    const net = indexNetwork(graph);
    const stray = strayExposure(net, ranges as AddressRanges, ports.ranges);
    return [
      ...graph.securityGroups.map((g) => judgeGroup(net, g, ranges as AddressRanges, ports.ranges, stray)),
      ...ruleResources(inventory).map((r) => judgeRule(r.ref, ruleOpensToInternet(net, r.rule, ranges as AddressRanges, ports.ranges))),
    ];
  },
});

/** Separate rule resources, joined to a group of the graph or not, once each. */
function ruleResources(inventory: Inventory): { ref: ResourceRef; rule: SecurityGroupRule }[] {
  const graph = inventory.network ?? emptyNetworkGraph();
  const rules = [...graph.securityGroups.flatMap((g) => g.ingress), ...graph.unattachedRules.map((u) => u.rule)];
  const seen = new Set<string>();
  const out: { ref: ResourceRef; rule: SecurityGroupRule }[] = [];
  for (const rule of rules) {
    if (!rule.ruleRef || rule.direction !== "ingress" || seen.has(rule.ruleRef.id)) continue;
    seen.add(rule.ruleRef.id);
    out.push({ ref: rule.ruleRef, rule });
  }
  return out;
}

function subjects(inventory: Inventory): ResourceRef[] {
  return [...(inventory.network?.securityGroups ?? []).map((g) => g.ref), ...ruleResources(inventory).map((r) => r.ref)];
}

/** A separate rule naming a group not known yet that may open whichever group it turns out to be. */
function strayExposure(net: NetworkIndex, ranges: AddressRanges, ports: readonly PortRange[]): Unknown | undefined {
  for (const rule of net.rulesOfUnknownGroup) {
    const e = ruleOpensToInternet(net, rule, ranges, ports);
    if (e.verdict !== "closed") return unknown("preview", `${rule.origin} may admit the internet on data-store ports and names a security group not known yet`);
  }
  return undefined;
}

function judgeGroup(net: NetworkIndex, group: SecurityGroup, ranges: AddressRanges, ports: readonly PortRange[], stray: Unknown | undefined): Outcome {
  const who = describe(group.ref);
  const found = groupOpensToInternet(net, group, ranges, ports);
  const open = found.flatMap((e) => (e.verdict === "open" ? [e.what] : []));
  if (open.length > 0) return fail(group.ref, `${who} admits the internet: ${listed(open)}; admit data-store ports only from application security groups or private ranges`);
  const undetermined = found.find((e): e is Extract<RuleExposure, { verdict: "undetermined" }> => e.verdict === "undetermined")?.reason ?? stray;
  if (undetermined) return notAssessed(group.ref, `whether ${who} admits the internet on data-store ports`, undetermined);
  return pass(group.ref, `${who} admits the internet on no data-store port (${found.length} ingress rule(s) checked)`);
}

function judgeRule(ref: ResourceRef, e: RuleExposure): Outcome {
  const who = describe(ref);
  if (e.verdict === "open") return fail(ref, `${who} opens its security group to the internet: ${e.what}`);
  if (e.verdict === "undetermined") return notAssessed(ref, `whether ${who} admits the internet on data-store ports`, e.reason);
  return pass(ref, `${who} admits the internet on no data-store port`);
}
