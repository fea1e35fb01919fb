import type { SecurityGroup, SecurityGroupRule } from "../../models/network";
import { known, tagProps, type StateWriter } from "./context";

/** A security group with its rules inline (`ingress[]`, `egress[]`); the VPC's `default` group as `DefaultSecurityGroup`. */
export function writeSecurityGroup(w: StateWriter, g: SecurityGroup): void {
  const what = `security group ${g.ref.name}`;
  const vpc = known(g.vpc, `the VPC of ${what}`);
  const name = known(g.name, `the name of ${what}`);
  const rules = [...g.ingress, ...g.egress].map((r) => ruleProps(w, r));
  const id = g.awsId ?? g.ref.name;
  w.add({
    type: name === "default" ? "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup" : "aws:ec2/securityGroup:SecurityGroup",
    name: id,
    model: g.ref,
    id,
    props: {
      arn: g.ref.id,
      name,
      vpcId: vpc === undefined ? undefined : w.awsIdOf(vpc),
      ingress: rules.slice(0, g.ingress.length).map((r) => r.props),
      egress: rules.slice(g.ingress.length).map((r) => r.props),
      ...tagProps(w.tagsOf(g.ref.id), what),
    },
    refs: {
      vpcId: [vpc],
      ingress: rules.slice(0, g.ingress.length).flatMap((r) => r.models),
      egress: rules.slice(g.ingress.length).flatMap((r) => r.models),
    },
  });
}

/** One inline rule: protocol, ports and its peers by kind; `models`: the groups and prefix lists it names. */
function ruleProps(w: StateWriter, r: SecurityGroupRule): { props: Record<string, unknown>; models: string[] } {
  const peers = known(r.peers, `the peers of ${r.origin}`);
  const list = (kind: string, f: (p: (typeof peers)[number]) => string | undefined) =>
    peers.filter((p) => p.kind === kind).map(f).filter((x): x is string => x !== undefined);
  const cidrs = list("ipv4", (p) => (p.kind === "ipv4" ? known(p.cidr, `a peer of ${r.origin}`) : undefined));
  const ipv6 = list("ipv6", (p) => (p.kind === "ipv6" ? known(p.cidr, `a peer of ${r.origin}`) : undefined));
  const prefixLists = list("prefix-list", (p) => (p.kind === "prefix-list" ? known(p.prefixList, `a peer of ${r.origin}`) : undefined));
  const groups = list("security-group", (p) => (p.kind === "security-group" ? known(p.group, `a peer of ${r.origin}`) : undefined));
  const fromPort = known(r.fromPort, `the ports of ${r.origin}`);
  const toPort = known(r.toPort, `the ports of ${r.origin}`);
  return {
    props: {
      protocol: known(r.protocol, `the protocol of ${r.origin}`),
      ...(fromPort === undefined ? {} : { fromPort }),
      ...(toPort === undefined ? {} : { toPort }),
      cidrBlocks: cidrs,
      ipv6CidrBlocks: ipv6,
      prefixListIds: prefixLists.map((l) => w.awsIdOf(l)),
      securityGroups: groups.map((g) => w.awsIdOf(g)),
      self: peers.some((p) => p.kind === "self"),
    },
    models: [...prefixLists, ...groups],
  };
}
