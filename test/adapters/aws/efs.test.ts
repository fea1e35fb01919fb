import type { FileSystemDescription } from "@aws-sdk/client-efs";
import { describe, expect, it } from "vitest";
import { adaptEfs } from "../../../src/adapters/aws/efs";
import type { EfsFileSystemAnswer, EfsMountTargetAnswer } from "../../../src/fetchers/aws/efs";
import type { DataStore } from "../../../src/models/data-store";
import { dataStoreEncryptedAtRest } from "../../../src/rules/encryption/data-store-encrypted-at-rest";
import { dataStoreNotPubliclyAccessible } from "../../../src/rules/network/data-store-not-publicly-accessible";
import { resourcePoliciesNotPublic } from "../../../src/rules/network/resource-policies-not-public";
import { engineResource } from "../../helpers/engine";
import { run, statuses } from "../../helpers/models";
import { expectUnknown, inventoryOf, placementOf, storeNamed } from "./contributions";
import { ACCOUNT, adaptContext, AWS_MANAGED_KEY_ARN, CMK_ARN, failed, ok, REGION, TAG_LIST, TAGS } from "./fixtures";
import { comparablePlacement, expectParity, pulumi, pulumiPlacement, without } from "./parity";

const ARN = `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:file-system/fs-1`;
const POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "elasticfilesystem:ClientMount", Resource: ARN }],
});

const fileSystem = (over: Partial<FileSystemDescription> = {}): FileSystemDescription => ({
  OwnerId: ACCOUNT,
  CreationToken: "token",
  FileSystemId: "fs-1",
  FileSystemArn: ARN,
  CreationTime: new Date(0),
  LifeCycleState: "available",
  NumberOfMountTargets: 2,
  SizeInBytes: { Value: 0 },
  PerformanceMode: "generalPurpose",
  Encrypted: true,
  KmsKeyId: CMK_ARN,
  Tags: TAG_LIST,
  ...over,
});

const mountTarget = (id: string, subnet: string, groups: string[]): EfsMountTargetAnswer => ({
  mountTarget: { MountTargetId: id, FileSystemId: "fs-1", SubnetId: subnet, LifeCycleState: "available" },
  securityGroups: ok(groups),
});

const answer = (over: Partial<EfsFileSystemAnswer> = {}): EfsFileSystemAnswer => ({
  fileSystem: fileSystem(),
  policy: ok(undefined),
  mountTargets: ok([mountTarget("fsmt-1", "subnet-a", ["sg-1"]), mountTarget("fsmt-2", "subnet-b", ["sg-1", "sg-2"])]),
  ...over,
});
const adapt = (...fileSystems: EfsFileSystemAnswer[]) => adaptEfs({ region: REGION, fileSystems: ok(fileSystems) }, adaptContext());

