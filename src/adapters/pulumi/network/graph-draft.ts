import type { Val } from "../../../core/value";
import type {
  Gateway,
  NetworkAcl,
  NetworkAclEntry,
  NetworkRef,
  PrefixList,
  Route,
  RouteTable,
  RouteTableAssociation,
  SecurityGroup,
  SecurityGroupRule,
  Subnet,
  SubnetGroup,
  TransitGatewayAttachment,
  UnattachedRoute,
  UnattachedRule,
  Vpc,
  VpcEndpoint,
  VpcPeering,
} from "../../../models/network";

type MaybeRef = Val<NetworkRef | undefined>;

/** The graph while it is built: objects whose lists still grow, and the separate parts to join. */
export interface GraphDraft {
  readonly vpcs: Vpc[];
  readonly subnets: Subnet[];
  readonly routeTables: (RouteTable & { routes: Route[] })[];
  readonly routeTableAssociations: RouteTableAssociation[];
  readonly gateways: Gateway[];
  readonly securityGroups: (SecurityGroup & { ingress: SecurityGroupRule[]; egress: SecurityGroupRule[] })[];
  readonly prefixLists: (PrefixList & { entries: Val<Val<string>[]> })[];
  readonly networkAcls: (NetworkAcl & { entries: NetworkAclEntry[] })[];
  readonly subnetGroups: SubnetGroup[];
  readonly vpcEndpoints: VpcEndpoint[];
  readonly peerings: VpcPeering[];
  readonly transitGatewayAttachments: TransitGatewayAttachment[];
  readonly routes: UnattachedRoute[];
  readonly rules: UnattachedRule[];
  readonly prefixListEntries: { prefixList: MaybeRef; cidr: Val<string> }[];
  readonly networkAclRules: { networkAcl: MaybeRef; entry: NetworkAclEntry }[];
  readonly networkAclAssociations: { networkAcl: MaybeRef; subnet: MaybeRef }[];
  readonly internetGatewayAttachments: { gateway: MaybeRef; vpc: MaybeRef }[];
}

export const emptyDraft = (): GraphDraft => ({
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
  routes: [],
  rules: [],
  prefixListEntries: [],
  networkAclRules: [],
  networkAclAssociations: [],
  internetGatewayAttachments: [],
});
