import type { Props } from "../props";
import { adaptGateway, adaptInternetGatewayAttachment, adaptPeering, adaptTransitGatewayAttachment, adaptVpcEndpoint, GATEWAY_TYPES } from "./gateways";
import type { GraphDraft } from "./graph-draft";
import { adaptNetworkAcl, adaptNetworkAclAssociation, adaptNetworkAclRule } from "./network-acls";
import { adaptPrefixList, adaptPrefixListEntry } from "./prefix-lists";
import type { References } from "./references";
import {
  adaptMainRouteTableAssociation,
  adaptRouteResource,
  adaptRouteTable,
  adaptRouteTableAssociation,
} from "./route-tables";
import { adaptSecurityGroup, adaptSecurityGroupRule, adaptVpcSecurityGroupRule } from "./security-groups";
import { adaptSubnetGroup } from "./subnet-groups";
import { SUBNET_GROUP_TYPES, T } from "./types";
import { adaptSubnet, adaptVpc } from "./vpcs";

/** Reads one engine resource into the graph being built. */
export type NetworkAdapter = (p: Props, refs: References, draft: GraphDraft) => void;

const entries: [string, NetworkAdapter][] = [
  [T.vpc, (p, r, d) => d.vpcs.push(adaptVpc(p, r))],
  [T.defaultVpc, (p, r, d) => d.vpcs.push(adaptVpc(p, r))],
  [T.subnet, (p, r, d) => d.subnets.push(adaptSubnet(p, r))],
  [T.defaultSubnet, (p, r, d) => d.subnets.push(adaptSubnet(p, r))],
  [T.routeTable, (p, r, d) => d.routeTables.push(adaptRouteTable(p, r))],
  [T.defaultRouteTable, (p, r, d) => d.routeTables.push(adaptRouteTable(p, r))],
  [T.route, (p, r, d) => d.routes.push(adaptRouteResource(p, r))],
  [
    T.routeTableAssociation,
    (p, r, d) => {
      const a = adaptRouteTableAssociation(p, r);
      if (a) d.routeTableAssociations.push(a);
    },
  ],
  [T.mainRouteTableAssociation, (p, r, d) => d.routeTableAssociations.push(adaptMainRouteTableAssociation(p, r))],
  ...GATEWAY_TYPES.map((t): [string, NetworkAdapter] => [t, (p, r, d) => d.gateways.push(adaptGateway(p, r))]),
  [T.internetGatewayAttachment, (p, r, d) => d.internetGatewayAttachments.push(adaptInternetGatewayAttachment(p, r))],
  [T.vpcPeeringConnection, (p, r, d) => d.peerings.push(adaptPeering(p, r))],
  [T.transitGatewayVpcAttachment, (p, r, d) => d.transitGatewayAttachments.push(adaptTransitGatewayAttachment(p, r))],
  [T.vpcEndpoint, (p, r, d) => d.vpcEndpoints.push(adaptVpcEndpoint(p, r))],
  [T.securityGroup, (p, r, d) => d.securityGroups.push(adaptSecurityGroup(p, r))],
  [T.defaultSecurityGroup, (p, r, d) => d.securityGroups.push(adaptSecurityGroup(p, r))],
  [T.securityGroupRule, (p, r, d) => d.rules.push(adaptSecurityGroupRule(p, r))],
  [T.securityGroupIngressRule, (p, r, d) => d.rules.push(adaptVpcSecurityGroupRule(p, r))],
  [T.securityGroupEgressRule, (p, r, d) => d.rules.push(adaptVpcSecurityGroupRule(p, r))],
  [T.managedPrefixList, (p, _r, d) => d.prefixLists.push(adaptPrefixList(p))],
  [T.managedPrefixListEntry, (p, r, d) => d.prefixListEntries.push(adaptPrefixListEntry(p, r))],
  [T.networkAcl, (p, r, d) => d.networkAcls.push(adaptNetworkAcl(p, r))],
  [T.defaultNetworkAcl, (p, r, d) => d.networkAcls.push(adaptNetworkAcl(p, r))],
  [T.networkAclRule, (p, r, d) => d.networkAclRules.push(adaptNetworkAclRule(p, r))],
  [T.networkAclAssociation, (p, r, d) => d.networkAclAssociations.push(adaptNetworkAclAssociation(p, r))],
  ...[...SUBNET_GROUP_TYPES].map((t): [string, NetworkAdapter] => [t, (p, r, d) => d.subnetGroups.push(adaptSubnetGroup(p, r))]),
];

/** Type token -> adapter, for every network resource type the Pulumi adapter reads. */
export const NETWORK_ADAPTERS: ReadonlyMap<string, NetworkAdapter> = new Map(entries);
