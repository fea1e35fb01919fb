import { describe, fail, notAssessed, pass } from "../../core/outcome";
import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import type { GuardConfig } from "../../core/config";
import { isUnknown, type Val } from "../../core/value";
import type { Inventory } from "../../models/inventory";
import type { ResourceRef } from "../../models/ref";
import { vpcsJoined } from "../../network";
import { CONTROLS } from "../frameworks";
import {
  customerDataStores,
  networkView,
  REQUIRE_SEGMENTS,
  segmentationActive,
  storeSegment,
  type NetworkView,
  type SegmentOptions,
} from "./segment-facts";
import { admissionsInto, groupMembers, type GroupMembers } from "./segment-admission-facts";
import { taggedSegment } from "./segment-membership-facts";

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
    "to another segment's database. Three paths are checked on the stack graph: a security group of a " +
    "store that admits a security group of another segment (one used by that segment's compute, EC2 " +
    "instances and Lambda functions, or stores, or tagged with that segment); an ingress rule into a " +
    "security group tagged with one segment from a security group of another; and VPC peering or " +
    "transit gateway attachments joining VPCs tagged with different segments. All are judged on " +
    "security-group references and tags, so they hold in preview while ids are unknown.",
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
    const segmentOfTagged = (id: string): Val<string | undefined> => taggedSegment(inventory, id, config);
    const members = groupMembers(inventory, view, config);
    const judged = new Set<string>();
    return [
      ...storeAdmissions(inventory, view, config, members, judged),
      ...taggedGroupAdmissions(inventory, view, config, members, judged),
      ...vpcJoins(view, segmentOfTagged),
    ];
  },
});

/** Each segmented customer-data store: what its security groups admit from other segments. */
function storeAdmissions(inv: Inventory, view: NetworkView, config: GuardConfig, members: GroupMembers, judged: Set<string>): Outcome[] {
  const out: Outcome[] = [];
  const computeIds = new Set((inv.compute ?? []).map((c) => c.id));
  for (const store of customerDataStores(inv, config)) {
    if (computeIds.has(store.ref.id)) continue;
    const segment = storeSegment(store, config);
    const placement = view.placementOf(store.ref.id);
    if (!placement || isUnknown(segment) || segment === undefined || isUnknown(placement.securityGroups)) continue;
    for (const sg of placement.securityGroups) judged.add(view.net.resolve(sg));
    const who = describe(store.ref);
    const { crossings, undetermined } = admissionsInto(placement.securityGroups, segment, view, members);
    if (crossings.length > 0) out.push(fail(store.ref, `${who} (segment '${segment}'): ${crossings.join("; ")}`));
    else if (undetermined) out.push(notAssessed(store.ref, `whether another segment's compute reaches ${who}`, undetermined));
    else out.push(pass(store.ref, `${who} admits no compute of another segment`));
  }
  return out;
}

/**
 * A security group tagged with a segment and guarding no store judged above: an ingress rule admitting
 * another segment's security group (or compute) into it is a path between the segments.
 */
function taggedGroupAdmissions(inv: Inventory, view: NetworkView, config: GuardConfig, members: GroupMembers, judged: Set<string>): Outcome[] {
  const out: Outcome[] = [];
  for (const sg of view.net.graph.securityGroups) {
    if (judged.has(sg.ref.id)) continue;
    const segment = taggedSegment(inv, sg.ref.id, config);
    if (typeof segment !== "string") continue;
    const who = describe(sg.ref);
    const { crossings, undetermined } = admissionsInto([sg.ref.id], segment, view, members);
    if (crossings.length > 0) out.push(fail(sg.ref, `${who} (segment '${segment}', by its tag): ${crossings.join("; ")}`));
    else if (undetermined) out.push(notAssessed(sg.ref, `whether another segment's security groups reach ${who}`, undetermined));
    else out.push(pass(sg.ref, `${who} (segment '${segment}') admits no security group or compute of another segment`));
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
