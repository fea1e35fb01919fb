import type { EngineResource } from "../../src/adapters/pulumi/engine-resource";
import { engineResource, UNKNOWN, urnOf } from "../helpers/engine";

const T = {
  vpc: "aws:ec2/vpc:Vpc",
  igw: "aws:ec2/internetGateway:InternetGateway",
  rt: "aws:ec2/routeTable:RouteTable",
  subnet: "aws:ec2/subnet:Subnet",
  assoc: "aws:ec2/routeTableAssociation:RouteTableAssociation",
  sg: "aws:ec2/securityGroup:SecurityGroup",
  rule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
  tgw: "aws:ec2transitgateway/transitGateway:TransitGateway",
  attachment: "aws:ec2transitgateway/vpcAttachment:VpcAttachment",
} as const;

export const SUBNETS_PER_VPC = 40;
export const GROUPS_PER_VPC = 10;
export const VPCS_PER_TRANSIT_GATEWAY = 10;

/**
 * A preview-shaped stack of `vpcs` VPCs (104 resources each): an internet gateway, a public
 * and a private route table, 40 subnets with their associations (even ones public), 10 security
 * groups each with a separate ingress rule (even groups open to 0.0.0.0/0 on 5432, odd ones
 * admitting the previous group), and an attachment to one of the transit gateways.
 */
export function syntheticStack(vpcs: number): EngineResource[] {
  const out: EngineResource[] = [];
  for (let v = 0; v < vpcs; v++) {
    const vpc = urnOf(T.vpc, `vpc${v}`);
    const igw = urnOf(T.igw, `igw${v}`);
    out.push(engineResource(T.vpc, `vpc${v}`, { cidrBlock: "10.0.0.0/16" }));
    out.push(engineResource(T.igw, `igw${v}`, { vpcId: UNKNOWN }, { vpcId: [vpc] }));
    out.push(engineResource(T.rt, `pub${v}`, { vpcId: UNKNOWN, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: UNKNOWN }] }, { vpcId: [vpc], routes: [igw] }));
    out.push(engineResource(T.rt, `priv${v}`, { vpcId: UNKNOWN }, { vpcId: [vpc] }));
    for (let s = 0; s < SUBNETS_PER_VPC; s++) {
      const name = `s${v}-${s}`;
      const table = urnOf(T.rt, s % 2 === 0 ? `pub${v}` : `priv${v}`);
      out.push(engineResource(T.subnet, name, { vpcId: UNKNOWN, cidrBlock: `10.0.${s}.0/24` }, { vpcId: [vpc] }));
      out.push(engineResource(T.assoc, `a-${name}`, { subnetId: UNKNOWN, routeTableId: UNKNOWN }, { subnetId: [urnOf(T.subnet, name)], routeTableId: [table] }));
    }
    for (let g = 0; g < GROUPS_PER_VPC; g++) {
      const name = `sg${v}-${g}`;
      const source = g % 2 === 0 ? { cidrIpv4: "0.0.0.0/0" } : { referencedSecurityGroupId: UNKNOWN };
      const sourceDeps: Record<string, string[]> = g % 2 === 0 ? {} : { referencedSecurityGroupId: [urnOf(T.sg, `sg${v}-${g - 1}`)] };
      out.push(engineResource(T.sg, name, { vpcId: UNKNOWN }, { vpcId: [vpc] }));
      out.push(
        engineResource(
          T.rule,
          `in-${name}`,
          { securityGroupId: UNKNOWN, ipProtocol: "tcp", fromPort: 5432, toPort: 5432, ...source },
          { securityGroupId: [urnOf(T.sg, name)], ...sourceDeps },
        ),
      );
    }
    const tgw = urnOf(T.tgw, `tgw${Math.floor(v / VPCS_PER_TRANSIT_GATEWAY)}`);
    out.push(engineResource(T.attachment, `att${v}`, { vpcId: UNKNOWN, transitGatewayId: UNKNOWN }, { vpcId: [vpc], transitGatewayId: [tgw] }));
  }
  return out;
}
