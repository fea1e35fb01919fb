import {
  DescribeImageAttributeCommand,
  DescribeSnapshotAttributeCommand,
  EC2Client,
  paginateDescribeImages,
  paginateDescribeInstances,
  paginateDescribeSnapshots,
  paginateDescribeVolumes,
  type CreateVolumePermission,
  type Image,
  type LaunchPermission,
  type Snapshot,
} from "@aws-sdk/client-ec2";
import type { FetchContext } from "./context";
import { fetchedValue, type Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";
import { unlessGone, unlessGoneAnswer } from "./ec2-gone";

export interface SnapshotAnswer {
  readonly snapshot: Snapshot;
  /** Who may create volumes from it (`createVolumePermission`). */
  readonly volumePermissions: Fetched<CreateVolumePermission[]>;
}

export interface ImageAnswer {
  readonly image: Image;
  /** Who may launch it (`launchPermission`). */
  readonly launchPermissions: Fetched<LaunchPermission[]>;
}

/** The EBS snapshots and AMIs the account owns in one region, with whom each is shared. */
export interface Ec2ImageAnswers {
  readonly region: string;
  readonly snapshots: Fetched<SnapshotAnswer[]>;
  readonly images: Fetched<ImageAnswer[]>;
  /** Ids of the region's volumes, to join snapshots to the volumes they copy (listed only when a snapshot names one). */
  readonly volumeIds: Fetched<string[]>;
  /** Ids of the region's instances, to join AMIs to the instance they were made from (listed only when an AMI names one). */
  readonly instanceIds: Fetched<string[]>;
}

export const EC2_IMAGE_ACTIONS = [
  "ec2:DescribeSnapshots",
  "ec2:DescribeSnapshotAttribute",
  "ec2:DescribeImages",
  "ec2:DescribeImageAttribute",
  "ec2:DescribeVolumes",
  "ec2:DescribeInstances",
] as const;

const GONE_SNAPSHOT = ["InvalidSnapshot.NotFound"];
const GONE_IMAGE = ["InvalidAMIID.NotFound", "InvalidAMIID.Unavailable"];

export const ec2ImagesFetcher: Fetcher<Ec2ImageAnswers> = {
  name: "ec2-snapshots-and-images",
  service: "ec2",
  actions: EC2_IMAGE_ACTIONS,
  scope: "region",
  async fetch(ctx: FetchContext): Promise<Ec2ImageAnswers> {
    const client = ctx.client(EC2Client, "ec2");
    const [snapshots, images] = await Promise.all([fetchSnapshots(ctx, client), fetchImages(ctx, client)]);
    const wantsVolumes = snapshots.ok && snapshots.value.some((s) => s.snapshot.VolumeId !== undefined);
    const wantsInstances = images.ok && images.value.some((i) => i.image.SourceInstanceId !== undefined);
    const [volumeIds, instanceIds] = await Promise.all([
      wantsVolumes
        ? ctx.listAll("ec2:DescribeVolumes", () => paginateDescribeVolumes({ client }, {}), (p) => p.Volumes?.map((v) => v.VolumeId ?? ""))
        : fetchedValue<string[]>([]),
      wantsInstances
        ? ctx.listAll("ec2:DescribeInstances", () => paginateDescribeInstances({ client }, {}), (p) =>
            p.Reservations?.flatMap((r) => r.Instances ?? []).map((i) => i.InstanceId ?? ""),
          )
        : fetchedValue<string[]>([]),
    ]);
    return { region: ctx.region, snapshots, images, volumeIds, instanceIds };
  },
};

async function fetchSnapshots(ctx: FetchContext, client: EC2Client): Promise<Fetched<SnapshotAnswer[]>> {
  const listed = await ctx.listAll("ec2:DescribeSnapshots", () => paginateDescribeSnapshots({ client }, { OwnerIds: ["self"] }), (p) => p.Snapshots);
  if (!listed.ok) return listed;
  const answers = await Promise.all(
    listed.value.map(async (snapshot) => {
      const permissions = await ctx.attempt("ec2:DescribeSnapshotAttribute", () =>
        unlessGone(GONE_SNAPSHOT, async () => {
          const out = await client.send(new DescribeSnapshotAttributeCommand({ SnapshotId: snapshot.SnapshotId, Attribute: "createVolumePermission" }));
          return out.CreateVolumePermissions ?? [];
        }),
      );
      return { snapshot, permissions };
    }),
  );
  return fetchedValue(
    answers.flatMap(({ snapshot, permissions }) => {
      const volumePermissions = unlessGoneAnswer(permissions);
      return volumePermissions ? [{ snapshot, volumePermissions }] : [];
    }),
  );
}

async function fetchImages(ctx: FetchContext, client: EC2Client): Promise<Fetched<ImageAnswer[]>> {
  const listed = await ctx.listAll("ec2:DescribeImages", () => paginateDescribeImages({ client }, { Owners: ["self"] }), (p) => p.Images);
  if (!listed.ok) return listed;
  const answers = await Promise.all(
    listed.value.map(async (image) => {
      const permissions = await ctx.attempt("ec2:DescribeImageAttribute", () =>
        unlessGone(GONE_IMAGE, async () => {
          const out = await client.send(new DescribeImageAttributeCommand({ ImageId: image.ImageId, Attribute: "launchPermission" }));
          return out.LaunchPermissions ?? [];
        }),
      );
      return { image, permissions };
    }),
  );
  return fetchedValue(
    answers.flatMap(({ image, permissions }) => {
      const launchPermissions = unlessGoneAnswer(permissions);
      return launchPermissions ? [{ image, launchPermissions }] : [];
    }),
  );
}
