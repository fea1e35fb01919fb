import type { Val } from "../core/value";
import type { ResourceRef } from "./ref";

/**
 * A reference from one network object to another: the referenced object's model id (Pulumi URN,
 * or AWS id/ARN in scans). When the referent is not part of the graph (an existing VPC given by
 * id, an AWS-managed prefix list...), it is the AWS id or name as configured.
 */
export type NetworkRef = string;

/**
 * A placement's security group when the store names none: AWS attaches the default security group
 * of the VPC the store sits in; `resolvePlacement` turns it into that group's model id.
 */
export const VPC_DEFAULT_SECURITY_GROUP: NetworkRef = "(the VPC's default security group)";

/** What every network object carries. */
export interface NetworkObject {
  readonly ref: ResourceRef;
  /** The AWS id (`vpc-...`, `subnet-...`) when known, to join references given by value. */
  readonly awsId?: string;
}

export interface Vpc extends NetworkObject {
  readonly kind: "vpc";
  readonly ipv4Cidrs: Val<readonly string[]>;
  readonly ipv6Cidrs: Val<readonly string[]>;
  /** The VPC's main route table as a known id; analysis uses it when it names a table of the graph. */
  readonly mainRouteTable?: NetworkRef;
  /** The region's default VPC, which AWS creates with an internet gateway route in its main table. */
  readonly isDefault?: boolean;
  /**
   * `aws-rules`: the VPC is created here, so AWS gives it a default security group with AWS's rules
   * (all traffic in from members of the group, all traffic out) unless the graph holds that group
   * (`SecurityGroup.isDefault`). Unset when the default group's rules are not known from the VPC.
   */
  readonly defaultSecurityGroup?: "aws-rules";
}

export interface Subnet extends NetworkObject {
  readonly kind: "subnet";
  readonly vpc: Val<NetworkRef | undefined>;
  readonly ipv4Cidr: Val<string | undefined>;
  readonly ipv6Cidr: Val<string | undefined>;
  readonly mapPublicIpOnLaunch: Val<boolean | undefined>;
  readonly availabilityZone: Val<string | undefined>;
}

export const ROUTE_TARGET_KINDS = [
  "internet-gateway",
  "egress-only-internet-gateway",
  "nat-gateway",
  "vpc-peering",
  "transit-gateway",
  "vpc-endpoint",
  "local",
  "other",
] as const;
export type RouteTargetKind = (typeof ROUTE_TARGET_KINDS)[number];

export type RouteDestination =
  | { readonly kind: "ipv4"; readonly cidr: Val<string> }
  | { readonly kind: "ipv6"; readonly cidr: Val<string> }
  | { readonly kind: "prefix-list"; readonly prefixList: Val<NetworkRef> };

export interface RouteTarget {
  readonly kind: Val<RouteTargetKind>;
  /** The gateway, peering, attachment... the route sends traffic to; undefined for `local`. */
  readonly ref: Val<NetworkRef | undefined>;
}

export interface Route {
  /** Where the route is declared, for messages ("routes[0] of rt-public", "route default-out"). */
  readonly origin: string;
  readonly destination: Val<RouteDestination>;
  readonly target: RouteTarget;
}

export interface RouteTable extends NetworkObject {
  readonly kind: "route-table";
  readonly vpc: Val<NetworkRef | undefined>;
  /** Inline routes and the separate routes joined to the table. */
  readonly routes: readonly Route[];
  /**
   * `default`: the VPC's original main table (Pulumi `DefaultRouteTable`, or a scanned table
   * flagged main); `implicit`: the main table AWS creates with a VPC the graph does not describe
   * otherwise (local routes only).
   */
  readonly main?: "default" | "implicit";
}

/** A subnet's explicit association, or the association that makes a table its VPC's main table. */
export interface RouteTableAssociation extends NetworkObject {
  readonly kind: "route-table-association";
  readonly routeTable: Val<NetworkRef | undefined>;
  readonly subnet?: Val<NetworkRef | undefined>;
  /** Set for a main-table association: the VPC whose main table this makes `routeTable`. */
  readonly mainOfVpc?: Val<NetworkRef | undefined>;
}

export type GatewayKind = "internet-gateway" | "egress-only-internet-gateway" | "nat-gateway";

export interface Gateway extends NetworkObject {
  readonly kind: "gateway";
  readonly gatewayKind: GatewayKind;
  readonly vpc: Val<NetworkRef | undefined>;
  /** NAT gateways: the subnet they sit in. */
  readonly subnet?: Val<NetworkRef | undefined>;
  /** NAT gateways: `public` or `private`. */
  readonly connectivity?: Val<string | undefined>;
}

/** Who a rule admits (ingress) or lets traffic reach (egress). */
export type RulePeer =
  | { readonly kind: "ipv4"; readonly cidr: Val<string> }
  | { readonly kind: "ipv6"; readonly cidr: Val<string> }
  | { readonly kind: "prefix-list"; readonly prefixList: Val<NetworkRef> }
  | { readonly kind: "security-group"; readonly group: Val<NetworkRef> }
  | { readonly kind: "self" };

export interface SecurityGroupRule {
  /** Where the rule is declared, for messages ("ingress[0] of db-sg", "rule allow-pg"). */
  readonly origin: string;
  /** Set for a rule declared as its own resource. */
  readonly ruleRef?: ResourceRef;
  readonly direction: "ingress" | "egress";
  /** As configured: `tcp`, `udp`, `icmp`, `icmpv6`, a number, `-1` or `all`. */
  readonly protocol: Val<string | undefined>;
  readonly fromPort: Val<number | undefined>;
  readonly toPort: Val<number | undefined>;
  readonly peers: Val<readonly RulePeer[]>;
}

