import { isUnknown, type Val } from "../../../core/value";
import type { NetworkRef, Route, RouteTable, RouteTableAssociation, UnattachedRoute } from "../../../models/network";
import type { Props } from "../props";
import { refOf } from "../store-adapter";
import { withAwsId, type References } from "./references";
import { INLINE_ROUTE_FIELDS, readRoute, ROUTE_RESOURCE_FIELDS, unreadableRoute } from "./routes";
import { ROUTE_TABLE_TYPES, SUBNET_TYPES, T, VPC_TYPES } from "./types";
import { inlineItems } from "./values";

/** `RouteTable` and `DefaultRouteTable` with their inline routes (separate routes are joined later). */
export function adaptRouteTable(p: Props, refs: References): RouteTable & { routes: Route[] } {
  const isDefault = p.resource.type === T.defaultRouteTable;
  return {
    kind: "route-table",
    ref: refOf(p, "route table"),
    ...withAwsId(p, isDefault ? p.str("defaultRouteTableId") : undefined),
    vpc: isDefault ? defaultTableVpc(p, refs) : refs.ref(p, "vpcId", VPC_TYPES),
    routes: inlineRoutes(p, refs),
    ...(isDefault ? { main: "default" as const } : {}),
  };
}

function inlineRoutes(p: Props, refs: References): Route[] {
  const items = inlineItems(p, "routes");
  if (isUnknown(items)) return [unreadableRoute(`routes of ${p.resource.name}`, items)];
  return items.map((path, i) => readRoute(p, path, INLINE_ROUTE_FIELDS, `routes[${i}] of ${p.resource.name}`, refs));
}

/** A default route table names its VPC through `defaultRouteTableId` (= `vpc.defaultRouteTableId`). */
function defaultTableVpc(p: Props, refs: References): Val<NetworkRef | undefined> {
  const vpc = refs.ref(p, "vpcId", VPC_TYPES);
  if (typeof vpc === "string") return vpc;
  const fromTableId = refs.candidates(p, "defaultRouteTableId", VPC_TYPES);
  return fromTableId.length === 1 ? (fromTableId[0] as string) : vpc;
}

/** `aws:ec2/route:Route`: a route and the table it belongs to. */
export function adaptRouteResource(p: Props, refs: References): UnattachedRoute {
  return {
    routeTable: refs.ref(p, "routeTableId", ROUTE_TABLE_TYPES),
    route: readRoute(p, "", ROUTE_RESOURCE_FIELDS, `route ${p.resource.name}`, refs),
  };
}

/** A subnet's explicit association; an edge association (to a gateway) is not a subnet's and gives undefined. */
export function adaptRouteTableAssociation(p: Props, refs: References): RouteTableAssociation | undefined {
  const subnet = refs.ref(p, "subnetId", SUBNET_TYPES);
  if (subnet === undefined) return undefined;
  return {
    kind: "route-table-association",
    ref: refOf(p, "route table association"),
    ...withAwsId(p),
    routeTable: refs.ref(p, "routeTableId", ROUTE_TABLE_TYPES),
    subnet,
  };
}

export function adaptMainRouteTableAssociation(p: Props, refs: References): RouteTableAssociation {
  return {
    kind: "route-table-association",
    ref: refOf(p, "main route table association"),
    ...withAwsId(p),
    routeTable: refs.ref(p, "routeTableId", ROUTE_TABLE_TYPES),
    mainOfVpc: refs.ref(p, "vpcId", VPC_TYPES),
  };
}
