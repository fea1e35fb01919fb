import { describe, expect, it } from "vitest";
import { unknown } from "../../../src/core/value";
import type { Inventory } from "../../../src/models/inventory";
import type { Placement } from "../../../src/models/placement";
import { dataStoreInPrivateSubnets as rule } from "../../../src/rules/network/data-store-in-private-subnets";
import { association, ipv4, ipv6, mainAssociation, route, subnet, table } from "../../network/graph-fixtures";
import { run, statuses } from "../../helpers/models";
import { db, network, placement, subnetGroup } from "./network-models";

const PREVIEW = unknown("preview", "computed during the update");
const inv = (p: Placement = placement(), over: Partial<Inventory> = {}): Partial<Inventory> => ({
  stores: [db()],
  placements: new Map([["urn:db", p]]),
  network: network(),
  ...over,
});
const groupOn = (...subnets: string[]) => network({ subnetGroups: [subnetGroup("grp-db", "db-subnets", subnets)] });

describe("CDG-NET-003 data-store-in-private-subnets", () => {
  it.each<[string, Partial<Inventory>, string[]]>([
    ["compliant: subnet group on private subnets", inv(), ["pass"]],
    ["compliant: subnets listed directly", inv(placement({ subnetGroup: undefined, subnets: ["subnet-a"] })), ["pass"]],
    ["compliant: a NAT route does not make a subnet public", inv(placement(), { network: network({ routeTables: [table("rt-private", "vpc-1", [route(ipv4("0.0.0.0/0"), "nat-gateway", "nat-1")])] }) }), ["pass"]],
    ["compliant: an egress-only gateway does not make a subnet public", inv(placement(), { network: network({ routeTables: [table("rt-private", "vpc-1", [route(ipv6("::/0"), "egress-only-internet-gateway", "eigw-1")])] }) }), ["pass"]],
    ["compliant: classified public, not customer data", { ...inv(placement({ subnetGroup: undefined, subnets: ["subnet-pub"] })), stores: [db({ tags: { "data-classification": "public" } })] }, ["not-applicable"]],
    ["violation: a subnet of the group routes 0.0.0.0/0 to an internet gateway", inv(placement(), { network: groupOn("subnet-a", "subnet-pub") }), ["fail"]],
    ["violation: ::/0 to an internet gateway", inv(placement(), { network: network({ routeTables: [table("rt-private", "vpc-1", [route(ipv6("::/0"), "internet-gateway", "igw-1")])] }) }), ["fail"]],
    [
      "violation: an unassociated subnet falls back to a public main table",
      inv(placement({ subnetGroup: undefined, subnets: ["subnet-c"] }), {
        network: network({
          subnets: [subnet("subnet-c", "vpc-1")],
          routeTables: [table("rt-public", "vpc-1", [route(ipv4("0.0.0.0/0"), "internet-gateway", "igw-1")])],
          routeTableAssociations: [mainAssociation("main", "rt-public", "vpc-1")],
        }),
      }),
      ["fail"],
    ],
    ["violation: no subnets given, the default VPC", inv(placement({ subnetGroup: undefined, defaultVpc: true, subnets: unknown("not-fetched", "default VPC") })), ["fail"]],
    ["violation: outside any VPC (public service endpoint)", inv(placement({ inVpc: false, subnets: [], securityGroups: [] })), ["fail"]],
    ["unknown: the route's destination is computed", inv(placement(), { network: network({ routeTables: [table("rt-private", "vpc-1", [route(ipv4(PREVIEW), "internet-gateway", "igw-1")])] }) }), ["unknown"]],
    ["unknown: the subnet group's subnets are computed", inv(placement(), { network: network({ subnetGroups: [subnetGroup("grp-db", "db-subnets", PREVIEW)] }) }), ["unknown"]],
    ["unknown: the subnet group is outside the stack", inv(placement({ subnetGroup: "other-group" })), ["unknown"]],
    ["unknown: a subnet outside the stack", inv(placement({ subnetGroup: undefined, subnets: ["subnet-elsewhere"] })), ["unknown"]],
    ["unknown: whether it is in a VPC", inv(placement({ inVpc: PREVIEW })), ["unknown"]],
    ["unknown: an association whose subnet is computed", inv(placement({ subnetGroup: undefined, subnets: ["subnet-c"] }), { network: network({ subnets: [subnet("subnet-c", "vpc-1")], routeTableAssociations: [association("a-x", "rt-public", PREVIEW)] }) }), ["unknown"]],
  ])("%s", (_name, i, expected) => {
    expect(statuses(run(rule, i))).toEqual(expected);
  });

  it("names the public subnet and the route", () => {
    const [o] = run(rule, inv(placement(), { network: groupOn("subnet-pub") }));
    expect(o?.message).toBe("RDS instance 'db' sits in public subnets: subnet subnet-pub routes 0.0.0.0/0 to internet gateway igw-1 (routes[0] of rt-public) in rt-public");
  });

  it("a known public subnet decides even when another is unknown", () => {
    expect(statuses(run(rule, inv(placement({ subnetGroup: undefined, subnets: ["subnet-pub", "subnet-elsewhere"] }))))).toEqual(["fail"]);
  });
});
