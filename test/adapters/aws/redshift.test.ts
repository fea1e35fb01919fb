import type { Cluster, ClusterSubnetGroup } from "@aws-sdk/client-redshift";
import { describe, expect, it } from "vitest";
import { adaptRedshift } from "../../../src/adapters/aws/redshift";
import type { RedshiftAnswers } from "../../../src/fetchers/aws/redshift";
import type { DataStore } from "../../../src/models/data-store";
import { dataStoreEncryptedAtRest } from "../../../src/rules/encryption/data-store-encrypted-at-rest";
import { restrictedDataEncryptedWithCustomerManagedKey } from "../../../src/rules/encryption/restricted-data-encrypted-with-customer-managed-key";
import { dataStoreNotPubliclyAccessible } from "../../../src/rules/network/data-store-not-publicly-accessible";
import { engineResource } from "../../helpers/engine";
import { run, statuses } from "../../helpers/models";
import { expectUnknown, inventoryOf, networkOf, placementOf, storeNamed } from "./contributions";
import { ACCOUNT, adaptContext, AWS_MANAGED_KEY_ARN, CMK_ARN, failed, ok, REGION, TAG_LIST, TAGS } from "./fixtures";
import { comparablePlacement, expectParity, pulumi, pulumiPlacement, without } from "./parity";

const arn = (resource: string) => `arn:aws:redshift:${REGION}:${ACCOUNT}:${resource}`;

const subnetGroup = (name = "wh-subnets", subnets = ["subnet-a", "subnet-b"]): ClusterSubnetGroup => ({
  ClusterSubnetGroupName: name,
  VpcId: "vpc-1",
  Subnets: subnets.map((SubnetIdentifier) => ({ SubnetIdentifier, SubnetStatus: "Active" })),
});

const cluster = (id: string, over: Partial<Cluster> = {}): Cluster => ({
  ClusterIdentifier: id,
  Encrypted: true,
  PubliclyAccessible: false,
  ClusterSubnetGroupName: "wh-subnets",
  VpcSecurityGroups: [{ VpcSecurityGroupId: "sg-1", Status: "active" }],
  Tags: TAG_LIST,
  ...over,
});

const answer = (over: Partial<RedshiftAnswers> = {}): RedshiftAnswers => ({ region: REGION, clusters: ok([]), subnetGroups: ok([subnetGroup()]), ...over });
const adapt = (over: Partial<RedshiftAnswers> = {}, ctx = adaptContext()) => adaptRedshift(answer(over), ctx);

