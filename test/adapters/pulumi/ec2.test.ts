import { describe, expect, it } from "vitest";
import { UNKNOWN, urnOf } from "../../helpers/engine";
import { expectEncryption, KEY_ARN, KEY_URN, MARKER, storeCases, storeOf, type StoreCase } from "./store-cases";

const INSTANCE = "aws:ec2/instance:Instance";
const TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
const KEY2 = urnOf("aws:kms/key:Key", "cmk-2");

describe("EC2 adapters (v6 and v7 share the shape)", () => {
  describe("instance: encrypted when every block device is", () => {
    storeCases("ec2-instance", [
      {
        type: INSTANCE,
        name: "root and data volumes with a CMK from a key resource (preview)",
        props: { rootBlockDevice: { encrypted: true, kmsKeyId: UNKNOWN }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true, kmsKeyId: UNKNOWN }] },
        deps: { rootBlockDevice: [KEY_URN], ebsBlockDevices: [KEY_URN] },
        expect: { enabled: true, keyManager: "customer-managed", keyRef: KEY_URN, observed: /all 2 block devices encrypted/ },
      },
      {
        type: INSTANCE,
        name: "different CMKs: customer-managed, no single key",
        props: { rootBlockDevice: { encrypted: true, kmsKeyId: UNKNOWN }, ebsBlockDevices: [{ encrypted: true, kmsKeyId: UNKNOWN }] },
        deps: { rootBlockDevice: [KEY_URN], ebsBlockDevices: [KEY2] },
        expect: { enabled: true, keyManager: "customer-managed" },
      },
      {
        type: INSTANCE,
        name: "a data volume without a key beside one with a CMK: the weakest key wins",
        props: { rootBlockDevice: { encrypted: true, kmsKeyId: KEY_ARN }, ebsBlockDevices: [{ encrypted: true }, { encrypted: true, kmsKeyId: UNKNOWN }] },
        deps: { ebsBlockDevices: [KEY2] },
        expect: { enabled: true, keyManager: "aws-managed" },
      },
      { type: INSTANCE, name: "encrypted with the AWS-managed alias", props: { rootBlockDevice: { encrypted: true, kmsKeyId: "alias/aws/ebs" } }, expect: { enabled: true, keyManager: "aws-managed" } },
      { type: INSTANCE, name: "root encrypted, a data volume not", props: { rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ encrypted: false }] }, expect: { enabled: false, observed: /ebsBlockDevices\[0\] not encrypted/ } },
      { type: INSTANCE, name: "no rootBlockDevice: not encrypted, and says why", props: {}, expect: { enabled: false, observed: /rootBlockDevice not set.*EBS encryption by default/ } },
      { type: INSTANCE, name: "root encrypted not set", props: { rootBlockDevice: { volumeSize: 20 } }, expect: { enabled: false, observed: /rootBlockDevice\.encrypted not set/ } },
      { type: INSTANCE, name: "root block computed", props: { rootBlockDevice: UNKNOWN }, expect: { unknown: "preview" } },
      { type: INSTANCE, name: "root switch computed", props: { rootBlockDevice: { encrypted: UNKNOWN } }, expect: { unknown: "preview" } },
      { type: INSTANCE, name: "device list computed", props: { rootBlockDevice: { encrypted: true }, ebsBlockDevices: UNKNOWN }, expect: { unknown: "preview" } },
      { type: INSTANCE, name: "an unencrypted device beats an unknown one", props: { rootBlockDevice: { encrypted: false }, ebsBlockDevices: UNKNOWN }, expect: { enabled: false } },
      { type: INSTANCE, name: "root block a string (wrong type)", props: { rootBlockDevice: MARKER }, expect: { unknown: "error", detail: /'rootBlockDevice'.*should be an object, got string/ } },
      { type: INSTANCE, name: "a device switch a number (wrong type)", props: { rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ encrypted: 0 }] }, expect: { unknown: "error", detail: /'ebsBlockDevices\.0\.encrypted'/ } },
    ]);

    it("the root volume and every EBS block device are parts", () => {
      const s = storeOf(INSTANCE, {
        rootBlockDevice: { encrypted: true, kmsKeyId: KEY_ARN },
        ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }, { deviceName: "/dev/sdg" }],
      });
      expect(s.parts.map((p) => p.name)).toEqual(["root volume", "ebsBlockDevices[0]", "ebsBlockDevices[1]"]);
      expectEncryption(s.parts[0]!.encryption, { keyManager: "customer-managed", keyId: KEY_ARN });
      expectEncryption(s.parts[1]!.encryption, { keyManager: "aws-managed" });
      expectEncryption(s.parts[2]!.encryption, { enabled: false, observed: /encrypted not set/ });
    });
  });

  describe("launch template: encrypted when every EBS mapping is (settings are strings)", () => {
    const mapping = (ebs: Record<string, unknown> | string) => ({ deviceName: "/dev/xvda", ebs });
    const cases: StoreCase[] = [
      {
        type: TEMPLATE,
        name: "CMK from a key resource (preview)",
        props: { blockDeviceMappings: [mapping({ encrypted: "true", kmsKeyId: UNKNOWN })] },
        deps: { blockDeviceMappings: [KEY_URN] },
        expect: { enabled: true, keyManager: "customer-managed", keyRef: KEY_URN },
      },
      { type: TEMPLATE, name: "\"true\" without a key", props: { blockDeviceMappings: [mapping({ encrypted: "true" })] }, expect: { enabled: true, keyManager: "aws-managed" } },
      { type: TEMPLATE, name: "a boolean true is read too", props: { blockDeviceMappings: [mapping({ encrypted: true })] }, expect: { enabled: true } },
      { type: TEMPLATE, name: "AWS-managed alias", props: { blockDeviceMappings: [mapping({ encrypted: "true", kmsKeyId: "alias/aws/ebs" })] }, expect: { keyManager: "aws-managed" } },
      { type: TEMPLATE, name: "\"false\"", props: { blockDeviceMappings: [mapping({ encrypted: "false" })] }, expect: { enabled: false } },
      { type: TEMPLATE, name: "\"\" is not set", props: { blockDeviceMappings: [mapping({ encrypted: "" })] }, expect: { enabled: false, observed: /not set/ } },
      { type: TEMPLATE, name: "no mappings: not encrypted, and says why", props: {}, expect: { enabled: false, observed: /no EBS block device mappings/ } },
      { type: TEMPLATE, name: "instance-store mappings hold no EBS data", props: { blockDeviceMappings: [{ deviceName: "/dev/sdb", virtualName: "ephemeral0" }, mapping({ encrypted: "true" })] }, expect: { enabled: true, observed: /all 1 / } },
      { type: TEMPLATE, name: "switch computed", props: { blockDeviceMappings: [mapping({ encrypted: UNKNOWN })] }, expect: { unknown: "preview" } },
      { type: TEMPLATE, name: "mappings computed", props: { blockDeviceMappings: UNKNOWN }, expect: { unknown: "preview" } },
      { type: TEMPLATE, name: "switch another string (wrong value)", props: { blockDeviceMappings: [mapping({ encrypted: MARKER })] }, expect: { unknown: "error", detail: /'blockDeviceMappings\.0\.ebs\.encrypted'.*should be true or false/ } },
      { type: TEMPLATE, name: "ebs a string (wrong type)", props: { blockDeviceMappings: [mapping(MARKER)] }, expect: { unknown: "error", detail: /'blockDeviceMappings\.0\.ebs'.*should be an object/ } },
    ];
    storeCases("launch-template", cases);

    it("each EBS mapping is a part; the template is named", () => {
      const s = storeOf(TEMPLATE, {
        name: "web",
        blockDeviceMappings: [mapping({ encrypted: "true", kmsKeyId: KEY_ARN }), { noDevice: "" }, mapping({ encrypted: "false" })],
      });
      expect(s.physicalName).toBe("web");
      expect(s.parts.map((p) => p.name)).toEqual(["blockDeviceMappings[0]", "blockDeviceMappings[2]"]);
      expectEncryption(s.encryption, { enabled: false, observed: /blockDeviceMappings\[2\] not encrypted/ });
    });
  });
});
