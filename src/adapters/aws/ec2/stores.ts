import type { Volume } from "@aws-sdk/client-ec2";
import type { Ec2StoreAnswers } from "../../../fetchers/aws/ec2-stores";
import { fetchedValue, type Fetched } from "../../../fetchers/aws/fetched";
import type { DataStore } from "../../../models/data-store";
import type { AdaptContext } from "../context";
import type { CoverageGap, InventoryContribution } from "../contribution";
import { gapOf, tagsOfList } from "../fetched";
import type { EbsDefaults } from "./ebs-encryption";
import { adaptInstance, instanceArn, instancePlacement } from "./instances";
import { adaptLaunchTemplate } from "./launch-templates";
import { scopeOf } from "./scope";
import { adaptVolume } from "./volumes";

/** EBS volumes, instances (stores, compute and placements) and launch templates of one region. */
export function adaptEc2Stores(raw: Ec2StoreAnswers, ctx: AdaptContext): InventoryContribution {
  const s = scopeOf(ctx, raw.region);
  const volumes = raw.volumes.ok ? raw.volumes.value : [];
  const byId: Fetched<ReadonlyMap<string, Volume>> = raw.volumes.ok
    ? fetchedValue(new Map(volumes.map((v) => [v.VolumeId ?? "", v] as const)))
    : raw.volumes;
  const instances = raw.instances.ok ? raw.instances.value : [];
  const defaults: EbsDefaults = { region: raw.region, encryptionByDefault: raw.encryptionByDefault, defaultKmsKeyId: raw.defaultKmsKeyId };
  const instanceStores = instances.map((i) => adaptInstance(i, s, byId, ctx));
  const templates = (raw.launchTemplates.ok ? raw.launchTemplates.value : []).flatMap((a) => adaptLaunchTemplate(a, s, defaults, ctx) ?? []);
  const stores: DataStore[] = [...volumes.map((v) => adaptVolume(v, s, ctx)), ...instanceStores, ...templates];
  return {
    stores,
    compute: instanceStores.map((i) => i.ref),
    placements: instances.map((i) => [instanceArn(s, i), instancePlacement(i)] as const),
    tags: instances.map((i) => [instanceArn(s, i), tagsOfList(i.Tags)] as const),
    gaps: gapsOf(raw),
  };
}

function gapsOf(raw: Ec2StoreAnswers): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  if (!raw.volumes.ok) gaps.push(gapOf(raw.volumes.failure, "EBS volumes"));
  if (!raw.instances.ok) gaps.push(gapOf(raw.instances.failure, "EC2 instances"));
  if (!raw.launchTemplates.ok) gaps.push(gapOf(raw.launchTemplates.failure, "EC2 launch templates"));
  return gaps;
}
