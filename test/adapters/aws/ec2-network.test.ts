import type { AttachmentStatus, RouteTable as SdkRouteTable, SecurityGroup as SdkSecurityGroup, Subnet as SdkSubnet, Vpc as SdkVpc } from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import { adaptEc2Network } from "../../../src/adapters/aws/ec2";
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import { isUnknown } from "../../../src/core/value";
import type { Ec2NetworkAnswers } from "../../../src/fetchers/aws/ec2-network";
import type { NetworkGraph, RulePeer, SecurityGroup, Subnet } from "../../../src/models/network";
import { ingressFromInternet } from "../../../src/network/ingress-from-internet";
import { indexNetwork, type NetworkIndex } from "../../../src/network/network-index";
import { routeTableOf } from "../../../src/network/route-table-of";
import { subnetIsPublic } from "../../../src/network/subnet-is-public";
import { vpcsJoined } from "../../../src/network/vpcs-joined";
import { engineResource, urnOf } from "../../helpers/engine";
import { ACCOUNT, adaptContext, arn, failed, ok, reasonOf, REGION } from "./ec2-fixtures";

const OTHER_ACCOUNT = "210987654321";

const vpc = (id: string, cidr: string, over: Partial<SdkVpc> = {}): SdkVpc => ({
  VpcId: id,
  OwnerId: ACCOUNT,
  CidrBlock: cidr,
  CidrBlockAssociationSet: [{ CidrBlock: cidr, CidrBlockState: { State: "associated" } }],
  IsDefault: false,
  ...over,
});
const subnet = (id: string, vpcId: string, cidr: string, over: Partial<SdkSubnet> = {}): SdkSubnet => ({
  SubnetId: id,
  SubnetArn: arn(`subnet/${id}`),
  OwnerId: ACCOUNT,
  VpcId: vpcId,
  CidrBlock: cidr,
  MapPublicIpOnLaunch: false,
  AvailabilityZone: "us-east-1a",
  ...over,
});
const LOCAL = { DestinationCidrBlock: "10.0.0.0/16", GatewayId: "local", Origin: "CreateRouteTable", State: "active" } as const;
const table = (id: string, vpcId: string, routes: SdkRouteTable["Routes"], associations: SdkRouteTable["Associations"]): SdkRouteTable => ({
  RouteTableId: id,
  VpcId: vpcId,
  OwnerId: ACCOUNT,
  Routes: [LOCAL, ...(routes ?? [])],
  Associations: associations,
});
const associated = { State: "associated" } as const;
const sg = (id: string, over: Partial<SdkSecurityGroup> = {}): SdkSecurityGroup => ({
  GroupId: id,
  GroupName: id.replace("sg-", ""),
  OwnerId: ACCOUNT,
  VpcId: "vpc-1",
  SecurityGroupArn: arn(`security-group/${id}`),
  IpPermissions: [],
  IpPermissionsEgress: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
  ...over,
});

/**
 * vpc-1 (10.0.0.0/16): subnet-pub routes 0.0.0.0/0 to igw-1; subnet-priv routes it to nat-1 and
 * the S3 prefix list to a gateway endpoint; subnet-plain has no association and uses the main
 * table (local routes, and a blackhole IGW route left by a deleted gateway). sg-app admits HTTPS
 * from anywhere and from the office prefix list; sg-db admits PostgreSQL from sg-app and itself.
 */
