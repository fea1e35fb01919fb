import type { Subnet as SdkSubnet, Vpc as SdkVpc } from "@aws-sdk/client-ec2";
import { unknown, type Val } from "../../../core/value";
import type { Subnet, Vpc } from "../../../models/network";
import { ec2Arn, ec2Ref, type Ec2Scope, type NetworkIds } from "./scope";

const GONE_CIDR = new Set(["disassociating", "disassociated", "failing", "failed"]);

/** CIDR blocks still associated (or being associated) with a VPC or subnet. */
function liveCidrs(blocks: readonly { cidr?: string; state?: string }[]): string[] {
  return [...new Set(blocks.filter((b) => b.cidr && !GONE_CIDR.has(b.state ?? "")).map((b) => b.cidr as string))];
}

export const vpcArn = (s: Ec2Scope, v: SdkVpc): string => ec2Arn(s, `vpc/${v.VpcId ?? ""}`, v.OwnerId);
export const subnetArn = (s: Ec2Scope, n: SdkSubnet): string => n.SubnetArn ?? ec2Arn(s, `subnet/${n.SubnetId ?? ""}`, n.OwnerId);

export function adaptVpc(v: SdkVpc, s: Ec2Scope, mainRouteTable: string | undefined): Vpc {
  const id = v.VpcId ?? "";
  const ipv4 = v.CidrBlockAssociationSet?.map((a) => ({ cidr: a.CidrBlock, state: a.CidrBlockState?.State }));
  const ipv6 = v.Ipv6CidrBlockAssociationSet?.map((a) => ({ cidr: a.Ipv6CidrBlock, state: a.Ipv6CidrBlockState?.State }));
  return {
    kind: "vpc",
    ref: ec2Ref(s, vpcArn(s, v), "AWS::EC2::VPC", id, "VPC", v.OwnerId),
    awsId: id,
    ipv4Cidrs: ipv4 ? liveCidrs(ipv4) : v.CidrBlock ? [v.CidrBlock] : [],
    ipv6Cidrs: liveCidrs(ipv6 ?? []),
    ...(mainRouteTable !== undefined ? { mainRouteTable } : {}),
    ...(v.IsDefault === true ? { isDefault: true } : {}),
  };
}

export function adaptSubnet(n: SdkSubnet, s: Ec2Scope, ids: NetworkIds): Subnet {
  const id = n.SubnetId ?? "";
  const ipv6 = liveCidrs((n.Ipv6CidrBlockAssociationSet ?? []).map((a) => ({ cidr: a.Ipv6CidrBlock, state: a.Ipv6CidrBlockState?.State })));
  return {
    kind: "subnet",
    ref: ec2Ref(s, subnetArn(s, n), "AWS::EC2::Subnet", id, "subnet", n.OwnerId),
    awsId: id,
    vpc: ids.ref(n.VpcId),
    ipv4Cidr: n.CidrBlock,
    ipv6Cidr: ipv6[0],
    mapPublicIpOnLaunch: answered(n.MapPublicIpOnLaunch, `MapPublicIpOnLaunch of subnet ${id}`),
    availabilityZone: n.AvailabilityZone,
  };
}

/** A field EC2 always answers: its absence is a malformed answer, not "not set". */
export function answered<T>(v: T | undefined, what: string): Val<T> {
  return v === undefined ? unknown("error", `EC2 gave no ${what}`) : v;
}
