import type { Volume } from "@aws-sdk/client-ec2";
import type { DataStore } from "../../../models/data-store";
import { storeLabel } from "../../../models/store-kind-facts";
import type { AdaptContext } from "../context";
import { tagsOfList } from "../fetched";
import { volumeEncryption } from "./ebs-encryption";
import { ec2Arn, ec2Ref, type Ec2Scope } from "./scope";

export const volumeArn = (s: Ec2Scope, v: Volume): string => v.VolumeArn ?? ec2Arn(s, `volume/${v.VolumeId ?? ""}`, v.OwnerId);

/** An EBS volume: encrypted as EC2 reports, with the key it names. */
export function adaptVolume(v: Volume, s: Ec2Scope, ctx: AdaptContext): DataStore {
  const id = v.VolumeId ?? "";
  return {
    model: "data-store",
    ref: ec2Ref(s, volumeArn(s, v), "AWS::EC2::Volume", id, storeLabel("ebs-volume"), v.OwnerId),
    kind: "ebs-volume",
    tags: tagsOfList(v.Tags),
    encryption: volumeEncryption(v, s.region, ctx, `volume ${id}`),
    parts: [],
  };
}