describe("EFS adapter (recorded responses)", () => {
  it("a file system encrypted with a customer-managed key, placed by its mount targets", () => {
    const c = adapt(answer());
    const s = storeNamed(c, "fs-1");
    expect(s).toEqual({
      model: "data-store",
      ref: { id: ARN, type: "AWS::EFS::FileSystem", name: "fs-1", label: "EFS file system", account: ACCOUNT, region: REGION },
      kind: "efs-file-system",
      tags: TAGS,
      encryption: { enabled: true, keyManager: "customer-managed", keyId: CMK_ARN, keyRef: CMK_ARN, observed: `KmsKeyId=${CMK_ARN}` },
      parts: [],
    });
    expect(placementOf(c, ARN)).toMatchObject({ publiclyAccessible: false, subnets: ["subnet-a", "subnet-b"], securityGroups: ["sg-1", "sg-2"], inVpc: true });
    expect(c.resourcePolicies).toEqual([]);
    expect(statuses(run(dataStoreNotPubliclyAccessible, inventoryOf(c)))).toEqual(["pass"]);
  });

  it.each<[string, Partial<FileSystemDescription>, Partial<DataStore["encryption"]>]>([
    ["the aws/elasticfilesystem key", { KmsKeyId: AWS_MANAGED_KEY_ARN }, { enabled: true, keyManager: "aws-managed" }],
    ["encrypted, no key reported", { KmsKeyId: undefined }, { enabled: true, keyManager: "aws-managed" }],
    ["not encrypted", { Encrypted: false, KmsKeyId: undefined }, { enabled: false, keyManager: undefined }],
  ])("encryption: %s", (_name, over, expected) => {
    expect(storeNamed(adapt(answer({ fileSystem: fileSystem(over) })), "fs-1").encryption).toMatchObject(expected);
  });

  it("a file system policy is its resource policy; a public one fails", () => {
    const c = adapt(answer({ policy: ok(POLICY) }));
    expect(c.resourcePolicies).toEqual([
      { ref: storeNamed(c, "fs-1").ref, target: ARN, service: "efs", document: POLICY, origin: "the file system policy of EFS file system 'fs-1'", accountId: ACCOUNT },
    ]);
    expect(statuses(run(resourcePoliciesNotPublic, inventoryOf(c)))).toEqual(["fail"]);
  });

  it("a policy that could not be read is an Unknown document", () => {
    const c = adapt(answer({ policy: failed("elasticfilesystem", "elasticfilesystem:DescribeFileSystemPolicy") }));
    expectUnknown(c.resourcePolicies?.[0]?.document, "access-denied", /DescribeFileSystemPolicy/);
  });

  it("no mount targets: no placement; mount targets not listed: subnets and groups Unknown; one target's groups not read", () => {
    expect(adapt(answer({ mountTargets: ok([]) })).placements).toEqual([]);
    const notListed = placementOf(adapt(answer({ mountTargets: failed("elasticfilesystem", "elasticfilesystem:DescribeMountTargets", "timeout") })), ARN);
    expect(notListed.publiclyAccessible).toBe(false);
    expectUnknown(notListed.subnets, "timeout", /DescribeMountTargets/);
    const oneDenied: EfsMountTargetAnswer = { ...mountTarget("fsmt-2", "subnet-b", []), securityGroups: failed("elasticfilesystem", "elasticfilesystem:DescribeMountTargetSecurityGroups") };
    const p = placementOf(adapt(answer({ mountTargets: ok([mountTarget("fsmt-1", "subnet-a", ["sg-1"]), oneDenied]) })), ARN);
    expect(p.subnets).toEqual(["subnet-a", "subnet-b"]);
    expectUnknown(p.securityGroups, "access-denied", /DescribeMountTargetSecurityGroups/);
  });

  it("file systems not listed: a gap", () => {
    const c = adaptEfs({ region: REGION, fileSystems: failed("elasticfilesystem", "elasticfilesystem:DescribeFileSystems") }, adaptContext());
    expect(c.gaps).toEqual([expect.objectContaining({ service: "elasticfilesystem", what: "EFS file systems" })]);
    expect(statuses(run(dataStoreEncryptedAtRest, inventoryOf(c)))).toEqual([]);
  });
});

describe("EFS parity with the Pulumi front", () => {
  const resources = (props: Record<string, unknown>) => [
    engineResource("aws:efs/fileSystem:FileSystem", "fs-1", { id: "fs-1", arn: ARN, tags: TAGS, ...props }),
    engineResource("aws:efs/mountTarget:MountTarget", "mt-a", { fileSystemId: "fs-1", subnetId: "subnet-a", securityGroups: ["sg-1"] }),
    engineResource("aws:efs/mountTarget:MountTarget", "mt-b", { fileSystemId: "fs-1", subnetId: "subnet-b", securityGroups: ["sg-1", "sg-2"] }),
    engineResource("aws:efs/fileSystemPolicy:FileSystemPolicy", "fs-policy", { fileSystemId: "fs-1", policy: POLICY }),
  ];

  it.each<[string, Record<string, unknown>, Partial<FileSystemDescription>]>([
    ["a customer-managed key", { encrypted: true, kmsKeyId: CMK_ARN }, {}],
    ["defaults: not encrypted", { encrypted: false }, { Encrypted: false, KmsKeyId: undefined }],
  ])("file system with %s, two mount targets and a policy", (_name, props, over) => {
    const fromPulumi = pulumi(...resources(props));
    const fromAws = adapt(answer({ fileSystem: fileSystem(over), policy: ok(POLICY) }));
    const store = storeNamed(fromAws, "fs-1");
    expectParity(store, fromPulumi.stores[0]);
    expect(comparablePlacement(placementOf(fromAws, ARN), undefined)).toEqual(comparablePlacement(pulumiPlacement(fromPulumi), undefined));
    const [awsPolicy] = fromAws.resourcePolicies ?? [];
    const [pulumiPolicy] = fromPulumi.resourcePolicies ?? [];
    expect(awsPolicy?.target).toBe(store.ref.id);
    expect(pulumiPolicy?.target).toBe(fromPulumi.stores[0]?.ref.id);
    // The scan knows the owning account from the ARN; a separate FileSystemPolicy resource does not tell it.
    expect(awsPolicy?.accountId).toBe(ACCOUNT);
    expectParity(without(awsPolicy, ["target", "origin", "accountId"]), without(pulumiPolicy, ["target", "origin", "accountId"]));
  });

  it("encrypted without a key named: the scan also names the aws/elasticfilesystem key", () => {
    const fromPulumi = pulumi(...resources({ encrypted: true }));
    const store = storeNamed(adapt(answer({ fileSystem: fileSystem({ KmsKeyId: AWS_MANAGED_KEY_ARN }) })), "fs-1");
    expectParity(without(store, ["keyId"]), fromPulumi.stores[0]);
  });
});
