import { describe, fail, notAssessed, pass } from "../../core/outcome";
import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { isUnknown } from "../../core/value";
import { CONTROLS } from "../frameworks";
import { keyTarget, reachOf, storeTarget } from "./principal-reach-facts";
import { customerDataStores, REQUIRE_SEGMENTS, segmentationActive, singleSegment, storeSegment } from "./segment-facts";
import { keyTaggedSegment } from "./segment-membership-facts";

const INFERRED_WHY = "the document is not known until the update";

interface Options {
  requireSegments: boolean;
  approvedTagKey: string;
  approvedTagValue: string;
}

export const noPrincipalReachesTwoSegments = defineRule<Options>({
  id: "CDG-SEG-005",
  slug: "no-principal-reaches-two-segments",
  title: "No IAM principal can read or write the data of two customer segments",
  pillar: "segregation",
  severity: "high",
  scope: "stack",
  reads: ["stores", "keys", "network", "placements", "exposures", "resourcePolicies", "iam", "compute", "tags"],
  frameworks: {
    gdpr: [CONTROLS.gdprByDesign, CONTROLS.gdprSecurityOfProcessing],
    "pci-dss-4.0": ["7.2.1", "7.2.2"],
    hipaa: ["164.308(a)(4)(ii)(A)", "164.312(a)(1)"],
  },
  rationale:
    "Separate stores, keys and networks are undone by one role that can read every segment: a " +
    "compromised reporting job or a confused deputy then leaks all customers at once. Each role, user " +
    "or group may reach the stores of one segment, unless it is tagged as an approved cross-segment " +
    "principal (a backup or audit role, reviewed as such). Statements are resolved to stores by the " +
    "stores' ARNs when known and, in preview, by the stores the policy document was built from " +
    "(propertyDependencies). AWS managed policies are read from the account (scan) or from the pack's " +
    "bundled catalogue of their documents (Pulumi). A statement whose effect or actions are not known, " +
    "one that may name a store whose ARN is not known yet, or a policy whose document cannot be read " +
    "leaves the reach open: not assessed, unless two segments are reached anyway. A document not known " +
    "at all in preview (one `pulumi.jsonStringify` or `pulumi.interpolate` output) built from two " +
    "segments' stores or keys is a finding, inferred from those resources. A role or user tagged with a " +
    "segment may reach that segment's data only, and a KMS key tagged with a segment is that segment's.",
  remediation:
    "Give each segment its own application roles whose policies name only that segment's resources; " +
    "for a principal that must span segments (backup, audit), tag it `cdguard:approved-cross-segment` " +
    "= `true` after review.",
  links: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"],
  options: {
    requireSegments: REQUIRE_SEGMENTS,
    approvedTagKey: { type: "string", default: "cdguard:approved-cross-segment", description: "Tag key marking an approved cross-segment principal." },
    approvedTagValue: { type: "string", default: "true", description: "Value of that tag that approves it." },
  },
  evaluate(inventory, { config, options }): Outcome[] {
    const iam = inventory.iam;
    if (!iam || !segmentationActive(inventory, config, options)) return [];
    const segmentOf = new Map<string, string>();
    const keySegments = new Map<string, Set<string>>();
    const addKeySegment = (key: string, segment: string) => keySegments.set(key, (keySegments.get(key) ?? new Set()).add(segment));
    for (const store of customerDataStores(inventory, config)) {
      const segment = storeSegment(store, config);
      if (typeof segment !== "string") continue;
      segmentOf.set(store.ref.id, segment);
      const e = store.encryption;
      if (!isUnknown(e) && e.keyRef) addKeySegment(e.keyRef, segment);
    }
    // A key tagged with a segment is that segment's, used by its stores or not.
    for (const k of inventory.keys) {
      const tagged = keyTaggedSegment(inventory, k, config);
      if (typeof tagged === "string") addKeySegment(k.ref.id, tagged);
    }
    // A segment's own key decrypts that segment's data; a key shared by segments is
    // CDG-SEG-002's finding and says nothing about which segment a principal is after.
    for (const [key, segments] of keySegments) if (segments.size === 1) segmentOf.set(key, [...segments][0] as string);
    const stores = inventory.stores.filter((s) => segmentOf.has(s.ref.id));
    const keys = inventory.keys.filter((k) => segmentOf.has(k.ref.id));
    const targets = [...stores.map(storeTarget), ...keys.map(keyTarget)];
    const labels = new Map([...stores, ...keys].map((t) => [t.ref.id, describe(t.ref)]));
    return iam.principals.map((principal) => {
      const who = describe(principal.ref);
      const reach = reachOf(principal, iam, targets);
      const bySegment = new Map<string, string[]>();
      const add = (id: string) => {
        const segment = segmentOf.get(id);
        if (segment) bySegment.set(segment, [...(bySegment.get(segment) ?? []), labels.get(id) ?? id]);
      };
      for (const id of reach.reached) add(id);
      const provenSegments = new Set(bySegment.keys());
      for (const id of reach.inferred) add(id);
      const own = singleSegment(principal.tags, config);
      const tags = principal.tags;
      const approved = !isUnknown(tags) && tags?.[options.approvedTagKey] === options.approvedTagValue;
      const crosses = (segments: ReadonlySet<string>) => segments.size > 1 || (typeof own === "string" && [...segments].some((s) => s !== own));
      if (crosses(new Set(bySegment.keys()))) {
        const inferred = crosses(provenSegments) ? "" : `, inferred from the resources its policy document is built from (${INFERRED_WHY})`;
        const list = [...bySegment.entries()].map(([s, what]) => `'${s}' (${what.join(", ")})`).join(" and ");
        const outside = bySegment.size === 1 ? `belongs to segment '${String(own)}' (its tag) but ` : "";
        const reached = bySegment.size > 1 ? `segments ${list}` : `segment ${list}`;
        return approved
          ? pass(principal.ref, `${who} ${outside}reaches ${reached}${inferred} and is an approved cross-segment principal`)
          : fail(principal.ref, `${who} ${outside}can reach the data of ${reached}${inferred}`);
      }
      if (reach.undetermined) return notAssessed(principal.ref, `which segments ${who} reaches`, reach.undetermined);
      const only = [...bySegment.keys()][0];
      if (only && isUnknown(own) && !approved) return notAssessed(principal.ref, `whether segment '${only}' is the segment ${who} is tagged with`, own);
      return pass(principal.ref, only ? `${who} reaches segment '${only}' only` : `${who} reaches no segmented data`);
    });
  },
});
