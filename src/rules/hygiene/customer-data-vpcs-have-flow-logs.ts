import { describe, fail, notApplicable, notAssessed, pass } from "../../core/outcome";
import type { Outcome } from "../../core/rule";
import { isUnknown, unknown, type Unknown, type Val } from "../../core/value";
import type { FlowLog } from "../../models/hygiene";
import { emptyNetworkGraph, type NetworkRef } from "../../models/network";
import { indexNetwork, type NetworkIndex } from "../../network/network-index";
import { resolvePlacement } from "../../network/resolve-placement";
import { defineRule } from "../define-rule";
import { CONTROLS } from "../frameworks";
import { classificationOf, customerDataGate, listed, placedSubjects, type PlacedSubject } from "../network/network-facts";

export const customerDataVpcsHaveFlowLogs = defineRule({
  id: "CDG-HYG-008",
  slug: "customer-data-vpcs-have-flow-logs",
  title: "VPCs holding customer data stores record their traffic in flow logs",
  pillar: "hygiene",
  severity: "medium",
  scope: "stack",
  reads: ["stores", "hygiene", "network", "placements", "exposures"],
  frameworks: {
    gdpr: [CONTROLS.gdprSecurityOfProcessing, CONTROLS.gdprBreachNotification],
    ccpa: [CONTROLS.ccpaReasonableSecurity],
    "pci-dss-4.0": [CONTROLS.pciAuditLogsEnabled, CONTROLS.pciIntrusionDetection],
    hipaa: [CONTROLS.hipaaAuditControls],
    "cis-aws-3.0": [CONTROLS.cisVpcFlowLogs],
  },
  rationale:
    "Seed practices: audit and breach preparation. A VPC flow log records which addresses talked to a " +
    "database's network interfaces, on which ports, and whether the traffic was accepted: after an incident it " +
    "shows whether customer data left through the network and to where, which scoping a breach notification " +
    "needs; without it the connections are gone. An auditor asks for network traffic records of the segments " +
    "holding personal data. Every VPC holding a customer-data store (through the store's subnets) needs a flow " +
    "log on the VPC, or on each of the store's subnets, recording ALL traffic (or one for ACCEPT and one for " +
    "REJECT). Classification drives strictness: restricted stores need a flow log recording ALL traffic, so " +
    "accepted and rejected connections are in one record. A VPC or subnet the stack does not declare may have a " +
    "flow log outside it: not assessed there; a scan reads them all.",
  remediation:
    "`new aws.ec2.FlowLog(\"vpc-traffic\", { vpcId: vpc.id, trafficType: \"ALL\", logDestinationType: \"cloud-watch-logs\", " +
    "logDestination: group.arn, iamRoleArn: role.arn })` (or `logDestinationType: \"s3\"`).",
  links: ["https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-6"],
  evaluate(inventory, { config }): Outcome[] {
    const flowLogs = inventory.hygiene?.flowLogs;
    const subjects = placedSubjects(inventory);
    if (subjects.length === 0) return [];
    const net = indexNetwork(inventory.network ?? emptyNetworkGraph());
    return subjects.map((s) => {
      const gate = customerDataGate(inventory, s, config);
      if (gate) return gate;
      if (!flowLogs) return notAssessed(s.ref, `the flow logs of the VPC of ${describe(s.ref)}`, unknown("not-fetched", "flow logs are not part of this view"));
      const c = classificationOf(inventory, s, config);
      return judge(s, net, flowLogs, !isUnknown(c) && c.level === "restricted");
    });
  },
});

