import { describe, expect, it } from "vitest";
import { unknown, type Val } from "../../../src/core/value";
import type { Inventory } from "../../../src/models/inventory";
import type { RulePeer, SecurityGroup, SecurityGroupRule } from "../../../src/models/network";
import { securityGroupsClosedToInternetOnDataPorts as rule } from "../../../src/rules/network/security-groups-closed-to-internet-on-data-ports";
import { graph, prefixList, rule as sgRule, sg } from "../../network/graph-fixtures";
import { run } from "../../helpers/models";
import { ref } from "./network-models";

const PREVIEW = unknown("preview", "computed from another resource during the update");
const v4 = (cidr: Val<string>): RulePeer => ({ kind: "ipv4", cidr });
const v6 = (cidr: Val<string>): RulePeer => ({ kind: "ipv6", cidr });
const internet = v4("0.0.0.0/0");
/** A separate rule resource (SecurityGroupRule / vpc.SecurityGroupIngressRule). */
const separate = (name: string, peers: Val<readonly RulePeer[]>, protocol: Val<string | undefined> = "tcp", from: Val<number | undefined> = 5432, to = from): SecurityGroupRule => ({
  ...sgRule(peers, protocol, from, to, `rule ${name}`),
  ruleRef: ref(`urn:${name}`, "security group rule", name),
});
const withGroups = (...groups: SecurityGroup[]): Partial<Inventory> => ({ network: graph({ securityGroups: groups }) });
const one = (peers: Val<readonly RulePeer[]>, protocol: Val<string | undefined> = "tcp", from: Val<number | undefined> = 5432, to = from) =>
  withGroups(sg("sg-x", [sgRule(peers, protocol, from, to, "ingress[0] of sg-x")]));
/** "<status> <resource name>" per outcome. */
const verdicts = (inv: Partial<Inventory>, options: Record<string, unknown> = {}) => run(rule, inv, options).map((o) => `${o.status} ${o.resource.name}`);

