import { describe, expect, it } from "vitest";
import { buildNetworkGraph, NETWORK_TYPES } from "../../../../src/adapters/pulumi/network";
import { isUnknown } from "../../../../src/core/value";
import { indexNetwork } from "../../../../src/network/network-index";
import { vpcsJoined } from "../../../../src/network/vpcs-joined";
import { engineResource, UNKNOWN, urnOf } from "../../../helpers/engine";

const VPC = "aws:ec2/vpc:Vpc";
const SUBNET = "aws:ec2/subnet:Subnet";
const vpcUrn = urnOf(VPC, "main");
const subnetUrn = (n: string) => urnOf(SUBNET, n);

type Res = Parameters<typeof engineResource>;
const build = (...rs: Res[]) => buildNetworkGraph(rs.map((r) => engineResource(...r)));

describe("VPCs and subnets", () => {
  it("reads CIDRs, AZ and public-IP mapping; joins the VPC by dependency", () => {
    const g = build(
      [VPC, "main", { cidrBlock: "10.0.0.0/16", ipv6CidrBlock: UNKNOWN, assignGeneratedIpv6CidrBlock: true }],
      [SUBNET, "pub", { vpcId: UNKNOWN, cidrBlock: "10.0.1.0/24", ipv6CidrBlock: "2001:db8:1::/64", mapPublicIpOnLaunch: true, availabilityZone: "eu-west-1a" }, { vpcId: [vpcUrn] }],
    );
    expect(g.vpcs[0]).toMatchObject({ ipv4Cidrs: ["10.0.0.0/16"], ipv6Cidrs: { reason: "preview" } });
    expect(g.subnets[0]).toMatchObject({ vpc: vpcUrn, ipv4Cidr: "10.0.1.0/24", ipv6Cidr: "2001:db8:1::/64", mapPublicIpOnLaunch: true, availabilityZone: "eu-west-1a" });
  });

  it("a VPC id from something other than a VPC is Unknown, not a wrong join", () => {
    const g = build([SUBNET, "s", { vpcId: UNKNOWN }, { vpcId: [urnOf("pulumi:pulumi:StackReference", "net")] }]);
    expect(isUnknown(g.subnets[0]?.vpc)).toBe(true);
  });

  it("a literal VPC id outside the stack stays as configured", () => {
    expect(build([SUBNET, "s", { vpcId: "vpc-0existing" }]).subnets[0]?.vpc).toBe("vpc-0existing");
  });

  it("a default VPC and its default subnets", () => {
    const g = build(["aws:ec2/defaultVpc:DefaultVpc", "default", {}], ["aws:ec2/defaultSubnet:DefaultSubnet", "a", { availabilityZone: "eu-west-1a" }]);
    expect(g.vpcs[0]?.isDefault).toBe(true);
    expect(g.subnets[0]?.mapPublicIpOnLaunch).toBe(true);
  });

  it("a number where a string belongs is Unknown(error) naming the path", () => {
    const s = build([SUBNET, "s", { vpcId: "vpc-1", cidrBlock: 10 }]).subnets[0];
    expect(s?.ipv4Cidr).toMatchObject({ reason: "error", detail: "property 'cidrBlock' of s should be a string, got number" });
  });
});

describe("gateways", () => {
  it.each<[string, Res, Record<string, unknown>]>([
    ["internet gateway", ["aws:ec2/internetGateway:InternetGateway", "igw", { vpcId: UNKNOWN }, { vpcId: [vpcUrn] }], { gatewayKind: "internet-gateway", vpc: vpcUrn }],
    ["egress-only gateway", ["aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway", "eigw", { vpcId: "vpc-1" }], { gatewayKind: "egress-only-internet-gateway", vpc: "vpc-1" }],
    [
      "NAT gateway in a subnet (v6 and v7 zonal)",
      ["aws:ec2/natGateway:NatGateway", "nat", { subnetId: UNKNOWN, allocationId: UNKNOWN }, { subnetId: [subnetUrn("pub")] }],
      { gatewayKind: "nat-gateway", subnet: subnetUrn("pub"), connectivity: "public" },
    ],
    [
      "NAT gateway, v7 regional mode (vpcId, no subnet)",
      ["aws:ec2/natGateway:NatGateway", "nat", { vpcId: UNKNOWN, availabilityMode: "regional" }, { vpcId: [vpcUrn] }],
      { gatewayKind: "nat-gateway", vpc: vpcUrn, subnet: undefined },
    ],
    ["private NAT gateway", ["aws:ec2/natGateway:NatGateway", "nat", { subnetId: "subnet-1", connectivityType: "private" }], { connectivity: "private" }],
  ])("%s", (_name, res, expected) => {
    expect(build(res).gateways[0]).toMatchObject(expected);
  });

  it("an InternetGatewayAttachment gives a detached gateway its VPC", () => {
    const igw = urnOf("aws:ec2/internetGateway:InternetGateway", "igw");
    const g = build(
      ["aws:ec2/internetGateway:InternetGateway", "igw", {}],
      ["aws:ec2/internetGatewayAttachment:InternetGatewayAttachment", "att", { internetGatewayId: UNKNOWN, vpcId: UNKNOWN }, { internetGatewayId: [igw], vpcId: [vpcUrn] }],
    );
    expect(g.gateways[0]?.vpc).toBe(vpcUrn);
  });
});