function answers(over: Partial<Ec2NetworkAnswers> = {}): Ec2NetworkAnswers {
  return {
    region: REGION,
    vpcs: ok([vpc("vpc-1", "10.0.0.0/16", { Tags: [{ Key: "customer-segment", Value: "acme" }] }), vpc("vpc-2", "10.1.0.0/16")]),
    subnets: ok([
      subnet("subnet-pub", "vpc-1", "10.0.1.0/24", { MapPublicIpOnLaunch: true, Tags: [{ Key: "Name", Value: "public-a" }] }),
      subnet("subnet-priv", "vpc-1", "10.0.2.0/24", {
        Ipv6CidrBlockAssociationSet: [{ Ipv6CidrBlock: "2600:1f18::/64", Ipv6CidrBlockState: { State: "associated" } }],
      }),
      subnet("subnet-plain", "vpc-1", "10.0.3.0/24"),
    ]),
    routeTables: ok([
      table(
        "rtb-main",
        "vpc-1",
        [{ DestinationCidrBlock: "0.0.0.0/0", GatewayId: "igw-gone", State: "blackhole", Origin: "CreateRoute" }],
        [{ Main: true, RouteTableAssociationId: "rtbassoc-main", RouteTableId: "rtb-main", AssociationState: associated }],
      ),
      table(
        "rtb-pub",
        "vpc-1",
        [{ DestinationCidrBlock: "0.0.0.0/0", GatewayId: "igw-1", State: "active", Origin: "CreateRoute" }],
        [
          { Main: false, RouteTableAssociationId: "rtbassoc-pub", RouteTableId: "rtb-pub", SubnetId: "subnet-pub", AssociationState: associated },
          { Main: false, RouteTableAssociationId: "rtbassoc-edge", RouteTableId: "rtb-pub", GatewayId: "igw-1", AssociationState: associated },
        ],
      ),
      table(
        "rtb-priv",
        "vpc-1",
        [
          { DestinationCidrBlock: "0.0.0.0/0", NatGatewayId: "nat-1", State: "active" },
          { DestinationPrefixListId: "pl-s3", GatewayId: "vpce-s3", State: "active" },
          { DestinationIpv6CidrBlock: "::/0", EgressOnlyInternetGatewayId: "eigw-1", State: "active" },
          { DestinationCidrBlock: "10.1.0.0/16", VpcPeeringConnectionId: "pcx-1", State: "active" },
          { DestinationCidrBlock: "10.9.0.0/16", TransitGatewayId: "tgw-1", State: "active" },
        ],
        [
          { Main: false, RouteTableAssociationId: "rtbassoc-priv", RouteTableId: "rtb-priv", SubnetId: "subnet-priv", AssociationState: associated },
          { Main: false, RouteTableAssociationId: "rtbassoc-old", RouteTableId: "rtb-priv", SubnetId: "subnet-plain", AssociationState: { State: "disassociated" } },
        ],
      ),
    ]),
    // EC2 reports an attached internet gateway as "available", a value its SDK type does not list.
    internetGateways: ok([{ InternetGatewayId: "igw-1", OwnerId: ACCOUNT, Attachments: [{ VpcId: "vpc-1", State: "available" as AttachmentStatus }] }]),
    egressOnlyInternetGateways: ok([{ EgressOnlyInternetGatewayId: "eigw-1", Attachments: [{ VpcId: "vpc-1", State: "attached" }] }]),
    natGateways: ok([
      { NatGatewayId: "nat-1", VpcId: "vpc-1", SubnetId: "subnet-pub", State: "available", ConnectivityType: "public" },
      { NatGatewayId: "nat-old", VpcId: "vpc-1", SubnetId: "subnet-pub", State: "deleted" },
    ]),
    securityGroups: ok([
      sg("sg-app", {
        IpPermissions: [
          {
            IpProtocol: "tcp",
            FromPort: 443,
            ToPort: 443,
            IpRanges: [{ CidrIp: "0.0.0.0/0" }],
            Ipv6Ranges: [{ CidrIpv6: "::/0" }],
            PrefixListIds: [{ PrefixListId: "pl-office" }],
          },
        ],
        Tags: [{ Key: "customer-segment", Value: "acme" }],
      }),
      sg("sg-db", {
        IpPermissions: [
          {
            IpProtocol: "tcp",
            FromPort: 5432,
            ToPort: 5432,
            UserIdGroupPairs: [
              { GroupId: "sg-app", UserId: ACCOUNT },
              { GroupId: "sg-db", UserId: ACCOUNT },
              { GroupId: "sg-partner", UserId: OTHER_ACCOUNT },
            ],
          },
        ],
      }),
    ]),
    prefixLists: ok([
      { list: { PrefixListId: "pl-s3", PrefixListName: "com.amazonaws.us-east-1.s3", OwnerId: "AWS", AddressFamily: "IPv4" } },
      {
        list: { PrefixListId: "pl-office", PrefixListName: "office", OwnerId: ACCOUNT, AddressFamily: "IPv4", PrefixListArn: arn("prefix-list/pl-office") },
        entries: ok([{ Cidr: "203.0.113.0/24", Description: "office" }]),
      },
    ]),
    networkAcls: ok([
      {
        NetworkAclId: "acl-1",
        VpcId: "vpc-1",
        IsDefault: true,
        OwnerId: ACCOUNT,
        Associations: [{ NetworkAclAssociationId: "aclassoc-1", NetworkAclId: "acl-1", SubnetId: "subnet-pub" }],
        Entries: [
          { RuleNumber: 100, Protocol: "6", RuleAction: "allow", Egress: false, CidrBlock: "0.0.0.0/0", PortRange: { From: 443, To: 443 } },
          { RuleNumber: 32767, Protocol: "-1", RuleAction: "deny", Egress: false, CidrBlock: "0.0.0.0/0" },
        ],
      },
    ]),
    vpcEndpoints: ok([
      {
        VpcEndpointId: "vpce-s3",
        VpcEndpointType: "Gateway",
        VpcId: "vpc-1",
        ServiceName: "com.amazonaws.us-east-1.s3",
        State: "Available",
        PolicyDocument: '{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}',
        RouteTableIds: ["rtb-priv"],
        SubnetIds: [],
        Groups: [],
        OwnerId: ACCOUNT,
      },
    ]),
    peerings: ok([
      {
        VpcPeeringConnectionId: "pcx-1",
        Status: { Code: "active" },
        RequesterVpcInfo: { VpcId: "vpc-1", OwnerId: ACCOUNT, Region: REGION },
        AccepterVpcInfo: { VpcId: "vpc-2", OwnerId: ACCOUNT, Region: REGION },
      },
      { VpcPeeringConnectionId: "pcx-gone", Status: { Code: "deleted" }, RequesterVpcInfo: { VpcId: "vpc-1" }, AccepterVpcInfo: { VpcId: "vpc-2" } },
    ]),
    transitGatewayAttachments: ok([
      { TransitGatewayAttachmentId: "tgw-attach-1", TransitGatewayId: "tgw-1", VpcId: "vpc-1", VpcOwnerId: ACCOUNT, State: "available", SubnetIds: ["subnet-priv"] },
      { TransitGatewayAttachmentId: "tgw-attach-2", TransitGatewayId: "tgw-1", VpcId: "vpc-9", VpcOwnerId: OTHER_ACCOUNT, State: "available", SubnetIds: ["subnet-9"] },
    ]),
    ...over,
  };
}

