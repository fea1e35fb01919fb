import type { Instance, LaunchTemplateBlockDeviceMapping, Volume } from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import { adaptEc2Stores } from "../../../src/adapters/aws/ec2";
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import { unknown } from "../../../src/core/value";
import type { Ec2StoreAnswers, LaunchTemplateAnswer } from "../../../src/fetchers/aws/ec2-stores";
import type { DataStore } from "../../../src/models/data-store";
import type { Placement } from "../../../src/models/placement";
import { engineResource, urnOf } from "../../helpers/engine";
import { knownEncryption } from "./contributions";
import { expectParity } from "./parity";
import { ACCOUNT, adaptContext, arn, AWS_EBS_KEY_ARN, CMK_ARN, CMK_MODEL_ID, failed, ok, reasonOf, REGION } from "./ec2-fixtures";

const volume = (id: string, over: Partial<Volume> = {}): Volume => ({
  VolumeId: id,
  OwnerId: ACCOUNT,
  Size: 8,
  State: "in-use",
  Encrypted: true,
  KmsKeyId: CMK_ARN,
  Tags: [{ Key: "data-classification", Value: "restricted" }],
  ...over,
});

const instance = (id: string, volumes: Record<string, string>, over: Partial<Instance> = {}): Instance => ({
  InstanceId: id,
  State: { Name: "running", Code: 16 },
  RootDeviceName: "/dev/xvda",
  RootDeviceType: "ebs",
  BlockDeviceMappings: Object.entries(volumes).map(([DeviceName, VolumeId]) => ({ DeviceName, Ebs: { VolumeId, Status: "attached" } })),
  SubnetId: "subnet-priv",
  VpcId: "vpc-1",
  SecurityGroups: [{ GroupId: "sg-app", GroupName: "app" }],
  NetworkInterfaces: [{ NetworkInterfaceId: "eni-1", SubnetId: "subnet-priv", Groups: [{ GroupId: "sg-app" }] }],
  PrivateIpAddress: "10.0.2.10",
  Tags: [{ Key: "customer-segment", Value: "acme" }],
  ...over,
});

const template = (name: string, mappings: LaunchTemplateBlockDeviceMapping[] | undefined, over: Partial<LaunchTemplateAnswer> = {}): LaunchTemplateAnswer => ({
  template: { LaunchTemplateId: `lt-${name}`, LaunchTemplateName: name, DefaultVersionNumber: 2, Tags: [{ Key: "team", Value: "x" }] },
  defaultVersion: ok({ versionNumber: 2, blockDeviceMappings: mappings }),
  ...over,
});

function answers(over: Partial<Ec2StoreAnswers> = {}): Ec2StoreAnswers {
  return {
    region: REGION,
    volumes: ok([
      volume("vol-root"),
      volume("vol-data", { KmsKeyId: AWS_EBS_KEY_ARN }),
      volume("vol-plain", { Encrypted: false, KmsKeyId: undefined, Tags: [] }),
    ]),
    instances: ok([
      instance("i-cmk", { "/dev/sdf": "vol-data", "/dev/xvda": "vol-root" }),
      instance("i-plain", { "/dev/xvda": "vol-plain" }, { PublicIpAddress: "198.51.100.7", SubnetId: "subnet-pub", NetworkInterfaces: [] }),
      instance("i-stopped", { "/dev/xvda": "vol-root" }, { State: { Name: "stopped", Code: 80 } }),
    ]),
    launchTemplates: ok([]),
    encryptionByDefault: ok(false),
    defaultKmsKeyId: ok("alias/aws/ebs"),
    ...over,
  };
}

const adapt = (raw: Ec2StoreAnswers) => adaptEc2Stores(raw, adaptContext());
const storeNamed = (stores: readonly DataStore[] | undefined, name: string): DataStore => {
  const s = stores?.find((x) => x.ref.name === name);
  if (!s) throw new Error(`no store ${name}`);
  return s;
};

