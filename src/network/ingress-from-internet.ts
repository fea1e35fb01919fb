import { isUnknown, unknown, type Unknown, type Val } from "../core/value";
import type { RulePeer, SecurityGroup, SecurityGroupRule } from "../models/network";
import { DEFAULT_PRIVATE_RANGES, reachesBeyond, type AddressRanges } from "./address-ranges";
import { prefixListReachesBeyond } from "./destinations";
import type { NetworkIndex } from "./network-index";
import { trafficMatches, trafficOf, type Traffic, type TrafficQuery } from "./ports";

/** One rule letting addresses outside the private ranges in. */
export interface OpenIngress {
  readonly rule: SecurityGroupRule;
  /** What the rule lets through; Unknown when its protocol or ports are not known. */
  readonly traffic: Val<Traffic>;
  /** The offending source: a CIDR or a prefix list. */
  readonly source: string;
}

/** A rule that may let the internet in, but whose source, ports or group are not known. */
export interface UndeterminedIngress {
  readonly rule: SecurityGroupRule;
  readonly reason: Unknown;
}

export interface IngressFromInternet {
  readonly open: readonly OpenIngress[];
  readonly undetermined: readonly UndeterminedIngress[];
}

export interface IngressOptions {
  /** Addresses that are not the internet; default RFC 1918, 100.64.0.0/10 and fc00::/7. */
  readonly privateRanges?: AddressRanges;
  /** Only rules admitting some of this traffic count, e.g. `{protocol: "tcp", ports: {from: 5432, to: 5432}}`. */
  readonly traffic?: TrafficQuery;
}

/**
 * The ingress rules of a security group that admit `0.0.0.0/0`, `::/0` or any address outside
 * the private ranges. A rule with an unknown source is undetermined, never open or closed;
 * a rule open to the internet on unknown ports is open (undetermined when ports were asked).
 */
export function ingressFromInternet(net: NetworkIndex, group: SecurityGroup, options: IngressOptions = {}): IngressFromInternet {
  const ranges = options.privateRanges ?? DEFAULT_PRIVATE_RANGES;
  const open: OpenIngress[] = [];
  const undetermined: UndeterminedIngress[] = [];
  for (const rule of net.ingressOf(group)) {
    const traffic = trafficOf(rule, rule.origin);
    if (!isUnknown(traffic) && options.traffic && !trafficMatches(traffic, options.traffic)) continue;
    const sources = internetSources(net, rule, ranges);
    if (sources.open.length > 0) {
      if (isUnknown(traffic) && options.traffic) undetermined.push({ rule, reason: traffic });
      else for (const source of sources.open) open.push({ rule, traffic, source });
    } else if (sources.unknown) undetermined.push({ rule, reason: sources.unknown });
  }
  const stray = strayOpenRule(net, ranges, options.traffic);
  if (stray) {
    undetermined.push({ rule: stray, reason: unknown("preview", `${stray.origin} names a security group not known yet; it may be ${group.ref.name}`) });
  }
  return { open, undetermined };
}

/** Open -> true, else any undetermined rule -> Unknown, else false. */
export function ingressVerdict(result: IngressFromInternet): Val<boolean> {
  if (result.open.length > 0) return true;
  return result.undetermined[0]?.reason ?? false;
}

/** The sources of a rule outside the private ranges, described; `unknown` when some source is not known. */
export function internetSources(net: NetworkIndex, rule: SecurityGroupRule, ranges: AddressRanges): { open: string[]; unknown?: Unknown } {
  if (isUnknown(rule.peers)) return { open: [], unknown: rule.peers };
  const open: string[] = [];
  let undetermined: Unknown | undefined;
  for (const peer of rule.peers) {
    const beyond = peerReachesBeyond(net, peer, ranges, rule.origin);
    if (beyond === true) open.push(describePeer(net, peer));
    else if (isUnknown(beyond)) undetermined ??= beyond;
  }
  return { open, ...(undetermined ? { unknown: undetermined } : {}) };
}

function peerReachesBeyond(net: NetworkIndex, peer: RulePeer, ranges: AddressRanges, where: string): Val<boolean> {
  switch (peer.kind) {
    case "ipv4":
    case "ipv6":
      return isUnknown(peer.cidr) ? unknown(peer.cidr.reason, `${where}: source ${peer.cidr.detail}`) : reachesBeyond(peer.cidr, ranges, where);
    case "prefix-list":
      return prefixListReachesBeyond(net, peer.prefixList, ranges, where);
    default:
      return false;
  }
}

function describePeer(net: NetworkIndex, peer: RulePeer): string {
  if (peer.kind === "ipv4" || peer.kind === "ipv6") return String(peer.cidr);
  if (peer.kind === "prefix-list" && typeof peer.prefixList === "string") {
    return `prefix list ${net.find(peer.prefixList, "prefix-list")?.ref.name ?? peer.prefixList}`;
  }
  return peer.kind;
}

const strayRules = new WeakMap<NetworkIndex, Map<AddressRanges, SecurityGroupRule[]>>();

/** A rule of an unknown group that may let the internet in (candidates computed once per index). */
function strayOpenRule(net: NetworkIndex, ranges: AddressRanges, query: TrafficQuery | undefined): SecurityGroupRule | undefined {
  if (net.rulesOfUnknownGroup.length === 0) return undefined;
  let byRanges = strayRules.get(net);
  if (!byRanges) strayRules.set(net, (byRanges = new Map()));
  let candidates = byRanges.get(ranges);
  if (!candidates) {
    candidates = net.rulesOfUnknownGroup.filter((r) => {
      const s = internetSources(net, r, ranges);
      return r.direction === "ingress" && (s.open.length > 0 || s.unknown !== undefined);
    });
    byRanges.set(ranges, candidates);
  }
  return candidates.find((r) => {
    const traffic = trafficOf(r, r.origin);
    return !query || isUnknown(traffic) || trafficMatches(traffic, query);
  });
}
