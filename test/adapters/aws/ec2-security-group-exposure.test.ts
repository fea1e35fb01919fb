import type { IpPermission, SecurityGroup as SdkSecurityGroup } from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import { adaptEc2Network } from "../../../src/adapters/aws/ec2";
import type { Ec2NetworkAnswers } from "../../../src/fetchers/aws/ec2-network";
import type { Inventory } from "../../../src/models/inventory";
import type { NetworkGraph } from "../../../src/models/network";
import { defaultSecurityGroupsAdmitNothing } from "../../../src/rules/network/default-security-groups-admit-nothing";
import { securityGroupsClosedToInternetOnDataPorts } from "../../../src/rules/network/security-groups-closed-to-internet-on-data-ports";
import { run } from "../../helpers/models";
import { ACCOUNT, adaptContext, arn, failed, ok, REGION } from "./ec2-fixtures";

/** CDG-NET-010 and CDG-NET-011 on recorded DescribeSecurityGroups answers (the scanner front). */
const sg = (id: string, name: string, ingress: IpPermission[]): SdkSecurityGroup => ({
  GroupId: id,
  GroupName: name,
  OwnerId: ACCOUNT,
  VpcId: "vpc-1",
  SecurityGroupArn: arn(`security-group/${id}`),
  IpPermissions: ingress,
  IpPermissionsEgress: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
});
/** The rule AWS puts in every VPC's default group: all traffic from its own members. */
const AWS_DEFAULT_RULE: IpPermission = { IpProtocol: "-1", UserIdGroupPairs: [{ GroupId: "sg-default", UserId: ACCOUNT }] };

function answers(groups: SdkSecurityGroup[], over: Partial<Ec2NetworkAnswers> = {}): Ec2NetworkAnswers {
  return {
    region: REGION,
    vpcs: ok([{ VpcId: "vpc-1", OwnerId: ACCOUNT, CidrBlock: "10.0.0.0/16", IsDefault: false }]),
    subnets: ok([]),
    routeTables: ok([]),
    internetGateways: ok([]),
    egressOnlyInternetGateways: ok([]),
    natGateways: ok([]),
    securityGroups: ok(groups),
    prefixLists: ok([
      {
        list: { PrefixListId: "pl-office", PrefixListName: "office", OwnerId: ACCOUNT, AddressFamily: "IPv4", PrefixListArn: arn("prefix-list/pl-office") },
        entries: ok([{ Cidr: "198.51.100.0/24" }]),
      },
    ]),
    networkAcls: ok([]),
    vpcEndpoints: ok([]),
    peerings: ok([]),
    transitGatewayAttachments: ok([]),
    ...over,
  };
}
const inventoryOf = (raw: Ec2NetworkAnswers): Partial<Inventory> => ({ network: adaptEc2Network(raw, adaptContext()).network as NetworkGraph });
const verdicts = (rule: Parameters<typeof run>[0], raw: Ec2NetworkAnswers) => run(rule, inventoryOf(raw)).map((o) => `${o.status} ${o.resource.name}`);

describe("CDG-NET-010 security-groups-closed-to-internet-on-data-ports on scanned groups", () => {
  it.each<[string, Ec2NetworkAnswers, string[]]>([
    ["compliant: HTTPS from anywhere, PostgreSQL from an application group", answers([
      sg("sg-web", "web", [{ IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: "0.0.0.0/0" }], Ipv6Ranges: [{ CidrIpv6: "::/0" }] }]),
      sg("sg-db", "db", [{ IpProtocol: "tcp", FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: "sg-web", UserId: ACCOUNT }] }]),
    ]), ["pass sg-web", "pass sg-db"]],
    ["violation: Redis open to ::/0, no cluster attached", answers([sg("sg-cache", "cache", [{ IpProtocol: "tcp", FromPort: 6379, ToPort: 6379, Ipv6Ranges: [{ CidrIpv6: "::/0" }] }])]), ["fail sg-cache"]],
    ["violation: all traffic from 0.0.0.0/0", answers([sg("sg-any", "any", [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }])]), ["fail sg-any"]],
    ["violation: MongoDB from a prefix list holding a public block", answers([sg("sg-docdb", "docdb", [{ IpProtocol: "tcp", FromPort: 27017, ToPort: 27017, PrefixListIds: [{ PrefixListId: "pl-office" }] }])]), ["fail sg-docdb"]],
    [
      "unknown: the prefix list's entries could not be read",
      answers([sg("sg-docdb", "docdb", [{ IpProtocol: "tcp", FromPort: 27017, ToPort: 27017, PrefixListIds: [{ PrefixListId: "pl-office" }] }])], {
        prefixLists: ok([{ list: { PrefixListId: "pl-office", PrefixListName: "office", OwnerId: ACCOUNT, AddressFamily: "IPv4", PrefixListArn: arn("prefix-list/pl-office") }, entries: failed("ec2:GetManagedPrefixListEntries") }]),
      }),
      ["unknown sg-docdb"],
    ],
    ["not assessed: groups that could not be listed are a coverage gap, not a verdict", answers([], { securityGroups: failed("ec2:DescribeSecurityGroups") }), []],
  ])("%s", (_name, raw, expected) => {
    expect(verdicts(securityGroupsClosedToInternetOnDataPorts, raw)).toEqual(expected);
  });
});

describe("CDG-NET-011 default-security-groups-admit-nothing on scanned groups", () => {
  it.each<[string, Ec2NetworkAnswers, string[]]>([
    ["compliant: the default group's rules were revoked", answers([sg("sg-default", "default", [])]), ["pass sg-default"]],
    ["compliant: only the default group is judged", answers([sg("sg-app", "app", [AWS_DEFAULT_RULE])]), []],
    ["violation: AWS's own rule (all traffic from its members)", answers([sg("sg-default", "default", [AWS_DEFAULT_RULE])]), ["fail sg-default"]],
    ["violation: SSH from the office", answers([sg("sg-default", "default", [{ IpProtocol: "tcp", FromPort: 22, ToPort: 22, PrefixListIds: [{ PrefixListId: "pl-office" }] }])]), ["fail sg-default"]],
    ["not assessed: groups that could not be listed are a coverage gap, not a verdict", answers([], { securityGroups: failed("ec2:DescribeSecurityGroups") }), []],
  ])("%s", (_name, raw, expected) => {
    expect(verdicts(defaultSecurityGroupsAdmitNothing, raw)).toEqual(expected);
  });

  it("a scanned VPC's default group is judged by its rules, never assumed", () => {
    const net = inventoryOf(answers([])).network as NetworkGraph;
    expect(net.vpcs[0]?.defaultSecurityGroup).toBeUndefined();
  });
});