describe("EBS volumes from recorded answers", () => {
  const stores = adapt(answers()).stores;

  it("a volume with a customer-managed key", () => {
    const v = storeNamed(stores, "vol-root");
    expect(v.ref).toEqual({ id: arn("volume/vol-root"), type: "AWS::EC2::Volume", name: "vol-root", label: "EBS volume", account: ACCOUNT, region: REGION });
    expect(v.kind).toBe("ebs-volume");
    expect(v.tags).toEqual({ "data-classification": "restricted" });
    expect(v.encryption).toEqual({ enabled: true, keyManager: "customer-managed", keyId: CMK_ARN, keyRef: CMK_MODEL_ID, observed: `Encrypted=true, KmsKeyId ${CMK_ARN}` });
  });

  it("a volume with the AWS-managed key, and one not encrypted", () => {
    expect(knownEncryption(storeNamed(stores, "vol-data").encryption)).toMatchObject({ enabled: true, keyManager: "aws-managed", keyId: AWS_EBS_KEY_ARN });
    expect(storeNamed(stores, "vol-plain").encryption).toEqual({ enabled: false, keyManager: undefined, observed: "Encrypted=false" });
  });

  it("a key the KMS answers do not cover leaves the manager Unknown, not a guess", () => {
    const c = adaptEc2Stores(answers({ volumes: ok([volume("vol-x", { KmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-000000000000" })]) }), adaptContext([], unknown("access-denied", "kms:ListKeys denied")));
    expect(reasonOf(knownEncryption(storeNamed(c.stores, "vol-x").encryption).keyManager)).toBe("access-denied");
  });

  it("a malformed answer without Encrypted is Unknown(error)", () => {
    const c = adapt(answers({ volumes: ok([volume("vol-x", { Encrypted: undefined })]), instances: ok([]) }));
    expect(reasonOf(storeNamed(c.stores, "vol-x").encryption)).toBe("error");
  });

  it("a denied listing is a gap, and the instances' parts are Unknown with its reason", () => {
    const c = adapt(answers({ volumes: failed("ec2:DescribeVolumes") }));
    expect(c.gaps).toEqual([expect.objectContaining({ what: "EBS volumes", action: "ec2:DescribeVolumes", reason: "access-denied" })]);
    const i = storeNamed(c.stores, "i-cmk");
    expect(i.parts.map((p) => reasonOf(p.encryption))).toEqual(["access-denied", "access-denied"]);
    expect(reasonOf(i.encryption)).toBe("access-denied");
  });
});

describe("EC2 instances from recorded answers", () => {
  const c = adapt(answers());

  it("the root volume first, then every other EBS volume, each encrypted as the volume is", () => {
    const i = storeNamed(c.stores, "i-cmk");
    expect(i.ref).toMatchObject({ id: arn("instance/i-cmk"), type: "AWS::EC2::Instance", label: "EC2 instance" });
    expect(i.parts.map((p) => p.name)).toEqual(["root volume", "block device /dev/sdf (vol-data)"]);
    expect(knownEncryption(i.parts[0]!.encryption)).toMatchObject({ keyManager: "customer-managed", keyRef: CMK_MODEL_ID });
    // The weakest key decides.
    expect(knownEncryption(i.encryption)).toMatchObject({ enabled: true, keyManager: "aws-managed", observed: "all 2 block devices encrypted" });
  });

  it("an unencrypted root volume makes the instance not encrypted", () => {
    expect(knownEncryption(storeNamed(c.stores, "i-plain").encryption)).toMatchObject({ enabled: false, observed: "root volume not encrypted (Encrypted=false)" });
  });

  it("a volume missing from the listing is Unknown(not-fetched)", () => {
    const c2 = adapt(answers({ instances: ok([instance("i-x", { "/dev/xvda": "vol-new" })]) }));
    expect(reasonOf(storeNamed(c2.stores, "i-x").parts[0]!.encryption)).toBe("not-fetched");
  });

  it("instances are compute, with their tags keyed by ARN", () => {
    expect(c.compute?.map((r) => [r.id, r.label])).toEqual([
      [arn("instance/i-cmk"), "EC2 instance"],
      [arn("instance/i-plain"), "EC2 instance"],
      [arn("instance/i-stopped"), "EC2 instance"],
    ]);
    expect(new Map(c.tags).get(arn("instance/i-cmk"))).toEqual({ "customer-segment": "acme" });
  });

  it("placements: subnets and groups by AWS id; public IP as EC2 reports it, a stopped instance's left to its subnet", () => {
    const placements = new Map(c.placements);
    expect(placements.get(arn("instance/i-cmk"))).toEqual<Placement>({
      publiclyAccessible: false,
      subnets: ["subnet-priv"],
      securityGroups: ["sg-app"],
      inVpc: true,
      observed: "no public IP address, SubnetId subnet-priv",
    });
    expect(placements.get(arn("instance/i-plain"))).toMatchObject({ publiclyAccessible: true, subnets: ["subnet-pub"], observed: "a public IP address, SubnetId subnet-pub" });
    expect(placements.get(arn("instance/i-stopped"))?.publiclyAccessible).toBeUndefined();
  });

  it("a public IP on a secondary network interface counts", () => {
    const c2 = adapt(answers({ instances: ok([instance("i-eni", { "/dev/xvda": "vol-root" }, { NetworkInterfaces: [{ SubnetId: "subnet-b", Groups: [{ GroupId: "sg-b" }], Association: { PublicIp: "198.51.100.8" } }] })]) }));
    expect(new Map(c2.placements).get(arn("instance/i-eni"))).toMatchObject({ publiclyAccessible: true, subnets: ["subnet-priv", "subnet-b"], securityGroups: ["sg-app", "sg-b"] });
  });

  it("a denied instance listing is a gap", () => {
    const c2 = adapt(answers({ instances: failed("ec2:DescribeInstances") }));
    expect(c2.gaps).toEqual([expect.objectContaining({ what: "EC2 instances", reason: "access-denied" })]);
    expect(c2.compute).toEqual([]);
  });
});

describe("launch templates from recorded answers", () => {
  const withTemplates = (templates: LaunchTemplateAnswer[], over: Partial<Ec2StoreAnswers> = {}) =>
    adapt(answers({ launchTemplates: ok(templates), volumes: ok([]), instances: ok([]), ...over })).stores ?? [];
  const ebs = (e: LaunchTemplateBlockDeviceMapping["Ebs"], DeviceName = "/dev/xvda"): LaunchTemplateBlockDeviceMapping => ({ DeviceName, Ebs: e });

  it("a mapping with a customer-managed key", () => {
    const t = storeNamed(withTemplates([template("web", [ebs({ Encrypted: true, KmsKeyId: CMK_ARN })])]), "web");
    expect(t).toMatchObject({ kind: "launch-template", physicalName: "web", ref: { id: arn("launch-template/lt-web"), label: "EC2 launch template" } });
    expect(knownEncryption(t.encryption)).toMatchObject({ enabled: true, keyManager: "customer-managed", keyRef: CMK_MODEL_ID });
    expect(t.parts.map((p) => p.name)).toEqual(["block device /dev/xvda"]);
  });

  it("Encrypted=true without a key: the account's default key (aws/ebs unless changed)", () => {
    expect(knownEncryption(storeNamed(withTemplates([template("a", [ebs({ Encrypted: true })])]), "a").encryption)).toMatchObject({ keyManager: "aws-managed" });
    const cmkDefault = withTemplates([template("b", [ebs({ Encrypted: true })])], { defaultKmsKeyId: ok(CMK_ARN) });
    expect(knownEncryption(storeNamed(cmkDefault, "b").encryption)).toMatchObject({ keyManager: "customer-managed", keyId: CMK_ARN });
    const unread = withTemplates([template("c", [ebs({ Encrypted: true })])], { defaultKmsKeyId: failed("ec2:GetEbsDefaultKmsKeyId") });
    const e = knownEncryption(storeNamed(unread, "c").encryption);
    expect(e.enabled).toBe(true);
    expect(reasonOf(e.keyManager)).toBe("access-denied");
  });

  it("Encrypted not set: treated as not encrypted, saying whether the account's default is on", () => {
    const on = knownEncryption(storeNamed(withTemplates([template("d", [ebs({ VolumeSize: 20 })])], { encryptionByDefault: ok(true) }), "d").encryption);
    expect(on).toMatchObject({ enabled: false, observed: expect.stringMatching(/Ebs\.Encrypted not set: treated as not encrypted.*EBS encryption by default is on in us-east-1 with key alias\/aws\/ebs/) });
    const off = knownEncryption(storeNamed(withTemplates([template("e", [ebs({})])]), "e").encryption);
    expect(off.observed).toMatch(/EBS encryption by default is off in us-east-1/);
    const unread = knownEncryption(storeNamed(withTemplates([template("f", [ebs({})])], { encryptionByDefault: failed("ec2:GetEbsEncryptionByDefault") }), "f").encryption);
    expect(unread.observed).toMatch(/could not be read \(access-denied\)/);
  });

  it("instance-store mappings are skipped; no EBS mapping is not encrypted and says why", () => {
    const t = storeNamed(withTemplates([template("g", [{ DeviceName: "/dev/sdb", VirtualName: "ephemeral0" }, ebs({ Encrypted: true }, "/dev/xvda")])]), "g");
    expect(knownEncryption(t.encryption).observed).toBe("all 1 EBS block device mappings encrypted");
    const none = knownEncryption(storeNamed(withTemplates([template("h", undefined)]), "h").encryption);
    expect(none).toMatchObject({ enabled: false, observed: expect.stringMatching(/no EBS block device mappings in default version 2: treated as not encrypted/) });
  });

  it("one Encrypted=false mapping decides", () => {
    const t = storeNamed(withTemplates([template("i", [ebs({ Encrypted: true, KmsKeyId: CMK_ARN }), ebs({ Encrypted: false }, "/dev/sdf")])]), "i");
    expect(knownEncryption(t.encryption)).toMatchObject({ enabled: false, observed: "block device /dev/sdf not encrypted (Ebs.Encrypted=false)" });
  });

  it("a version that could not be read is Unknown; a template deleted meanwhile is left out; a failed listing is a gap", () => {
    const stores = withTemplates([
      template("j", [], { defaultVersion: failed("ec2:DescribeLaunchTemplateVersions", "throttled") }),
      template("gone", [], { defaultVersion: ok(undefined) }),
    ]);
    expect(stores.map((s) => s.ref.name)).toEqual(["j"]);
    expect(reasonOf(stores[0]!.encryption)).toBe("throttled");
    expect(reasonOf(stores[0]!.parts[0]!.encryption)).toBe("throttled");
    const c = adapt(answers({ launchTemplates: failed("ec2:DescribeLaunchTemplates") }));
    expect(c.gaps).toEqual([expect.objectContaining({ what: "EC2 launch templates" })]);
  });
});

describe("parity with the Pulumi front", () => {
  const KEY = "aws:kms/key:Key";
  const keyUrn = urnOf(KEY, "cmk");
  const pulumiStore = (type: string, name: string, props: Record<string, unknown>, deps: Record<string, string[]> = {}): DataStore => {
    const s = buildInventory([engineResource(type, name, props, deps)]).stores.find((x) => x.ref.name === name);
    if (!s) throw new Error("no store");
    return s;
  };
  /** Part names follow each front's spelling (`ebsBlockDevices[0]` vs `block device /dev/sdf (vol-...)`). */
  const unnamedParts = (s: DataStore): DataStore => ({ ...s, parts: s.parts.map((p) => ({ ...p, name: "" })) });
  /** EC2 reports the ARN of the AWS-managed key a volume uses; a Pulumi program names none. */
  const withoutKeyId = (s: DataStore): unknown => JSON.parse(JSON.stringify(s, (k, v: unknown) => (k === "keyId" ? undefined : v)));
  const tags = { "data-classification": "restricted" };
  const awsTags = [{ Key: "data-classification", Value: "restricted" }];

  it("EBS volume with a customer-managed key", () => {
    const aws = storeNamed(adapt(answers({ volumes: ok([volume("vol-1", { Tags: awsTags })]), instances: ok([]) })).stores, "vol-1");
    expectParity(aws, pulumiStore("aws:ebs/volume:Volume", "vol-1", { encrypted: true, kmsKeyId: CMK_ARN, tags }, { kmsKeyId: [keyUrn] }));
  });

  it("EBS volume encrypted by default with aws/ebs (EC2 names the key, the program does not)", () => {
    const aws = storeNamed(adapt(answers({ volumes: ok([volume("vol-1", { KmsKeyId: AWS_EBS_KEY_ARN, Tags: awsTags })]), instances: ok([]) })).stores, "vol-1");
    const pulumi = pulumiStore("aws:ebs/volume:Volume", "vol-1", { encrypted: true, tags });
    expectParity(withoutKeyId(aws), withoutKeyId(pulumi));
    expect(knownEncryption(aws.encryption).keyId).toBe(AWS_EBS_KEY_ARN);
  });

  it("EC2 instance with a customer-managed key on root and data volumes", () => {
    const raw = answers({
      volumes: ok([volume("vol-r"), volume("vol-d")]),
      instances: ok([instance("i-1", { "/dev/xvda": "vol-r", "/dev/sdf": "vol-d" }, { Tags: awsTags })]),
    });
    const aws = storeNamed(adapt(raw).stores, "i-1");
    const pulumi = pulumiStore(
      "aws:ec2/instance:Instance",
      "i-1",
      { rootBlockDevice: { encrypted: true, kmsKeyId: CMK_ARN }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true, kmsKeyId: CMK_ARN }], tags },
      { rootBlockDevice: [keyUrn], ebsBlockDevices: [keyUrn] },
    );
    expectParity(unnamedParts(aws), unnamedParts(pulumi));
    expect(aws.parts[0]?.name).toBe(pulumi.parts[0]?.name);
  });

  it("EC2 instance whose root volume is encrypted with aws/ebs", () => {
    const raw = answers({ volumes: ok([volume("vol-r", { KmsKeyId: AWS_EBS_KEY_ARN })]), instances: ok([instance("i-1", { "/dev/xvda": "vol-r" }, { Tags: awsTags })]) });
    const aws = storeNamed(adapt(raw).stores, "i-1");
    expectParity(withoutKeyId(aws), withoutKeyId(pulumiStore("aws:ec2/instance:Instance", "i-1", { rootBlockDevice: { encrypted: true }, tags })));
  });

  it("EC2 instance with an unencrypted root volume", () => {
    const raw = answers({ volumes: ok([volume("vol-r", { Encrypted: false, KmsKeyId: undefined })]), instances: ok([instance("i-1", { "/dev/xvda": "vol-r" }, { Tags: awsTags })]) });
    const aws = storeNamed(adapt(raw).stores, "i-1");
    expectParity(aws, pulumiStore("aws:ec2/instance:Instance", "i-1", { rootBlockDevice: { encrypted: false }, tags }));
  });

  it("launch template with a customer-managed key, and with aws/ebs by Encrypted=true", () => {
    const raw = (e: LaunchTemplateBlockDeviceMapping["Ebs"]) =>
      answers({ volumes: ok([]), instances: ok([]), launchTemplates: ok([template("web", [{ DeviceName: "/dev/xvda", Ebs: e }], { template: { LaunchTemplateId: "lt-1", LaunchTemplateName: "web", Tags: awsTags } })]) });
    const pulumi = (ebs: Record<string, unknown>, deps: Record<string, string[]> = {}) =>
      pulumiStore("aws:ec2/launchTemplate:LaunchTemplate", "web", { name: "web", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs }], tags }, deps);
    expectParity(
      unnamedParts(storeNamed(adapt(raw({ Encrypted: true, KmsKeyId: CMK_ARN })).stores, "web")),
      unnamedParts(pulumi({ encrypted: "true", kmsKeyId: CMK_ARN }, { blockDeviceMappings: [keyUrn] })),
    );
    expectParity(unnamedParts(storeNamed(adapt(raw({ Encrypted: true })).stores, "web")), unnamedParts(pulumi({ encrypted: "true" })));
    expectParity(unnamedParts(storeNamed(adapt(raw({ VolumeSize: 8 })).stores, "web")), unnamedParts(pulumi({ volumeSize: 8 })));
  });

  it("an instance's placement: EC2's public IP where the program set the switch", () => {
    const raw = answers({ instances: ok([instance("i-1", { "/dev/xvda": "vol-root" }, { PublicIpAddress: "198.51.100.9" })]) });
    const aws = new Map(adapt(raw).placements).get(arn("instance/i-1"));
    const pulumi = buildInventory([
      engineResource("aws:ec2/instance:Instance", "i-1", { subnetId: "subnet-priv", associatePublicIpAddress: true, vpcSecurityGroupIds: ["sg-app"] }),
    ]).placements?.get(urnOf("aws:ec2/instance:Instance", "i-1"));
    expectParity(aws, pulumi);
  });
});
