import { describe, expect, it } from "vitest";
import type { EngineResource } from "../../../../src/adapters/pulumi/engine-resource";
import { buildInventory } from "../../../../src/adapters/pulumi/inventory";
import { DEFAULT_CONFIG } from "../../../../src/core/config";
import { resolveOptions } from "../../../../src/core/rule";
import { ALL_RULES } from "../../../../src/rules";
import { engineResource, UNKNOWN, urnOf } from "../../../helpers/engine";

/** Issue 11 on the Pulumi front: engine resources in a new stack's preview (ids unknown, joined by dependencies). */
const T = {
  vpc: "aws:ec2/vpc:Vpc",
  igw: "aws:ec2/internetGateway:InternetGateway",
  subnet: "aws:ec2/subnet:Subnet",
  rt: "aws:ec2/routeTable:RouteTable",
  assoc: "aws:ec2/routeTableAssociation:RouteTableAssociation",
  sg: "aws:ec2/securityGroup:SecurityGroup",
  defaultSg: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
  sgRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
  ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
  instance: "aws:ec2/instance:Instance",
  launchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
  db: "aws:rds/instance:Instance",
  dbSubnets: "aws:rds/subnetGroup:SubnetGroup",
  ebs: "aws:ebs/volume:Volume",
} as const;
const u = urnOf;
const inVpc = { vpcId: [u(T.vpc, "main")] };

/** A VPC with a public subnet (route to an internet gateway) and a private one. */
const network = (): EngineResource[] => [
  engineResource(T.vpc, "main", { cidrBlock: "10.0.0.0/16" }),
  engineResource(T.igw, "igw", { vpcId: UNKNOWN }, inVpc),
  engineResource(T.subnet, "public-a", { vpcId: UNKNOWN, cidrBlock: "10.0.9.0/24", mapPublicIpOnLaunch: true }, inVpc),
  engineResource(T.subnet, "private-a", { vpcId: UNKNOWN, cidrBlock: "10.0.1.0/24" }, inVpc),
  engineResource(T.rt, "public", { vpcId: UNKNOWN, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: UNKNOWN }] }, { ...inVpc, routes: [u(T.igw, "igw")] }),
  engineResource(T.assoc, "public-a", { subnetId: UNKNOWN, routeTableId: UNKNOWN }, { subnetId: [u(T.subnet, "public-a")], routeTableId: [u(T.rt, "public")] }),
];

/** A web server: 80/443 (and SSH from the office) open to the internet, public IP, encrypted root volume. */
const webServer = (tags?: Record<string, string>): EngineResource[] => [
  ...network(),
  engineResource(
    T.sg,
    "web",
    {
      vpcId: UNKNOWN,
      ingress: [
        { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] },
        { protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] },
      ],
      egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
    },
    inVpc,
  ),
  engineResource(
    T.instance,
    "web",
    { ami: "ami-0abc", instanceType: "t3.micro", subnetId: UNKNOWN, vpcSecurityGroupIds: [UNKNOWN], associatePublicIpAddress: true, rootBlockDevice: { encrypted: true }, ...(tags ? { tags } : {}) },
    { subnetId: [u(T.subnet, "public-a")], vpcSecurityGroupIds: [u(T.sg, "web")] },
  ),
  engineResource(
    T.launchTemplate,
    "web",
    { name: "web", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true" } }], vpcSecurityGroupIds: [UNKNOWN], ...(tags ? { tags } : {}) },
    { vpcSecurityGroupIds: [u(T.sg, "web")] },
  ),
];

/** "<rule id> <status> <resource name>" for every outcome that is not "not applicable". */
function judged(resources: EngineResource[]): string[] {
  const inventory = buildInventory(resources);
  return ALL_RULES.flatMap((rule) =>
    rule
      .evaluate(inventory, { config: DEFAULT_CONFIG, options: resolveOptions(rule, {}) })
      .filter((o) => o.status !== "not-applicable")
      .map((o) => `${rule.id} ${o.status} ${o.resource.name}`),
  );
}
const findings = (resources: EngineResource[]) => judged(resources).filter((v) => !v.includes(" pass "));

