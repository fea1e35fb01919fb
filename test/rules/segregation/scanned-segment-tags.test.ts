// Scanner parity for issue 11: the segment tags of security groups, KMS keys and roles come from AWS
// (DescribeSecurityGroups, ListResourceTags, GetAccountAuthorizationDetails) through the scanner's
// adapters and merge, and the same rules judge them as on the Pulumi front.
import type { SecurityGroup as SdkSecurityGroup } from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import { adaptEc2Network } from "../../../src/adapters/aws/ec2";
import { adaptIam } from "../../../src/adapters/aws/iam";
import type { InventoryContribution } from "../../../src/adapters/aws/contribution";
import type { Placement } from "../../../src/models/placement";
import { noNetworkPathBetweenSegments, noPrincipalReachesTwoSegments, segmentResourcesNotShared } from "../../../src/rules/segregation";
import { mergeContributions } from "../../../src/scanner/merge";
import { ACCOUNT, adaptContext, arn, ok, REGION } from "../../adapters/aws/ec2-fixtures";
import { key, run, store } from "../../helpers/models";

const segmentTag = (s: string) => [{ Key: "customer-segment", Value: s }];
const sg = (id: string, segment: string | undefined, from: string[] = []): SdkSecurityGroup => ({
  GroupId: id,
  GroupName: id.replace("sg-", ""),
  OwnerId: ACCOUNT,
  VpcId: "vpc-1",
  SecurityGroupArn: arn(`security-group/${id}`),
  IpPermissions: from.length ? [{ IpProtocol: "tcp", FromPort: 22, ToPort: 22, UserIdGroupPairs: from.map((GroupId) => ({ GroupId, UserId: ACCOUNT })) }] : [],
  IpPermissionsEgress: [],
  ...(segment ? { Tags: segmentTag(segment) } : {}),
});

function network(groups: SdkSecurityGroup[]): InventoryContribution {
  const none = ok([]);
  return adaptEc2Network(
    {
      region: REGION,
      vpcs: ok([{ VpcId: "vpc-1", OwnerId: ACCOUNT, CidrBlock: "10.0.0.0/16", IsDefault: false }]),
      subnets: none,
      routeTables: none,
      internetGateways: none,
      egressOnlyInternetGateways: none,
      natGateways: none,
      securityGroups: ok(groups),
      prefixLists: none,
      networkAcls: none,
      vpcEndpoints: none,
      peerings: none,
      transitGatewayAttachments: none,
    },
    adaptContext(),
  );
}

