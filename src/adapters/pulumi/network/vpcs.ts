import { isUnknown, type Val } from "../../../core/value";
import type { Subnet, Vpc } from "../../../models/network";
import type { Props } from "../props";
import { refOf } from "../store-adapter";
import { withAwsId, type References } from "./references";
import { ROUTE_TABLE_TYPES, T, VPC_TYPES } from "./types";
import { optStr } from "./values";

const cidrList = (v: Val<string | undefined>): Val<readonly string[]> => (isUnknown(v) ? v : v === undefined ? [] : [v]);

export function adaptVpc(p: Props, refs: References): Vpc {
  const main = refs.ref(p, "mainRouteTableId", ROUTE_TABLE_TYPES);
  return {
    kind: "vpc",
    ref: refOf(p, "VPC"),
    ...withAwsId(p),
    ipv4Cidrs: cidrList(optStr(p, "cidrBlock")),
    ipv6Cidrs: cidrList(optStr(p, "ipv6CidrBlock")),
    ...(typeof main === "string" ? { mainRouteTable: main } : {}),
    ...(p.resource.type === T.defaultVpc ? { isDefault: true } : {}),
    // A VPC the program creates starts with AWS's default security group; an adopted default VPC may not.
    ...(p.resource.type === T.vpc ? { defaultSecurityGroup: "aws-rules" as const } : {}),
  };
}

export function adaptSubnet(p: Props, refs: References): Subnet {
  const publicIp = p.bool("mapPublicIpOnLaunch");
  return {
    kind: "subnet",
    ref: refOf(p, "subnet"),
    ...withAwsId(p),
    vpc: refs.ref(p, "vpcId", VPC_TYPES),
    ipv4Cidr: optStr(p, "cidrBlock"),
    ipv6Cidr: optStr(p, "ipv6CidrBlock"),
    // AWS default subnets map public IPs on launch unless told otherwise.
    mapPublicIpOnLaunch: publicIp === undefined && p.resource.type === T.defaultSubnet ? true : publicIp,
    availabilityZone: optStr(p, "availabilityZone"),
  };
}