const graphOf = (raw: Ec2NetworkAnswers): NetworkGraph => adaptEc2Network(raw, adaptContext()).network as NetworkGraph;

function subnetNamed(g: NetworkGraph, id: string): Subnet {
  const s = g.subnets.find((x) => x.awsId === id);
  if (!s) throw new Error(`no subnet ${id}`);
  return s;
}

function groupNamed(g: NetworkGraph, id: string): SecurityGroup {
  const s = g.securityGroups.find((x) => x.awsId === id);
  if (!s) throw new Error(`no group ${id}`);
  return s;
}

const publicOf = (net: NetworkIndex, s: Subnet) => {
  const e = subnetIsPublic(net, s);
  return isUnknown(e) ? `unknown:${e.reason}` : e.public;
};

describe("EC2 network from recorded answers", () => {
  const g = graphOf(answers());
  const net = indexNetwork(g);

  it("names every object by its ARN, keeps its AWS id, and joins references by model id", () => {
    const pub = subnetNamed(g, "subnet-pub");
    expect(pub.ref).toEqual({ id: arn("subnet/subnet-pub"), type: "AWS::EC2::Subnet", name: "subnet-pub", label: "subnet", account: ACCOUNT, region: REGION });
    expect(pub.vpc).toBe(arn("vpc/vpc-1"));
    expect(g.vpcs[0]).toMatchObject({ awsId: "vpc-1", ipv4Cidrs: ["10.0.0.0/16"], ipv6Cidrs: [], mainRouteTable: arn("route-table/rtb-main") });
    expect(g.vpcs[0]?.isDefault).toBeUndefined();
    expect(subnetNamed(g, "subnet-priv").ipv6Cidr).toBe("2600:1f18::/64");
    expect(pub.mapPublicIpOnLaunch).toBe(true);
  });

  it("subnetIsPublic: the IGW-routed subnet is public, the NAT-routed one and the main-table one are private", () => {
    expect(publicOf(net, subnetNamed(g, "subnet-pub"))).toBe(true);
    expect(subnetIsPublic(net, subnetNamed(g, "subnet-pub"))).toMatchObject({ via: expect.stringMatching(/0\.0\.0\.0\/0 to internet gateway igw-1 \(routes\[1\] of rtb-pub\) in rtb-pub/) });
    expect(publicOf(net, subnetNamed(g, "subnet-priv"))).toBe(false);
    // No live association: the main table, whose only IGW route is a blackhole.
    expect(publicOf(net, subnetNamed(g, "subnet-plain"))).toBe(false);
    const main = routeTableOf(net, subnetNamed(g, "subnet-plain"));
    expect(isUnknown(main) ? main : main.ref.name).toBe("rtb-main");
  });

  it("a main table routing to an internet gateway makes unassociated subnets public", () => {
    const raw = answers();
    const tables = (raw.routeTables.ok ? raw.routeTables.value : []).map((t) =>
      t.RouteTableId === "rtb-main" ? { ...t, Routes: [LOCAL, { DestinationCidrBlock: "0.0.0.0/0", GatewayId: "igw-1", State: "active" as const }] } : t,
    );
    const g2 = graphOf({ ...raw, routeTables: ok(tables) });
    const t = g2.routeTables.find((x) => x.awsId === "rtb-main");
    expect(t?.main).toBe("default");
    expect(publicOf(indexNetwork(g2), subnetNamed(g2, "subnet-plain"))).toBe(true);
  });

  it("a default VPC's subnets are public through its main table", () => {
    const raw = answers({
      vpcs: ok([vpc("vpc-d", "172.31.0.0/16", { IsDefault: true })]),
      subnets: ok([subnet("subnet-d", "vpc-d", "172.31.0.0/20", { DefaultForAz: true, MapPublicIpOnLaunch: true })]),
      routeTables: ok([
        table("rtb-d", "vpc-d", [{ DestinationCidrBlock: "0.0.0.0/0", GatewayId: "igw-d", State: "active" }], [
          { Main: true, RouteTableAssociationId: "rtbassoc-d", RouteTableId: "rtb-d", AssociationState: associated },
        ]),
      ]),
    });
    const g2 = graphOf(raw);
    expect(g2.vpcs[0]?.isDefault).toBe(true);
    expect(publicOf(indexNetwork(g2), subnetNamed(g2, "subnet-d"))).toBe(true);
  });

  it("routes carry their target kinds and model ids; blackhole routes and edge associations are left out", () => {
    const priv = g.routeTables.find((t) => t.awsId === "rtb-priv");
    expect(priv?.routes.map((r) => [r.target.kind, r.target.ref])).toEqual([
      ["local", undefined],
      ["nat-gateway", arn("natgateway/nat-1")],
      ["vpc-endpoint", arn("vpc-endpoint/vpce-s3")],
      ["egress-only-internet-gateway", arn("egress-only-internet-gateway/eigw-1")],
      ["vpc-peering", arn("vpc-peering-connection/pcx-1")],
      ["transit-gateway", "tgw-1"],
    ]);
    expect(priv?.routes[2]?.destination).toEqual({ kind: "prefix-list", prefixList: "pl-s3" });
    expect(g.routeTables.find((t) => t.awsId === "rtb-main")?.routes).toHaveLength(1);
    expect(g.routeTableAssociations.map((a) => [a.awsId, a.subnet ?? null, a.mainOfVpc ?? null])).toEqual([
      ["rtbassoc-main", null, arn("vpc/vpc-1")],
      ["rtbassoc-pub", arn("subnet/subnet-pub"), null],
      ["rtbassoc-priv", arn("subnet/subnet-priv"), null],
    ]);
  });

  it("gateways: attached VPC, NAT subnet and connectivity; deleted ones are left out", () => {
    expect(g.gateways.map((x) => [x.gatewayKind, x.awsId, x.vpc])).toEqual([
      ["internet-gateway", "igw-1", arn("vpc/vpc-1")],
      ["egress-only-internet-gateway", "eigw-1", arn("vpc/vpc-1")],
      ["nat-gateway", "nat-1", arn("vpc/vpc-1")],
    ]);
    expect(g.gateways[2]).toMatchObject({ subnet: arn("subnet/subnet-pub"), connectivity: "public" });
  });

  it("security group rules: CIDRs, IPv6, prefix lists, referenced groups (another account's by id) and self", () => {
    const app = groupNamed(g, "sg-app");
    expect(app.ingress[0]).toMatchObject({ origin: "ingress[0] of sg-app", direction: "ingress", protocol: "tcp", fromPort: 443, toPort: 443 });
    expect(app.ingress[0]?.peers).toEqual<RulePeer[]>([
      { kind: "ipv4", cidr: "0.0.0.0/0" },
      { kind: "ipv6", cidr: "::/0" },
      { kind: "prefix-list", prefixList: arn("prefix-list/pl-office") },
    ]);
    expect(groupNamed(g, "sg-db").ingress[0]?.peers).toEqual<RulePeer[]>([
      { kind: "security-group", group: arn("security-group/sg-app") },
      { kind: "security-group", group: "sg-partner" },
      { kind: "self" },
    ]);
    expect(app.egress[0]).toMatchObject({ origin: "egress[0] of sg-app", protocol: "-1", fromPort: undefined, peers: [{ kind: "ipv4", cidr: "0.0.0.0/0" }] });
    const open = ingressFromInternet(net, app);
    expect(open.open.map((o) => o.source)).toEqual(expect.arrayContaining(["0.0.0.0/0", "::/0"]));
    expect(open.undetermined).toEqual([]);
  });

  it("customer-managed prefix lists carry their entries; AWS-managed ones stay named by id", () => {
    expect(g.prefixLists).toEqual([
      expect.objectContaining({ awsId: "pl-office", name: "office", addressFamily: "IPv4", entries: ["203.0.113.0/24"] }),
    ]);
    expect(net.find("pl-office", "prefix-list")?.ref.id).toBe(arn("prefix-list/pl-office"));
  });

  it("network ACLs, endpoints, peerings and transit gateway attachments", () => {
    expect(g.networkAcls[0]).toMatchObject({ awsId: "acl-1", vpc: arn("vpc/vpc-1"), subnets: [arn("subnet/subnet-pub")] });
    expect(g.networkAcls[0]?.entries.map((e) => [e.origin, e.ruleNumber, e.action, e.protocol, e.fromPort, e.toPort])).toEqual([
      ["ingress rule 100 of acl-1", 100, "allow", "6", 443, 443],
      ["ingress rule 32767 of acl-1", 32767, "deny", "-1", undefined, undefined],
    ]);
    expect(g.vpcEndpoints[0]).toMatchObject({ service: "com.amazonaws.us-east-1.s3", endpointType: "Gateway", routeTables: [arn("route-table/rtb-priv")] });
    expect(typeof g.vpcEndpoints[0]?.policy).toBe("string");
    expect(g.peerings.map((p) => [p.awsId, p.requesterVpc, p.accepterVpc, p.peerOwnerId])).toEqual([["pcx-1", arn("vpc/vpc-1"), arn("vpc/vpc-2"), ACCOUNT]]);
    const joins = vpcsJoined(net).map((j) => [j.via.kind, j.via.name, j.vpcs, j.routes.length]);
    expect(joins).toEqual([
      ["vpc-peering", "pcx-1", [arn("vpc/vpc-1"), arn("vpc/vpc-2")], 1],
      ["transit-gateway", "tgw-1", [arn("vpc/vpc-1"), "vpc-9"], 1],
    ]);
  });

  it("tags of VPCs, subnets and security groups, keyed by model id", () => {
    const tags = new Map(adaptEc2Network(answers(), adaptContext()).tags);
    expect(tags.get(arn("vpc/vpc-1"))).toEqual({ "customer-segment": "acme" });
    expect(tags.get(arn("subnet/subnet-pub"))).toEqual({ Name: "public-a" });
    expect(tags.get(arn("security-group/sg-app"))).toEqual({ "customer-segment": "acme" });
  });

  it("a shared VPC of another account is named with its owner's ARN", () => {
    const raw = answers({ vpcs: ok([vpc("vpc-1", "10.0.0.0/16", { OwnerId: OTHER_ACCOUNT })]) });
    const g2 = graphOf(raw);
    expect(g2.vpcs[0]?.ref).toMatchObject({ id: arn("vpc/vpc-1", OTHER_ACCOUNT), account: OTHER_ACCOUNT });
    expect(subnetNamed(g2, "subnet-pub").vpc).toBe(arn("vpc/vpc-1", OTHER_ACCOUNT));
  });
});

