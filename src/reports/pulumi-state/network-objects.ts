import type { NetworkAcl, NetworkRef, PrefixList, SubnetGroup, TransitGatewayAttachment, VpcEndpoint, VpcPeering } from "../../models/network";
import type { Val } from "../../core/value";
import { known, tagProps, type StateWriter } from "./context";
import { documentText } from "./policies";

const SUBNET_GROUP_TYPE = {
  rds: "aws:rds/subnetGroup:SubnetGroup",
  elasticache: "aws:elasticache/subnetGroup:SubnetGroup",
  redshift: "aws:redshift/subnetGroup:SubnetGroup",
  docdb: "aws:docdb/subnetGroup:SubnetGroup",
  neptune: "aws:neptune/subnetGroup:SubnetGroup",
  dms: "aws:dms/replicationSubnetGroup:ReplicationSubnetGroup",
} as const;

const idOf = (o: { awsId?: string; ref: { name: string } }): string => o.awsId ?? o.ref.name;

/** AWS ids of a known list of references, and the models they name. */
function ids(w: StateWriter, v: Val<readonly NetworkRef[]>, what: string): { values: string[]; models: string[] } {
  const refs = known(v, what);
  return { values: refs.map((r) => w.awsIdOf(r)), models: [...refs] };
}

function one(w: StateWriter, v: Val<NetworkRef | undefined>, what: string): { value?: string; model?: string } {
  const ref = known(v, what);
  return ref === undefined ? {} : { value: w.awsIdOf(ref), model: ref };
}

export function writePrefixList(w: StateWriter, l: PrefixList): void {
  const what = `prefix list ${l.ref.name}`;
  const entries = known(l.entries, `the entries of ${what}`).map((e) => ({ cidr: known(e, `an entry of ${what}`) }));
  w.add({
    type: "aws:ec2/managedPrefixList:ManagedPrefixList",
    name: idOf(l),
    model: l.ref,
    id: idOf(l),
    props: { arn: l.ref.id, name: known(l.name, `the name of ${what}`), addressFamily: known(l.addressFamily, `the address family of ${what}`), entries },
  });
}

/** A network ACL with its entries inline and the subnets it guards. */
export function writeNetworkAcl(w: StateWriter, a: NetworkAcl): void {
  const what = `network ACL ${a.ref.name}`;
  const vpc = one(w, a.vpc, `the VPC of ${what}`);
  const subnets = ids(w, a.subnets, `the subnets of ${what}`);
  const entry = (e: NetworkAcl["entries"][number]) => ({
    ruleNo: known(e.ruleNumber, e.origin),
    action: known(e.action, e.origin),
    protocol: known(e.protocol, e.origin),
    fromPort: known(e.fromPort, e.origin),
    toPort: known(e.toPort, e.origin),
    cidrBlock: known(e.ipv4Cidr, e.origin),
    ipv6CidrBlock: known(e.ipv6Cidr, e.origin),
  });
  w.add({
    type: "aws:ec2/networkAcl:NetworkAcl",
    name: idOf(a),
    model: a.ref,
    id: idOf(a),
    props: {
      arn: a.ref.id,
      vpcId: vpc.value,
      subnetIds: subnets.values,
      ingress: a.entries.filter((e) => !e.egress).map(entry),
      egress: a.entries.filter((e) => e.egress).map(entry),
      ...tagProps(w.tagsOf(a.ref.id), what),
    },
    refs: { vpcId: [vpc.model], subnetIds: subnets.models },
  });
}

export function writeVpcEndpoint(w: StateWriter, e: VpcEndpoint): void {
  const what = `VPC endpoint ${e.ref.name}`;
  const vpc = one(w, e.vpc, `the VPC of ${what}`);
  const subnets = ids(w, e.subnets, `the subnets of ${what}`);
  const groups = ids(w, e.securityGroups, `the security groups of ${what}`);
  const tables = ids(w, e.routeTables, `the route tables of ${what}`);
  const policy = known(e.policy, `the policy of ${what}`);
  w.add({
    type: "aws:ec2/vpcEndpoint:VpcEndpoint",
    name: idOf(e),
    model: e.ref,
    id: idOf(e),
    props: {
      arn: e.ref.id,
      vpcId: vpc.value,
      serviceName: known(e.service, `the service of ${what}`),
      vpcEndpointType: known(e.endpointType, `the type of ${what}`),
      ...(policy === undefined ? {} : { policy: documentText(policy, `the policy of ${what}`) }),
      subnetIds: subnets.values,
      securityGroupIds: groups.values,
      routeTableIds: tables.values,
    },
    refs: { vpcId: [vpc.model], subnetIds: subnets.models, securityGroupIds: groups.models, routeTableIds: tables.models },
  });
}

export function writePeering(w: StateWriter, p: VpcPeering): void {
  const what = `VPC peering connection ${p.ref.name}`;
  const requester = one(w, p.requesterVpc, `the requester VPC of ${what}`);
  const accepter = one(w, p.accepterVpc, `the accepter VPC of ${what}`);
  w.add({
    type: "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
    name: idOf(p),
    model: p.ref,
    id: idOf(p),
    props: {
      vpcId: requester.value,
      peerVpcId: accepter.value,
      peerOwnerId: known(p.peerOwnerId, `the peer account of ${what}`),
      peerRegion: known(p.peerRegion, `the peer region of ${what}`),
    },
    refs: { vpcId: [requester.model], peerVpcId: [accepter.model] },
  });
}

export function writeTransitGatewayAttachment(w: StateWriter, a: TransitGatewayAttachment): void {
  const what = `transit gateway attachment ${a.ref.name}`;
  const vpc = one(w, a.vpc, `the VPC of ${what}`);
  const subnets = ids(w, a.subnets, `the subnets of ${what}`);
  w.add({
    type: "aws:ec2transitgateway/vpcAttachment:VpcAttachment",
    name: idOf(a),
    model: a.ref,
    id: idOf(a),
    props: { vpcId: vpc.value, transitGatewayId: one(w, a.transitGateway, `the transit gateway of ${what}`).value, subnetIds: subnets.values },
    refs: { vpcId: [vpc.model], subnetIds: subnets.models },
  });
}

/** A subnet group of RDS (which DocumentDB and Neptune share), ElastiCache, Redshift or DMS. */
export function writeSubnetGroup(w: StateWriter, g: SubnetGroup): void {
  const what = `${g.ref.label} ${g.ref.name}`;
  const name = known(g.name, `the name of ${what}`) ?? g.ref.name;
  const subnets = ids(w, g.subnets, `the subnets of ${what}`);
  const dms = g.service === "dms";
  w.add({
    type: SUBNET_GROUP_TYPE[g.service],
    name,
    model: g.ref,
    id: name,
    props: { arn: g.ref.id, [dms ? "replicationSubnetGroupId" : "name"]: name, subnetIds: subnets.values, ...tagProps(w.tagsOf(g.ref.id), what) },
    refs: { subnetIds: subnets.models },
  });
}
