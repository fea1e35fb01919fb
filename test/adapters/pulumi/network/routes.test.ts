import { describe, expect, it } from "vitest";
import { buildNetworkGraph } from "../../../../src/adapters/pulumi/network";
import { isUnknown } from "../../../../src/core/value";
import type { Route, RouteTable } from "../../../../src/models/network";
import { indexNetwork } from "../../../../src/network/network-index";
import { subnetIsPublic } from "../../../../src/network/subnet-is-public";
import { engineResource, UNKNOWN, urnOf } from "../../../helpers/engine";

const VPC = "aws:ec2/vpc:Vpc";
const SUBNET = "aws:ec2/subnet:Subnet";
const RT = "aws:ec2/routeTable:RouteTable";
const IGW = "aws:ec2/internetGateway:InternetGateway";
const VGW = "aws:ec2/vpnGateway:VpnGateway";
const NAT = "aws:ec2/natGateway:NatGateway";
const EIGW = "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway";
const PL = "aws:ec2/managedPrefixList:ManagedPrefixList";
const vpcUrn = urnOf(VPC, "main");

type Res = Parameters<typeof engineResource>;
// As AnalyzeStack sends them in preview (planned state).
const build = (...rs: Res[]) => buildNetworkGraph(rs.map((r) => engineResource(...r)));
const buildPlanned = (...rs: Res[]) => buildNetworkGraph(rs.map((r) => ({ ...engineResource(...r), plannedState: true })));
const vpcRes: Res = [VPC, "main", { cidrBlock: "10.0.0.0/16" }];

/** The single inline route of a route table built from `route` and its dependencies. */
function inlineRoute(route: Record<string, unknown>, deps: string[] = []): Route {
  const g = build(vpcRes, [RT, "rt", { vpcId: UNKNOWN, routes: [route] }, { vpcId: [vpcUrn], routes: deps }]);
  const r = g.routeTables[0]?.routes[0];
  if (!r) throw new Error("no route");
  return r;
}

const kindOf = (r: Route): string => (isUnknown(r.target.kind) ? `unknown:${r.target.kind.reason}` : r.target.kind);

