import {
  EC2Client,
  paginateDescribeEgressOnlyInternetGateways,
  paginateDescribeInternetGateways,
  paginateDescribeManagedPrefixLists,
  paginateDescribeNatGateways,
  paginateDescribeNetworkAcls,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeTransitGatewayVpcAttachments,
  paginateDescribeVpcEndpoints,
  paginateDescribeVpcPeeringConnections,
  paginateDescribeVpcs,
  paginateGetManagedPrefixListEntries,
  type EgressOnlyInternetGateway,
  type InternetGateway,
  type ManagedPrefixList,
  type NatGateway,
  type NetworkAcl,
  type PrefixListEntry,
  type RouteTable,
  type SecurityGroup,
  type Subnet,
  type TransitGatewayVpcAttachment,
  type Vpc,
  type VpcEndpoint,
  type VpcPeeringConnection,
} from "@aws-sdk/client-ec2";
import { inParallel } from "./calls";
import type { FetchContext } from "./context";
import { eachListed, type Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

/** A managed prefix list; entries are read for customer-managed lists only (AWS-managed ones are named by id). */
export interface PrefixListAnswer {
  readonly list: ManagedPrefixList;
  readonly entries?: Fetched<PrefixListEntry[]>;
}

/** The network of one region, as EC2 describes it. */
export interface Ec2NetworkAnswers {
  readonly region: string;
  readonly vpcs: Fetched<Vpc[]>;
  readonly subnets: Fetched<Subnet[]>;
  readonly routeTables: Fetched<RouteTable[]>;
  readonly internetGateways: Fetched<InternetGateway[]>;
  readonly egressOnlyInternetGateways: Fetched<EgressOnlyInternetGateway[]>;
  readonly natGateways: Fetched<NatGateway[]>;
  readonly securityGroups: Fetched<SecurityGroup[]>;
  readonly prefixLists: Fetched<PrefixListAnswer[]>;
  readonly networkAcls: Fetched<NetworkAcl[]>;
  readonly vpcEndpoints: Fetched<VpcEndpoint[]>;
  readonly peerings: Fetched<VpcPeeringConnection[]>;
  readonly transitGatewayAttachments: Fetched<TransitGatewayVpcAttachment[]>;
}

/** `OwnerId` of the prefix lists AWS manages (S3, DynamoDB, CloudFront...). */
export const AWS_PREFIX_LIST_OWNER = "AWS";

export const EC2_NETWORK_ACTIONS = [
  "ec2:DescribeVpcs",
  "ec2:DescribeSubnets",
  "ec2:DescribeRouteTables",
  "ec2:DescribeInternetGateways",
  "ec2:DescribeEgressOnlyInternetGateways",
  "ec2:DescribeNatGateways",
  "ec2:DescribeSecurityGroups",
  "ec2:DescribeManagedPrefixLists",
  "ec2:GetManagedPrefixListEntries",
  "ec2:DescribeNetworkAcls",
  "ec2:DescribeVpcEndpoints",
  "ec2:DescribeVpcPeeringConnections",
  "ec2:DescribeTransitGatewayVpcAttachments",
] as const;

export const ec2NetworkFetcher: Fetcher<Ec2NetworkAnswers> = {
  name: "ec2-network",
  service: "ec2",
  actions: EC2_NETWORK_ACTIONS,
  scope: "region",
  async fetch(ctx: FetchContext): Promise<Ec2NetworkAnswers> {
    const client = ctx.client(EC2Client, "ec2");
    const c = { client };
    const answers = await inParallel({
      vpcs: ctx.listAll("ec2:DescribeVpcs", () => paginateDescribeVpcs(c, {}), (p) => p.Vpcs),
      subnets: ctx.listAll("ec2:DescribeSubnets", () => paginateDescribeSubnets(c, {}), (p) => p.Subnets),
      routeTables: ctx.listAll("ec2:DescribeRouteTables", () => paginateDescribeRouteTables(c, {}), (p) => p.RouteTables),
      internetGateways: ctx.listAll("ec2:DescribeInternetGateways", () => paginateDescribeInternetGateways(c, {}), (p) => p.InternetGateways),
      egressOnlyInternetGateways: ctx.listAll(
        "ec2:DescribeEgressOnlyInternetGateways",
        () => paginateDescribeEgressOnlyInternetGateways(c, {}),
        (p) => p.EgressOnlyInternetGateways,
      ),
      natGateways: ctx.listAll("ec2:DescribeNatGateways", () => paginateDescribeNatGateways(c, {}), (p) => p.NatGateways),
      securityGroups: ctx.listAll("ec2:DescribeSecurityGroups", () => paginateDescribeSecurityGroups(c, {}), (p) => p.SecurityGroups),
      prefixLists: fetchPrefixLists(ctx, client),
      networkAcls: ctx.listAll("ec2:DescribeNetworkAcls", () => paginateDescribeNetworkAcls(c, {}), (p) => p.NetworkAcls),
      vpcEndpoints: ctx.listAll("ec2:DescribeVpcEndpoints", () => paginateDescribeVpcEndpoints(c, {}), (p) => p.VpcEndpoints),
      peerings: ctx.listAll("ec2:DescribeVpcPeeringConnections", () => paginateDescribeVpcPeeringConnections(c, {}), (p) => p.VpcPeeringConnections),
      transitGatewayAttachments: ctx.listAll(
        "ec2:DescribeTransitGatewayVpcAttachments",
        () => paginateDescribeTransitGatewayVpcAttachments(c, {}),
        (p) => p.TransitGatewayVpcAttachments,
      ),
    });
    return { region: ctx.region, ...answers };
  },
};

async function fetchPrefixLists(ctx: FetchContext, client: EC2Client): Promise<Fetched<PrefixListAnswer[]>> {
  const lists = await ctx.listAll("ec2:DescribeManagedPrefixLists", () => paginateDescribeManagedPrefixLists({ client }, {}), (p) => p.PrefixLists);
  return eachListed(lists, async (list): Promise<PrefixListAnswer> => {
    if (list.OwnerId === AWS_PREFIX_LIST_OWNER || list.PrefixListId === undefined) return { list };
    const entries = await ctx.listAll(
      "ec2:GetManagedPrefixListEntries",
      () => paginateGetManagedPrefixListEntries({ client }, { PrefixListId: list.PrefixListId }),
      (p) => p.Entries,
    );
    return { list, entries };
  });
}
