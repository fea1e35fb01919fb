import { describe, expect, it } from "vitest";
import { unknown } from "../../../src/core/value";
import type { Inventory } from "../../../src/models/inventory";
import { VPC_DEFAULT_SECURITY_GROUP, type SecurityGroup, type SecurityGroupRule } from "../../../src/models/network";
import { defaultSecurityGroupsAdmitNothing as rule } from "../../../src/rules/network/default-security-groups-admit-nothing";
import { graph, rule as sgRule, sg, subnet, vpc } from "../../network/graph-fixtures";
import { run } from "../../helpers/models";
import { db, placement } from "./network-models";

const PREVIEW = unknown("preview", "computed from another resource during the update");
/** The default group of vpc-1 (Pulumi DefaultSecurityGroup, or a scanned group named `default`). */
const dflt = (ingress: SecurityGroupRule[] = [], extra: Partial<SecurityGroup> = {}): SecurityGroup => sg("sg-default", ingress, { isDefault: true, name: "default", ...extra });
/** vpc-1 as created by the stack: AWS gives it a default group with AWS's rules. */
const created = vpc("vpc-1", { defaultSecurityGroup: "aws-rules" });
const net = (parts: Parameters<typeof graph>[0]): Partial<Inventory> => ({ network: graph(parts) });
/** An RDS instance in subnet-a with the given security groups. */
const withStore = (securityGroups: string[]): Partial<Inventory> => ({
  stores: [db()],
  placements: new Map([["urn:db", placement({ securityGroups, subnetGroup: undefined, subnets: ["subnet-a"] })]]),
});
const verdicts = (inv: Partial<Inventory>) => run(rule, inv).map((o) => `${o.status} ${o.resource.name}`);

describe("CDG-NET-011 default-security-groups-admit-nothing", () => {
  it.each<[string, Partial<Inventory>, string[]]>([
    ["compliant: the default group adopted with no ingress rules", net({ vpcs: [created], securityGroups: [dflt()] }), ["pass sg-default"]],
    ["compliant: egress rules alone admit nothing", net({ vpcs: [created], securityGroups: [dflt([], { egress: [{ ...sgRule([{ kind: "ipv4", cidr: "0.0.0.0/0" }], "-1", 0), direction: "egress" }] })] }), ["pass sg-default"]],
    ["compliant: other groups are not judged here", net({ securityGroups: [sg("sg-app", [sgRule([{ kind: "self" }], "-1", 0)])] }), []],
    ["compliant: a VPC not created here (its default group is not known from it)", net({ vpcs: [vpc("vpc-1")] }), []],
    ["compliant: an ingress rule with no source admits nothing", net({ securityGroups: [dflt([sgRule([], "-1", 0)])] }), ["pass sg-default"]],
    ["compliant: a VPC created without adopting its default group, which nothing sits in", net({ vpcs: [created] }), ["pass vpc-1"]],
    ["compliant: the store names a group of its own", { ...withStore(["sg-db"]), network: graph({ vpcs: [created], subnets: [subnet("subnet-a", "vpc-1")], securityGroups: [sg("sg-db")] }) }, ["pass vpc-1"]],
    ["violation: a store names no group and sits in AWS's default group of a VPC created here", { ...withStore([VPC_DEFAULT_SECURITY_GROUP]), network: graph({ vpcs: [created], subnets: [subnet("subnet-a", "vpc-1")] }) }, ["fail vpc-1"]],
    ["violation: AWS's rule on a scanned default group (all traffic from its members)", net({ securityGroups: [dflt([sgRule([{ kind: "self" }], "-1", 0)])] }), ["fail sg-default"]],
    ["violation: the default group admits a private range", net({ vpcs: [created], securityGroups: [dflt([sgRule([{ kind: "ipv4", cidr: "10.0.0.0/16" }])])] }), ["fail sg-default"]],
    ["violation: the default group admits the internet", net({ securityGroups: [dflt([sgRule([{ kind: "ipv6", cidr: "::/0" }], "tcp", 443)])] }), ["fail sg-default"]],
    ["violation: a separate rule joined to the default group", net({ securityGroups: [dflt()], unattachedRules: [{ securityGroup: "sg-default", rule: sgRule([{ kind: "security-group", group: "sg-app" }], "tcp", 5432, 5432, "rule pg") }] }), ["fail sg-default"]],
    ["violation: an open rule decides over an unknown one", net({ securityGroups: [dflt([sgRule(PREVIEW), sgRule([{ kind: "self" }], "-1", 0)])] }), ["fail sg-default"]],
    ["unknown: the rule's sources come from another resource", net({ securityGroups: [dflt([sgRule(PREVIEW)])] }), ["unknown sg-default"]],
    ["unknown: a separate rule names a group not known yet", net({ securityGroups: [dflt()], unattachedRules: [{ securityGroup: PREVIEW, rule: sgRule([{ kind: "self" }], "-1", 0, 0, "rule maybe") }] }), ["unknown sg-default"]],
    ["unknown: a default group naming a VPC not known yet", net({ vpcs: [created], securityGroups: [dflt([], { vpc: PREVIEW })] }), ["pass sg-default", "unknown vpc-1"]],
  ])("%s", (_name, inv, expected) => {
    expect(verdicts(inv)).toEqual(expected);
  });

  it("names the group, the rule and what it admits", () => {
    const [o] = run(rule, net({ securityGroups: [dflt([sgRule([{ kind: "self" }], "-1", 0, 0, "ingress[0] of sg-default")])] }));
    expect(o?.message).toBe(
      "default security group 'sg-default' admits traffic: ingress[0] of sg-default admits all traffic from its own members; a default security group should have no ingress rules",
    );
  });

  it("names the VPC that keeps AWS's default group and what sits in it", () => {
    const [o] = run(rule, { ...withStore([VPC_DEFAULT_SECURITY_GROUP]), network: graph({ vpcs: [created], subnets: [subnet("subnet-a", "vpc-1")] }) });
    expect(o?.message).toBe(
      "VPC 'vpc-1' keeps the default security group AWS creates with it, whose rule admits all traffic from its own members, " +
        "and it holds what names no security group: RDS instance 'db'; adopt the default security group with no ingress rules",
    );
  });
});
