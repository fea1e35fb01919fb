import { describe, expect, it } from "vitest";
import { isUnknown, unknown, type Val } from "../../src/core/value";
import type { Route } from "../../src/models/network";
import { parseAddressRanges } from "../../src/network/address-ranges";
import { indexNetwork } from "../../src/network/network-index";
import { subnetIsPublic, type SubnetExposure } from "../../src/network/subnet-is-public";
import { association, graph, igw, ipv4, ipv6, prefixList, route, subnet, table, vpc } from "./graph-fixtures";

const PREVIEW = unknown("preview", "computed");
const s1 = subnet("subnet-1", "vpc-1");

function exposure(routes: Route[], extra: Parameters<typeof graph>[0] = {}): Val<SubnetExposure> {
  const g = graph({
    vpcs: [vpc("vpc-1")],
    subnets: [s1],
    gateways: [igw("igw-1", "vpc-1")],
    routeTables: [table("rtb-1", "vpc-1", routes)],
    routeTableAssociations: [association("a1", "rtb-1", "subnet-1")],
    ...extra,
  });
  return subnetIsPublic(indexNetwork(g), s1);
}

const verdict = (v: Val<SubnetExposure>): string => (isUnknown(v) ? `unknown:${v.reason}` : v.public ? "public" : "private");

describe("subnetIsPublic", () => {
  it.each<[string, Route[], string]>([
    ["no routes", [], "private"],
    ["0.0.0.0/0 to an internet gateway", [route(ipv4("0.0.0.0/0"), "internet-gateway")], "public"],
    ["::/0 to an internet gateway", [route(ipv6("::/0"), "internet-gateway")], "public"],
    ["::/0 to an egress-only gateway is not inbound-public", [route(ipv6("::/0"), "egress-only-internet-gateway", "eigw-1")], "private"],
    ["0.0.0.0/0 to a NAT gateway", [route(ipv4("0.0.0.0/0"), "nat-gateway", "nat-1")], "private"],
    ["a public /24 to an internet gateway", [route(ipv4("203.0.113.0/24"), "internet-gateway")], "public"],
    ["a private range to an internet gateway", [route(ipv4("10.1.0.0/16"), "internet-gateway")], "private"],
    ["0.0.0.0/0 to a peering", [route(ipv4("0.0.0.0/0"), "vpc-peering", "pcx-1")], "private"],
    ["0.0.0.0/0 to a transit gateway", [route(ipv4("0.0.0.0/0"), "transit-gateway", "tgw-1")], "private"],
    ["unknown CIDR to an internet gateway", [route(ipv4(PREVIEW), "internet-gateway")], "unknown:preview"],
    ["unknown destination", [route(PREVIEW, "internet-gateway")], "unknown:preview"],
    ["unknown target kind for 0.0.0.0/0", [route(ipv4("0.0.0.0/0"), PREVIEW)], "unknown:preview"],
    ["unknown target kind for a private range", [route(ipv4("10.0.0.0/8"), PREVIEW)], "private"],
    ["invalid CIDR to an internet gateway", [route(ipv4("0.0.0.0/33"), "internet-gateway")], "unknown:error"],
    ["a known public route decides despite an unknown one", [route(ipv4(PREVIEW), "internet-gateway"), route(ipv6("::/0"), "internet-gateway")], "public"],
    ["a prefix list outside the graph to an internet gateway", [route({ kind: "prefix-list", prefixList: "pl-aws" }, "internet-gateway")], "unknown:not-fetched"],
    ["an unknown prefix list to an internet gateway", [route({ kind: "prefix-list", prefixList: PREVIEW }, "internet-gateway")], "unknown:preview"],
    ["a prefix list of public addresses", [route({ kind: "prefix-list", prefixList: "pl-public" }, "internet-gateway")], "public"],
    ["a prefix list of private addresses", [route({ kind: "prefix-list", prefixList: "pl-private" }, "internet-gateway")], "private"],
    ["a prefix list with an unknown entry", [route({ kind: "prefix-list", prefixList: "pl-pending" }, "internet-gateway")], "unknown:preview"],
  ])("%s -> %s", (_name, routes, expected) => {
    const prefixLists = [
      prefixList("pl-public", ["10.0.0.0/8", "198.51.100.0/24"]),
      prefixList("pl-private", ["10.0.0.0/8", "192.168.0.0/16"]),
      prefixList("pl-pending", ["10.0.0.0/8", PREVIEW]),
    ];
    expect(verdict(exposure(routes, { prefixLists }))).toBe(expected);
  });

  it("names the route that makes the subnet public", () => {
    const v = exposure([route(ipv4("0.0.0.0/0"), "internet-gateway", "igw-1", "routes[0] of rt-public")]);
    expect(isUnknown(v) ? v : v.via).toBe("0.0.0.0/0 to internet gateway igw-1 (routes[0] of rt-public) in rtb-1");
  });

  it("falls back to the main table: a private subnet in a VPC whose main table is public is public", () => {
    const g = graph({
      vpcs: [vpc("vpc-1")],
      subnets: [s1],
      routeTables: [table("rtb-main", "vpc-1", [route(ipv4("0.0.0.0/0"), "internet-gateway")], { main: "default" })],
    });
    expect(verdict(subnetIsPublic(indexNetwork(g), s1))).toBe("public");
  });

  it("a route whose table is unknown leaves an otherwise private subnet Unknown", () => {
    const v = exposure([], { unattachedRoutes: [{ routeTable: PREVIEW, route: route(ipv4("0.0.0.0/0"), "internet-gateway") }] });
    expect(verdict(v)).toBe("unknown:preview");
  });

  it.each([
    ["model id", "rtb-1"],
    ["AWS id", "rtb-aws-1"],
  ])("a separate route naming its table by %s counts for that table", (_name, tableRef) => {
    const g = graph({
      vpcs: [vpc("vpc-1")],
      subnets: [s1],
      routeTables: [table("rtb-1", "vpc-1", [], { awsId: "rtb-aws-1" })],
      routeTableAssociations: [association("a1", "rtb-1", "subnet-1")],
      unattachedRoutes: [{ routeTable: tableRef, route: route(ipv4("0.0.0.0/0"), "internet-gateway") }],
    });
    expect(verdict(subnetIsPublic(indexNetwork(g), s1))).toBe("public");
  });

  it("uses the configured private ranges", () => {
    const { ranges } = parseAddressRanges(["0.0.0.0/0"]);
    const g = graph({ vpcs: [vpc("vpc-1")], subnets: [s1], routeTables: [table("rtb-main", "vpc-1", [route(ipv4("0.0.0.0/0"), "internet-gateway")], { main: "default" })] });
    expect(verdict(subnetIsPublic(indexNetwork(g), s1, ranges))).toBe("private");
  });
});
