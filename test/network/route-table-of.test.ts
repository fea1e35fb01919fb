import { describe, expect, it } from "vitest";
import { isUnknown, unknown, type Val } from "../../src/core/value";
import type { NetworkGraph, RouteTable } from "../../src/models/network";
import { indexNetwork } from "../../src/network/network-index";
import { routeTableOf } from "../../src/network/route-table-of";
import { association, graph, ipv4, mainAssociation, route, subnet, table, vpc } from "./graph-fixtures";

const PREVIEW = unknown("preview", "computed");
const s1 = subnet("subnet-1", "vpc-1");

const tableOf = (g: NetworkGraph, s = s1): Val<RouteTable> => routeTableOf(indexNetwork(g), s);
const idOf = (t: Val<RouteTable>): string => (isUnknown(t) ? `unknown:${t.reason}` : t.ref.id);

describe("routeTableOf", () => {
  it.each<[string, Partial<NetworkGraph>, string]>([
    [
      "explicit association wins over the main table",
      { vpcs: [vpc("vpc-1")], routeTables: [table("rtb-a", "vpc-1"), table("rtb-main", "vpc-1")], routeTableAssociations: [association("a1", "rtb-a", "subnet-1"), mainAssociation("m1", "rtb-main", "vpc-1")] },
      "rtb-a",
    ],
    [
      "explicit main association",
      { vpcs: [vpc("vpc-1")], routeTables: [table("rtb-main", "vpc-1"), table("rtb-default", "vpc-1", [], { main: "default" })], routeTableAssociations: [mainAssociation("m1", "rtb-main", "vpc-1")] },
      "rtb-main",
    ],
    ["the VPC's default table when no main association", { vpcs: [vpc("vpc-1")], routeTables: [table("rtb-default", "vpc-1", [], { main: "default" })] }, "rtb-default"],
    [
      "the VPC's known main table id",
      { vpcs: [vpc("vpc-1", { mainRouteTable: "rtb-9" })], routeTables: [table("urn-rt", "vpc-1", [], { awsId: "rtb-9" })] },
      "urn-rt",
    ],
    ["the implicit main table of a VPC without one", { vpcs: [vpc("vpc-1")] }, "vpc-1#main-route-table"],
    ["an association of another subnet does not count", { vpcs: [vpc("vpc-1")], routeTables: [table("rtb-a", "vpc-1")], routeTableAssociations: [association("a1", "rtb-a", "subnet-2")] }, "vpc-1#main-route-table"],
    ["an unknown association in the same VPC -> Unknown", { vpcs: [vpc("vpc-1")], routeTables: [table("rtb-a", "vpc-1")], routeTableAssociations: [association("a1", "rtb-a", PREVIEW)] }, "unknown:preview"],
    ["an unknown association in another VPC does not count", { vpcs: [vpc("vpc-1")], routeTables: [table("rtb-b", "vpc-2")], routeTableAssociations: [association("a1", "rtb-b", PREVIEW)] }, "vpc-1#main-route-table"],
    ["an unknown association to an unknown table -> Unknown", { vpcs: [vpc("vpc-1")], routeTableAssociations: [association("a1", PREVIEW, PREVIEW)] }, "unknown:preview"],
    ["an association to an unknown table -> Unknown", { vpcs: [vpc("vpc-1")], routeTableAssociations: [association("a1", PREVIEW, "subnet-1")] }, "unknown:preview"],
    ["an association to a table outside the graph -> not fetched", { vpcs: [vpc("vpc-1")], routeTableAssociations: [association("a1", "rtb-x", "subnet-1")] }, "unknown:not-fetched"],
    ["a main association with an unknown VPC -> Unknown", { vpcs: [vpc("vpc-1")], routeTables: [table("rtb-m", "vpc-1")], routeTableAssociations: [mainAssociation("m1", "rtb-m", PREVIEW)] }, "unknown:preview"],
    ["a VPC outside the graph -> not fetched", {}, "unknown:not-fetched"],
  ])("%s", (_name, parts, expected) => {
    expect(idOf(tableOf(graph({ subnets: [s1], ...parts })))).toBe(expected);
  });

  it("an association naming the subnet by its AWS id", () => {
    const s = subnet("urn-subnet-1", "vpc-1", { awsId: "subnet-aws-1" });
    const g = graph({ vpcs: [vpc("vpc-1")], subnets: [s], routeTables: [table("rtb-a", "vpc-1")], routeTableAssociations: [association("a1", "rtb-a", "subnet-aws-1")] });
    expect(idOf(tableOf(g, s))).toBe("rtb-a");
  });

  it("a subnet with an unknown VPC is Unknown with the reason", () => {
    const t = tableOf(graph({}), subnet("subnet-1", PREVIEW));
    expect(isUnknown(t) && t.detail).toMatch(/VPC of subnet subnet-1/);
  });

  it("the implicit main table of a default VPC routes to an internet gateway", () => {
    const t = tableOf(graph({ vpcs: [vpc("vpc-1", { isDefault: true })] }));
    expect(isUnknown(t) ? t : t.routes).toEqual([expect.objectContaining({ destination: ipv4("0.0.0.0/0"), target: { kind: "internet-gateway", ref: undefined } })]);
  });

  it("keeps the table's routes", () => {
    const t = tableOf(graph({ vpcs: [vpc("vpc-1")], routeTables: [table("rtb-a", "vpc-1", [route(ipv4("0.0.0.0/0"), "nat-gateway", "nat-1")])], routeTableAssociations: [association("a1", "rtb-a", "subnet-1")] }));
    expect(isUnknown(t) ? 0 : t.routes.length).toBe(1);
  });
});