describe("route tables: inline routes", () => {
  it.each<[string, Record<string, unknown>, string[], string]>([
    ["gatewayId from an internet gateway (preview)", { cidrBlock: "0.0.0.0/0", gatewayId: UNKNOWN }, [urnOf(IGW, "igw")], "internet-gateway"],
    ["gatewayId from a VPN gateway (preview)", { cidrBlock: "0.0.0.0/0", gatewayId: UNKNOWN }, [urnOf(VGW, "vgw")], "other"],
    ["gatewayId from gateways of two kinds", { cidrBlock: "0.0.0.0/0", gatewayId: UNKNOWN }, [urnOf(IGW, "igw"), urnOf(VGW, "vgw")], "unknown:preview"],
    ["gatewayId unknown without dependency", { cidrBlock: "0.0.0.0/0", gatewayId: UNKNOWN, natGatewayId: "" }, [], "unknown:preview"],
    ["a literal igw- id", { cidrBlock: "0.0.0.0/0", gatewayId: "igw-0abc" }, [], "internet-gateway"],
    ["local", { cidrBlock: "10.0.0.0/16", gatewayId: "local" }, [], "local"],
    ["natGatewayId", { cidrBlock: "0.0.0.0/0", natGatewayId: UNKNOWN }, [urnOf(NAT, "nat")], "nat-gateway"],
    ["egressOnlyGatewayId for ::/0", { ipv6CidrBlock: "::/0", egressOnlyGatewayId: UNKNOWN }, [urnOf(EIGW, "eigw")], "egress-only-internet-gateway"],
    ["provider output shape: empty strings for unset fields", { cidrBlock: "0.0.0.0/0", gatewayId: "igw-1", natGatewayId: "", ipv6CidrBlock: "", vpcPeeringConnectionId: "" }, [], "internet-gateway"],
    ["transitGatewayId", { cidrBlock: "10.1.0.0/16", transitGatewayId: "tgw-1" }, [], "transit-gateway"],
    ["vpcPeeringConnectionId", { cidrBlock: "10.1.0.0/16", vpcPeeringConnectionId: "pcx-1" }, [], "vpc-peering"],
    ["networkInterfaceId (a NAT instance)", { cidrBlock: "0.0.0.0/0", networkInterfaceId: "eni-1" }, [], "other"],
  ])("%s -> %s", (_name, route, deps, expected) => {
    expect(kindOf(inlineRoute(route, deps))).toBe(expected);
  });

  it("joins a gateway by its dependency URN", () => {
    expect(inlineRoute({ cidrBlock: "0.0.0.0/0", gatewayId: UNKNOWN }, [urnOf(IGW, "igw")]).target.ref).toBe(urnOf(IGW, "igw"));
  });

  it.each<[string, Record<string, unknown>, string[], unknown]>([
    ["IPv4", { cidrBlock: "0.0.0.0/0", gatewayId: "igw-1" }, [], { kind: "ipv4", cidr: "0.0.0.0/0" }],
    ["IPv6", { ipv6CidrBlock: "::/0", gatewayId: "igw-1" }, [], { kind: "ipv6", cidr: "::/0" }],
    ["a prefix list of the stack", { destinationPrefixListId: UNKNOWN, gatewayId: "igw-1" }, [urnOf(PL, "office")], { kind: "prefix-list", prefixList: urnOf(PL, "office") }],
  ])("destination: %s", (_name, route, deps, expected) => {
    expect(inlineRoute(route, deps).destination).toEqual(expected);
  });

  it("an unknown CIDR stays Unknown(preview)", () => {
    const d = inlineRoute({ cidrBlock: UNKNOWN, gatewayId: "igw-1" }, [urnOf(VPC, "other")]).destination;
    expect(!isUnknown(d) && d.kind === "ipv4" && isUnknown(d.cidr) && d.cidr.reason).toBe("preview");
  });

  it("a route without destination is a named error", () => {
    const d = inlineRoute({ gatewayId: "igw-1" }).destination;
    expect(isUnknown(d) && d.detail).toMatch(/routes\.0 of rt has no destination/);
  });

  it.each<[string, unknown, Record<string, string[]>, string]>([
    ["computed by the provider (planned state, no dependency): no inline routes", UNKNOWN, {}, "none"],
    ["computed from other resources: one unreadable route", UNKNOWN, { routes: [urnOf(IGW, "igw")] }, "unknown:preview"],
    ["a string where the list belongs: a named error", "0.0.0.0/0", {}, "unknown:error"],
  ])("routes %s", (_name, routes, deps, expected) => {
    const t = buildPlanned(vpcRes, [RT, "rt", { vpcId: "vpc-1", routes }, deps]).routeTables[0] as RouteTable;
    const first = t.routes[0];
    const got = !first ? "none" : isUnknown(first.destination) ? `unknown:${first.destination.reason}` : "known";
    expect(got).toBe(expected);
    if (expected === "unknown:error") expect(isUnknown(first?.destination) && (first?.destination as { detail: string }).detail).toMatch(/'routes' of rt should be a list or an object, got string/);
  });
});

