import { describe, expect, it } from "vitest";
import type { FlowLog, HygieneInventory } from "../../../src/models/hygiene";
import type { Inventory } from "../../../src/models/inventory";
import type { NetworkGraph } from "../../../src/models/network";
import type { Placement } from "../../../src/models/placement";
import { customerDataVpcsHaveFlowLogs as rule } from "../../../src/rules/hygiene/customer-data-vpcs-have-flow-logs";
import { run, statuses } from "../../helpers/models";
import { graph, subnet, vpc } from "../../network/graph-fixtures";
import { DENIED, hygiene, PREVIEW, setting, storeOf } from "./transit-audit-fixtures";

/** vpc-1 (AWS id vpc-0abc) with subnet-a and subnet-b (AWS ids subnet-0a, subnet-0b); the database sits in both. */
const NETWORK: NetworkGraph = graph({
  vpcs: [vpc("urn:vpc-1", { awsId: "vpc-0abc" })],
  subnets: [subnet("urn:subnet-a", "urn:vpc-1", { awsId: "subnet-0a" }), subnet("urn:subnet-b", "urn:vpc-1", { awsId: "subnet-0b" })],
});
const placement = (over: Partial<Placement> = {}): Placement => ({
  publiclyAccessible: false,
  subnets: ["urn:subnet-a", "urn:subnet-b"],
  securityGroups: [],
  inVpc: true,
  observed: "dbSubnetGroupName=db",
  ...over,
});
const flowLog = (name: string, over: Partial<FlowLog> = {}): FlowLog => ({
  model: "flow-log",
  ref: { id: `urn:${name}`, type: "aws:ec2/flowLog:FlowLog", name, label: "VPC flow log" },
  resourceIds: PREVIEW,
  resourceRefs: ["urn:vpc-1"],
  trafficType: setting<string | undefined>("ALL", "trafficType=ALL"),
  ...over,
});
const accepts = (name: string, resourceRefs = ["urn:vpc-1"]) => flowLog(name, { resourceRefs, trafficType: setting<string | undefined>("ACCEPT", "trafficType=ACCEPT") });
const rejects = (name: string, resourceRefs = ["urn:vpc-1"]) => flowLog(name, { resourceRefs, trafficType: setting<string | undefined>("REJECT", "trafficType=REJECT") });

const inv = (logs: FlowLog[], over: { level?: string | null; placement?: Placement; network?: NetworkGraph; scope?: HygieneInventory["scope"] } = {}): Partial<Inventory> => {
  const db = storeOf("rds-instance", "db", over.level === undefined ? "confidential" : over.level);
  return {
    stores: [db],
    network: over.network ?? NETWORK,
    placements: new Map([[db.ref.id, over.placement ?? placement()]]),
    hygiene: hygiene(over.scope ?? "stack", {}, { flowLogs: logs }),
  };
};

describe("CDG-HYG-008 customer-data-vpcs-have-flow-logs", () => {
  it.each<[string, Partial<Inventory>, string]>([
    ["compliant: an ALL flow log on the VPC (by reference)", inv([flowLog("vpc-all")]), "pass"],
    ["compliant: an ALL flow log on the VPC by its AWS id", inv([flowLog("vpc-all", { resourceRefs: [], resourceIds: ["vpc-0abc"] })]), "pass"],
    ["compliant: ALL flow logs on each of the store's subnets", inv([flowLog("a", { resourceRefs: ["urn:subnet-a"] }), flowLog("b", { resourceRefs: [], resourceIds: ["subnet-0b"] })]), "pass"],
    ["compliant: one ACCEPT and one REJECT flow log on the VPC", inv([accepts("acc"), rejects("rej")]), "pass"],
    ["compliant: a store outside any VPC is not judged", inv([], { placement: placement({ inVpc: false, subnets: [], observed: "no vpcOptions" }) }), "not-applicable"],
    ["compliant: public data is not judged", inv([], { level: "public" }), "not-applicable"],
    ["violation: no flow log", inv([]), "fail"],
    ["violation: only one subnet recorded", inv([flowLog("a", { resourceRefs: ["urn:subnet-a"] })]), "fail"],
    ["violation: REJECT only", inv([rejects("rej")]), "fail"],
    ["violation: a flow log on another VPC", inv([flowLog("other", { resourceRefs: ["urn:vpc-2"] })]), "fail"],
    ["violation: no flow log in a scanned account", inv([], { scope: "account" }), "fail"],
    ["unknown: the flow log's resources are computed in preview", inv([flowLog("pending", { resourceRefs: [], resourceIds: PREVIEW })]), "unknown"],
    ["unknown: the traffic type is denied to the scanner", inv([flowLog("vpc", { trafficType: setting<string | undefined>(DENIED, "ec2:DescribeFlowLogs denied") })]), "unknown"],
    ["unknown: the store's subnets are not known yet", inv([], { placement: placement({ subnets: PREVIEW }) }), "unknown"],
    ["unknown: the VPC is not part of the stack (a flow log may exist outside it)", inv([], { network: graph({ subnets: [subnet("urn:subnet-a", "vpc-existing"), subnet("urn:subnet-b", "vpc-existing")] }) }), "unknown"],
    ["unknown: the subnets are not part of the stack", inv([], { network: graph({}) }), "unknown"],
  ])("%s", (_name, i, expected) => {
    expect(statuses(run(rule, i))).toEqual([expected]);
  });

  it("names the store, what each subnet has and what is required", () => {
    const [o] = run(rule, inv([rejects("rej")]));
    expect(o?.message).toBe(
      "the network traffic of RDS instance 'db' is not recorded: subnet urn:subnet-a in VPC urn:vpc-1 has only flow log rej (trafficType=REJECT); " +
        "subnet urn:subnet-b in VPC urn:vpc-1 has only flow log rej (trafficType=REJECT) (required: a flow log recording ALL traffic (or ACCEPT and REJECT) on the VPC or each subnet)",
    );
  });

  describe("classification: restricted needs ALL traffic in one flow log", () => {
    it.each<[string, string | null, FlowLog[], string]>([
      ["violation: restricted with ACCEPT and REJECT logs", "restricted", [accepts("acc"), rejects("rej")], "fail"],
      ["compliant: restricted with an ALL log", "restricted", [flowLog("all")], "pass"],
      ["compliant: confidential with ACCEPT and REJECT logs", "confidential", [accepts("acc"), rejects("rej")], "pass"],
      ["violation: untagged (customer data) with none", null, [], "fail"],
    ])("%s", (_name, level, logs, expected) => {
      expect(statuses(run(rule, inv(logs, { level })))).toEqual([expected]);
    });
  });

  it("unknown: the view has no hygiene part", () => {
    const i = inv([]);
    expect(statuses(run(rule, { ...i, hygiene: undefined }))).toEqual(["unknown"]);
  });
});
