import { describe, fail, notApplicable, notAssessed, pass } from "../../core/outcome";
import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { isUnknown, unknown, type Unknown } from "../../core/value";
import type { AddressRanges } from "../../network/address-ranges";
import { ingressFromInternet } from "../../network/ingress-from-internet";
import type { NetworkIndex } from "../../network/network-index";
import { describeTraffic } from "../../network/ports";
import { resolvePlacement } from "../../network/resolve-placement";
import { CONTROLS } from "../frameworks";
import { judgePlacedCustomerData, listed, type PlacedSubject, privateRangesOptions } from "./network-facts";

interface Options {
  privateRanges: string[];
}

export const dataStoreSecurityGroupsClosedToInternet = defineRule<Options>({
  id: "CDG-NET-002",
  slug: "data-store-security-groups-closed-to-internet",
  title: "No security group of a customer data store admits traffic from the internet",
  pillar: "network",
  severity: "critical",
  scope: "stack",
  reads: ["stores", "keys", "exposures", "network", "placements", "resourcePolicies", "compute"],
  frameworks: {
    gdpr: [CONTROLS.gdprResilience, CONTROLS.gdprByDesign],
    ccpa: [CONTROLS.ccpaReasonableSecurity],
    "pci-dss-4.0": [CONTROLS.pciInboundRestricted, CONTROLS.pciTrustedUntrustedControlled, CONTROLS.pciStoredDataNotReachable],
    hipaa: [CONTROLS.hipaaAccessControl],
    "cis-aws-3.0": [CONTROLS.cisSgAdminPortsIpv4, CONTROLS.cisSgAdminPortsIpv6],
  },
  rationale:
    "Security groups are the last filter in front of a database, cache, file system or broker. A rule " +
    "admitting 0.0.0.0/0, ::/0, or any address outside the organization's private ranges, on any port, " +
    "lets the internet knock on the store as soon as it has a route in (a public IP, a load balancer, a " +
    "future subnet change). Rules declared inline and as separate resources (SecurityGroupRule, " +
    "SecurityGroupIngressRule) both count, and so do prefix lists holding public blocks.",
  remediation:
    "Admit only the security groups of the applications that use the store (`sourceSecurityGroupId` / " +
    "`referencedSecurityGroupId`), or private CIDR blocks. Remove `0.0.0.0/0` and `::/0` ingress rules; " +
    "reach administrative ports through Session Manager or a bastion in a private subnet.",
  links: [
    "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.RDSSecurityGroups.html",
  ],
  options: privateRangesOptions(),
  evaluate(inventory, { config, options }): Outcome[] {
    return judgePlacedCustomerData(inventory, config, options.privateRanges, "the security groups", judge);
  },
});

function judge(s: PlacedSubject, net: NetworkIndex, ranges: AddressRanges): Outcome {
  const who = describe(s.ref);
  if (s.placement.inVpc === false) return notApplicable(s.ref, `${who} is outside any VPC and has no security groups (${s.placement.observed})`);
  const groups = resolvePlacement(net, s.placement).securityGroups;
  if (isUnknown(groups)) return notAssessed(s.ref, `the security groups of ${who}`, groups);
  const open: string[] = [];
  let undetermined: Unknown | undefined;
  for (const ref of groups) {
    const group = net.find(ref, "security-group");
    if (!group) {
      undetermined ??= unknown("not-fetched", `security group ${ref} is not part of the stack; its rules are not known`);
      continue;
    }
    const result = ingressFromInternet(net, group, { privateRanges: ranges });
    for (const o of result.open) {
      const traffic = isUnknown(o.traffic) ? "unknown ports" : describeTraffic(o.traffic);
      open.push(`${o.rule.origin} admits ${o.source} on ${traffic} (security group ${group.ref.name})`);
    }
    undetermined ??= result.undetermined[0]?.reason;
  }
  if (open.length > 0) return fail(s.ref, `${who} admits the internet: ${listed(open)}`);
  if (undetermined) return notAssessed(s.ref, `whether the security groups of ${who} admit the internet`, undetermined);
  if (groups.length === 0) return notAssessed(s.ref, `the security groups of ${who}`, unknown("error", `${who} names no security group`));
  return pass(s.ref, `no security group of ${who} admits the internet (${groups.length} group(s) checked)`);
}
