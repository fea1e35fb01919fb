import type { Val } from "../../core/value";
import type { Gateway, NetworkRef, RouteTable, RouteTableAssociation, Subnet, Vpc } from "../../models/network";
import { known, tagProps, type StateWriter } from "./context";
import { routeProps } from "./routes";

const T = {
  vpc: "aws:ec2/vpc:Vpc",
  defaultVpc: "aws:ec2/defaultVpc:DefaultVpc",
  subnet: "aws:ec2/subnet:Subnet",
  routeTable: "aws:ec2/routeTable:RouteTable",
  defaultRouteTable: "aws:ec2/defaultRouteTable:DefaultRouteTable",
  association: "aws:ec2/routeTableAssociation:RouteTableAssociation",
  mainAssociation: "aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation",
  internetGateway: "aws:ec2/internetGateway:InternetGateway",
  egressOnlyGateway: "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway",
  natGateway: "aws:ec2/natGateway:NatGateway",
} as const;

const idOf = (o: { awsId?: string; ref: { name: string } }): string => o.awsId ?? o.ref.name;
/** The AWS id of a reference that must be known, and the model it names. */
const refOf = (w: StateWriter, v: Val<NetworkRef | undefined> | undefined, what: string) => {
  const ref = known(v, what);
  return ref === undefined ? { value: undefined, model: undefined } : { value: w.awsIdOf(ref), model: ref };
};

/** A VPC (the region's default one as `DefaultVpc`) with its first IPv4 and IPv6 CIDR blocks and its main route table. */
export function writeVpc(w: StateWriter, v: Vpc): void {
  const what = `VPC ${v.ref.name}`;
  const main = v.mainRouteTable === undefined ? undefined : w.awsIdOf(v.mainRouteTable);
  w.add({
    type: v.isDefault ? T.defaultVpc : T.vpc,
    name: idOf(v),
    model: v.ref,
    id: idOf(v),
    props: {
      arn: v.ref.id,
      cidrBlock: known(v.ipv4Cidrs, `the CIDR blocks of ${what}`)[0],
      ipv6CidrBlock: known(v.ipv6Cidrs, `the IPv6 CIDR blocks of ${what}`)[0],
      mainRouteTableId: main,
      ...tagProps(w.tagsOf(v.ref.id), what),
    },
  });
}

export function writeSubnet(w: StateWriter, s: Subnet): void {
  const what = `subnet ${s.ref.name}`;
  const vpc = refOf(w, s.vpc, `the VPC of ${what}`);
  w.add({
    type: T.subnet,
    name: idOf(s),
    model: s.ref,
    id: idOf(s),
    props: {
      arn: s.ref.id,
      vpcId: vpc.value,
      cidrBlock: known(s.ipv4Cidr, `the CIDR block of ${what}`),
      ipv6CidrBlock: known(s.ipv6Cidr, `the IPv6 CIDR block of ${what}`),
      mapPublicIpOnLaunch: known(s.mapPublicIpOnLaunch, `whether ${what} maps public IPs`),
      availabilityZone: known(s.availabilityZone, `the availability zone of ${what}`),
      ...tagProps(w.tagsOf(s.ref.id), what),
    },
    refs: { vpcId: [vpc.model] },
  });
}

/** Internet, egress-only and NAT gateways, attached to their VPC (and a NAT gateway's subnet). */
export function writeGateway(w: StateWriter, g: Gateway): void {
  const what = `${g.ref.label} ${g.ref.name}`;
  const vpc = refOf(w, g.vpc, `the VPC of ${what}`);
  const nat = g.gatewayKind === "nat-gateway";
  const subnet = nat && g.subnet !== undefined ? refOf(w, g.subnet, `the subnet of ${what}`) : undefined;
  const type = nat ? T.natGateway : g.gatewayKind === "internet-gateway" ? T.internetGateway : T.egressOnlyGateway;
  w.add({
    type,
    name: idOf(g),
    model: g.ref,
    id: idOf(g),
    props: {
      ...(nat ? {} : { arn: g.ref.id }),
      vpcId: vpc.value,
      ...(subnet ? { subnetId: subnet.value } : {}),
      ...(nat && g.connectivity !== undefined ? { connectivityType: known(g.connectivity, `the connectivity of ${what}`) } : {}),
    },
    refs: { vpcId: [vpc.model], subnetId: [subnet?.model] },
  });
}

/** A route table with its routes inline; a VPC's main table as `DefaultRouteTable`. */
export function writeRouteTable(w: StateWriter, t: RouteTable): void {
  const what = `route table ${t.ref.name}`;
  const vpc = refOf(w, t.vpc, `the VPC of ${what}`);
  const routes = t.routes.map((r) => routeProps(w, r));
  const isMain = t.main !== undefined;
  w.add({
    type: isMain ? T.defaultRouteTable : T.routeTable,
    name: idOf(t),
    model: t.ref,
    id: idOf(t),
    props: {
      arn: t.ref.id,
      ...(isMain ? { defaultRouteTableId: idOf(t) } : {}),
      vpcId: vpc.value,
      routes: routes.map((r) => r.props),
      ...tagProps(w.tagsOf(t.ref.id), what),
    },
    refs: { vpcId: [vpc.model], ...(isMain ? { defaultRouteTableId: [vpc.model] } : {}), routes: routes.map((r) => r.target) },
  });
}

/** A subnet's association with its table, or the association that makes a table its VPC's main one. */
export function writeAssociation(w: StateWriter, a: RouteTableAssociation): void {
  const what = `route table association ${a.ref.name}`;
  const table = refOf(w, a.routeTable, `the route table of ${what}`);
  const main = a.mainOfVpc !== undefined;
  const other = main ? refOf(w, a.mainOfVpc, `the VPC of ${what}`) : refOf(w, a.subnet, `the subnet of ${what}`);
  const field = main ? "vpcId" : "subnetId";
  w.add({
    type: main ? T.mainAssociation : T.association,
    name: idOf(a),
    model: a.ref,
    id: idOf(a),
    props: { routeTableId: table.value, [field]: other.value },
    refs: { routeTableId: [table.model], [field]: [other.model] },
  });
}
