import { isUnknown, unknown, type Unknown, type Val } from "../core/value";
import type { NetworkRef, RulePeer, SecurityGroup, SecurityGroupRule } from "../models/network";
import type { NetworkIndex } from "./network-index";
import { trafficMatches, trafficOf, type TrafficQuery } from "./ports";

export interface Admission {
  readonly admits: boolean;
  /** The ingress rule that lets the traffic in. */
  readonly via?: SecurityGroupRule;
}

/**
 * Whether `to` admits traffic from members of the group `from` (a rule referencing `from`, or a
 * self rule when both are the same group) for some of the traffic asked about. Only security
 * group references count: CIDR rules that happen to cover `from`'s addresses are not judged here.
 * A rule whose referenced group, protocol or ports are not known makes an otherwise negative
 * answer Unknown.
 */
export function admits(net: NetworkIndex, from: SecurityGroup | NetworkRef, to: SecurityGroup, traffic: TrafficQuery): Val<Admission> {
  const fromId = net.resolve(typeof from === "string" ? from : from.ref.id);
  const toId = to.ref.id;
  let undetermined: Unknown | undefined;
  for (const rule of net.ingressOf(to)) {
    const t = trafficOf(rule, rule.origin);
    if (!isUnknown(t) && !trafficMatches(t, traffic)) continue;
    const match = referencesGroup(net, rule, fromId, toId);
    if (match === true && !isUnknown(t)) return { admits: true, via: rule };
    if (match === true && isUnknown(t)) undetermined ??= t;
    else if (isUnknown(match)) undetermined ??= match;
  }
  return undetermined ?? { admits: false };
}

function referencesGroup(net: NetworkIndex, rule: SecurityGroupRule, fromId: NetworkRef, toId: NetworkRef): Val<boolean> {
  if (isUnknown(rule.peers)) return rule.peers;
  let undetermined: Unknown | undefined;
  for (const peer of rule.peers) {
    const m = peerIs(net, peer, fromId, toId, rule.origin);
    if (m === true) return true;
    if (isUnknown(m)) undetermined ??= m;
  }
  return undetermined ?? false;
}

function peerIs(net: NetworkIndex, peer: RulePeer, fromId: NetworkRef, toId: NetworkRef, where: string): Val<boolean> {
  if (peer.kind === "self") return fromId === toId;
  if (peer.kind !== "security-group") return false;
  if (isUnknown(peer.group)) return unknown(peer.group.reason, `${where}: referenced group ${peer.group.detail}`);
  return net.resolve(peer.group) === fromId;
}
