import { isUnknown, unknown, type Unknown, type Val } from "../../../core/value";
import type { Route, RouteDestination, RouteTarget, RouteTargetKind } from "../../../models/network";
import type { Props } from "../props";
import { typeOfUrn } from "../urn";
import type { References } from "./references";
import {
  EGRESS_ONLY_GATEWAY_TYPES,
  GATEWAY_ID_KINDS,
  NAT_GATEWAY_TYPES,
  PEERING_TYPES,
  PREFIX_LIST_TYPES,
  TRANSIT_GATEWAY_TYPES,
  VPC_ENDPOINT_TYPES,
} from "./types";
import { isSet, optStr } from "./values";

/** Names of a route's destination properties: inline routes and `aws:ec2/route:Route` differ. */
export interface DestinationFields {
  readonly ipv4: string;
  readonly ipv6: string;
  readonly prefixList: string;
}

export const INLINE_ROUTE_FIELDS: DestinationFields = { ipv4: "cidrBlock", ipv6: "ipv6CidrBlock", prefixList: "destinationPrefixListId" };
export const ROUTE_RESOURCE_FIELDS: DestinationFields = {
  ipv4: "destinationCidrBlock",
  ipv6: "destinationIpv6CidrBlock",
  prefixList: "destinationPrefixListId",
};

const GATEWAY_ID_TYPES: ReadonlySet<string> = new Set(GATEWAY_ID_KINDS.keys());
const NONE: ReadonlySet<string> = new Set();

/** Route target properties, the kind each one means and the resource types it names. */
const TARGETS: readonly (readonly [string, RouteTargetKind | "by-gateway", ReadonlySet<string>])[] = [
  ["gatewayId", "by-gateway", GATEWAY_ID_TYPES],
  ["egressOnlyGatewayId", "egress-only-internet-gateway", EGRESS_ONLY_GATEWAY_TYPES],
  ["natGatewayId", "nat-gateway", NAT_GATEWAY_TYPES],
  ["vpcPeeringConnectionId", "vpc-peering", PEERING_TYPES],
  ["transitGatewayId", "transit-gateway", TRANSIT_GATEWAY_TYPES],
  ["vpcEndpointId", "vpc-endpoint", VPC_ENDPOINT_TYPES],
  ["networkInterfaceId", "other", NONE],
  ["instanceId", "other", NONE],
  ["carrierGatewayId", "other", NONE],
  ["localGatewayId", "other", NONE],
  ["coreNetworkArn", "other", NONE],
  ["odbNetworkArn", "other", NONE],
];

const at = (base: string, field: string): string => (base ? `${base}.${field}` : field);

/** One route, inline (`base` = "routes.0") or a route resource (`base` = ""). */
export function readRoute(p: Props, base: string, fields: DestinationFields, origin: string, refs: References): Route {
  return { origin, destination: destinationOf(p, base, fields, refs), target: targetOf(p, base, refs) };
}

/** A placeholder for routes that exist but cannot be read yet (an inline list computed from other resources). */
export function unreadableRoute(origin: string, reason: Unknown): Route {
  return { origin, destination: reason, target: { kind: reason, ref: reason } };
}

function destinationOf(p: Props, base: string, fields: DestinationFields, refs: References): Val<RouteDestination> {
  if (isSet(p, at(base, fields.ipv4))) return { kind: "ipv4", cidr: required(p, at(base, fields.ipv4)) };
  if (isSet(p, at(base, fields.ipv6))) return { kind: "ipv6", cidr: required(p, at(base, fields.ipv6)) };
  const list = at(base, fields.prefixList);
  if (isSet(p, list)) return { kind: "prefix-list", prefixList: requiredRef(refs.ref(p, list, PREFIX_LIST_TYPES), p, list) };
  const broken = [fields.ipv4, fields.ipv6, fields.prefixList].map((f) => optStr(p, at(base, f))).find(isUnknown);
  return broken ?? unknown("error", `${base || "route"} of ${p.resource.name} has no destination`);
}

function targetOf(p: Props, base: string, refs: References): RouteTarget {
  for (const [field, kind, types] of TARGETS) {
    const path = at(base, field);
    if (!isSet(p, path)) continue;
    const ref = refs.ref(p, path, types);
    return { kind: kind === "by-gateway" ? gatewayKind(p, path, ref, refs) : kind, ref };
  }
  const broken = TARGETS.map(([f]) => optStr(p, at(base, f))).find(isUnknown);
  const reason = broken ?? unknown("error", `${base || "route"} of ${p.resource.name} has no target`);
  return { kind: reason, ref: reason };
}

/** What `gatewayId` names: from the resource it came from, else from the id's prefix. */
function gatewayKind(p: Props, path: string, ref: Val<string | undefined>, refs: References): Val<RouteTargetKind> {
  const value = optStr(p, path);
  if (value === "local") return "local";
  if (typeof ref === "string" && ref !== value) return GATEWAY_ID_KINDS.get(typeOfUrn(ref)) ?? "other";
  if (typeof value === "string") return kindOfGatewayId(value);
  const kinds = new Set(refs.candidates(p, path, GATEWAY_ID_TYPES).map((u) => GATEWAY_ID_KINDS.get(typeOfUrn(u))));
  const only = kinds.size === 1 ? [...kinds][0] : undefined;
  if (only) return only;
  const detail = kinds.size > 1 ? "comes from gateways of different kinds" : "is not known until the update";
  return unknown(isUnknown(value) ? value.reason : "preview", `${path} of ${p.resource.name} ${detail}`);
}

function kindOfGatewayId(id: string): RouteTargetKind {
  if (id.startsWith("igw-")) return "internet-gateway";
  if (id.startsWith("eigw-")) return "egress-only-internet-gateway";
  if (id.startsWith("nat-")) return "nat-gateway";
  return "other";
}

function required(p: Props, path: string): Val<string> {
  const v = optStr(p, path);
  return v ?? unknown("error", `${path} of ${p.resource.name} is empty`);
}

function requiredRef(v: Val<string | undefined>, p: Props, path: string): Val<string> {
  return v ?? unknown("error", `${path} of ${p.resource.name} is empty`);
}
