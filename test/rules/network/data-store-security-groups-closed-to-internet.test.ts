import { describe, expect, it } from "vitest";
import { unknown, type Val } from "../../../src/core/value";
import type { Inventory } from "../../../src/models/inventory";
import { VPC_DEFAULT_SECURITY_GROUP, type RulePeer, type SecurityGroup } from "../../../src/models/network";
import { dataStoreSecurityGroupsClosedToInternet as rule } from "../../../src/rules/network/data-store-security-groups-closed-to-internet";
import { prefixList, rule as sgRule, sg, vpc } from "../../network/graph-fixtures";
import { run, statuses } from "../../helpers/models";
import { db, network, placement } from "./network-models";

const PREVIEW = unknown("preview", "computed during the update");
const withGroup = (group: SecurityGroup, over: Partial<Inventory> = {}): Partial<Inventory> => ({
  stores: [db()],
  placements: new Map([["urn:db", placement()]]),
  network: network({ securityGroups: [group] }),
  ...over,
});
const v4 = (cidr: Val<string>): RulePeer => ({ kind: "ipv4", cidr });
const v6 = (cidr: Val<string>): RulePeer => ({ kind: "ipv6", cidr });
const dbGroup = (peer: RulePeer, protocol = "tcp", port = 5432): SecurityGroup => sg("sg-db", [sgRule([peer], protocol, port, port, "ingress[0] of sg-db")]);

describe("CDG-NET-002 data-store-security-groups-closed-to-internet", () => {
  it.each<[string, Partial<Inventory>, string[], Record<string, unknown>?]>([
    ["compliant: admits the VPC's private range only", withGroup(dbGroup(v4("10.0.0.0/16"))), ["pass"]],
    ["compliant: admits another security group", withGroup(sg("sg-db", [sgRule([{ kind: "security-group", group: "sg-app" }])])), ["pass"]],
    ["compliant: a configured private range", withGroup(dbGroup(v4("203.0.113.0/24"))), ["pass"], { privateRanges: ["10.0.0.0/8", "203.0.113.0/24"] }],
    ["compliant: OpenSearch outside a VPC has no security groups (not applicable)", { ...withGroup(dbGroup(v4("0.0.0.0/0"))), placements: new Map([["urn:db", placement({ inVpc: false, securityGroups: [] })]]) }, ["not-applicable"]],
    ["compliant: classified internal, not customer data", { ...withGroup(dbGroup(v4("0.0.0.0/0"))), stores: [db({ tags: { "data-classification": "internal" } })] }, ["not-applicable"]],
    ["violation: 0.0.0.0/0 on the database port", withGroup(dbGroup(v4("0.0.0.0/0"))), ["fail"]],
    ["violation: ::/0 on all traffic", withGroup(dbGroup(v6("::/0"), "-1", 0)), ["fail"]],
    ["violation: a public block outside the private ranges", withGroup(dbGroup(v4("198.51.100.0/24"))), ["fail"]],
    ["violation: a prefix list holding a public block", withGroup(sg("sg-db", [sgRule([{ kind: "prefix-list", prefixList: "pl-office" }])]), { network: network({ securityGroups: [sg("sg-db", [sgRule([{ kind: "prefix-list", prefixList: "pl-office" }])])], prefixLists: [prefixList("pl-office", ["192.0.2.0/24"])] }) }), ["fail"]],
    ["violation: a separate rule joined to the group", withGroup(sg("sg-db"), { network: network({ securityGroups: [sg("sg-db")], unattachedRules: [{ securityGroup: "sg-db", rule: sgRule([{ kind: "ipv4", cidr: "0.0.0.0/0" }], "tcp", 22, 22, "rule ssh") }] }) }), ["fail"]],
    ["unknown: the source CIDR is computed", withGroup(dbGroup(v4(PREVIEW))), ["unknown"]],
    ["unknown: the security groups are not known (default security group)", { ...withGroup(dbGroup(v4("10.0.0.0/16"))), placements: new Map([["urn:db", placement({ securityGroups: unknown("not-fetched", "names no security group") })]]) }, ["unknown"]],
    ["unknown: a security group outside the stack", { ...withGroup(dbGroup(v4("10.0.0.0/16"))), placements: new Map([["urn:db", placement({ securityGroups: ["sg-elsewhere"] })]]) }, ["unknown"]],
    ["unknown: an invalid privateRanges option", withGroup(dbGroup(v4("10.0.0.0/16"))), ["unknown"], { privateRanges: ["not-a-cidr"] }],
  ])("%s", (_name, inv, expected, options = {}) => {
    expect(statuses(run(rule, inv, options))).toEqual(expected);
  });

  it("names the rule, the source and the traffic", () => {
    const [o] = run(rule, withGroup(dbGroup(v4("0.0.0.0/0"))));
    expect(o?.message).toBe("RDS instance 'db' admits the internet: ingress[0] of sg-db admits 0.0.0.0/0 on tcp/5432 (security group sg-db)");
  });

  it("a known open rule decides even when another group is unknown", () => {
    const inv = { ...withGroup(dbGroup(v4("0.0.0.0/0"))), placements: new Map([["urn:db", placement({ securityGroups: ["sg-db", "sg-elsewhere"] })]]) };
    expect(statuses(run(rule, inv))).toEqual(["fail"]);
  });
});

