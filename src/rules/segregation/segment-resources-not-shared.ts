import { describe, fail, notAssessed, pass } from "../../core/outcome";
import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { isUnknown, type Unknown, type Val } from "../../core/value";
import type { DataStore } from "../../models/data-store";
import type { KmsKey } from "../../models/kms-key";
import type { ResourceRef } from "../../models/ref";
import { CONTROLS } from "../frameworks";
import { customerDataStores, networkView, REQUIRE_SEGMENTS, segmentationActive, storeSegment, type NetworkView, type SegmentOptions } from "./segment-facts";
import { keyTaggedSegment, taggedSegment } from "./segment-membership-facts";

interface Shared {
  readonly ref: ResourceRef;
  readonly members: { store: DataStore; segment: Val<string | undefined> }[];
}

export const segmentResourcesNotShared = defineRule<SegmentOptions>({
  id: "CDG-SEG-002",
  slug: "segment-resources-not-shared",
  title: "No KMS key, security group, subnet group or database server serves two customer segments",
  pillar: "segregation",
  severity: "high",
  scope: "stack",
  reads: ["stores", "keys", "network", "placements", "exposures", "resourcePolicies", "iam", "compute", "tags"],
  frameworks: {
    gdpr: [CONTROLS.gdprByDesign, CONTROLS.gdprSecurityOfProcessing],
    "pci-dss-4.0": ["1.2.1", CONTROLS.pciKeyProtection],
    hipaa: ["164.308(a)(4)(ii)(A)"],
  },
  rationale:
    "A segment is only isolated if everything that guards its data is its own. A shared KMS key means " +
    "one key policy, one grant list and one audit trail for two segments' data, and revoking one " +
    "segment's access revokes the other's; a shared security group or subnet group means a rule opened " +
    "for one segment opens the other's stores; a shared database server puts both segments behind " +
    "the same administrator credentials and engine vulnerabilities. A key, security group, subnet group " +
    "or subnet tagged with a segment belongs to that segment: serving another segment's store is sharing.",
  remediation:
    "Give each segment its own `aws.kms.Key`, its own security groups and DB/cache subnet groups, and " +
    "its own RDS instance or cluster; name them after the segment and tag them `customer-segment`.",
  links: ["https://docs.aws.amazon.com/whitepapers/latest/saas-architecture-fundamentals/tenant-isolation.html"],
  options: { requireSegments: REQUIRE_SEGMENTS },
  evaluate(inventory, { config, options }): Outcome[] {
    if (!segmentationActive(inventory, config, options)) return [];
    const shared = new Map<string, Shared>();
    const view = networkView(inventory);
    const keys = new Map<string, KmsKey>();
    for (const k of inventory.keys) {
      keys.set(k.ref.id, k);
      if (typeof k.arn === "string") keys.set(k.arn, k);
    }
    for (const store of customerDataStores(inventory, config)) {
      const segment = storeSegment(store, config);
      for (const ref of guardsOf(store, keys, view, (id) => taggedSegment(inventory, id, config) !== undefined)) {
        const entry = shared.get(ref.id) ?? { ref, members: [] };
        entry.members.push({ store, segment });
        shared.set(ref.id, entry);
      }
    }
    const declared = (ref: ResourceRef): Val<string | undefined> => {
      const key = keys.get(ref.id);
      return key ? keyTaggedSegment(inventory, key, config) : taggedSegment(inventory, ref.id, config);
    };
    return [...shared.values()].flatMap((s) => {
      const own = declared(s.ref);
      return s.members.length > 1 || own !== undefined ? [judge(s, own)] : [];
    });
  },
});

/** The key, security groups, subnet group, server and segment-tagged subnets guarding a store, as resources. */
function guardsOf(store: DataStore, keys: Map<string, KmsKey>, view: NetworkView | undefined, tagged: (id: string) => boolean): ResourceRef[] {
  const out: ResourceRef[] = [];
  const e = store.encryption;
  if (!isUnknown(e) && e.keyManager === "customer-managed") {
    const keyId = e.keyRef ?? e.keyId;
    if (keyId) {
      out.push(keys.get(keyId)?.ref ?? { id: keyId, type: "kms-key", name: keyId, label: "KMS key" });
    }
  }
  const placement = view?.placementOf(store.ref.id);
  if (view && placement) {
    if (!isUnknown(placement.securityGroups)) {
      for (const sg of placement.securityGroups) {
        const group = view.net.get(sg, "security-group");
        out.push(group?.ref ?? { id: sg, type: "security-group", name: sg, label: "security group" });
      }
    }
    const g = placement.subnetGroup;
    if (typeof g === "string") {
      const group = view.net.get(g, "subnet-group");
      out.push(group?.ref ?? { id: g, type: "subnet-group", name: g, label: "subnet group" });
    }
    // A subnet is a segment's own resource once tagged with a segment; untagged subnets are CDG-SEG-004's concern.
    if (!isUnknown(placement.subnets)) {
      for (const id of placement.subnets) {
        const subnet = view.net.get(id, "subnet");
        if (subnet && tagged(subnet.ref.id)) out.push(subnet.ref);
      }
    }
  }
  if (store.server) out.push(store.server);
  return out;
}

/** A guard serving two segments, or one other than the segment it is tagged with, fails. */
function judge(s: Shared, own: Val<string | undefined>): Outcome {
  const who = describe(s.ref);
  const known = new Map<string, string[]>();
  let undetermined: Unknown | undefined;
  for (const { store, segment } of s.members) {
    if (isUnknown(segment)) undetermined ??= segment;
    else if (segment !== undefined) known.set(segment, [...(known.get(segment) ?? []), describe(store.ref)]);
  }
  // Sorted: the engine sends a stack's resources in no fixed order, and the message must not depend on it.
  const list = (entries: [string, string[]][]) =>
    entries
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([seg, stores]) => `'${seg}' (${[...stores].sort().join(", ")})`)
      .join(" and ");
  if (known.size > 1) return fail(s.ref, `${who} is shared by segments ${list([...known.entries()])}`);
  if (typeof own === "string") {
    const foreign = [...known.entries()].filter(([seg]) => seg !== own);
    if (foreign.length > 0) return fail(s.ref, `${who} belongs to segment '${own}' (its tag) but serves segment ${list(foreign)}`);
  }
  if (undetermined) return notAssessed(s.ref, `the segment of a store using ${who}`, undetermined);
  if (isUnknown(own)) return notAssessed(s.ref, `the segment ${who} is tagged with`, own);
  const only = [...known.keys()][0];
  if (only) return pass(s.ref, `${who} serves segment '${only}' only`);
  return pass(s.ref, own ? `${who} belongs to segment '${own}' and serves stores that declare no segment` : `${who} serves stores that declare no segment`);
}
