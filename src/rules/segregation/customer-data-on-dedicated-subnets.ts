import { describe, fail, notAssessed, pass } from "../../core/outcome";
import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { isUnknown } from "../../core/value";
import { CONTROLS } from "../frameworks";
import { customerDataStores, networkView } from "./segment-facts";

interface Options {
  isolateDataSubnets: boolean;
}

export const customerDataOnDedicatedSubnets = defineRule<Options>({
  id: "CDG-SEG-004",
  slug: "customer-data-on-dedicated-subnets",
  title: "Customer-data stores do not share subnets with general-purpose compute",
  pillar: "segregation",
  severity: "medium",
  scope: "stack",
  reads: ["stores", "keys", "network", "placements", "exposures", "resourcePolicies", "iam", "compute", "tags"],
  frameworks: {
    gdpr: [CONTROLS.gdprByDesign],
    "pci-dss-4.0": ["1.2.1", "1.4.4"],
    hipaa: ["164.312(a)(1)"],
  },
  rationale:
    "Data subnets that hold nothing but data stores can have network ACLs and route tables of their " +
    "own, and a compromised application host cannot sit next to the database on the same subnet. " +
    "Off by default (many teams isolate with security groups alone); turn it on with " +
    "`isolateDataSubnets` to keep sensitive data on its own network.",
  remediation: "Create separate subnets (and DB/cache subnet groups) for data stores; place EC2 instances and Lambda functions in application subnets.",
  links: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.Scenarios.html"],
  options: {
    isolateDataSubnets: {
      type: "boolean",
      default: false,
      description: "Require customer-data stores to use subnets no EC2 instance or Lambda function uses.",
    },
  },
  evaluate(inventory, { config, options }): Outcome[] {
    if (!options.isolateDataSubnets) return [];
    const view = networkView(inventory);
    if (!view) return [];
    const computeBySubnet = new Map<string, string[]>();
    const computeIds = new Set((inventory.compute ?? []).map((c) => c.id));
    for (const c of inventory.compute ?? []) {
      const p = view.placementOf(c.id);
      if (!p || isUnknown(p.subnets)) continue;
      for (const s of p.subnets) computeBySubnet.set(s, [...(computeBySubnet.get(s) ?? []), describe(c)]);
    }
    return customerDataStores(inventory, config)
      .filter((s) => !computeIds.has(s.ref.id))
      .flatMap((store): Outcome[] => {
        const p = view.placementOf(store.ref.id);
        if (!p) return [];
        const who = describe(store.ref);
        if (isUnknown(p.subnets)) return [notAssessed(store.ref, `the subnets of ${who}`, p.subnets)];
        const shared = p.subnets.flatMap((s) => (computeBySubnet.get(s) ?? []).map((c) => `${c} in ${view.net.get(s, "subnet")?.ref.name ?? s}`));
        return shared.length > 0
          ? [fail(store.ref, `${who} shares subnets with compute: ${shared.join(", ")}`)]
          : [pass(store.ref, `${who} uses subnets no compute uses`)];
      });
  },
});