describe("CDG-NET-002 on a store that names no security group: judged as its VPC's default group", () => {
  const inVpc = (over: Partial<Inventory["network"] & object> = {}, subnets: Val<readonly string[]> = ["subnet-a"]): Partial<Inventory> => ({
    stores: [db()],
    placements: new Map([["urn:db", placement({ securityGroups: [VPC_DEFAULT_SECURITY_GROUP], subnetGroup: undefined, subnets })]]),
    network: network(over),
  });
  const created = vpc("vpc-1", { defaultSecurityGroup: "aws-rules" });
  const defaultGroup = (...peers: RulePeer[]): SecurityGroup =>
    sg("sg-default", peers.length ? [sgRule(peers, "-1", 0, 0, "ingress[0] of sg-default")] : [], { isDefault: true, name: "default" });
  it.each<[string, Partial<Inventory>, string[]]>([
    ["compliant: a VPC created here keeps AWS's default group (its members only)", inVpc({ vpcs: [created] }), ["pass"]],
    ["compliant: the adopted default group admits nothing", inVpc({ vpcs: [created], securityGroups: [defaultGroup()] }), ["pass"]],
    ["violation: the adopted default group admits the internet", inVpc({ vpcs: [created], securityGroups: [defaultGroup(v4("0.0.0.0/0"))] }), ["fail"]],
    ["violation: a scanned default group admits ::/0", inVpc({ securityGroups: [defaultGroup(v6("::/0"))] }), ["fail"]],
    ["unknown: the VPC's default group is not part of the stack", inVpc(), ["unknown"]],
    ["unknown: the store's subnets are computed", inVpc({ vpcs: [created] }, PREVIEW), ["unknown"]],
    ["unknown: the subnet is outside the stack", inVpc({ vpcs: [created] }, ["subnet-elsewhere"]), ["unknown"]],
  ])("%s", (_name, inv, expected) => {
    expect(statuses(run(rule, inv))).toEqual(expected);
  });

  it("says why the default group could not be judged", () => {
    const [o] = run(rule, inVpc());
    expect(o?.message).toContain("it names no security group, so AWS attaches the default group of its VPC: the default security group of VPC vpc-1 is not part of the stack or scan");
  });

  it("names the default group in the message", () => {
    const [o] = run(rule, inVpc({ vpcs: [created], securityGroups: [defaultGroup(v4("0.0.0.0/0"))] }));
    expect(o?.message).toBe("RDS instance 'db' admits the internet: ingress[0] of sg-default admits 0.0.0.0/0 on all traffic (security group sg-default)");
  });
});
