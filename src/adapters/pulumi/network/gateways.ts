import type { Val } from "../../../core/value";
import type { Gateway, NetworkRef, TransitGatewayAttachment, VpcEndpoint, VpcPeering } from "../../../models/network";
import type { Props } from "../props";
import { refOf } from "../store-adapter";
import { withAwsId, type References } from "./references";
import {
  INTERNET_GATEWAY_TYPES,
  ROUTE_TABLE_TYPES,
  SECURITY_GROUP_TYPES,
  SUBNET_TYPES,
  T,
  TRANSIT_GATEWAY_TYPES,
  VPC_TYPES,
} from "./types";
import { optStr } from "./values";

const GATEWAY_KINDS: Readonly<Record<string, Gateway["gatewayKind"]>> = {
  [T.internetGateway]: "internet-gateway",
  [T.egressOnlyInternetGateway]: "egress-only-internet-gateway",
  [T.natGateway]: "nat-gateway",
};

const LABELS: Readonly<Record<Gateway["gatewayKind"], string>> = {
  "internet-gateway": "internet gateway",
  "egress-only-internet-gateway": "egress-only internet gateway",
  "nat-gateway": "NAT gateway",
};

export const GATEWAY_TYPES: readonly string[] = Object.keys(GATEWAY_KINDS);

export function adaptGateway(p: Props, refs: References): Gateway {
  const gatewayKind = GATEWAY_KINDS[p.resource.type] ?? "internet-gateway";
  const nat = gatewayKind === "nat-gateway";
  return {
    kind: "gateway",
    gatewayKind,
    ref: refOf(p, LABELS[gatewayKind]),
    ...withAwsId(p),
    vpc: refs.ref(p, "vpcId", VPC_TYPES),
    ...(nat ? { subnet: refs.ref(p, "subnetId", SUBNET_TYPES), connectivity: optStr(p, "connectivityType") ?? "public" } : {}),
  };
}

/** `InternetGatewayAttachment`: which gateway it attaches to which VPC. */
export function adaptInternetGatewayAttachment(p: Props, refs: References): { gateway: Val<NetworkRef | undefined>; vpc: Val<NetworkRef | undefined> } {
  return { gateway: refs.ref(p, "internetGatewayId", INTERNET_GATEWAY_TYPES), vpc: refs.ref(p, "vpcId", VPC_TYPES) };
}

export function adaptPeering(p: Props, refs: References): VpcPeering {
  return {
    kind: "vpc-peering",
    ref: refOf(p, "VPC peering connection"),
    ...withAwsId(p),
    requesterVpc: refs.ref(p, "vpcId", VPC_TYPES),
    accepterVpc: refs.ref(p, "peerVpcId", VPC_TYPES),
    peerOwnerId: optStr(p, "peerOwnerId"),
    peerRegion: optStr(p, "peerRegion"),
  };
}

export function adaptTransitGatewayAttachment(p: Props, refs: References): TransitGatewayAttachment {
  return {
    kind: "transit-gateway-attachment",
    ref: refOf(p, "transit gateway VPC attachment"),
    ...withAwsId(p),
    vpc: refs.ref(p, "vpcId", VPC_TYPES),
    transitGateway: refs.ref(p, "transitGatewayId", TRANSIT_GATEWAY_TYPES),
    subnets: refs.refs(p, "subnetIds", SUBNET_TYPES),
  };
}

export function adaptVpcEndpoint(p: Props, refs: References): VpcEndpoint {
  return {
    kind: "vpc-endpoint",
    ref: refOf(p, "VPC endpoint"),
    ...withAwsId(p),
    vpc: refs.ref(p, "vpcId", VPC_TYPES),
    service: optStr(p, "serviceName"),
    endpointType: optStr(p, "vpcEndpointType") ?? "Gateway",
    policy: policyOf(p),
    subnets: refs.refs(p, "subnetIds", SUBNET_TYPES),
    securityGroups: refs.refs(p, "securityGroupIds", SECURITY_GROUP_TYPES),
    routeTables: refs.refs(p, "routeTableIds", ROUTE_TABLE_TYPES),
  };
}

/** The endpoint policy as configured; the provider reports an unset policy as "". */
function policyOf(p: Props): Val<unknown> {
  const v = p.get("policy");
  return v === "" || v === null ? undefined : v;
}
