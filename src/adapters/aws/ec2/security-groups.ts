import type { IpPermission, SecurityGroup as SdkSecurityGroup } from "@aws-sdk/client-ec2";
import type { RulePeer, SecurityGroup, SecurityGroupRule } from "../../../models/network";
import { ec2Arn, ec2Ref, type Ec2Scope, type NetworkIds } from "./scope";

export const securityGroupArn = (s: Ec2Scope, g: SdkSecurityGroup): string =>
  g.SecurityGroupArn ?? ec2Arn(s, `security-group/${g.GroupId ?? ""}`, g.OwnerId);

/** A security group with its rules, one rule per permission EC2 lists (as an inline rule of a Pulumi group). */
export function adaptSecurityGroup(g: SdkSecurityGroup, s: Ec2Scope, ids: NetworkIds): SecurityGroup {
  const id = g.GroupId ?? "";
  return {
    kind: "security-group",
    ref: ec2Ref(s, securityGroupArn(s, g), "AWS::EC2::SecurityGroup", id, "security group", g.OwnerId),
    awsId: id,
    vpc: ids.ref(g.VpcId),
    name: g.GroupName,
    // Every VPC's default group is named `default`, and no other group may take that name.
    ...(g.GroupName === "default" ? { isDefault: true } : {}),
    ingress: (g.IpPermissions ?? []).map((p, i) => adaptRule(p, "ingress", `ingress[${i}] of ${id}`, id, ids)),
    egress: (g.IpPermissionsEgress ?? []).map((p, i) => adaptRule(p, "egress", `egress[${i}] of ${id}`, id, ids)),
  };
}

function adaptRule(p: IpPermission, direction: "ingress" | "egress", origin: string, ownId: string, ids: NetworkIds): SecurityGroupRule {
  return {
    origin,
    direction,
    protocol: p.IpProtocol,
    fromPort: p.FromPort,
    toPort: p.ToPort,
    peers: peersOf(p, ownId, ids),
  };
}

/** A rule naming its own group is a `self` rule, as Pulumi's `self: true`. */
function peersOf(p: IpPermission, ownId: string, ids: NetworkIds): RulePeer[] {
  const peers: RulePeer[] = [];
  for (const r of p.IpRanges ?? []) if (r.CidrIp) peers.push({ kind: "ipv4", cidr: r.CidrIp });
  for (const r of p.Ipv6Ranges ?? []) if (r.CidrIpv6) peers.push({ kind: "ipv6", cidr: r.CidrIpv6 });
  for (const l of p.PrefixListIds ?? []) {
    const list = ids.ref(l.PrefixListId);
    if (list !== undefined) peers.push({ kind: "prefix-list", prefixList: list });
  }
  let self = false;
  for (const pair of p.UserIdGroupPairs ?? []) {
    if (pair.GroupId === ownId) self = true;
    else {
      const group = ids.ref(pair.GroupId ?? pair.GroupName);
      if (group !== undefined) peers.push({ kind: "security-group", group });
    }
  }
  return self ? [...peers, { kind: "self" }] : peers;
}
