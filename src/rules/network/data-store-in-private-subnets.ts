import { describe, fail, notAssessed, pass } from "../../core/outcome";
import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { isUnknown, unknown, type Unknown } from "../../core/value";
import type { AddressRanges } from "../../network/address-ranges";
import type { NetworkIndex } from "../../network/network-index";
import { resolvePlacement } from "../../network/resolve-placement";
import { subnetIsPublic } from "../../network/subnet-is-public";
import { CONTROLS } from "../frameworks";
import { judgePlacedCustomerData, listed, type PlacedSubject, privateRangesOptions } from "./network-facts";

interface Options {
  privateRanges: string[];
}

export const dataStoreInPrivateSubnets = defineRule<Options>({
  id: "CDG-NET-003",
  slug: "data-store-in-private-subnets",
  title: "Customer data stores sit only in private subnets",
  pillar: "network",
  severity: "high",
  scope: "stack",
  reads: ["stores", "keys", "exposures", "network", "placements", "resourcePolicies", "compute"],
  frameworks: {
    gdpr: [CONTROLS.gdprResilience, CONTROLS.gdprByDesign],
    ccpa: [CONTROLS.ccpaReasonableSecurity],
    "pci-dss-4.0": [CONTROLS.pciInboundRestricted, CONTROLS.pciTrustedUntrustedControlled, CONTROLS.pciStoredDataNotReachable],
    hipaa: [CONTROLS.hipaaAccessControl],
  },
  rationale:
    "A subnet is public when its route table sends internet-bound traffic (0.0.0.0/0, ::/0, or any block " +
    "outside the private ranges) to an internet gateway. A store with a network interface there is one " +
    "setting (a public IP, a public-access switch, an open security group) away from the internet. The " +
    "subnets come from the store's subnet group or its own subnet list; each subnet's table is its " +
    "explicit association, else its VPC's main table. A store given no subnets lands in the default " +
    "VPC, whose subnets route to an internet gateway.",
  remediation:
    "Put the store's subnet group (or subnet list) on subnets whose route tables have no route to an " +
    "internet gateway; use NAT gateways or VPC endpoints for outbound needs. Name a subnet group " +
    "explicitly rather than relying on the default VPC.",
  links: [
    "https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.Scenarios.html",
  ],
  options: privateRangesOptions(),
  evaluate(inventory, { config, options }): Outcome[] {
    return judgePlacedCustomerData(inventory, config, options.privateRanges, "the subnets", judge);
  },
});

function judge(s: PlacedSubject, net: NetworkIndex, ranges: AddressRanges): Outcome {
  const who = describe(s.ref);
  const p = s.placement;
  if (p.inVpc === false) return fail(s.ref, `${who} is outside any VPC: it is reached through a public service endpoint (${p.observed})`);
  if (isUnknown(p.inVpc)) return notAssessed(s.ref, `whether ${who} is in a VPC`, p.inVpc);
  if (p.defaultVpc) {
    return fail(s.ref, `${who} names no subnets: AWS places it in the default VPC, whose subnets route to an internet gateway (${p.observed})`);
  }
  const subnets = resolvePlacement(net, p).subnets;
  if (isUnknown(subnets)) return notAssessed(s.ref, `the subnets of ${who}`, subnets);
  const open: string[] = [];
  let undetermined: Unknown | undefined;
  for (const ref of subnets) {
    const subnet = net.get(ref, "subnet");
    if (!subnet) {
      undetermined ??= unknown("not-fetched", `subnet ${ref} is not part of the stack; its routes are not known`);
      continue;
    }
    const exposure = subnetIsPublic(net, subnet, ranges);
    if (isUnknown(exposure)) undetermined ??= exposure;
    else if (exposure.public) open.push(`subnet ${subnet.ref.name} routes ${exposure.via ?? "to an internet gateway"}`);
  }
  if (open.length > 0) return fail(s.ref, `${who} sits in public subnets: ${listed(open)}`);
  if (undetermined) return notAssessed(s.ref, `whether the subnets of ${who} are private`, undetermined);
  if (subnets.length === 0) return notAssessed(s.ref, `the subnets of ${who}`, unknown("error", `${who} names no subnets`));
  return pass(s.ref, `${who} sits only in private subnets (${subnets.length} subnet(s) checked)`);
}
