import { describe, expect, it } from "vitest";
import { buildNetworkGraph } from "../../../../src/adapters/pulumi/network";
import { isUnknown, type Val } from "../../../../src/core/value";
import type { SecurityGroup } from "../../../../src/models/network";
import { admits } from "../../../../src/network/admits";
import { ingressFromInternet, ingressVerdict } from "../../../../src/network/ingress-from-internet";
import { indexNetwork } from "../../../../src/network/network-index";
import { engineResource, UNKNOWN, urnOf } from "../../../helpers/engine";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const PL = "aws:ec2/managedPrefixList:ManagedPrefixList";
const dbUrn = urnOf(SG, "db");
const appUrn = urnOf(SG, "app");
const PG = { protocol: "tcp", ports: { from: 5432, to: 5432 } };

type Res = Parameters<typeof engineResource>;
// As AnalyzeStack sends them in preview (planned state).
const build = (...rs: Res[]) => buildNetworkGraph(rs.map((r) => ({ ...engineResource(...r), plannedState: true })));
const appRes: Res = [SG, "app", { vpcId: "vpc-1", name: "app" }];

function db(g: ReturnType<typeof build>): SecurityGroup {
  const group = g.securityGroups.find((s) => s.ref.id === dbUrn);
  if (!group) throw new Error("no db group");
  return group;
}

const verdict = (v: Val<boolean>): string => (isUnknown(v) ? `unknown:${v.reason}` : v ? "open" : "closed");
const internet = (...rs: Res[]): string => {
  const g = build(...rs);
  return verdict(ingressVerdict(ingressFromInternet(indexNetwork(g), db(g), { traffic: PG })));
};
const inline = (ingress: unknown, deps: string[] = []): Res => [SG, "db", { vpcId: "vpc-1", ingress }, { ingress: deps }];
const v7Rule = (props: Record<string, unknown>, deps: Record<string, string[]> = {}): Res => [
  INGRESS,
  "db-in",
  { securityGroupId: UNKNOWN, ...props },
  { securityGroupId: [dbUrn], ...deps },
];
const ec2Rule = (props: Record<string, unknown>, deps: Record<string, string[]> = {}): Res => [
  RULE,
  "db-in",
  { type: "ingress", securityGroupId: UNKNOWN, ...props },
  { securityGroupId: [dbUrn], ...deps },
];
const bare: Res = [SG, "db", { vpcId: "vpc-1" }];
const pg = { protocol: "tcp", fromPort: 5432, toPort: 5432 };

