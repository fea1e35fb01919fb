import { isUnknown, unknown, type Unknown } from "../core/value";
import type { SecurityGroup, SecurityGroupRule } from "../models/network";
import type { AddressRanges } from "./address-ranges";
import { internetSources } from "./ingress-from-internet";
import type { NetworkIndex } from "./network-index";
import { ALL_PORTS, describeTraffic, portRangeContains, portRangesOverlap, trafficOf, type PortRange, type Traffic } from "./ports";

/** What an ingress rule opens to the internet among the ports watched. */
export type RuleExposure =
  | { readonly verdict: "open"; readonly rule: SecurityGroupRule; readonly what: string }
  | { readonly verdict: "undetermined"; readonly rule: SecurityGroupRule; readonly reason: Unknown }
  | { readonly verdict: "closed"; readonly rule: SecurityGroupRule };

/**
 * Which of the watched ports some traffic reaches: all traffic (every protocol), all TCP or UDP
 * ports, or the watched ranges it overlaps; undefined when none.
 */
export function watchedPortsIn(traffic: Traffic, watched: readonly PortRange[]): string | undefined {
  if (traffic.protocol === "all") return "all traffic";
  if (!traffic.ports) return undefined;
  if (portRangeContains(traffic.ports, ALL_PORTS)) return `${traffic.protocol}/all ports`;
  const hit = watched.filter((w) => portRangesOverlap(traffic.ports as PortRange, w));
  if (hit.length === 0) return undefined;
  const ports = hit.map((w) => (w.from === w.to ? `${w.from}` : `${w.from}-${w.to}`)).join(", ");
  return `${describeTraffic(traffic)} (data-store port${hit.length > 1 || hit[0]?.from !== hit[0]?.to ? "s" : ""} ${ports})`;
}

/**
 * Whether an ingress rule lets addresses outside the private ranges in on all traffic, all ports
 * or a watched port. A rule whose source is not known, or whose protocol or ports are not known
 * while its source is the internet, is undetermined; egress rules are closed.
 */
export function ruleOpensToInternet(net: NetworkIndex, rule: SecurityGroupRule, ranges: AddressRanges, watched: readonly PortRange[]): RuleExposure {
  if (rule.direction !== "ingress") return { verdict: "closed", rule };
  const traffic = trafficOf(rule, rule.origin);
  const ports = isUnknown(traffic) ? undefined : watchedPortsIn(traffic, watched);
  if (!isUnknown(traffic) && ports === undefined) return { verdict: "closed", rule };
  const sources = internetSources(net, rule, ranges);
  if (sources.open.length > 0) {
    if (isUnknown(traffic)) {
      return { verdict: "undetermined", rule, reason: unknown(traffic.reason, `${rule.origin} admits ${sources.open.join(", ")} on ports not known: ${traffic.detail}`) };
    }
    return { verdict: "open", rule, what: `${rule.origin} admits ${sources.open.join(", ")} on ${ports}` };
  }
  if (sources.unknown) return { verdict: "undetermined", rule, reason: sources.unknown };
  return { verdict: "closed", rule };
}

/** Every ingress rule of the group (inline and joined) judged by `ruleOpensToInternet`. */
export function groupOpensToInternet(net: NetworkIndex, group: SecurityGroup, ranges: AddressRanges, watched: readonly PortRange[]): RuleExposure[] {
  return net.ingressOf(group).map((r) => ruleOpensToInternet(net, r, ranges, watched));
}