function judge(s: PlacedSubject, net: NetworkIndex, flowLogs: readonly FlowLog[], restricted: boolean): Outcome {
  const who = describe(s.ref);
  const p = s.placement;
  if (p.inVpc === false) return notApplicable(s.ref, `${who} is outside any VPC (${p.observed}): no flow log applies`);
  if (isUnknown(p.inVpc)) return notAssessed(s.ref, `whether ${who} is in a VPC`, p.inVpc);
  const subnets = resolvePlacement(net, p).subnets;
  if (isUnknown(subnets)) return notAssessed(s.ref, `the subnets of ${who}`, subnets);
  if (subnets.length === 0) return notAssessed(s.ref, `the subnets of ${who}`, unknown("error", `${who} names no subnets`));
  const uncovered: string[] = [];
  const recorded: string[] = [];
  let undetermined: Unknown | undefined;
  for (const subnet of subnets) {
    const r = subnetRecorded(net, subnet, flowLogs, restricted);
    if (isUnknown(r)) undetermined ??= r;
    else if (r.covered) recorded.push(r.text);
    else uncovered.push(r.text);
  }
  const required = restricted ? "restricted: a flow log recording ALL traffic on the VPC or each subnet" : "a flow log recording ALL traffic (or ACCEPT and REJECT) on the VPC or each subnet";
  if (uncovered.length > 0) return fail(s.ref, `the network traffic of ${who} is not recorded: ${listed(uncovered)} (required: ${required})`);
  if (undetermined) return notAssessed(s.ref, `whether flow logs record the traffic of ${who}`, undetermined);
  return pass(s.ref, `the network traffic of ${who} is recorded: ${listed([...new Set(recorded)])}`);
}

interface SubnetVerdict {
  readonly covered: boolean;
  readonly text: string;
}

/** Whether the subnet's traffic is recorded, by flow logs on it or on its VPC. */
function subnetRecorded(net: NetworkIndex, subnetRef: NetworkRef, flowLogs: readonly FlowLog[], restricted: boolean): Val<SubnetVerdict> {
  const subnet = net.get(subnetRef, "subnet");
  if (!subnet) return unknown("not-fetched", `subnet ${subnetRef} is not part of this view: a flow log outside it may record it`);
  const vpcRef = subnet.vpc;
  const vpc = typeof vpcRef === "string" ? net.get(vpcRef, "vpc") : undefined;
  const keysOf = (o: { ref: { id: string }; awsId?: string } | undefined, raw?: string): string[] =>
    [o?.ref.id, o?.awsId, raw].filter((k): k is string => k !== undefined);
  const targets = [...keysOf(subnet, subnetRef), ...keysOf(vpc, typeof vpcRef === "string" ? vpcRef : undefined)];
  const types = new Set<string>();
  const via: string[] = [];
  let maybe: Unknown | undefined;
  for (const log of flowLogs) {
    const hit = records(log, targets, net);
    if (hit === false) continue;
    if (isUnknown(hit)) {
      maybe ??= unknown(hit.reason, `flow log ${log.ref.name}: ${hit.detail}`);
      continue;
    }
    const type = log.trafficType.value;
    if (isUnknown(type)) maybe ??= unknown(type.reason, `flow log ${log.ref.name}: ${log.trafficType.observed}`);
    else if (type !== undefined) {
      types.add(type.toUpperCase());
      via.push(`flow log ${log.ref.name} (${log.trafficType.observed})`);
    }
  }
  const vpcName = vpc?.ref.name ?? (typeof vpcRef === "string" ? vpcRef : "unknown");
  if (types.has("ALL") || (!restricted && types.has("ACCEPT") && types.has("REJECT"))) return { covered: true, text: `VPC ${vpcName}: ${listed(via)}` };
  if (maybe) return maybe;
  if (isUnknown(vpcRef)) return unknown(vpcRef.reason, `the VPC of subnet ${subnet.ref.name}: ${vpcRef.detail}`);
  if (!vpc) return unknown("not-fetched", `VPC ${vpcName} of subnet ${subnet.ref.name} is not part of this view: a flow log outside it may record it`);
  const seen = via.length === 0 ? "no flow log" : `only ${listed(via)}`;
  return { covered: false, text: `subnet ${subnet.ref.name} in VPC ${vpcName} has ${seen}` };
}

/** Whether the flow log records one of the targets (model ids or AWS ids); Unknown when its resources are not known. */
function records(log: FlowLog, targets: readonly string[], net: NetworkIndex): Val<boolean> {
  const resolved = new Set(targets.map((t) => net.resolve(t)));
  const hit = (r: string): boolean => targets.includes(r) || resolved.has(net.resolve(r));
  if (log.resourceRefs.some(hit)) return true;
  const ids = log.resourceIds;
  if (isUnknown(ids)) return log.resourceRefs.length > 0 ? false : ids;
  return ids.some(hit);
}
