import type { Cluster } from "@aws-sdk/client-kafka";
import { describe, expect, it } from "vitest";
import { VPC_DEFAULT_SECURITY_GROUP } from "../../../src/models/network";
import { adaptMsk } from "../../../src/adapters/aws/kafka";
import type { DataStore } from "../../../src/models/data-store";
import { effectivePublicAccess } from "../../../src/network/merge-placements";
import { restrictedDataEncryptedWithCustomerManagedKey } from "../../../src/rules/encryption/restricted-data-encrypted-with-customer-managed-key";
import { dataStoreNotPubliclyAccessible } from "../../../src/rules/network/data-store-not-publicly-accessible";
import { engineResource } from "../../helpers/engine";
import { run, statuses } from "../../helpers/models";
import { inventoryOf, placementOf, storeNamed } from "./contributions";
import { ACCOUNT, adaptContext, AWS_MANAGED_KEY_ARN, CMK_ARN, failed, ok, REGION, TAGS } from "./fixtures";
import { comparablePlacement, expectParity, pulumi, pulumiPlacement, without } from "./parity";

const arn = (name: string, type = "cluster") => `arn:aws:kafka:${REGION}:${ACCOUNT}:${type}/${name}/0f1e2d3c-aaaa-bbbb-cccc-000000000001-1`;

const provisioned = (name: string, over: { key?: string; access?: string; subnets?: string[]; groups?: string[] } = {}): Cluster => ({
  ClusterArn: arn(name),
  ClusterName: name,
  ClusterType: "PROVISIONED",
  State: "ACTIVE",
  Tags: TAGS,
  Provisioned: {
    NumberOfBrokerNodes: 2,
    BrokerNodeGroupInfo: {
      InstanceType: "kafka.m5.large",
      ClientSubnets: over.subnets ?? ["subnet-a", "subnet-b"],
      SecurityGroups: over.groups ?? ["sg-1"],
      ...(over.access ? { ConnectivityInfo: { PublicAccess: { Type: over.access } } } : {}),
    },
    EncryptionInfo: { EncryptionAtRest: { DataVolumeKMSKeyId: over.key ?? AWS_MANAGED_KEY_ARN } },
  },
});

const serverless = (name: string): Cluster => ({
  ClusterArn: arn(name, "serverless-cluster"),
  ClusterName: name,
  ClusterType: "SERVERLESS",
  State: "ACTIVE",
  Tags: TAGS,
  Serverless: { VpcConfigs: [{ SubnetIds: ["subnet-a"], SecurityGroupIds: ["sg-1"] }, { SubnetIds: ["subnet-b"] }] },
});

const adapt = (...clusters: Cluster[]) => adaptMsk({ region: REGION, clusters: ok(clusters) }, adaptContext());

