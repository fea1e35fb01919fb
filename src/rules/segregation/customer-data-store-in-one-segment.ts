import { describe, fail, notAssessed, pass } from "../../core/outcome";
import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { isUnknown } from "../../core/value";
import { CONTROLS } from "../frameworks";
import { customerDataStores, REQUIRE_SEGMENTS, segmentationActive, storeSegments, type SegmentOptions } from "./segment-facts";

export const customerDataStoreInOneSegment = defineRule<SegmentOptions>({
  id: "CDG-SEG-001",
  slug: "customer-data-store-in-one-segment",
  title: "Every customer-data store declares exactly one customer segment",
  pillar: "segregation",
  severity: "high",
  scope: "stack",
  reads: ["stores", "keys", "network", "placements", "exposures", "resourcePolicies", "iam", "compute", "tags"],
  frameworks: {
    gdpr: [CONTROLS.gdprByDesign, CONTROLS.gdprSecurityOfProcessing],
    "pci-dss-4.0": ["1.2.1"],
    hipaa: ["164.308(a)(4)(ii)(A)"],
  },
  rationale:
    "Segregation of customer segments (tenants, regions, brands, regulated and unregulated customers) " +
    "can only be checked for stores that say which segment they hold. A store without a segment, or " +
    "with several, is where one segment's data ends up next to another's. Judged as soon as any store " +
    "in the stack declares a segment (or when `requireSegments` is on), so stacks that do not segment " +
    "are not flooded.",
  remediation: "Tag every customer-data store with exactly one segment: `customer-segment: <segment>` (the key is configurable with `segmentTagKey`).",
  links: ["https://docs.aws.amazon.com/whitepapers/latest/saas-architecture-fundamentals/tenant-isolation.html"],
  options: { requireSegments: REQUIRE_SEGMENTS },
  evaluate(inventory, { config, options }): Outcome[] {
    if (!segmentationActive(inventory, config, options)) return [];
    const key = config.tagKeys.segment;
    return customerDataStores(inventory, config).map((store) => {
      const who = describe(store.ref);
      const segments = storeSegments(store, config);
      if (isUnknown(segments)) return notAssessed(store.ref, `the segment of ${who}`, segments);
      if (segments.length === 1) return pass(store.ref, `${who} belongs to segment '${segments[0]}'`);
      if (segments.length === 0) {
        const how = store.kind === "logical-database" ? "map its name in 'logicalDatabaseSegments'" : `tag '${key}'`;
        return fail(store.ref, `${who} declares no customer segment (${how})`);
      }
      return fail(store.ref, `${who} declares ${segments.length} segments (${segments.join(", ")}); a store holds one segment's data`);
    });
  },
});

