import type { Tags } from "../../../core/classification";
import type { Val } from "../../../core/value";
import type { Ec2NetworkAnswers, PrefixListAnswer } from "../../../fetchers/aws/ec2-network";
import type { Fetched } from "../../../fetchers/aws/fetched";
import { emptyNetworkGraph, type NetworkGraph } from "../../../models/network";
import type { AdaptContext } from "../context";
import type { CoverageGap, InventoryContribution } from "../contribution";
import { gapOf, tagsOfList, unknownOf } from "../fetched";
import {
  adaptEgressOnlyGateway,
  adaptInternetGateway,
  adaptNatGateway,
  adaptPeering,
  adaptTransitGatewayAttachment,
  adaptVpcEndpoint,
  egressOnlyGatewayArn,
  internetGatewayArn,
  isLive,
  natGatewayArn,
  peeringArn,
  transitGatewayAttachmentArn,
  vpcEndpointArn,
} from "./gateways";
import { adaptNetworkAcl, networkAclArn } from "./network-acls";
import { adaptPrefixList, prefixListArn } from "./prefix-lists";
import { adaptRouteTables, routeTableArn, unreadableRouteTables } from "./route-tables";
import { NetworkIds, scopeOf, type Ec2Scope } from "./scope";
import { adaptSecurityGroup, securityGroupArn } from "./security-groups";
import { adaptSubnet, adaptVpc, subnetArn, vpcArn } from "./vpcs";

/** What a listing that did not answer is called in a coverage gap. */
const WHAT: Readonly<Record<Exclude<keyof Ec2NetworkAnswers, "region">, string>> = {
  vpcs: "EC2 VPCs",
  subnets: "EC2 subnets",
  routeTables: "EC2 route tables",
  internetGateways: "EC2 internet gateways",
  egressOnlyInternetGateways: "EC2 egress-only internet gateways",
  natGateways: "EC2 NAT gateways",
  securityGroups: "EC2 security groups",
  prefixLists: "EC2 managed prefix lists",
  networkAcls: "EC2 network ACLs",
  vpcEndpoints: "VPC endpoints",
  peerings: "VPC peering connections",
  transitGatewayAttachments: "transit gateway VPC attachments",
};

const listed = <T>(f: Fetched<T[]>): T[] => (f.ok ? f.value : []);

/** The region's network graph, the tags of its VPCs, subnets and security groups, and a gap per listing that failed. */
export function adaptEc2Network(raw: Ec2NetworkAnswers, ctx: AdaptContext): InventoryContribution {
  const s = scopeOf(ctx, raw.region);
  const ids = networkIds(raw, s);
  const vpcs = listed(raw.vpcs);
  const tables = adaptRouteTables(listed(raw.routeTables), s, ids);
  const readTables = raw.routeTables.ok ? tables.tables : unreadableRouteTables(vpcs, s, unknownOf(raw.routeTables.failure));
  const mainTables = new Map<string, string>();
  for (const a of tables.associations) if (typeof a.mainOfVpc === "string" && typeof a.routeTable === "string") mainTables.set(a.mainOfVpc, a.routeTable);
  const prefixLists = listed(raw.prefixLists).filter((a): a is PrefixListAnswer & { entries: NonNullable<PrefixListAnswer["entries"]> } => a.entries !== undefined);
  const network: NetworkGraph = {
    ...emptyNetworkGraph(),
    vpcs: vpcs.map((v) => adaptVpc(v, s, mainTables.get(vpcArn(s, v)))),
    subnets: listed(raw.subnets).map((n) => adaptSubnet(n, s, ids)),
    routeTables: readTables,
    routeTableAssociations: tables.associations,
    gateways: [
      ...listed(raw.internetGateways).map((g) => adaptInternetGateway(g, s, ids)),
      ...listed(raw.egressOnlyInternetGateways).map((g) => adaptEgressOnlyGateway(g, s, ids)),
      ...listed(raw.natGateways).filter((g) => isLive(g.State)).map((g) => adaptNatGateway(g, s, ids)),
    ],
    securityGroups: listed(raw.securityGroups).map((g) => adaptSecurityGroup(g, s, ids)),
    prefixLists: prefixLists.map((a) => adaptPrefixList(a, s)),
    networkAcls: listed(raw.networkAcls).map((a) => adaptNetworkAcl(a, s, ids)),
    vpcEndpoints: listed(raw.vpcEndpoints).filter((e) => isLive(e.State)).map((e) => adaptVpcEndpoint(e, s, ids)),
    peerings: listed(raw.peerings).filter((p) => isLive(p.Status?.Code)).map((p) => adaptPeering(p, s, ids)),
    transitGatewayAttachments: listed(raw.transitGatewayAttachments).filter((a) => isLive(a.State)).map((a) => adaptTransitGatewayAttachment(a, s, ids)),
  };
  return { network, tags: networkTags(raw, s), gaps: gapsOf(raw) };
}

/** Model ids of every listed object by AWS id, so references between them are model ids. */
function networkIds(raw: Ec2NetworkAnswers, s: Ec2Scope): NetworkIds {
  const ids = new NetworkIds();
  for (const v of listed(raw.vpcs)) ids.add(v.VpcId, vpcArn(s, v));
  for (const n of listed(raw.subnets)) ids.add(n.SubnetId, subnetArn(s, n));
  for (const t of listed(raw.routeTables)) ids.add(t.RouteTableId, routeTableArn(s, t));
  for (const g of listed(raw.internetGateways)) ids.add(g.InternetGatewayId, internetGatewayArn(s, g));
  for (const g of listed(raw.egressOnlyInternetGateways)) ids.add(g.EgressOnlyInternetGatewayId, egressOnlyGatewayArn(s, g));
  for (const g of listed(raw.natGateways)) if (isLive(g.State)) ids.add(g.NatGatewayId, natGatewayArn(s, g));
  for (const g of listed(raw.securityGroups)) ids.add(g.GroupId, securityGroupArn(s, g));
  for (const a of listed(raw.prefixLists)) if (a.entries !== undefined) ids.add(a.list.PrefixListId, prefixListArn(s, a.list));
  for (const a of listed(raw.networkAcls)) ids.add(a.NetworkAclId, networkAclArn(s, a));
  for (const e of listed(raw.vpcEndpoints)) if (isLive(e.State)) ids.add(e.VpcEndpointId, vpcEndpointArn(s, e));
  for (const p of listed(raw.peerings)) if (isLive(p.Status?.Code)) ids.add(p.VpcPeeringConnectionId, peeringArn(s, p));
  for (const a of listed(raw.transitGatewayAttachments)) if (isLive(a.State)) ids.add(a.TransitGatewayAttachmentId, transitGatewayAttachmentArn(s, a));
  return ids;
}

function networkTags(raw: Ec2NetworkAnswers, s: Ec2Scope): (readonly [string, Val<Tags | undefined>])[] {
  return [
    ...listed(raw.vpcs).map((v) => [vpcArn(s, v), tagsOfList(v.Tags)] as const),
    ...listed(raw.subnets).map((n) => [subnetArn(s, n), tagsOfList(n.Tags)] as const),
    ...listed(raw.securityGroups).map((g) => [securityGroupArn(s, g), tagsOfList(g.Tags)] as const),
  ];
}

function gapsOf(raw: Ec2NetworkAnswers): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  for (const [key, what] of Object.entries(WHAT) as [keyof typeof WHAT, string][]) {
    const f = raw[key];
    if (!f.ok) gaps.push(gapOf(f.failure, what));
  }
  return gaps;
}