describe("EC2 network answers that failed", () => {
  it("a denied route-table listing leaves every subnet neither public nor private, and is a gap", () => {
    const c = adaptEc2Network(answers({ routeTables: failed("ec2:DescribeRouteTables") }), adaptContext());
    const g = c.network as NetworkGraph;
    const net = indexNetwork(g);
    for (const id of ["subnet-pub", "subnet-priv", "subnet-plain"]) expect(publicOf(net, subnetNamed(g, id))).toBe("unknown:access-denied");
    const why = subnetIsPublic(net, subnetNamed(g, "subnet-pub"));
    expect(isUnknown(why) && why.detail).toMatch(/ec2:DescribeRouteTables \(us-east-1\) did not answer/);
    expect(c.gaps).toEqual([expect.objectContaining({ service: "ec2", what: "EC2 route tables", action: "ec2:DescribeRouteTables", reason: "access-denied" })]);
  });

  it("each failed listing is a gap naming what could not be listed", () => {
    const c = adaptEc2Network(
      answers({ securityGroups: failed("ec2:DescribeSecurityGroups", "throttled"), vpcs: failed("ec2:DescribeVpcs"), natGateways: failed("ec2:DescribeNatGateways", "timeout") }),
      adaptContext(),
    );
    expect(c.gaps?.map((x) => [x.what, x.reason])).toEqual([
      ["EC2 VPCs", "access-denied"],
      ["EC2 NAT gateways", "timeout"],
      ["EC2 security groups", "throttled"],
    ]);
    const g = c.network as NetworkGraph;
    expect(g.securityGroups).toEqual([]);
    // Without the VPCs, references to them stay AWS ids.
    expect(subnetNamed(g, "subnet-pub").vpc).toBe("vpc-1");
    expect(publicOf(indexNetwork(g), subnetNamed(g, "subnet-pub"))).toBe(true);
  });

  it("a prefix list whose entries could not be read has Unknown entries: rules admitting it are undetermined", () => {
    const raw = answers();
    const lists = (raw.prefixLists.ok ? raw.prefixLists.value : []).map((a) =>
      a.entries ? { ...a, entries: failed("ec2:GetManagedPrefixListEntries") } : a,
    );
    const g = graphOf({ ...raw, prefixLists: ok(lists) });
    expect(reasonOf(g.prefixLists[0]?.entries)).toBe("access-denied");
    const app: SecurityGroup = { ...groupNamed(g, "sg-app"), ingress: [{ ...groupNamed(g, "sg-app").ingress[0]!, peers: [{ kind: "prefix-list", prefixList: arn("prefix-list/pl-office") }] }] };
    const verdict = ingressFromInternet(indexNetwork(g), app);
    expect(verdict.open).toEqual([]);
    expect(verdict.undetermined.map((u) => u.reason.reason)).toEqual(["access-denied"]);
  });
});

