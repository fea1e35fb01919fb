import { isUnknown, type Val } from "../../../core/value";
import { notEncrypted } from "../../../encryption/at-rest";
import { encryptionOfParts } from "../../../encryption/parts";
import type { EncryptedPart, EncryptionAtRest } from "../../../models/data-store";
import type { Props } from "../props";
import type { StoreAdapter } from "../store-adapter";
import { ebsEncryption } from "./ebs";
import { blockAt, listParts, withStringBooleans } from "./shared";

const FROM_AMI = "the AMI's snapshots and ";

/** The root volume and every `ebsBlockDevices[]` entry of an instance, each `{encrypted, kmsKeyId}`. */
function instanceParts(p: Props): EncryptedPart[] {
  const root = blockAt(p, "rootBlockDevice");
  const rootEncryption: Val<EncryptionAtRest> = isUnknown(root)
    ? root
    : root === undefined
      ? notEncrypted(
          "rootBlockDevice not set: treated as not encrypted (the AMI's snapshot and the account's EBS encryption by default decide, which this resource cannot show)",
        )
      : ebsEncryption(p, `${root}.`, FROM_AMI);
  return [
    { name: "root volume", encryption: rootEncryption },
    ...listParts(p, "ebsBlockDevices", (item) => {
      const device = blockAt(p, item);
      return isUnknown(device) || device === undefined ? device : ebsEncryption(p, `${device}.`, "the snapshot it is created from and ");
    }),
  ];
}

/** `aws:ec2/instance:Instance` (v6, v7): encrypted when all its block devices are. */
export const ec2Instance: StoreAdapter = {
  types: ["aws:ec2/instance:Instance"],
  kind: "ec2-instance",
  encryption: (p) => encryptionOfParts(instanceParts(p), "block devices", notEncrypted("no block devices")),
  parts: instanceParts,
};

/**
 * EBS `blockDeviceMappings[].ebs` of a launch template; the provider types `encrypted` as a
 * string ("true", "false", "" for not set). Mappings without `ebs` (instance store, noDevice)
 * hold no EBS data and are skipped.
 */
function templateParts(p: Props): EncryptedPart[] {
  const q = withStringBooleans(p);
  return listParts(q, "blockDeviceMappings", (item) => {
    const ebs = blockAt(q, `${item}.ebs`);
    return isUnknown(ebs) || ebs === undefined ? ebs : ebsEncryption(q, `${ebs}.`, FROM_AMI);
  });
}

/** `aws:ec2/launchTemplate:LaunchTemplate` (v6, v7): encrypted when all its EBS mappings are. */
export const ec2LaunchTemplate: StoreAdapter = {
  types: ["aws:ec2/launchTemplate:LaunchTemplate"],
  kind: "launch-template",
  nameProperty: "name",
  encryption: (p) =>
    encryptionOfParts(
      templateParts(p),
      "EBS block device mappings",
      notEncrypted(
        "no EBS block device mappings: treated as not encrypted (the AMI's snapshots and the account's EBS encryption by default decide, which this resource cannot show)",
      ),
    ),
  parts: templateParts,
};