describe("subnet groups", () => {
  it.each([
    ["aws:rds/subnetGroup:SubnetGroup", "rds", "name"],
    ["aws:elasticache/subnetGroup:SubnetGroup", "elasticache", "name"],
    ["aws:redshift/subnetGroup:SubnetGroup", "redshift", "name"],
    ["aws:docdb/subnetGroup:SubnetGroup", "docdb", "name"],
    ["aws:neptune/subnetGroup:SubnetGroup", "neptune", "name"],
    ["aws:dms/replicationSubnetGroup:ReplicationSubnetGroup", "dms", "replicationSubnetGroupId"],
  ])("%s: service %s, name from %s, subnets by dependency", (type, service, nameProperty) => {
    const g = build([type, "grp", { [nameProperty]: "data-grp", subnetIds: [UNKNOWN, UNKNOWN] }, { subnetIds: [subnetUrn("a"), subnetUrn("b")] }]);
    expect(g.subnetGroups[0]).toMatchObject({ service, name: "data-grp", awsId: "data-grp", subnets: [subnetUrn("a"), subnetUrn("b")] });
  });

  it.each<[string, unknown, Record<string, string[]>, unknown]>([
    ["known ids", ["subnet-1", "subnet-2"], {}, ["subnet-1", "subnet-2"]],
    ["a mix of known and unknown ids", ["subnet-1", UNKNOWN], { subnetIds: [subnetUrn("b")] }, ["subnet-1", subnetUrn("b")]],
    ["unknown ids fed by a component's other resources", UNKNOWN, { subnetIds: [subnetUrn("a"), vpcUrn] }, { reason: "preview" }],
    ["a string where the list belongs", "subnet-1", {}, { reason: "error", detail: "property 'subnetIds' of grp should be a list, got string" }],
  ])("subnetIds: %s", (_name, subnetIds, deps, expected) => {
    const g = build(["aws:rds/subnetGroup:SubnetGroup", "grp", { name: "g", subnetIds }, deps]);
    expect(g.subnetGroups[0]?.subnets).toMatchObject(expected as object);
  });
});

describe("network ACLs", () => {
  it("inline entries, separate rules and associations", () => {
    const acl = urnOf("aws:ec2/networkAcl:NetworkAcl", "acl");
    const g = build(
      ["aws:ec2/networkAcl:NetworkAcl", "acl", { vpcId: "vpc-1", subnetIds: [UNKNOWN], ingress: [{ ruleNo: 100, action: "allow", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "0.0.0.0/0" }] }, { subnetIds: [subnetUrn("a")] }],
      ["aws:ec2/networkAclRule:NetworkAclRule", "deny-all", { networkAclId: UNKNOWN, ruleNumber: 200, egress: true, protocol: "-1", ruleAction: "deny", ipv6CidrBlock: "::/0" }, { networkAclId: [acl] }],
      ["aws:ec2/networkAclAssociation:NetworkAclAssociation", "b", { networkAclId: UNKNOWN, subnetId: UNKNOWN }, { networkAclId: [acl], subnetId: [subnetUrn("b")] }],
    );
    expect(g.networkAcls[0]?.subnets).toEqual([subnetUrn("a"), subnetUrn("b")]);
    expect(g.networkAcls[0]?.entries).toMatchObject([
      { egress: false, ruleNumber: 100, action: "allow", ipv4Cidr: "0.0.0.0/0", fromPort: 443 },
      { egress: true, ruleNumber: 200, action: "deny", ipv6Cidr: "::/0", protocol: "-1" },
    ]);
  });

  it("a default network ACL joins its VPC through defaultNetworkAclId", () => {
    const g = build(["aws:ec2/defaultNetworkAcl:DefaultNetworkAcl", "default", { defaultNetworkAclId: UNKNOWN }, { defaultNetworkAclId: [vpcUrn] }]);
    expect(g.networkAcls[0]?.vpc).toBe(vpcUrn);
  });
});

