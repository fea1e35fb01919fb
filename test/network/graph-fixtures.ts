import type { Val } from "../../src/core/value";
import {
  emptyNetworkGraph,
  type Gateway,
  type NetworkGraph,
  type PrefixList,
  type Route,
  type RouteDestination,
  type RouteTable,
  type RouteTableAssociation,
  type RouteTargetKind,
  type RulePeer,
  type SecurityGroup,
  type SecurityGroupRule,
  type Subnet,
  type Vpc,
} from "../../src/models/network";
import type { ResourceRef } from "../../src/models/ref";

/** Small builders of provider-neutral network models, with AWS-style ids as model ids. */
const ref = (id: string, label: string): ResourceRef => ({ id, type: label, name: id, label });

export const vpc = (id: string, extra: Partial<Vpc> = {}): Vpc => ({
  kind: "vpc",
  ref: ref(id, "VPC"),
  ipv4Cidrs: ["10.0.0.0/16"],
  ipv6Cidrs: [],
  ...extra,
});

export const subnet = (id: string, vpcId: Val<string | undefined>, extra: Partial<Subnet> = {}): Subnet => ({
  kind: "subnet",
  ref: ref(id, "subnet"),
  vpc: vpcId,
  ipv4Cidr: "10.0.1.0/24",
  ipv6Cidr: undefined,
  mapPublicIpOnLaunch: false,
  availabilityZone: "eu-west-1a",
  ...extra,
});

export const route = (
  destination: Val<RouteDestination>,
  kind: Val<RouteTargetKind>,
  target: Val<string | undefined> = "igw-1",
  origin = "route",
): Route => ({ origin, destination, target: { kind, ref: target } });

export const ipv4 = (cidr: Val<string>): RouteDestination => ({ kind: "ipv4", cidr });
export const ipv6 = (cidr: Val<string>): RouteDestination => ({ kind: "ipv6", cidr });

export const table = (id: string, vpcId: Val<string | undefined>, routes: Route[] = [], extra: Partial<RouteTable> = {}): RouteTable => ({
  kind: "route-table",
  ref: ref(id, "route table"),
  vpc: vpcId,
  routes,
  ...extra,
});

export const association = (id: string, routeTable: Val<string | undefined>, subnetId: Val<string | undefined>): RouteTableAssociation => ({
  kind: "route-table-association",
  ref: ref(id, "association"),
  routeTable,
  subnet: subnetId,
});

export const mainAssociation = (id: string, routeTable: Val<string | undefined>, vpcId: Val<string | undefined>): RouteTableAssociation => ({
  kind: "route-table-association",
  ref: ref(id, "main association"),
  routeTable,
  mainOfVpc: vpcId,
});

export const igw = (id: string, vpcId: string): Gateway => ({ kind: "gateway", gatewayKind: "internet-gateway", ref: ref(id, "internet gateway"), vpc: vpcId });

export const rule = (
  peers: Val<readonly RulePeer[]>,
  protocol: Val<string | undefined> = "tcp",
  fromPort: Val<number | undefined> = 5432,
  toPort: Val<number | undefined> = fromPort,
  origin = "ingress[0]",
): SecurityGroupRule => ({ origin, direction: "ingress", protocol, fromPort, toPort, peers });

export const sg = (id: string, ingress: SecurityGroupRule[] = [], extra: Partial<SecurityGroup> = {}): SecurityGroup => ({
  kind: "security-group",
  ref: ref(id, "security group"),
  vpc: "vpc-1",
  name: id,
  ingress,
  egress: [],
  ...extra,
});

export const prefixList = (id: string, entries: Val<readonly Val<string>[]>): PrefixList => ({
  kind: "prefix-list",
  ref: ref(id, "prefix list"),
  name: id,
  addressFamily: "IPv4",
  entries,
});

export const graph = (parts: Partial<NetworkGraph>): NetworkGraph => ({ ...emptyNetworkGraph(), ...parts });
