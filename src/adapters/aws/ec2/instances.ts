import type { Instance, Volume } from "@aws-sdk/client-ec2";
import { unknown, type Val } from "../../../core/value";
import { notEncrypted } from "../../../encryption/at-rest";
import { encryptionOfParts } from "../../../encryption/parts";
import type { Fetched } from "../../../fetchers/aws/fetched";
import type { DataStore, EncryptedPart, EncryptionAtRest } from "../../../models/data-store";
import type { Placement } from "../../../models/placement";
import { storeLabel } from "../../../models/store-kind-facts";
import type { AdaptContext } from "../context";
import { tagsOfList, unknownOf } from "../fetched";
import { volumeEncryption } from "./ebs-encryption";
import { ec2Arn, ec2Ref, type Ec2Scope } from "./scope";

export const instanceArn = (s: Ec2Scope, i: Instance): string => ec2Arn(s, `instance/${i.InstanceId ?? ""}`);

/** An EC2 instance, encrypted when every EBS volume attached to it is (the root volume first). */
export function adaptInstance(i: Instance, s: Ec2Scope, volumes: Fetched<ReadonlyMap<string, Volume>>, ctx: AdaptContext): DataStore {
  const id = i.InstanceId ?? "";
  const parts = instanceParts(i, s, volumes, ctx);
  return {
    model: "data-store",
    ref: ec2Ref(s, instanceArn(s, i), "AWS::EC2::Instance", id, storeLabel("ec2-instance")),
    kind: "ec2-instance",
    tags: tagsOfList(i.Tags),
    encryption: encryptionOfParts(parts, "block devices", notEncrypted("no EBS block devices (instance store volumes are not judged)")),
    parts,
  };
}

function instanceParts(i: Instance, s: Ec2Scope, volumes: Fetched<ReadonlyMap<string, Volume>>, ctx: AdaptContext): EncryptedPart[] {
  const parts: EncryptedPart[] = [];
  for (const m of i.BlockDeviceMappings ?? []) {
    const volumeId = m.Ebs?.VolumeId;
    if (volumeId === undefined) continue;
    const root = m.DeviceName !== undefined && m.DeviceName === i.RootDeviceName;
    const part = { name: root ? "root volume" : `block device ${m.DeviceName ?? "?"} (${volumeId})`, encryption: partEncryption(volumeId, s, volumes, ctx) };
    if (root) parts.unshift(part);
    else parts.push(part);
  }
  return parts;
}

function partEncryption(volumeId: string, s: Ec2Scope, volumes: Fetched<ReadonlyMap<string, Volume>>, ctx: AdaptContext): Val<EncryptionAtRest> {
  if (!volumes.ok) return unknownOf(volumes.failure);
  const v = volumes.value.get(volumeId);
  if (!v) return unknown("not-fetched", `volume ${volumeId} was not among the volumes listed in ${s.region}`);
  return volumeEncryption(v, s.region, ctx, `volume ${volumeId}`);
}

/**
 * Where an instance sits: its network interfaces' subnets and security groups. Its public IP is
 * what EC2 reports now; a stopped instance has none, and gets one on start if it had one at
 * launch, which its subnet's `MapPublicIpOnLaunch` decided: that case is left to the subnet.
 */
export function instancePlacement(i: Instance): Placement {
  const interfaces = i.NetworkInterfaces ?? [];
  const subnets = new Set([i.SubnetId, ...interfaces.map((n) => n.SubnetId)].filter((x): x is string => !!x));
  const groups = new Set([...(i.SecurityGroups ?? []), ...interfaces.flatMap((n) => n.Groups ?? [])].map((g) => g.GroupId).filter((x): x is string => !!x));
  const publicIp = i.PublicIpAddress !== undefined || interfaces.some((n) => n.Association?.PublicIp !== undefined);
  const stopped = i.State?.Name === "stopped" || i.State?.Name === "stopping";
  const access = publicIp ? "a public IP address" : stopped ? `no public IP address while ${i.State?.Name}` : "no public IP address";
  return {
    publiclyAccessible: publicIp ? true : stopped ? undefined : false,
    subnets: [...subnets],
    securityGroups: [...groups],
    inVpc: i.VpcId !== undefined || subnets.size > 0,
    observed: `${access}, SubnetId ${i.SubnetId ?? "not set"}`,
  };
}