describe("compute is not a data store unless classified", () => {
  it("a plain web-server stack passes: only its volumes' encryption is judged", () => {
    expect(judged(webServer())).toEqual([
      "CDG-ENC-001 pass web",
      "CDG-ENC-001 pass web",
      "CDG-NET-010 pass web",
      "CDG-NET-011 pass main",
    ]);
  });

  it("an unencrypted web server still fails encryption at rest", () => {
    const resources = webServer().map((r) => (r.type === T.instance ? { ...r, props: { ...r.props, rootBlockDevice: { encrypted: false } } } : r));
    expect(findings(resources)).toEqual(["CDG-ENC-001 fail web"]);
  });

  it.each([
    // Customer data in a VPC that records no traffic: the flow-log rule (CDG-HYG-008) holds for it too.
    ["confidential", ["CDG-NET-001 fail web", "CDG-NET-002 fail web", "CDG-NET-003 fail web", "CDG-HYG-008 fail web"]],
    ["restricted", ["CDG-ENC-002 fail web", "CDG-ENC-002 fail web", "CDG-NET-001 fail web", "CDG-NET-002 fail web", "CDG-NET-003 fail web", "CDG-HYG-008 fail web"]],
  ])("an instance tagged '%s' is a customer-data store: public IP, 80/443 open and public subnet are findings", (level, expected) => {
    expect(findings(webServer({ "data-classification": level }))).toEqual(expected);
  });

  it("an instance whose classification tag is not known yet is not assessed", () => {
    const resources = webServer().map((r) => (r.type === T.instance ? { ...r, props: { ...r.props, tags: UNKNOWN } } : r));
    expect(judged(resources).filter((v) => v.includes("NET-00"))).toEqual(["CDG-NET-001 unknown web", "CDG-NET-002 unknown web", "CDG-NET-003 unknown web"]);
  });
});