describe("CDG-NET-010 security-groups-closed-to-internet-on-data-ports", () => {
  it.each<[string, Partial<Inventory>, string[], Record<string, unknown>?]>([
    // Compliant.
    ["compliant: a web server group open on 80 and 443", withGroups(sg("sg-web", [sgRule([internet], "tcp", 443, 443), sgRule([internet, v6("::/0")], "tcp", 80, 80)])), ["pass sg-web"]],
    ["compliant: SSH from the internet is not a data-store port", one([internet], "tcp", 22), ["pass sg-x"]],
    ["compliant: the database port from the VPC only", one([v4("10.0.0.0/16")]), ["pass sg-x"]],
    ["compliant: the database port from an application group", one([{ kind: "security-group", group: "sg-app" }]), ["pass sg-x"]],
    ["compliant: ICMP from anywhere", one([internet], "icmp", -1), ["pass sg-x"]],
    ["compliant: a configured private range", one([v4("203.0.113.0/24")]), ["pass sg-x"], { privateRanges: ["10.0.0.0/8", "203.0.113.0/24"] }],
    ["compliant: a port removed from the list", one([internet], "tcp", 6379), ["pass sg-x"], { dataStorePorts: ["5432"] }],
    ["compliant: egress to the internet on all traffic", withGroups(sg("sg-x", [], { egress: [{ ...sgRule([internet], "-1", 0), direction: "egress" }] })), ["pass sg-x"]],
    ["compliant: no group at all", {}, []],
    ["compliant: a separate rule from a private range", withGroups(sg("sg-x", [separate("pg-vpc", [v4("10.0.0.0/8")])])), ["pass sg-x", "pass pg-vpc"]],
    // Violations.
    ["violation: 0.0.0.0/0 on PostgreSQL, with no store using the group", one([internet]), ["fail sg-x"]],
    ["violation: ::/0 on Redis", one([v6("::/0")], "tcp", 6379), ["fail sg-x"]],
    ["violation: all protocols", one([internet], "-1", 0, 0), ["fail sg-x"]],
    ["violation: all TCP ports", one([internet], "tcp", 0, 65535), ["fail sg-x"]],
    ["violation: all UDP ports", one([internet], "udp", 0, 65535), ["fail sg-x"]],
    ["violation: a range covering MySQL", one([internet], "tcp", 3000, 4000), ["fail sg-x"]],
    ["violation: one port of the Kafka range", one([internet], "tcp", 9094), ["fail sg-x"]],
    ["violation: a public block outside the private ranges", one([v4("198.51.100.0/24")], "tcp", 27017), ["fail sg-x"]],
    ["violation: a prefix list holding a public block", { network: graph({ securityGroups: [sg("sg-x", [sgRule([{ kind: "prefix-list", prefixList: "pl-office" }], "tcp", 1433)])], prefixLists: [prefixList("pl-office", ["192.0.2.0/24"])] }) }, ["fail sg-x"]],
    ["violation: a port added to the list", one([internet], "tcp", 8443), ["fail sg-x"], { dataStorePorts: ["8443"] }],
    ["violation: a separate rule joined to its group fails on both", withGroups(sg("sg-x", [separate("pg-open", [internet])])), ["fail sg-x", "fail pg-open"]],
    ["violation: a separate rule whose group is outside the stack", { network: graph({ unattachedRules: [{ securityGroup: "sg-0elsewhere", rule: separate("pg-open", [internet]) }] }) }, ["fail pg-open"]],
    ["violation: one open rule decides over an unknown one", withGroups(sg("sg-x", [sgRule([internet]), sgRule([v4(PREVIEW)], "tcp", 3306)])), ["fail sg-x"]],
    // Not assessed.
    ["unknown: the source CIDR comes from another resource", one([v4(PREVIEW)]), ["unknown sg-x"]],
    ["unknown: the port comes from another resource", one([internet], "tcp", PREVIEW), ["unknown sg-x"]],
    ["unknown: the protocol comes from another resource", one([internet], PREVIEW), ["unknown sg-x"]],
    ["unknown: the whole ingress list is computed", one(PREVIEW), ["unknown sg-x"]],
    ["unknown: a separate rule with a computed source, joined", withGroups(sg("sg-x", [separate("pg-any", [v4(PREVIEW)])])), ["unknown sg-x", "unknown pg-any"]],
    [
      "unknown: an open rule naming a group not known yet may be this group's",
      { network: graph({ securityGroups: [sg("sg-x")], unattachedRules: [{ securityGroup: PREVIEW, rule: separate("pg-open", [internet]) }] }) },
      ["unknown sg-x", "fail pg-open"],
    ],
    ["unknown: an invalid dataStorePorts option", one([internet]), ["unknown sg-x"], { dataStorePorts: ["postgres"] }],
    ["unknown: an invalid privateRanges option", one([internet]), ["unknown sg-x"], { privateRanges: ["not-a-cidr"] }],
    // A computed port with a private source is still closed: the source alone decides.
    ["compliant: a computed port from a private range", one([v4("10.0.0.0/16")], "tcp", PREVIEW), ["pass sg-x"]],
  ])("%s", (_name, inv, expected, options = {}) => {
    expect(verdicts(inv, options)).toEqual(expected);
  });

  it("names the group, the rule, the source, the traffic and the data-store port", () => {
    const [o] = run(rule, one([internet], "tcp", 5000, 6000));
    expect(o?.message).toBe(
      "security group 'sg-x' admits the internet: ingress[0] of sg-x admits 0.0.0.0/0 on tcp/5000-6000 (data-store ports 5432, 5439); " +
        "admit data-store ports only from application security groups or private ranges",
    );
  });

  it("names the separate rule resource and what it opens", () => {
    const out = run(rule, withGroups(sg("sg-x", [separate("all-open", [v6("::/0")], "-1", 0)])));
    expect(out.map((o) => o.message)).toContain("security group rule 'all-open' opens its security group to the internet: rule all-open admits ::/0 on all traffic");
  });

  it("says why a rule with a computed port is not assessed", () => {
    const [o] = run(rule, one([internet], "tcp", PREVIEW));
    expect(o?.reason).toBe("preview");
    expect(o?.message).toContain("ingress[0] of sg-x admits 0.0.0.0/0 on ports not known");
  });
});