describe("Redshift adapter (recorded responses)", () => {
  it("a cluster encrypted with a customer-managed key, private, in its subnet group", () => {
    const c = adapt({ clusters: ok([cluster("warehouse", { KmsKeyId: CMK_ARN })]) });
    const s = storeNamed(c, "warehouse");
    expect(s).toMatchObject({
      kind: "redshift-cluster",
      physicalName: "warehouse",
      ref: { id: arn("cluster:warehouse"), type: "AWS::Redshift::Cluster", label: "Redshift cluster", account: ACCOUNT, region: REGION },
      tags: TAGS,
      encryption: { enabled: true, keyManager: "customer-managed", keyId: CMK_ARN, keyRef: CMK_ARN },
    });
    expect(placementOf(c, s.ref.id)).toMatchObject({
      publiclyAccessible: false,
      publicWhenUnset: false,
      subnetGroup: arn("subnetgroup:wh-subnets"),
      subnetGroupService: "redshift",
      subnets: ["subnet-a", "subnet-b"],
      securityGroups: ["sg-1"],
      inVpc: true,
    });
    expect(c.network?.subnetGroups).toEqual([
      expect.objectContaining({ kind: "subnet-group", service: "redshift", name: "wh-subnets", awsId: "wh-subnets", subnets: ["subnet-a", "subnet-b"], ref: expect.objectContaining({ id: arn("subnetgroup:wh-subnets"), label: "Redshift subnet group" }) }),
    ]);
    expect(c.gaps).toEqual([]);
    const inv = inventoryOf(c);
    expect(statuses(run(restrictedDataEncryptedWithCustomerManagedKey, inv))).toEqual(["pass"]);
    expect(statuses(run(dataStoreNotPubliclyAccessible, inv))).toEqual(["pass"]);
  });

  it.each<[string, Partial<Cluster>, Partial<DataStore["encryption"]>]>([
    ["encrypted without a key: AWS-owned", { KmsKeyId: undefined }, { enabled: true, keyManager: "aws-owned" }],
    ["encrypted with the aws/redshift key", { KmsKeyId: AWS_MANAGED_KEY_ARN }, { enabled: true, keyManager: "aws-managed", keyId: AWS_MANAGED_KEY_ARN }],
    ["not encrypted", { Encrypted: false }, { enabled: false, keyManager: undefined, observed: "Encrypted=false" }],
    ["switch not reported: AWS's default (encrypted)", { Encrypted: undefined }, { enabled: true, keyManager: "aws-owned" }],
  ])("%s", (_name, over, expected) => {
    expect(storeNamed(adapt({ clusters: ok([cluster("warehouse", over)]) }), "warehouse").encryption).toMatchObject(expected);
  });

  it("a public cluster fails CDG-NET-001; an unencrypted one fails CDG-ENC-001", () => {
    const inv = inventoryOf(adapt({ clusters: ok([cluster("warehouse", { PubliclyAccessible: true, Encrypted: false })]) }));
    expect(statuses(run(dataStoreNotPubliclyAccessible, inv))).toEqual(["fail"]);
    expect(statuses(run(dataStoreEncryptedAtRest, inv))).toEqual(["fail"]);
  });

  it("a key whose manager KMS did not tell is Unknown with the reason", () => {
    const s = storeNamed(adapt({ clusters: ok([cluster("warehouse", { KmsKeyId: CMK_ARN })]) }, adaptContext({})), "warehouse");
    expect(s.encryption).toMatchObject({ enabled: true, keyId: CMK_ARN });
    expectUnknown((s.encryption as { keyManager: unknown }).keyManager, "access-denied", /kms:DescribeKey/);
  });

  it("a subnet group not listed: the placement names it, its subnets are Unknown with the listing's reason, and a gap", () => {
    const c = adapt({ clusters: ok([cluster("warehouse")]), subnetGroups: failed("redshift", "redshift:DescribeClusterSubnetGroups") });
    const p = placementOf(c, storeNamed(c, "warehouse").ref.id);
    expect(p.subnetGroup).toBe("wh-subnets");
    expectUnknown(p.subnets, "access-denied", /redshift:DescribeClusterSubnetGroups/);
    expect(c.gaps).toEqual([expect.objectContaining({ service: "redshift", what: "Redshift cluster subnet groups", reason: "access-denied" })]);
  });

  it("a subnet group missing from the answer: subnets not fetched", () => {
    const c = adapt({ clusters: ok([cluster("warehouse", { ClusterSubnetGroupName: "other" })]) });
    expectUnknown(placementOf(c, storeNamed(c, "warehouse").ref.id).subnets, "not-fetched", /other was not in the DescribeClusterSubnetGroups answer/);
  });

  it("a cluster listing that failed leaves a gap and no store", () => {
    const c = adapt({ clusters: failed("redshift", "redshift:DescribeClusters", "throttled") });
    expect(c.stores).toEqual([]);
    expect(c.gaps).toEqual([expect.objectContaining({ what: "Redshift clusters", action: "redshift:DescribeClusters", reason: "throttled", region: REGION })]);
  });
});

describe("Redshift parity with the Pulumi front", () => {
  const group = engineResource("aws:redshift/subnetGroup:SubnetGroup", "wh-subnets", { name: "wh-subnets", subnetIds: ["subnet-a", "subnet-b"] });
  const clusterProps = { clusterIdentifier: "warehouse", clusterSubnetGroupName: "wh-subnets", vpcSecurityGroupIds: ["sg-1"], tags: TAGS };

  it.each<[string, Record<string, unknown>, Partial<Cluster>]>([
    ["a customer-managed key, private (v7 strings)", { encrypted: "true", kmsKeyId: CMK_ARN, publiclyAccessible: false }, { KmsKeyId: CMK_ARN }],
    ["defaults: AWS-owned key (v7 encrypted unset), public", { publiclyAccessible: true }, { PubliclyAccessible: true }],
    ["not encrypted (v6 boolean)", { encrypted: false, publiclyAccessible: false }, { Encrypted: false }],
  ])("cluster with %s", (_name, props, over) => {
    const fromPulumi = pulumi(group, engineResource("aws:redshift/cluster:Cluster", "warehouse", { ...clusterProps, ...props }));
    const fromAws = adapt({ clusters: ok([cluster("warehouse", over)]) });
    const store = storeNamed(fromAws, "warehouse");
    expectParity(store, fromPulumi.stores[0]);
    expect(comparablePlacement(placementOf(fromAws, store.ref.id), networkOf(fromAws))).toEqual(comparablePlacement(pulumiPlacement(fromPulumi), fromPulumi.network));
    expectParity(fromAws.network?.subnetGroups, fromPulumi.network?.subnetGroups);
  });

  it("encrypted with the aws/redshift key: the scan also names the key (its ARN)", () => {
    const fromPulumi = pulumi(engineResource("aws:redshift/cluster:Cluster", "warehouse", { ...clusterProps, encrypted: true, kmsKeyId: "alias/aws/redshift" }));
    const store = storeNamed(adapt({ clusters: ok([cluster("warehouse", { KmsKeyId: AWS_MANAGED_KEY_ARN })]) }), "warehouse");
    expect(store.encryption).toMatchObject({ keyManager: "aws-managed", keyId: AWS_MANAGED_KEY_ARN });
    expectParity(without(store, ["keyId"]), without(fromPulumi.stores[0], ["keyId"]));
  });
});