describe("endpoints, peerings and transit gateway attachments", () => {
  it("a VPC endpoint keeps its raw policy; the type defaults to Gateway", () => {
    const policy = '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}';
    const g = build(["aws:ec2/vpcEndpoint:VpcEndpoint", "s3", { vpcId: UNKNOWN, serviceName: "com.amazonaws.eu-west-1.s3", policy, routeTableIds: ["rtb-1"] }, { vpcId: [vpcUrn] }]);
    expect(g.vpcEndpoints[0]).toMatchObject({ vpc: vpcUrn, service: "com.amazonaws.eu-west-1.s3", endpointType: "Gateway", policy, routeTables: ["rtb-1"], subnets: [] });
  });

  it("an empty policy (the provider's unset) is undefined", () => {
    expect(build(["aws:ec2/vpcEndpoint:VpcEndpoint", "e", { vpcId: "vpc-1", policy: "" }]).vpcEndpoints[0]?.policy).toBeUndefined();
  });

  it("peerings and attachments join VPCs", () => {
    const other = urnOf(VPC, "other");
    const tgw = urnOf("aws:ec2transitgateway/transitGateway:TransitGateway", "hub");
    const g = build(
      ["aws:ec2/vpcPeeringConnection:VpcPeeringConnection", "peer", { vpcId: UNKNOWN, peerVpcId: UNKNOWN, autoAccept: true }, { vpcId: [vpcUrn], peerVpcId: [other] }],
      ["aws:ec2transitgateway/vpcAttachment:VpcAttachment", "a", { vpcId: UNKNOWN, transitGatewayId: UNKNOWN, subnetIds: [UNKNOWN] }, { vpcId: [vpcUrn], transitGatewayId: [tgw], subnetIds: [subnetUrn("a")] }],
      ["aws:ec2transitgateway/vpcAttachment:VpcAttachment", "b", { vpcId: UNKNOWN, transitGatewayId: UNKNOWN, subnetIds: [] }, { vpcId: [other], transitGatewayId: [tgw] }],
    );
    expect(g.peerings[0]).toMatchObject({ requesterVpc: vpcUrn, accepterVpc: other });
    expect(vpcsJoined(indexNetwork(g)).map((j) => [j.via.kind, ...j.vpcs])).toEqual([
      ["vpc-peering", vpcUrn, other],
      ["transit-gateway", vpcUrn, other],
    ]);
  });
});

it("every supported type is listed once", () => {
  expect(new Set(NETWORK_TYPES).size).toBe(NETWORK_TYPES.length);
  expect(NETWORK_TYPES).toEqual(
    expect.arrayContaining([
      "aws:ec2/vpc:Vpc",
      "aws:ec2/subnet:Subnet",
      "aws:ec2/routeTable:RouteTable",
      "aws:ec2/route:Route",
      "aws:ec2/routeTableAssociation:RouteTableAssociation",
      "aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation",
      "aws:ec2/defaultRouteTable:DefaultRouteTable",
      "aws:ec2/internetGateway:InternetGateway",
      "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway",
      "aws:ec2/natGateway:NatGateway",
      "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
      "aws:ec2transitgateway/vpcAttachment:VpcAttachment",
      "aws:ec2/securityGroup:SecurityGroup",
      "aws:ec2/securityGroupRule:SecurityGroupRule",
      "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
      "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
      "aws:ec2/managedPrefixList:ManagedPrefixList",
      "aws:ec2/networkAcl:NetworkAcl",
      "aws:ec2/networkAclRule:NetworkAclRule",
      "aws:rds/subnetGroup:SubnetGroup",
      "aws:elasticache/subnetGroup:SubnetGroup",
      "aws:redshift/subnetGroup:SubnetGroup",
      "aws:docdb/subnetGroup:SubnetGroup",
      "aws:neptune/subnetGroup:SubnetGroup",
      "aws:ec2/vpcEndpoint:VpcEndpoint",
      "aws:dms/replicationSubnetGroup:ReplicationSubnetGroup",
    ]),
  );
});
