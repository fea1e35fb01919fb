import type { LaunchTemplate } from "@aws-sdk/client-ec2";
import { notEncrypted } from "../../../encryption/at-rest";
import { encryptionOfParts } from "../../../encryption/parts";
import type { LaunchTemplateAnswer, LaunchTemplateDefaultVersion } from "../../../fetchers/aws/ec2-stores";
import type { DataStore, EncryptedPart } from "../../../models/data-store";
import { storeLabel } from "../../../models/store-kind-facts";
import type { AdaptContext } from "../context";
import { tagsOfList, unknownOf } from "../fetched";
import { describeDefault, mappingEncryption, type EbsDefaults } from "./ebs-encryption";
import { ec2Arn, ec2Ref, type Ec2Scope } from "./scope";

export const launchTemplateArn = (s: Ec2Scope, t: LaunchTemplate): string => ec2Arn(s, `launch-template/${t.LaunchTemplateId ?? ""}`);

/** A launch template, encrypted when every EBS mapping of its default version is; undefined when it was deleted meanwhile. */
export function adaptLaunchTemplate(a: LaunchTemplateAnswer, s: Ec2Scope, defaults: EbsDefaults, ctx: AdaptContext): DataStore | undefined {
  const t = a.template;
  const dv = a.defaultVersion;
  if (dv.ok && dv.value === undefined) return undefined;
  const name = t.LaunchTemplateName ?? t.LaunchTemplateId ?? "";
  const base = {
    model: "data-store" as const,
    ref: ec2Ref(s, launchTemplateArn(s, t), "AWS::EC2::LaunchTemplate", name, storeLabel("launch-template")),
    kind: "launch-template" as const,
    tags: tagsOfList(t.Tags),
    ...(t.LaunchTemplateName ? { physicalName: t.LaunchTemplateName } : {}),
  };
  if (!dv.ok) {
    const unread = unknownOf(dv.failure);
    return { ...base, encryption: unread, parts: [{ name: "EBS block device mappings", encryption: unread }] };
  }
  const version: LaunchTemplateDefaultVersion = dv.value ?? {};
  const parts = templateParts(version, defaults, ctx);
  const why = `the AMI's snapshots and the account's EBS encryption by default decide; ${describeDefault(defaults)}`;
  const none = notEncrypted(`no EBS block device mappings in default version ${version.versionNumber ?? "?"}: treated as not encrypted (${why})`);
  return { ...base, encryption: encryptionOfParts(parts, "EBS block device mappings", none), parts };
}

/** Mappings without `Ebs` (instance store, NoDevice) hold no EBS data and are skipped. */
function templateParts(v: LaunchTemplateDefaultVersion, defaults: EbsDefaults, ctx: AdaptContext): EncryptedPart[] {
  return (v.blockDeviceMappings ?? []).flatMap((m) =>
    m.Ebs === undefined ? [] : [{ name: `block device ${m.DeviceName ?? "?"}`, encryption: mappingEncryption(m.Ebs, defaults, ctx) }],
  );
}