describe("security groups open to the internet on data-store ports (CDG-NET-010)", () => {
  const group = (extra: EngineResource[]): EngineResource[] => [...network(), engineResource(T.sg, "data", { vpcId: UNKNOWN, ingress: [], egress: [] }, inVpc), ...extra];
  const toGroup = { securityGroupId: [u(T.sg, "data")] };
  const net010 = (resources: EngineResource[]) => judged(resources).filter((v) => v.startsWith("CDG-NET-010"));

  it.each<[string, EngineResource[], string[]]>([
    [
      "compliant: a SecurityGroupRule admitting PostgreSQL from the VPC",
      group([engineResource(T.sgRule, "pg", { type: "ingress", securityGroupId: UNKNOWN, protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["10.0.0.0/16"] }, toGroup)]),
      ["CDG-NET-010 pass data", "CDG-NET-010 pass pg"],
    ],
    [
      "compliant: a vpc.SecurityGroupIngressRule admitting HTTPS from anywhere",
      group([engineResource(T.ingressRule, "https", { securityGroupId: UNKNOWN, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" }, toGroup)]),
      ["CDG-NET-010 pass data", "CDG-NET-010 pass https"],
    ],
    [
      "violation: a SecurityGroupRule opening MySQL to ::/0, with no store using the group",
      group([engineResource(T.sgRule, "mysql", { type: "ingress", securityGroupId: UNKNOWN, protocol: "tcp", fromPort: 3306, toPort: 3306, ipv6CidrBlocks: ["::/0"] }, toGroup)]),
      ["CDG-NET-010 fail data", "CDG-NET-010 fail mysql"],
    ],
    [
      "violation: a vpc.SecurityGroupIngressRule opening all protocols to 0.0.0.0/0",
      group([engineResource(T.ingressRule, "all", { securityGroupId: UNKNOWN, ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" }, toGroup)]),
      ["CDG-NET-010 fail data", "CDG-NET-010 fail all"],
    ],
    [
      "violation: an inline rule opening the Kafka ports",
      [...network(), engineResource(T.sg, "kafka", { vpcId: UNKNOWN, ingress: [{ protocol: "tcp", fromPort: 9092, toPort: 9098, cidrBlocks: ["0.0.0.0/0"] }] }, inVpc)],
      ["CDG-NET-010 fail kafka"],
    ],
    [
      "unknown: the source CIDR comes from another resource",
      group([engineResource(T.ingressRule, "pg", { securityGroupId: UNKNOWN, ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv4: UNKNOWN }, { ...toGroup, cidrIpv4: [u(T.subnet, "public-a")] })]),
      ["CDG-NET-010 unknown data", "CDG-NET-010 unknown pg"],
    ],
    [
      "unknown: the port comes from another resource",
      group([engineResource(T.sgRule, "port", { type: "ingress", securityGroupId: UNKNOWN, protocol: "tcp", fromPort: UNKNOWN, toPort: UNKNOWN, cidrBlocks: ["0.0.0.0/0"] }, { ...toGroup, fromPort: [u(T.db, "orders")] })]),
      ["CDG-NET-010 unknown data", "CDG-NET-010 unknown port"],
    ],
  ])("%s", (_name, resources, expected) => {
    expect(net010(resources)).toEqual(expected);
  });
});

describe("the default security group (CDG-NET-011, and CDG-NET-002 for stores naming none)", () => {
  const restricted = { "data-classification": "restricted" };
  /** A private RDS instance naming no security group: AWS attaches the VPC's default group. */
  const dbNamingNoGroup = (extra: EngineResource[] = []): EngineResource[] => [
    ...network(),
    engineResource(T.dbSubnets, "db", { name: "db-subnets", subnetIds: [UNKNOWN] }, { subnetIds: [u(T.subnet, "private-a")] }),
    engineResource(T.db, "orders", { dbSubnetGroupName: UNKNOWN, publiclyAccessible: false, storageEncrypted: true, tags: restricted }, { dbSubnetGroupName: [u(T.dbSubnets, "db")] }),
    ...extra,
  ];
  const adopted = (ingress: unknown[]): EngineResource => engineResource(T.defaultSg, "default", { vpcId: UNKNOWN, ingress, egress: [] }, inVpc);
  const verdicts = (resources: EngineResource[]) => judged(resources).filter((v) => v.startsWith("CDG-NET-002") || v.startsWith("CDG-NET-011"));

  it.each<[string, EngineResource[], string[]]>([
    ["compliant: the default group adopted with no rules", dbNamingNoGroup([adopted([])]), ["CDG-NET-002 pass orders", "CDG-NET-011 pass default"]],
    [
      "violation: AWS's default group kept, and the database sits in it (its members reach it)",
      dbNamingNoGroup(),
      ["CDG-NET-002 pass orders", "CDG-NET-011 fail main"],
    ],
    [
      "violation: the adopted default group admits the internet: the database is open too",
      dbNamingNoGroup([adopted([{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["0.0.0.0/0"] }])]),
      ["CDG-NET-002 fail orders", "CDG-NET-011 fail default"],
    ],
    [
      "violation and unknown: a rule of the adopted default group admits a source not known yet (any source is too many)",
      dbNamingNoGroup([adopted([{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: [UNKNOWN] }])]),
      ["CDG-NET-002 unknown orders", "CDG-NET-011 fail default"],
    ],
    [
      "unknown: the adopted default group's rules come from another resource",
      dbNamingNoGroup([engineResource(T.defaultSg, "default", { vpcId: UNKNOWN, ingress: UNKNOWN, egress: [] }, { ...inVpc, ingress: [u(T.sg, "other")] })]),
      ["CDG-NET-002 unknown orders", "CDG-NET-011 unknown default"],
    ],
  ])("%s", (_name, resources, expected) => {
    expect(verdicts(resources)).toEqual(expected);
  });

  it("a database in a VPC outside the stack naming no group is not assessed", () => {
    const resources = [
      engineResource(T.dbSubnets, "db", { name: "db-subnets", subnetIds: ["subnet-0abc"] }),
      engineResource(T.db, "orders", { dbSubnetGroupName: UNKNOWN, publiclyAccessible: false, storageEncrypted: true, tags: restricted }, { dbSubnetGroupName: [u(T.dbSubnets, "db")] }),
    ];
    expect(verdicts(resources)).toEqual(["CDG-NET-002 unknown orders"]);
  });
});
