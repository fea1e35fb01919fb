import type { Route as SdkRoute, RouteTable as SdkRouteTable, Vpc as SdkVpc } from "@aws-sdk/client-ec2";
import { unknown, type Unknown, type Val } from "../../../core/value";
import type { Route, RouteDestination, RouteTable, RouteTableAssociation, RouteTarget, RouteTargetKind } from "../../../models/network";
import { ec2Arn, ec2Ref, type Ec2Scope, type NetworkIds } from "./scope";
import { vpcArn } from "./vpcs";

export const routeTableArn = (s: Ec2Scope, t: SdkRouteTable): string => ec2Arn(s, `route-table/${t.RouteTableId ?? ""}`, t.OwnerId);

const LIVE_ASSOCIATION = new Set(["associating", "associated", ""]);

export interface RouteTableParts {
  readonly tables: RouteTable[];
  readonly associations: RouteTableAssociation[];
}

/**
 * Route tables with their routes, and their subnet and main associations. A table flagged main
 * is its VPC's `default` table; blackhole routes (their target is gone) carry no traffic and are
 * left out; associations to gateways (edge associations) are not a subnet's.
 */
export function adaptRouteTables(tables: readonly SdkRouteTable[], s: Ec2Scope, ids: NetworkIds): RouteTableParts {
  const out: RouteTableParts = { tables: [], associations: [] };
  for (const t of tables) {
    const id = t.RouteTableId ?? "";
    const arn = routeTableArn(s, t);
    const live = (t.Associations ?? []).filter((a) => LIVE_ASSOCIATION.has(a.AssociationState?.State ?? ""));
    const isMain = live.some((a) => a.Main === true);
    out.tables.push({
      kind: "route-table",
      ref: ec2Ref(s, arn, "AWS::EC2::RouteTable", id, "route table", t.OwnerId),
      awsId: id,
      vpc: ids.ref(t.VpcId),
      routes: (t.Routes ?? []).flatMap((r, i) => (r.State === "blackhole" ? [] : [adaptRoute(r, `routes[${i}] of ${id}`, ids)])),
      ...(isMain ? { main: "default" as const } : {}),
    });
    for (const a of live) {
      const assocId = a.RouteTableAssociationId ?? "";
      const common = { kind: "route-table-association" as const, awsId: assocId, routeTable: arn };
      if (a.Main === true) {
        const ref = ec2Ref(s, `${arn}#${assocId}`, "AWS::EC2::MainRouteTableAssociation", assocId, "main route table association", t.OwnerId);
        out.associations.push({ ...common, ref, mainOfVpc: ids.ref(t.VpcId) });
      } else if (a.SubnetId !== undefined) {
        const ref = ec2Ref(s, `${arn}#${assocId}`, "AWS::EC2::SubnetRouteTableAssociation", assocId, "route table association", t.OwnerId);
        out.associations.push({ ...common, ref, subnet: ids.ref(a.SubnetId) });
      }
    }
  }
  return out;
}

/**
 * When the route tables could not be read, each VPC gets one table standing for all of its
 * tables, whose single route is Unknown: its subnets are then neither public nor private.
 */
export function unreadableRouteTables(vpcs: readonly SdkVpc[], s: Ec2Scope, why: Unknown): RouteTable[] {
  return vpcs.map((v) => {
    const id = v.VpcId ?? "";
    const arn = vpcArn(s, v);
    const origin = `the route tables of VPC ${id}`;
    return {
      kind: "route-table",
      ref: ec2Ref(s, `${arn}#route-tables`, "AWS::EC2::RouteTable", `route tables of ${id}`, "route table", v.OwnerId),
      vpc: arn,
      routes: [{ origin, destination: why, target: { kind: why, ref: why } }],
      main: "default",
    };
  });
}

function adaptRoute(r: SdkRoute, origin: string, ids: NetworkIds): Route {
  return { origin, destination: destinationOf(r, origin, ids), target: targetOf(r, origin, ids) };
}

function destinationOf(r: SdkRoute, origin: string, ids: NetworkIds): Val<RouteDestination> {
  if (r.DestinationCidrBlock) return { kind: "ipv4", cidr: r.DestinationCidrBlock };
  if (r.DestinationIpv6CidrBlock) return { kind: "ipv6", cidr: r.DestinationIpv6CidrBlock };
  const list = ids.ref(r.DestinationPrefixListId);
  if (list !== undefined) return { kind: "prefix-list", prefixList: list };
  return unknown("error", `${origin} has no destination`);
}

/** Route fields naming a target, and the kind each means. */
const TARGETS: readonly (readonly [keyof SdkRoute, RouteTargetKind])[] = [
  ["EgressOnlyInternetGatewayId", "egress-only-internet-gateway"],
  ["NatGatewayId", "nat-gateway"],
  ["VpcPeeringConnectionId", "vpc-peering"],
  ["TransitGatewayId", "transit-gateway"],
  ["NetworkInterfaceId", "other"],
  ["InstanceId", "other"],
  ["CarrierGatewayId", "other"],
  ["LocalGatewayId", "other"],
  ["CoreNetworkArn", "other"],
  ["OdbNetworkArn", "other"],
];

function targetOf(r: SdkRoute, origin: string, ids: NetworkIds): RouteTarget {
  if (r.GatewayId) return r.GatewayId === "local" ? { kind: "local", ref: undefined } : { kind: kindOfGatewayId(r.GatewayId), ref: ids.ref(r.GatewayId) };
  for (const [field, kind] of TARGETS) {
    const v = r[field];
    if (typeof v === "string" && v !== "") return { kind, ref: ids.ref(v) };
  }
  const none = unknown("error", `${origin} has no target`);
  return { kind: none, ref: none };
}

/** `GatewayId` holds internet gateways, virtual private gateways and gateway VPC endpoints. */
function kindOfGatewayId(id: string): RouteTargetKind {
  if (id.startsWith("igw-")) return "internet-gateway";
  if (id.startsWith("eigw-")) return "egress-only-internet-gateway";
  if (id.startsWith("vpce-")) return "vpc-endpoint";
  return "other";
}
