import { describe, fail, notAssessed, pass } from "../../core/outcome";
import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { isUnknown, unknown, type Val } from "../../core/value";
import type { Inventory } from "../../models/inventory";
import type { ResourceRef } from "../../models/ref";
import { vpcsJoined } from "../../network";
import { CONTROLS } from "../frameworks";
import {
  customerDataStores,
  networkView,
  REQUIRE_SEGMENTS,
  segmentationActive,
  singleSegment,
  storeSegment,
  type NetworkView,
  type SegmentOptions,
} from "./segment-facts";

export const noNetworkPathBetweenSegments = defineRule<SegmentOptions>({
  id: "CDG-SEG-003",
  slug: "no-network-path-between-segments",
  title: "No network path leads from one customer segment's compute to another segment's data",
  pillar: "segregation",
  severity: "high",
  scope: "stack",
  reads: ["stores", "keys", "network", "placements", "exposures", "resourcePolicies", "iam", "compute", "tags"],
  frameworks: {
    gdpr: [CONTROLS.gdprByDesign, CONTROLS.gdprSecurityOfProcessing],
    "pci-dss-4.0": ["1.2.1", "1.3.1"],
    hipaa: ["164.312(a)(1)"],
  },
  rationale:
    "Separate stores do not segregate data if one segment's application servers can open a connection " +
    "to another segment's database. Two paths are checked on the stack graph: a security group of a " +
    "store that admits a security group used by another segment's compute (EC2 instances, Lambda " +
    "functions), and VPC peering or transit gateway attachments joining VPCs tagged with different " +
    "segments. Both are judged on security-group references and VPC tags, so they hold in preview " +
    "while ids are unknown.",
  remediation:
    "Admit into a segment's store security groups only that segment's compute security groups; do not " +
    "peer or attach to a shared transit gateway the VPCs of different segments (use separate transit " +
    "gateway route tables, or PrivateLink for the few shared services).",
  links: ["https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-best-practices.html"],
  options: { requireSegments: REQUIRE_SEGMENTS },
  evaluate(inventory, { config, options }): Outcome[] {
    if (!segmentationActive(inventory, config, options)) return [];
    const view = networkView(inventory);
    if (!view) return [];
    const segmentOfTagged = (id: string): Val<string | undefined> => singleSegment(inventory.tags?.get(id), config);
    return [...storeAdmissions(inventory, view, config, segmentOfTagged), ...vpcJoins(view, segmentOfTagged)];
  },
});

/** Security groups used by compute, with the segment of each user. */
function computeSegmentsByGroup(inv: Inventory, view: NetworkView, segmentOf: (id: string) => Val<string | undefined>) {
  const byGroup = new Map<string, { segment: Val<string | undefined>; id: string }[]>();
  for (const { id } of inv.compute ?? []) {
    const p = view.placementOf(id);
    if (!p || isUnknown(p.securityGroups)) continue;
    for (const sg of p.securityGroups) {
      const list = byGroup.get(sg) ?? [];
      list.push({ segment: segmentOf(id), id });
      byGroup.set(sg, list);
    }
  }
  return byGroup;
}

function storeAdmissions(
  inv: Inventory,
  view: NetworkView,
  config: Parameters<typeof customerDataStores>[1],
  segmentOf: (id: string) => Val<string | undefined>,
): Outcome[] {
  const computeByGroup = computeSegmentsByGroup(inv, view, segmentOf);
  const out: Outcome[] = [];
  const computeIds = new Set((inv.compute ?? []).map((c) => c.id));
  for (const store of customerDataStores(inv, config)) {
    if (computeIds.has(store.ref.id)) continue;
    const segment = storeSegment(store, config);
    const placement = view.placementOf(store.ref.id);
    if (!placement || isUnknown(segment) || segment === undefined || isUnknown(placement.securityGroups)) continue;
    const who = describe(store.ref);
    const crossings: string[] = [];
    let undetermined = false;
    for (const sgId of placement.securityGroups) {
      const sg = view.net.get(sgId, "security-group");
      if (!sg) continue;
      for (const rule of view.net.ingressOf(sg)) {
        if (isUnknown(rule.peers)) {
          undetermined = true;
          continue;
        }
        for (const peer of rule.peers) {
          if (peer.kind !== "security-group") continue;
          if (isUnknown(peer.group)) {
            undetermined = true;
            continue;
          }
          for (const user of computeByGroup.get(view.net.resolve(peer.group)) ?? []) {
            if (isUnknown(user.segment)) undetermined = true;
            else if (user.segment !== undefined && user.segment !== segment) {
              crossings.push(`${rule.origin} admits compute of segment '${user.segment}'`);
            }
          }
        }
      }
    }
    if (crossings.length > 0) out.push(fail(store.ref, `${who} (segment '${segment}'): ${[...new Set(crossings)].join("; ")}`));
    else if (undetermined) {
      const why = unknown("preview", "a referenced security group, or the segment of its users, is computed during the update");
      out.push(notAssessed(store.ref, `whether another segment's compute reaches ${who}`, why));
    } else out.push(pass(store.ref, `${who} admits no compute of another segment`));
  }
  return out;
}

function vpcJoins(view: NetworkView, segmentOf: (id: string) => Val<string | undefined>): Outcome[] {
  return vpcsJoined(view.net).map((join) => {
    const ref: ResourceRef = view.net.graph.peerings.find((p) => p.ref.id === join.via.ref)?.ref ?? {
      id: join.via.ref,
      type: join.via.kind,
      name: join.via.name,
      label: join.via.kind === "vpc-peering" ? "VPC peering connection" : "transit gateway",
    };
    const [a, b] = join.vpcs;
    if (isUnknown(a)) return notAssessed(ref, `a VPC joined by ${describe(ref)}`, a);
    if (isUnknown(b)) return notAssessed(ref, `a VPC joined by ${describe(ref)}`, b);
    if (a === undefined || b === undefined) return pass(ref, `${describe(ref)} joins a VPC outside this stack`);
    const sa = segmentOf(view.net.resolve(a));
    const sb = segmentOf(view.net.resolve(b));
    if (isUnknown(sa)) return notAssessed(ref, `the segment of a VPC joined by ${describe(ref)}`, sa);
    if (isUnknown(sb)) return notAssessed(ref, `the segment of a VPC joined by ${describe(ref)}`, sb);
    if (sa !== undefined && sb !== undefined && sa !== sb) {
      return fail(ref, `${describe(ref)} joins the VPCs of segments '${sa}' and '${sb}'`);
    }
    return pass(ref, `${describe(ref)} joins VPCs of one segment (or untagged VPCs)`);
  });
}