export interface SecurityGroup extends NetworkObject {
  readonly kind: "security-group";
  readonly vpc: Val<NetworkRef | undefined>;
  readonly name: Val<string | undefined>;
  /** The VPC's default security group (Pulumi `DefaultSecurityGroup`, a scanned group named `default`). */
  readonly isDefault?: boolean;
  /** Set on the default group AWS creates with a VPC the graph does not describe otherwise (AWS's rules). */
  readonly implicit?: boolean;
  /** Inline rules and the separate rule resources joined to the group. */
  readonly ingress: readonly SecurityGroupRule[];
  readonly egress: readonly SecurityGroupRule[];
}

export interface PrefixList extends NetworkObject {
  readonly kind: "prefix-list";
  readonly name: Val<string | undefined>;
  readonly addressFamily: Val<string | undefined>;
  readonly entries: Val<readonly Val<string>[]>;
}

export interface NetworkAclEntry {
  readonly origin: string;
  readonly egress: boolean;
  readonly ruleNumber: Val<number | undefined>;
  /** `allow` or `deny`. */
  readonly action: Val<string | undefined>;
  readonly protocol: Val<string | undefined>;
  readonly fromPort: Val<number | undefined>;
  readonly toPort: Val<number | undefined>;
  readonly ipv4Cidr: Val<string | undefined>;
  readonly ipv6Cidr: Val<string | undefined>;
}

export interface NetworkAcl extends NetworkObject {
  readonly kind: "network-acl";
  readonly vpc: Val<NetworkRef | undefined>;
  readonly subnets: Val<readonly NetworkRef[]>;
  readonly entries: readonly NetworkAclEntry[];
}

export type SubnetGroupService = "rds" | "elasticache" | "redshift" | "docdb" | "neptune" | "dms";

export interface SubnetGroup extends NetworkObject {
  readonly kind: "subnet-group";
  readonly service: SubnetGroupService;
  /** The name stores use to name the group. */
  readonly name: Val<string | undefined>;
  readonly subnets: Val<readonly NetworkRef[]>;
}

export interface VpcEndpoint extends NetworkObject {
  readonly kind: "vpc-endpoint";
  readonly vpc: Val<NetworkRef | undefined>;
  readonly service: Val<string | undefined>;
  /** `Gateway`, `Interface`, `GatewayLoadBalancer`... */
  readonly endpointType: Val<string | undefined>;
  /** The endpoint policy as configured (JSON text or object); undefined is AWS's allow-all default. */
  readonly policy: Val<unknown>;
  readonly subnets: Val<readonly NetworkRef[]>;
  readonly securityGroups: Val<readonly NetworkRef[]>;
  readonly routeTables: Val<readonly NetworkRef[]>;
}

export interface VpcPeering extends NetworkObject {
  readonly kind: "vpc-peering";
  readonly requesterVpc: Val<NetworkRef | undefined>;
  readonly accepterVpc: Val<NetworkRef | undefined>;
  readonly peerOwnerId: Val<string | undefined>;
  readonly peerRegion: Val<string | undefined>;
}

export interface TransitGatewayAttachment extends NetworkObject {
  readonly kind: "transit-gateway-attachment";
  readonly vpc: Val<NetworkRef | undefined>;
  readonly transitGateway: Val<NetworkRef | undefined>;
  readonly subnets: Val<readonly NetworkRef[]>;
}

/** A separately declared route whose table is not (yet) known. */
export interface UnattachedRoute {
  readonly routeTable: Val<NetworkRef | undefined>;
  readonly route: Route;
}

/** A separately declared rule whose security group is not (yet) known. */
export interface UnattachedRule {
  readonly securityGroup: Val<NetworkRef | undefined>;
  readonly rule: SecurityGroupRule;
}

export type NetworkNode =
  | Vpc
  | Subnet
  | RouteTable
  | RouteTableAssociation
  | Gateway
  | SecurityGroup
  | PrefixList
  | NetworkAcl
  | SubnetGroup
  | VpcEndpoint
  | VpcPeering
  | TransitGatewayAttachment;

/** The network of one stack or one scanned account and region. */
export interface NetworkGraph {
  readonly vpcs: readonly Vpc[];
  readonly subnets: readonly Subnet[];
  readonly routeTables: readonly RouteTable[];
  readonly routeTableAssociations: readonly RouteTableAssociation[];
  readonly gateways: readonly Gateway[];
  readonly securityGroups: readonly SecurityGroup[];
  readonly prefixLists: readonly PrefixList[];
  readonly networkAcls: readonly NetworkAcl[];
  readonly subnetGroups: readonly SubnetGroup[];
  readonly vpcEndpoints: readonly VpcEndpoint[];
  readonly peerings: readonly VpcPeering[];
  readonly transitGatewayAttachments: readonly TransitGatewayAttachment[];
  readonly unattachedRoutes: readonly UnattachedRoute[];
  readonly unattachedRules: readonly UnattachedRule[];
}

export const emptyNetworkGraph = (): NetworkGraph => ({
  vpcs: [],
  subnets: [],
  routeTables: [],
  routeTableAssociations: [],
  gateways: [],
  securityGroups: [],
  prefixLists: [],
  networkAcls: [],
  subnetGroups: [],
  vpcEndpoints: [],
  peerings: [],
  transitGatewayAttachments: [],
  unattachedRoutes: [],
  unattachedRules: [],
});
