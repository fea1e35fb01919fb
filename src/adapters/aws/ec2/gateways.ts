import type {
  EgressOnlyInternetGateway,
  InternetGateway,
  InternetGatewayAttachment,
  NatGateway,
  TransitGatewayVpcAttachment,
  VpcEndpoint as SdkVpcEndpoint,
  VpcPeeringConnection,
} from "@aws-sdk/client-ec2";
import type { Gateway, GatewayKind, NetworkRef, TransitGatewayAttachment, VpcEndpoint, VpcPeering } from "../../../models/network";
import { ec2Arn, ec2Ref, type Ec2Scope, type NetworkIds } from "./scope";

export const internetGatewayArn = (s: Ec2Scope, g: InternetGateway): string => ec2Arn(s, `internet-gateway/${g.InternetGatewayId ?? ""}`, g.OwnerId);
export const egressOnlyGatewayArn = (s: Ec2Scope, g: EgressOnlyInternetGateway): string =>
  ec2Arn(s, `egress-only-internet-gateway/${g.EgressOnlyInternetGatewayId ?? ""}`);
export const natGatewayArn = (s: Ec2Scope, g: NatGateway): string => ec2Arn(s, `natgateway/${g.NatGatewayId ?? ""}`);
export const vpcEndpointArn = (s: Ec2Scope, e: SdkVpcEndpoint): string => ec2Arn(s, `vpc-endpoint/${e.VpcEndpointId ?? ""}`, e.OwnerId);
export const peeringArn = (s: Ec2Scope, p: VpcPeeringConnection): string =>
  ec2Arn(s, `vpc-peering-connection/${p.VpcPeeringConnectionId ?? ""}`, p.RequesterVpcInfo?.OwnerId);
export const transitGatewayAttachmentArn = (s: Ec2Scope, a: TransitGatewayVpcAttachment): string =>
  ec2Arn(s, `transit-gateway-attachment/${a.TransitGatewayAttachmentId ?? ""}`, a.VpcOwnerId);

/** NAT gateways, endpoints, peerings and attachments that no longer carry traffic (EC2 lists them for a while). */
const ENDED_STATES = new Set(["deleting", "deleted", "failed", "rejected", "expired", "failing"]);
export const isLive = (state: string | undefined): boolean => !ENDED_STATES.has((state ?? "").toLowerCase());

const attachedVpc = (attachments: readonly InternetGatewayAttachment[] | undefined): string | undefined =>
  attachments?.find((a) => a.State !== "detached" && a.State !== "detaching")?.VpcId;

/** Each kind of gateway's CloudFormation type and label. */
const GATEWAY_KINDS: Record<GatewayKind, { readonly type: string; readonly label: string }> = {
  "internet-gateway": { type: "AWS::EC2::InternetGateway", label: "internet gateway" },
  "egress-only-internet-gateway": { type: "AWS::EC2::EgressOnlyInternetGateway", label: "egress-only internet gateway" },
  "nat-gateway": { type: "AWS::EC2::NatGateway", label: "NAT gateway" },
};

function gateway(s: Ec2Scope, gatewayKind: GatewayKind, arn: string, id: string | undefined, vpc: NetworkRef | undefined, owner?: string): Gateway {
  const { type, label } = GATEWAY_KINDS[gatewayKind];
  return { kind: "gateway", gatewayKind, ref: ec2Ref(s, arn, type, id ?? "", label, owner), awsId: id ?? "", vpc };
}

export function adaptInternetGateway(g: InternetGateway, s: Ec2Scope, ids: NetworkIds): Gateway {
  return gateway(s, "internet-gateway", internetGatewayArn(s, g), g.InternetGatewayId, ids.ref(attachedVpc(g.Attachments)), g.OwnerId);
}

export function adaptEgressOnlyGateway(g: EgressOnlyInternetGateway, s: Ec2Scope, ids: NetworkIds): Gateway {
  return gateway(s, "egress-only-internet-gateway", egressOnlyGatewayArn(s, g), g.EgressOnlyInternetGatewayId, ids.ref(attachedVpc(g.Attachments)));
}

export function adaptNatGateway(g: NatGateway, s: Ec2Scope, ids: NetworkIds): Gateway {
  return {
    ...gateway(s, "nat-gateway", natGatewayArn(s, g), g.NatGatewayId, ids.ref(g.VpcId)),
    subnet: ids.ref(g.SubnetId),
    connectivity: g.ConnectivityType ?? "public",
  };
}

export function adaptVpcEndpoint(e: SdkVpcEndpoint, s: Ec2Scope, ids: NetworkIds): VpcEndpoint {
  const id = e.VpcEndpointId ?? "";
  return {
    kind: "vpc-endpoint",
    ref: ec2Ref(s, vpcEndpointArn(s, e), "AWS::EC2::VPCEndpoint", id, "VPC endpoint", e.OwnerId),
    awsId: id,
    vpc: ids.ref(e.VpcId),
    service: e.ServiceName,
    endpointType: e.VpcEndpointType,
    policy: e.PolicyDocument === "" ? undefined : e.PolicyDocument,
    subnets: ids.refs(e.SubnetIds),
    securityGroups: ids.refs(e.Groups?.map((g) => g.GroupId)),
    routeTables: ids.refs(e.RouteTableIds),
  };
}

export function adaptPeering(p: VpcPeeringConnection, s: Ec2Scope, ids: NetworkIds): VpcPeering {
  const id = p.VpcPeeringConnectionId ?? "";
  return {
    kind: "vpc-peering",
    ref: ec2Ref(s, peeringArn(s, p), "AWS::EC2::VPCPeeringConnection", id, "VPC peering connection", p.RequesterVpcInfo?.OwnerId),
    awsId: id,
    requesterVpc: ids.ref(p.RequesterVpcInfo?.VpcId),
    accepterVpc: ids.ref(p.AccepterVpcInfo?.VpcId),
    peerOwnerId: p.AccepterVpcInfo?.OwnerId,
    peerRegion: p.AccepterVpcInfo?.Region,
  };
}

export function adaptTransitGatewayAttachment(a: TransitGatewayVpcAttachment, s: Ec2Scope, ids: NetworkIds): TransitGatewayAttachment {
  const id = a.TransitGatewayAttachmentId ?? "";
  return {
    kind: "transit-gateway-attachment",
    ref: ec2Ref(s, transitGatewayAttachmentArn(s, a), "AWS::EC2::TransitGatewayVpcAttachment", id, "transit gateway VPC attachment", a.VpcOwnerId),
    awsId: id,
    vpc: ids.ref(a.VpcId),
    // Transit gateways are not part of the graph: attachments join by the gateway's id, across accounts too.
    transitGateway: a.TransitGatewayId,
    subnets: ids.refs(a.SubnetIds),
  };
}