describe("route tables: separate routes and associations", () => {
  const stack = (extra: Res[]) =>
    build(
      vpcRes,
      [IGW, "igw", { vpcId: UNKNOWN }, { vpcId: [vpcUrn] }],
      [SUBNET, "app", { vpcId: UNKNOWN, cidrBlock: "10.0.1.0/24" }, { vpcId: [vpcUrn] }],
      ...extra,
    );
  const verdict = (g: ReturnType<typeof build>): string => {
    const s = g.subnets[0];
    if (!s) throw new Error("no subnet");
    const v = subnetIsPublic(indexNetwork(g), s);
    return isUnknown(v) ? `unknown:${v.reason}` : v.public ? "public" : "private";
  };
  const rt = (name: string, routes?: unknown[], deps: string[] = []): Res => [RT, name, { vpcId: UNKNOWN, ...(routes ? { routes } : {}) }, { vpcId: [vpcUrn], routes: deps }];
  const assoc = (table: string): Res => [
    "aws:ec2/routeTableAssociation:RouteTableAssociation",
    `${table}-app`,
    { subnetId: UNKNOWN, routeTableId: UNKNOWN },
    { subnetId: [urnOf(SUBNET, "app")], routeTableId: [urnOf(RT, table)] },
  ];
  const separateRoute = (table: string, props: Record<string, unknown>, deps: Record<string, string[]>): Res => [
    "aws:ec2/route:Route",
    `${table}-default`,
    { routeTableId: UNKNOWN, ...props },
    { routeTableId: [urnOf(RT, table)], ...deps },
  ];

  it.each<[string, Res[], string]>([
    ["no table at all: the VPC's implicit main table", [], "private"],
    ["explicit association to a table with an inline IGW route", [rt("public", [{ cidrBlock: "0.0.0.0/0", gatewayId: UNKNOWN }], [urnOf(IGW, "igw")]), assoc("public")], "public"],
    [
      "explicit association to a table with a separate IGW route",
      [rt("public"), assoc("public"), separateRoute("public", { destinationCidrBlock: "0.0.0.0/0", gatewayId: UNKNOWN }, { gatewayId: [urnOf(IGW, "igw")] })],
      "public",
    ],
    [
      "a separate ::/0 route to an egress-only gateway",
      [rt("v6"), assoc("v6"), separateRoute("v6", { destinationIpv6CidrBlock: "::/0", egressOnlyGatewayId: UNKNOWN }, { egressOnlyGatewayId: [urnOf(EIGW, "eigw")] })],
      "private",
    ],
    [
      "a separate ::/0 route to an internet gateway",
      [rt("v6"), assoc("v6"), separateRoute("v6", { destinationIpv6CidrBlock: "::/0", gatewayId: UNKNOWN }, { gatewayId: [urnOf(IGW, "igw")] })],
      "public",
    ],
    [
      "main-table fallback: a main association to a public table",
      [
        rt("public", [{ cidrBlock: "0.0.0.0/0", gatewayId: UNKNOWN }], [urnOf(IGW, "igw")]),
        ["aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation", "main", { vpcId: UNKNOWN, routeTableId: UNKNOWN }, { vpcId: [vpcUrn], routeTableId: [urnOf(RT, "public")] }],
      ],
      "public",
    ],
    [
      "main-table fallback: the VPC's DefaultRouteTable joined through defaultRouteTableId",
      [
        [
          "aws:ec2/defaultRouteTable:DefaultRouteTable",
          "default",
          { defaultRouteTableId: UNKNOWN, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: UNKNOWN }] },
          { defaultRouteTableId: [vpcUrn], routes: [urnOf(IGW, "igw")] },
        ],
      ],
      "public",
    ],
    [
      "a separate route whose table is unknown",
      [rt("private"), assoc("private"), ["aws:ec2/route:Route", "stray", { routeTableId: UNKNOWN, destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-1" }, {}]],
      "unknown:preview",
    ],
    [
      "an association whose subnet is not known yet",
      [rt("private"), ["aws:ec2/routeTableAssociation:RouteTableAssociation", "pending", { subnetId: UNKNOWN, routeTableId: UNKNOWN }, { routeTableId: [urnOf(RT, "private")] }]],
      "unknown:preview",
    ],
  ])("%s -> %s", (_name, extra, expected) => {
    expect(verdict(stack(extra))).toBe(expected);
  });

  it("an edge association (gatewayId, no subnet) is not a subnet's", () => {
    const g = build(vpcRes, ["aws:ec2/routeTableAssociation:RouteTableAssociation", "edge", { gatewayId: "igw-1", routeTableId: "rtb-1" }]);
    expect(g.routeTableAssociations).toEqual([]);
  });

  it("update preview: known ids join by AWS id (from `id` or the ARN)", () => {
    const g = build(
      [VPC, "main", { cidrBlock: "10.0.0.0/16", arn: "arn:aws:ec2:eu-west-1:111122223333:vpc/vpc-0main" }],
      [SUBNET, "app", { vpcId: "vpc-0main", id: "subnet-0app" }],
      [RT, "public", { vpcId: "vpc-0main", id: "rtb-0pub", routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-0abc" }] }],
      ["aws:ec2/routeTableAssociation:RouteTableAssociation", "a", { subnetId: "subnet-0app", routeTableId: "rtb-0pub" }],
    );
    expect(g.subnets[0]?.vpc).toBe(vpcUrn);
    expect(g.routeTableAssociations[0]).toMatchObject({ subnet: urnOf(SUBNET, "app"), routeTable: urnOf(RT, "public") });
    const s = g.subnets[0];
    expect(s && subnetIsPublic(indexNetwork(g), s)).toMatchObject({ public: true });
  });
});
