import { describe } from "../../core/outcome";
import type { GuardConfig } from "../../core/config";
import { isUnknown, type Unknown, type Val } from "../../core/value";
import type { Inventory } from "../../models/inventory";
import type { NetworkRef } from "../../models/network";
import { customerDataStores, storeSegment, type NetworkView } from "./segment-facts";
import { taggedSegment } from "./segment-membership-facts";

/** What puts a security group in a segment: its own tag, or a store or compute resource using it. */
interface GroupMember {
  readonly segment: Val<string | undefined>;
  /** "tag", or the user it comes from ("RDS instance 'db-a'"). */
  readonly via: string;
  readonly compute: boolean;
}

export type GroupMembers = ReadonlyMap<NetworkRef, readonly GroupMember[]>;

/**
 * Every security group's members: the compute (EC2, Lambda) and customer-data stores placed in it,
 * with their segments, and the segment it declares by its own tag.
 */
export function groupMembers(inv: Inventory, view: NetworkView, config: GuardConfig): GroupMembers {
  const byGroup = new Map<NetworkRef, GroupMember[]>();
  const add = (sg: NetworkRef, m: GroupMember) => {
    const id = view.net.resolve(sg);
    byGroup.set(id, [...(byGroup.get(id) ?? []), m]);
  };
  const groupsOf = (id: string): readonly NetworkRef[] => {
    const p = view.placementOf(id);
    return p && !isUnknown(p.securityGroups) ? p.securityGroups : [];
  };
  const computeIds = new Set<string>();
  for (const c of inv.compute ?? []) {
    computeIds.add(c.id);
    for (const sg of groupsOf(c.id)) add(sg, { segment: taggedSegment(inv, c.id, config), via: describe(c), compute: true });
  }
  for (const store of customerDataStores(inv, config)) {
    if (computeIds.has(store.ref.id)) continue;
    for (const sg of groupsOf(store.ref.id)) add(sg, { segment: storeSegment(store, config), via: describe(store.ref), compute: false });
  }
  for (const sg of view.net.graph.securityGroups) {
    const segment = taggedSegment(inv, sg.ref.id, config);
    if (segment !== undefined) add(sg.ref.id, { segment, via: "tag", compute: false });
  }
  return byGroup;
}

export interface Admissions {
  /** "rule X admits compute of segment 'a'", "rule X admits security group 'app-a' of segment 'a' (its tag)". */
  readonly crossings: readonly string[];
  /** Set when a rule's peers, a referenced group or a member's segment is not known. */
  readonly undetermined?: Unknown;
}

/**
 * What the ingress rules of `groups` admit from other segments than `segment`: compute of another
 * segment, or a security group belonging to another one (by its tag or the stores using it).
 */
export function admissionsInto(groups: readonly NetworkRef[], segment: string, view: NetworkView, members: GroupMembers): Admissions {
  const crossings = new Set<string>();
  let undetermined: Unknown | undefined;
  for (const sgId of groups) {
    const sg = view.net.get(sgId, "security-group");
    if (!sg) continue;
    for (const rule of view.net.ingressOf(sg)) {
      if (isUnknown(rule.peers)) {
        undetermined ??= rule.peers;
        continue;
      }
      for (const peer of rule.peers) {
        if (peer.kind !== "security-group") continue;
        if (isUnknown(peer.group)) {
          undetermined ??= peer.group;
          continue;
        }
        const peerId = view.net.resolve(peer.group);
        const peerName = describe(view.net.get(peerId, "security-group")?.ref ?? { id: peerId, type: "security-group", name: peerId, label: "security group" });
        const reported = new Set<string>();
        // Compute first: "admits compute of segment 'a'" says the most, and is the message kept since the first release.
        const ordered = [...(members.get(peerId) ?? [])].sort((a, b) => Number(b.compute) - Number(a.compute));
        for (const m of ordered) {
          if (isUnknown(m.segment)) {
            undetermined ??= m.segment;
            continue;
          }
          if (m.segment === undefined || m.segment === segment || reported.has(m.segment)) continue;
          reported.add(m.segment);
          const why = m.via === "tag" ? "its tag" : `used by ${m.via}`;
          crossings.add(m.compute ? `${rule.origin} admits compute of segment '${m.segment}'` : `${rule.origin} admits ${peerName} of segment '${m.segment}' (${why})`);
        }
      }
    }
  }
  return { crossings: [...crossings], ...(undetermined ? { undetermined } : {}) };
}