const ddb = (name: string, segment: string, over: Parameters<typeof store>[0] = {}) =>
  store({
    ref: { id: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${name}`, type: "AWS::DynamoDB::Table", name, label: "DynamoDB table", account: ACCOUNT, region: REGION },
    kind: "dynamodb-table",
    arn: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${name}`,
    tags: { "data-classification": "restricted", "customer-segment": segment },
    ...over,
  });

describe("scanned inventories: tagged security groups (CDG-SEG-003)", () => {
  const judge = (groups: SdkSecurityGroup[]) => {
    const { inventory } = mergeContributions([network(groups), { stores: [ddb("orders-b", "b")] }]);
    return run(noNetworkPathBetweenSegments, inventory).find((o) => o.resource.id === arn("security-group/sg-app-b"));
  };

  it.each([
    ["violation: segment b's group admits segment a's group", [sg("sg-app-b", "b", ["sg-ops-a"]), sg("sg-ops-a", "a")], "fail"],
    ["compliant: segment b's group admits segment b's group", [sg("sg-app-b", "b", ["sg-ops-b"]), sg("sg-ops-b", "b")], "pass"],
    ["compliant: an untagged group admitted belongs to no segment", [sg("sg-app-b", "b", ["sg-misc"]), sg("sg-misc", undefined)], "pass"],
  ] as const)("%s", (_, groups, status) => {
    const o = judge([...groups]);
    expect(o?.status).toBe(status);
    if (status === "fail") expect(o?.message).toBe("security group 'sg-app-b' (segment 'b', by its tag): ingress[0] of sg-app-b admits security group 'sg-ops-a' of segment 'a' (its tag)");
  });

  it("violation: a store's security group admits another segment's tagged group", () => {
    const placement: Placement = { publiclyAccessible: false, subnets: [], securityGroups: [arn("security-group/sg-db-b")], inVpc: true, observed: "test" };
    const table = ddb("orders-b", "b");
    const { inventory } = mergeContributions([network([sg("sg-db-b", undefined, ["sg-ops-a"]), sg("sg-ops-a", "a")]), { stores: [table], placements: [[table.ref.id, placement]] }]);
    const o = run(noNetworkPathBetweenSegments, inventory).find((x) => x.resource.id === table.ref.id);
    expect(o).toMatchObject({ status: "fail", message: "DynamoDB table 'orders-b' (segment 'b'): ingress[0] of sg-db-b admits security group 'sg-ops-a' of segment 'a' (its tag)" });
  });
});

describe("scanned inventories: tagged KMS keys (CDG-SEG-002, CDG-SEG-005)", () => {
  const keyArn = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0000000a-1111-2222-3333-444444444444`;
  const tagged = key({ ref: { id: keyArn, type: "AWS::KMS::Key", name: "0000000a", label: "KMS key", account: ACCOUNT, region: REGION }, arn: keyArn, tags: { "customer-segment": "a" } });
  const encryptedWith = (name: string, segment: string) =>
    ddb(name, segment, { encryption: { enabled: true, keyManager: "customer-managed", keyRef: keyArn, keyId: keyArn, observed: "SSEDescription" } });

  it.each([
    ["compliant: the key tagged 'a' encrypts segment a's table", "a", "pass"],
    ["violation: the key tagged 'a' encrypts segment b's table", "b", "fail"],
  ] as const)("CDG-SEG-002 %s", (_, segment, status) => {
    const { inventory } = mergeContributions([{ stores: [encryptedWith("orders", segment)], keys: [tagged] }]);
    expect(run(segmentResourcesNotShared, inventory).find((o) => o.resource.id === keyArn)?.status).toBe(status);
  });

  it("CDG-SEG-005 violation: a role decrypting segment a's spare key and reading segment b's table", () => {
    const policy = encodeURIComponent(
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Action: "kms:Decrypt", Resource: keyArn },
          { Effect: "Allow", Action: "dynamodb:GetItem", Resource: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/orders-b` },
        ],
      }),
    );
    const iam = adaptIam(
      {
        details: {
          ok: true,
          value: {
            roles: [{ RoleName: "reporting", Arn: `arn:aws:iam::${ACCOUNT}:role/reporting`, Path: "/", RolePolicyList: [{ PolicyName: "read", PolicyDocument: policy }], AttachedManagedPolicies: [], Tags: [] }],
            users: [],
            groups: [],
            policies: [],
          },
        },
      },
      adaptContext(),
    );
    const { inventory } = mergeContributions([{ stores: [ddb("orders-b", "b")], keys: [tagged], iam: iam.iam, tags: iam.tags }]);
    expect(run(noPrincipalReachesTwoSegments, inventory).find((o) => o.resource.name === "reporting")).toMatchObject({
      status: "fail",
      message: "IAM role 'reporting' can reach the data of segments 'a' (KMS key '0000000a') and 'b' (DynamoDB table 'orders-b')",
    });
  });
});

describe("scanned inventories: tagged roles (CDG-SEG-005)", () => {
  const readB = encodeURIComponent(JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "dynamodb:Query", Resource: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/orders-b` }] }));
  it.each([
    ["violation: a role tagged 'a' reading segment b's table", "a", "fail"],
    ["compliant: a role tagged 'b' reading segment b's table", "b", "pass"],
  ] as const)("%s", (_, segment, status) => {
    const iam = adaptIam(
      {
        details: {
          ok: true,
          value: {
            roles: [{ RoleName: "app", Arn: `arn:aws:iam::${ACCOUNT}:role/app`, Path: "/", RolePolicyList: [{ PolicyName: "read", PolicyDocument: readB }], AttachedManagedPolicies: [], Tags: segmentTag(segment) }],
            users: [],
            groups: [],
            policies: [],
          },
        },
      },
      adaptContext(),
    );
    const { inventory } = mergeContributions([{ stores: [ddb("orders-a", "a"), ddb("orders-b", "b")], iam: iam.iam, tags: iam.tags }]);
    const o = run(noPrincipalReachesTwoSegments, inventory).find((x) => x.resource.name === "app");
    expect(o?.status).toBe(status);
    if (status === "fail") expect(o?.message).toBe("IAM role 'app' belongs to segment 'a' (its tag) but can reach the data of segment 'b' (DynamoDB table 'orders-b')");
  });
});