describe("parity with the Pulumi front for the same VPC", () => {
  const VPC = "aws:ec2/vpc:Vpc";
  const SUBNET = "aws:ec2/subnet:Subnet";
  const RT = "aws:ec2/routeTable:RouteTable";
  const IGW = "aws:ec2/internetGateway:InternetGateway";
  const ASSOC = "aws:ec2/routeTableAssociation:RouteTableAssociation";
  const SG = "aws:ec2/securityGroup:SecurityGroup";
  const r = engineResource;
  // The same VPC as deployed by a Pulumi program: outputs known, joined by id.
  const pulumi = buildInventory([
    r(VPC, "main", { id: "vpc-1", cidrBlock: "10.0.0.0/16" }),
    r(SUBNET, "pub", { id: "subnet-pub", vpcId: "vpc-1", cidrBlock: "10.0.1.0/24", mapPublicIpOnLaunch: true, availabilityZone: "us-east-1a" }),
    r(SUBNET, "priv", { id: "subnet-priv", vpcId: "vpc-1", cidrBlock: "10.0.2.0/24", mapPublicIpOnLaunch: false, availabilityZone: "us-east-1a" }),
    r(IGW, "igw", { id: "igw-1", vpcId: "vpc-1" }),
    r(RT, "rt-pub", { id: "rtb-pub", vpcId: "vpc-1", routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-1" }] }),
    r(RT, "rt-priv", { id: "rtb-priv", vpcId: "vpc-1", routes: [] }),
    r(ASSOC, "a-pub", { id: "rtbassoc-pub", subnetId: "subnet-pub", routeTableId: "rtb-pub" }),
    r(ASSOC, "a-priv", { id: "rtbassoc-priv", subnetId: "subnet-priv", routeTableId: "rtb-priv" }),
    r(SG, "app", {
      id: "sg-app",
      name: "app",
      vpcId: "vpc-1",
      ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
      egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
    }),
  ]).network as NetworkGraph;
  const scanned = graphOf(
    answers({
      vpcs: ok([vpc("vpc-1", "10.0.0.0/16")]),
      subnets: ok([
        subnet("subnet-pub", "vpc-1", "10.0.1.0/24", { MapPublicIpOnLaunch: true }),
        subnet("subnet-priv", "vpc-1", "10.0.2.0/24"),
      ]),
      routeTables: ok([
        table("rtb-main", "vpc-1", [], [{ Main: true, RouteTableAssociationId: "rtbassoc-main", RouteTableId: "rtb-main", AssociationState: associated }]),
        table("rtb-pub", "vpc-1", [{ DestinationCidrBlock: "0.0.0.0/0", GatewayId: "igw-1", State: "active" }], [
          { RouteTableAssociationId: "rtbassoc-pub", RouteTableId: "rtb-pub", SubnetId: "subnet-pub", AssociationState: associated },
        ]),
        table("rtb-priv", "vpc-1", [], [{ RouteTableAssociationId: "rtbassoc-priv", RouteTableId: "rtb-priv", SubnetId: "subnet-priv", AssociationState: associated }]),
      ]),
      securityGroups: ok([
        sg("sg-app", { GroupName: "app", IpPermissions: [{ IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: "0.0.0.0/0" }] }] }),
      ]),
    }),
  );

  /** A model with every reference replaced by the AWS id of what it names, so both fronts compare. */
  function byAwsIds(g: NetworkGraph, model: unknown): unknown {
    const ids = new Map<string, string>();
    for (const list of [g.vpcs, g.subnets, g.routeTables, g.gateways, g.securityGroups]) for (const n of list) if (n.awsId) ids.set(n.ref.id, n.awsId);
    return JSON.parse(JSON.stringify(model, (k, v: unknown) => (k === "ref" || k === "origin" ? undefined : typeof v === "string" ? (ids.get(v) ?? v) : v)));
  }

  it("subnets are the same model and get the same verdict", () => {
    for (const id of ["subnet-pub", "subnet-priv"]) {
      const p = pulumi.subnets.find((s) => s.awsId === id) as Subnet;
      const a = subnetNamed(scanned, id);
      expect(byAwsIds(scanned, a)).toEqual(byAwsIds(pulumi, p));
      expect(publicOf(indexNetwork(scanned), a)).toBe(publicOf(indexNetwork(pulumi), p));
    }
    expect(publicOf(indexNetwork(scanned), subnetNamed(scanned, "subnet-pub"))).toBe(true);
  });

  it("the VPC and the public route (AWS lists the implicit local route too)", () => {
    const { mainRouteTable: _main, ...scannedVpc } = scanned.vpcs[0]!;
    // A VPC the program creates gets AWS's default group (`aws-rules`); a scan lists that group itself.
    const { defaultSecurityGroup, ...pulumiVpc } = pulumi.vpcs[0]!;
    expect(defaultSecurityGroup).toBe("aws-rules");
    expect(byAwsIds(scanned, scannedVpc)).toEqual(byAwsIds(pulumi, pulumiVpc));
    const route = (g: NetworkGraph) => g.routeTables.find((t) => t.awsId === "rtb-pub")?.routes.filter((x) => x.target.kind !== "local");
    expect(byAwsIds(scanned, route(scanned))).toEqual(byAwsIds(pulumi, route(pulumi)));
  });

  it("security group rules differ only in how AWS spells an all-protocols rule's ports", () => {
    const p = pulumi.securityGroups[0]!;
    const a = groupNamed(scanned, "sg-app");
    expect(byAwsIds(scanned, a.ingress)).toEqual(byAwsIds(pulumi, p.ingress));
    expect(byAwsIds(scanned, { ...a, egress: [] })).toEqual(byAwsIds(pulumi, { ...p, egress: [] }));
    expect(ingressFromInternet(indexNetwork(scanned), a).open.map((o) => o.source)).toEqual(ingressFromInternet(indexNetwork(pulumi), p).open.map((o) => o.source));
  });

  it("pulumi URNs and scanned ARNs name the same objects", () => {
    expect(pulumi.subnets[0]?.ref.id).toBe(urnOf(SUBNET, "pub"));
    expect(subnetNamed(scanned, "subnet-pub").ref.id).toBe(arn("subnet/subnet-pub"));
  });
});
