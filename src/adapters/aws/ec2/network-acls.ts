import type { NetworkAcl as SdkNetworkAcl, NetworkAclEntry as SdkEntry } from "@aws-sdk/client-ec2";
import type { NetworkAcl, NetworkAclEntry } from "../../../models/network";
import { ec2Arn, ec2Ref, type Ec2Scope, type NetworkIds } from "./scope";

export const networkAclArn = (s: Ec2Scope, a: SdkNetworkAcl): string => ec2Arn(s, `network-acl/${a.NetworkAclId ?? ""}`, a.OwnerId);

/** A network ACL with every entry EC2 lists (the final `*` deny rule included) and the subnets it guards. */
export function adaptNetworkAcl(a: SdkNetworkAcl, s: Ec2Scope, ids: NetworkIds): NetworkAcl {
  const id = a.NetworkAclId ?? "";
  return {
    kind: "network-acl",
    ref: ec2Ref(s, networkAclArn(s, a), "AWS::EC2::NetworkAcl", id, "network ACL", a.OwnerId),
    awsId: id,
    vpc: ids.ref(a.VpcId),
    subnets: ids.refs(a.Associations?.map((x) => x.SubnetId)),
    entries: (a.Entries ?? []).map((e) => adaptEntry(e, id)),
  };
}

function adaptEntry(e: SdkEntry, aclId: string): NetworkAclEntry {
  const direction = e.Egress === true ? "egress" : "ingress";
  return {
    origin: `${direction} rule ${e.RuleNumber ?? "?"} of ${aclId}`,
    egress: e.Egress === true,
    ruleNumber: e.RuleNumber,
    action: e.RuleAction,
    protocol: e.Protocol,
    fromPort: e.PortRange?.From,
    toPort: e.PortRange?.To,
    ipv4Cidr: e.CidrBlock,
    ipv6Cidr: e.Ipv6CidrBlock,
  };
}
