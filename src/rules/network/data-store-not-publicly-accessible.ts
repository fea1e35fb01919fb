import { describe, fail, notAssessed, pass } from "../../core/outcome";
import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { isUnknown, unknown } from "../../core/value";
import { emptyNetworkGraph } from "../../models/network";
import { effectivePublicAccess } from "../../network/merge-placements";
import { indexNetwork, type NetworkIndex } from "../../network/network-index";
import { resolvePlacement } from "../../network/resolve-placement";
import { CONTROLS } from "../frameworks";
import { customerDataGate, placedSubjects, type PlacedSubject } from "./network-facts";

export const dataStoreNotPubliclyAccessible = defineRule({
  id: "CDG-NET-001",
  slug: "data-store-not-publicly-accessible",
  title: "Customer data stores have no public endpoint",
  pillar: "network",
  severity: "critical",
  scope: "resource",
  reads: ["stores", "keys", "exposures", "network", "placements", "resourcePolicies", "compute"],
  frameworks: {
    gdpr: [CONTROLS.gdprResilience, CONTROLS.gdprByDesign],
    ccpa: [CONTROLS.ccpaReasonableSecurity],
    "pci-dss-4.0": [CONTROLS.pciInboundRestricted, CONTROLS.pciStoredDataNotReachable],
    hipaa: [CONTROLS.hipaaAccessControl],
    "cis-aws-3.0": [CONTROLS.cisRdsNotPublic],
  },
  rationale:
    "A store with a public endpoint (a publicly accessible RDS, Aurora, Neptune or Redshift database, a DMS " +
    "replication instance, an OpenSearch or Elasticsearch domain outside a VPC, MSK brokers with public " +
    "addresses, an EC2 host of data with a public IP) can be reached from anywhere on the internet, so a " +
    "leaked password, a weak access policy or an unpatched engine is enough to expose customer data. " +
    "When the switch is not set, AWS's default for the service decides (DMS replication instances are " +
    "public by default); an EC2 instance without `associatePublicIpAddress` follows its subnet's " +
    "`mapPublicIpOnLaunch`, which is judged when the subnet is part of the stack.",
  remediation:
    "Set `publiclyAccessible: false` (RDS instances, Aurora and Neptune cluster instances, Redshift, DMS), " +
    "give OpenSearch/Elasticsearch domains `vpcOptions`, set MSK `connectivityInfo.publicAccess.type` to " +
    "`DISABLED`, and set `associatePublicIpAddress: false` on EC2 hosts of data (or place them in subnets " +
    "that do not map public IPs). Reach the data through private subnets, VPC endpoints or a bastion.",
  links: [
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding",
    "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html",
  ],
  evaluate(inventory, { config }): Outcome[] {
    const subjects = placedSubjects(inventory);
    if (subjects.length === 0) return [];
    const net = indexNetwork(inventory.network ?? emptyNetworkGraph());
    return subjects.map((s) => customerDataGate(inventory, s, config) ?? judge(s, net));
  },
});

function judge(s: PlacedSubject, net: NetworkIndex): Outcome {
  const who = describe(s.ref);
  const p = s.placement;
  const access = effectivePublicAccess(p);
  if (access === true) {
    const how = p.inVpc === false ? "has a public endpoint outside any VPC" : "is publicly accessible";
    return fail(s.ref, `${who} ${how} (${p.observed})`);
  }
  if (access === false) return pass(s.ref, `${who} is not publicly accessible (${p.observed})`);
  if (isUnknown(access)) return notAssessed(s.ref, `whether ${who} is publicly accessible`, access);
  return bySubnet(s, net);
}

/** An instance without its own switch gets a public IP when its subnet maps one on launch. */
function bySubnet(s: PlacedSubject, net: NetworkIndex): Outcome {
  const who = describe(s.ref);
  const subnets = resolvePlacement(net, s.placement).subnets;
  if (isUnknown(subnets)) return notAssessed(s.ref, `the subnet deciding whether ${who} gets a public IP`, subnets);
  for (const ref of subnets) {
    const subnet = net.get(ref, "subnet");
    if (!subnet) {
      const why = unknown("not-fetched", `subnet ${ref} is not part of the stack; whether it maps public IPs on launch is not known`);
      return notAssessed(s.ref, `whether ${who} gets a public IP`, why);
    }
    const maps = subnet.mapPublicIpOnLaunch;
    if (isUnknown(maps)) return notAssessed(s.ref, `whether subnet ${subnet.ref.name} of ${who} maps public IPs`, maps);
    if (maps === true) {
      return fail(s.ref, `${who} gets a public IP: subnet ${subnet.ref.name} maps public IPs on launch (${s.placement.observed})`);
    }
  }
  return pass(s.ref, `${who} gets no public IP: its subnets do not map public IPs on launch (${s.placement.observed})`);
}