describe("security groups: ingress from the internet", () => {
  it.each<[string, Res[], string]>([
    ["inline 0.0.0.0/0 on 5432", [inline([{ ...pg, cidrBlocks: ["0.0.0.0/0"] }])], "open"],
    ["inline ::/0 on 5432", [inline([{ ...pg, ipv6CidrBlocks: ["::/0"] }])], "open"],
    ["inline 10.0.0.0/8", [inline([{ ...pg, cidrBlocks: ["10.0.0.0/8"] }])], "closed"],
    ["inline all protocols (-1, 0-0)", [inline([{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }])], "open"],
    ["inline 5000-6000", [inline([{ protocol: "tcp", fromPort: 5000, toPort: 6000, cidrBlocks: ["0.0.0.0/0"] }])], "open"],
    ["inline 22 only", [inline([{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }])], "closed"],
    [
      "provider output shape with empty lists and strings",
      [inline([{ ...pg, cidrBlocks: [], ipv6CidrBlocks: ["::/0"], prefixListIds: [], securityGroups: [], self: false, description: "" }])],
      "open",
    ],
    ["inline CIDR unknown in preview", [inline([{ ...pg, cidrBlocks: [UNKNOWN] }], [urnOf("aws:ec2/vpc:Vpc", "main")])], "unknown:preview"],
    ["inline list computed by the provider (no inline rules)", [inline(UNKNOWN)], "closed"],
    ["inline list computed from other resources", [inline(UNKNOWN, [appUrn])], "unknown:preview"],
    ["v7 SecurityGroupIngressRule cidrIpv4 0.0.0.0/0", [bare, v7Rule({ ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv4: "0.0.0.0/0" })], "open"],
    ["v7 SecurityGroupIngressRule cidrIpv6 ::/0, all protocols", [bare, v7Rule({ ipProtocol: "-1", cidrIpv6: "::/0" })], "open"],
    ["v7 SecurityGroupIngressRule from a security group", [bare, appRes, v7Rule({ ...pgV7(), referencedSecurityGroupId: UNKNOWN }, { referencedSecurityGroupId: [appUrn] })], "closed"],
    ["v7 SecurityGroupIngressRule with an unknown CIDR", [bare, v7Rule({ ...pgV7(), cidrIpv4: UNKNOWN }, { cidrIpv4: [urnOf("aws:ec2/vpc:Vpc", "main")] })], "unknown:preview"],
    ["egress rules do not count", [bare, [EGRESS, "db-out", { securityGroupId: UNKNOWN, ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" }, { securityGroupId: [dbUrn] }]], "closed"],
    ["ec2 SecurityGroupRule 0.0.0.0/0", [bare, ec2Rule({ ...pg, cidrBlocks: ["0.0.0.0/0"] })], "open"],
    ["ec2 SecurityGroupRule with provider-computed sourceSecurityGroupId", [bare, ec2Rule({ ...pg, cidrBlocks: ["10.0.0.0/8"], sourceSecurityGroupId: UNKNOWN })], "closed"],
    ["ec2 SecurityGroupRule egress does not count", [bare, ec2Rule({ ...pg, type: "egress", cidrBlocks: ["0.0.0.0/0"] })], "closed"],
    ["ec2 SecurityGroupRule with an unknown group", [bare, [RULE, "stray", { type: "ingress", securityGroupId: UNKNOWN, ...pg, cidrBlocks: ["0.0.0.0/0"] }, {}]], "unknown:preview"],
    [
      "a prefix list of the stack with a public entry",
      [
        [PL, "office", { name: "office", addressFamily: "IPv4", entries: [{ cidr: "198.51.100.0/24" }] }],
        inline([{ ...pg, prefixListIds: [UNKNOWN] }], [urnOf(PL, "office")]),
      ],
      "open",
    ],
    [
      "a prefix list whose entries are separate resources",
      [
        [PL, "vpn", { name: "vpn", addressFamily: "IPv4" }],
        ["aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry", "vpn-1", { prefixListId: UNKNOWN, cidr: "10.8.0.0/16" }, { prefixListId: [urnOf(PL, "vpn")] }],
        inline([{ ...pg, prefixListIds: [UNKNOWN] }], [urnOf(PL, "vpn")]),
      ],
      "closed",
    ],
  ])("%s -> %s", (_name, rs, expected) => {
    expect(internet(...rs)).toBe(expected);
  });

  it("a string where the CIDR list belongs is Unknown(error) naming the path", () => {
    const g = build(inline([{ ...pg, cidrBlocks: "0.0.0.0/0" }]));
    const result = ingressFromInternet(indexNetwork(g), db(g));
    expect(result.undetermined[0]?.reason).toMatchObject({ reason: "error", detail: expect.stringMatching(/'ingress\.0\.cidrBlocks' of db should be a list, got string/) });
  });

  it("inline and separate rules are united", () => {
    const g = build(inline([{ ...pg, cidrBlocks: ["10.0.0.0/8"] }]), v7Rule({ ...pgV7(), cidrIpv4: "0.0.0.0/0" }));
    expect(db(g).ingress.map((r) => r.origin)).toEqual(["ingress[0] of db", "rule db-in"]);
    expect(g.unattachedRules).toEqual([]);
  });

  it("reports protocol, ports and source of each offending rule", () => {
    const g = build(inline([{ protocol: "tcp", fromPort: 5000, toPort: 6000, cidrBlocks: ["0.0.0.0/0"] }]));
    const [open] = ingressFromInternet(indexNetwork(g), db(g)).open;
    expect(open).toMatchObject({ source: "0.0.0.0/0", traffic: { protocol: "tcp", ports: { from: 5000, to: 6000 } } });
  });
});

function pgV7() {
  return { ipProtocol: "tcp", fromPort: 5432, toPort: 5432 };
}

describe("security groups: admitting another group", () => {
  const answer = (...rs: Res[]): string => {
    const g = build(appRes, ...rs);
    const app = g.securityGroups.find((s) => s.ref.id === appUrn) as SecurityGroup;
    const v = admits(indexNetwork(g), app, db(g), PG);
    return isUnknown(v) ? `unknown:${v.reason}` : v.admits ? "admits" : "denies";
  };
  it.each<[string, Res[], string]>([
    ["inline securityGroups from the app group", [inline([{ ...pg, securityGroups: [UNKNOWN] }], [appUrn])], "admits"],
    ["inline securityGroups by known id", [inline([{ ...pg, securityGroups: ["sg-0app"] }])], "denies"],
    ["v7 referencedSecurityGroupId", [bare, v7Rule({ ...pgV7(), referencedSecurityGroupId: UNKNOWN }, { referencedSecurityGroupId: [appUrn] })], "admits"],
    ["ec2 sourceSecurityGroupId", [bare, ec2Rule({ ...pg, sourceSecurityGroupId: UNKNOWN }, { sourceSecurityGroupId: [appUrn] })], "admits"],
    ["ec2 rule on another port", [bare, ec2Rule({ protocol: "tcp", fromPort: 3306, toPort: 3306, sourceSecurityGroupId: UNKNOWN }, { sourceSecurityGroupId: [appUrn] })], "denies"],
    [
      "inline references to two groups, both unknown",
      [[SG, "other", { vpcId: "vpc-1" }], inline([{ ...pg, securityGroups: [UNKNOWN] }, { ...pg, securityGroups: [UNKNOWN] }], [appUrn, urnOf(SG, "other")])],
      "unknown:preview",
    ],
  ])("%s -> %s", (_name, rs, expected) => {
    expect(answer(...rs)).toBe(expected);
  });

  it("inline securityGroups by known id join when the app group's id is known", () => {
    const g = build([SG, "app", { vpcId: "vpc-1", id: "sg-0app" }], inline([{ ...pg, securityGroups: ["sg-0app"] }]));
    const app = g.securityGroups.find((s) => s.ref.id === appUrn) as SecurityGroup;
    expect(admits(indexNetwork(g), app, db(g), PG)).toMatchObject({ admits: true });
  });
});