describe("MSK adapter (recorded responses)", () => {
  it("a provisioned cluster with a customer-managed key, public access disabled", () => {
    const c = adapt(provisioned("events", { key: CMK_ARN, access: "DISABLED" }));
    const s = storeNamed(c, "events");
    expect(s).toMatchObject({
      kind: "msk-cluster",
      physicalName: "events",
      ref: { id: arn("events"), type: "AWS::MSK::Cluster", label: "MSK cluster", account: ACCOUNT, region: REGION },
      tags: TAGS,
      encryption: { enabled: true, keyManager: "customer-managed", keyId: CMK_ARN, keyRef: CMK_ARN },
    });
    expect(s.variant).toBeUndefined();
    expect(placementOf(c, s.ref.id)).toMatchObject({ publiclyAccessible: false, publicWhenUnset: false, subnets: ["subnet-a", "subnet-b"], securityGroups: ["sg-1"], inVpc: true, observed: "PublicAccess.Type DISABLED" });
    expect(statuses(run(restrictedDataEncryptedWithCustomerManagedKey, inventoryOf(c)))).toEqual(["pass"]);
  });

  it.each<[string, string | undefined, boolean | undefined]>([
    ["SERVICE_PROVIDED_EIPS: public", "SERVICE_PROVIDED_EIPS", true],
    ["DISABLED: private", "DISABLED", false],
    ["not reported: AWS's default (private)", undefined, undefined],
  ])("public access %s", (_name, access, switchValue) => {
    const p = placementOf(adapt(provisioned("events", access ? { access } : {})), arn("events"));
    expect(p.publiclyAccessible).toBe(switchValue);
    expect(effectivePublicAccess(p)).toBe(access === "SERVICE_PROVIDED_EIPS");
  });

  it("a public cluster with the aws/kafka key fails both rules", () => {
    const c = adapt(provisioned("events", { access: "SERVICE_PROVIDED_EIPS" }));
    expect(storeNamed(c, "events").encryption).toMatchObject({ enabled: true, keyManager: "aws-managed", keyId: AWS_MANAGED_KEY_ARN });
    const inv = inventoryOf(c);
    expect(statuses(run(dataStoreNotPubliclyAccessible, inv))).toEqual(["fail"]);
    expect(statuses(run(restrictedDataEncryptedWithCustomerManagedKey, inv))).toEqual(["fail"]);
  });

  it("brokers without security groups: the VPC's default group, not named", () => {
    // Judged as the VPC's default group (joined in the view), no longer "not assessed".
    expect(placementOf(adapt(provisioned("events", { groups: [] })), arn("events")).securityGroups).toEqual([VPC_DEFAULT_SECURITY_GROUP]);
  });

  it("a serverless cluster: service-owned key, never public, its VPC configs united", () => {
    const c = adapt(serverless("stream"));
    const s = storeNamed(c, "stream");
    expect(s).toMatchObject({ variant: "msk-serverless-cluster", ref: { type: "AWS::MSK::ServerlessCluster", label: "MSK Serverless cluster" }, encryption: { enabled: true, keyManager: "aws-owned" } });
    expect(placementOf(c, s.ref.id)).toMatchObject({ publiclyAccessible: false, subnets: ["subnet-a", "subnet-b"], securityGroups: ["sg-1"] });
  });

  it("clusters not listed: a gap", () => {
    const c = adaptMsk({ region: REGION, clusters: failed("kafka", "kafka:ListClustersV2", "unavailable") }, adaptContext());
    expect(c.gaps).toEqual([expect.objectContaining({ service: "kafka", what: "MSK clusters", reason: "unavailable" })]);
  });
});

describe("MSK parity with the Pulumi front", () => {
  const brokers = (access: string) => ({ instanceType: "kafka.m5.large", clientSubnets: ["subnet-a", "subnet-b"], securityGroups: ["sg-1"], connectivityInfo: { publicAccess: { type: access } } });

  it.each<[string, Record<string, unknown>, Parameters<typeof provisioned>[1]]>([
    ["a customer-managed key, private", { encryptionInfo: { encryptionAtRestKmsKeyArn: CMK_ARN }, brokerNodeGroupInfo: brokers("DISABLED") }, { key: CMK_ARN, access: "DISABLED" }],
    ["public brokers", { encryptionInfo: { encryptionAtRestKmsKeyArn: CMK_ARN }, brokerNodeGroupInfo: brokers("SERVICE_PROVIDED_EIPS") }, { key: CMK_ARN, access: "SERVICE_PROVIDED_EIPS" }],
  ])("provisioned cluster with %s", (_name, props, over) => {
    const fromPulumi = pulumi(engineResource("aws:msk/cluster:Cluster", "events", { clusterName: "events", tags: TAGS, ...props }));
    const fromAws = adapt(provisioned("events", over));
    const store = storeNamed(fromAws, "events");
    expectParity(store, fromPulumi.stores[0]);
    expect(comparablePlacement(placementOf(fromAws, store.ref.id), undefined)).toEqual(comparablePlacement(pulumiPlacement(fromPulumi), undefined));
  });

  it("defaults: the aws/kafka key (the scan also names it)", () => {
    const fromPulumi = pulumi(engineResource("aws:msk/cluster:Cluster", "events", { clusterName: "events", tags: TAGS, brokerNodeGroupInfo: brokers("DISABLED") }));
    const store = storeNamed(adapt(provisioned("events", { access: "DISABLED" })), "events") as DataStore;
    expectParity(without(store, ["keyId"]), fromPulumi.stores[0]);
  });

  it("serverless cluster", () => {
    const fromPulumi = pulumi(
      engineResource("aws:msk/serverlessCluster:ServerlessCluster", "stream", {
        clusterName: "stream",
        tags: TAGS,
        vpcConfigs: [{ subnetIds: ["subnet-a"], securityGroupIds: ["sg-1"] }, { subnetIds: ["subnet-b"] }],
      }),
    );
    const fromAws = adapt(serverless("stream"));
    const store = storeNamed(fromAws, "stream");
    expectParity(store, fromPulumi.stores[0]);
    expect(comparablePlacement(placementOf(fromAws, store.ref.id), undefined)).toEqual(comparablePlacement(pulumiPlacement(fromPulumi), undefined));
  });
});
