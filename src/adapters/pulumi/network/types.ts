import type { RouteTargetKind, SubnetGroupService } from "../../../models/network";

/** Resource type tokens of `@pulumi/aws` (v6 and v7 use the same tokens for these). */
export const T = {
  vpc: "aws:ec2/vpc:Vpc",
  defaultVpc: "aws:ec2/defaultVpc:DefaultVpc",
  subnet: "aws:ec2/subnet:Subnet",
  defaultSubnet: "aws:ec2/defaultSubnet:DefaultSubnet",
  routeTable: "aws:ec2/routeTable:RouteTable",
  defaultRouteTable: "aws:ec2/defaultRouteTable:DefaultRouteTable",
  route: "aws:ec2/route:Route",
  routeTableAssociation: "aws:ec2/routeTableAssociation:RouteTableAssociation",
  mainRouteTableAssociation: "aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation",
  internetGateway: "aws:ec2/internetGateway:InternetGateway",
  internetGatewayAttachment: "aws:ec2/internetGatewayAttachment:InternetGatewayAttachment",
  egressOnlyInternetGateway: "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway",
  natGateway: "aws:ec2/natGateway:NatGateway",
  vpnGateway: "aws:ec2/vpnGateway:VpnGateway",
  vpcPeeringConnection: "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
  transitGateway: "aws:ec2transitgateway/transitGateway:TransitGateway",
  transitGatewayVpcAttachment: "aws:ec2transitgateway/vpcAttachment:VpcAttachment",
  securityGroup: "aws:ec2/securityGroup:SecurityGroup",
  defaultSecurityGroup: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
  securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
  securityGroupIngressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
  securityGroupEgressRule: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
  managedPrefixList: "aws:ec2/managedPrefixList:ManagedPrefixList",
  managedPrefixListEntry: "aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry",
  networkAcl: "aws:ec2/networkAcl:NetworkAcl",
  defaultNetworkAcl: "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl",
  networkAclRule: "aws:ec2/networkAclRule:NetworkAclRule",
  networkAclAssociation: "aws:ec2/networkAclAssociation:NetworkAclAssociation",
  vpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
  rdsSubnetGroup: "aws:rds/subnetGroup:SubnetGroup",
  elasticacheSubnetGroup: "aws:elasticache/subnetGroup:SubnetGroup",
  redshiftSubnetGroup: "aws:redshift/subnetGroup:SubnetGroup",
  docdbSubnetGroup: "aws:docdb/subnetGroup:SubnetGroup",
  neptuneSubnetGroup: "aws:neptune/subnetGroup:SubnetGroup",
  dmsSubnetGroup: "aws:dms/replicationSubnetGroup:ReplicationSubnetGroup",
} as const;

const set = (...types: string[]): ReadonlySet<string> => new Set(types);

export const VPC_TYPES = set(T.vpc, T.defaultVpc);
export const SUBNET_TYPES = set(T.subnet, T.defaultSubnet);
export const ROUTE_TABLE_TYPES = set(T.routeTable, T.defaultRouteTable);
export const SECURITY_GROUP_TYPES = set(T.securityGroup, T.defaultSecurityGroup);
export const PREFIX_LIST_TYPES = set(T.managedPrefixList);
export const NETWORK_ACL_TYPES = set(T.networkAcl, T.defaultNetworkAcl);
export const INTERNET_GATEWAY_TYPES = set(T.internetGateway);
export const EGRESS_ONLY_GATEWAY_TYPES = set(T.egressOnlyInternetGateway);
export const NAT_GATEWAY_TYPES = set(T.natGateway);
export const PEERING_TYPES = set(T.vpcPeeringConnection);
export const TRANSIT_GATEWAY_TYPES = set(T.transitGateway);
export const VPC_ENDPOINT_TYPES = set(T.vpcEndpoint);

/** What a route's `gatewayId` can name, by the type of the resource it came from. */
export const GATEWAY_ID_KINDS: ReadonlyMap<string, RouteTargetKind> = new Map([
  [T.internetGateway, "internet-gateway"],
  [T.egressOnlyInternetGateway, "egress-only-internet-gateway"],
  [T.vpnGateway, "other"],
  [T.natGateway, "nat-gateway"],
]);

export const SUBNET_GROUP_SERVICES: ReadonlyMap<string, SubnetGroupService> = new Map([
  [T.rdsSubnetGroup, "rds"],
  [T.elasticacheSubnetGroup, "elasticache"],
  [T.redshiftSubnetGroup, "redshift"],
  [T.docdbSubnetGroup, "docdb"],
  [T.neptuneSubnetGroup, "neptune"],
  [T.dmsSubnetGroup, "dms"],
]);

export const SUBNET_GROUP_TYPES: ReadonlySet<string> = new Set(SUBNET_GROUP_SERVICES.keys());

/** The subnet group type of each service, to join a store's group by dependency. */
export const subnetGroupTypesOf = (service: SubnetGroupService): ReadonlySet<string> =>
  new Set([...SUBNET_GROUP_SERVICES].filter(([, s]) => s === service).map(([t]) => t));
