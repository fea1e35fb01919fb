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
import { eachListed, fetchedValue, type Fetched } from "./fetched";
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
  const permissions: PermissionsCall<Snapshot, CreateVolumePermission> = {
    action: "ec2:DescribeSnapshotAttribute",
    gone: GONE_SNAPSHOT,
    of: async (snapshot) => {
      const out = await client.send(new DescribeSnapshotAttributeCommand({ SnapshotId: snapshot.SnapshotId, Attribute: "createVolumePermission" }));
      return out.CreateVolumePermissions ?? [];
    },
  };
  return withPermissions(ctx, listed, permissions, (snapshot, volumePermissions) => ({ snapshot, volumePermissions }));
}

async function fetchImages(ctx: FetchContext, client: EC2Client): Promise<Fetched<ImageAnswer[]>> {
  const listed = await ctx.listAll("ec2:DescribeImages", () => paginateDescribeImages({ client }, { Owners: ["self"] }), (p) => p.Images);
  const permissions: PermissionsCall<Image, LaunchPermission> = {
    action: "ec2:DescribeImageAttribute",
    gone: GONE_IMAGE,
    of: async (image) => {
      const out = await client.send(new DescribeImageAttributeCommand({ ImageId: image.ImageId, Attribute: "launchPermission" }));
      return out.LaunchPermissions ?? [];
    },
  };
  return withPermissions(ctx, listed, permissions, (image, launchPermissions) => ({ image, launchPermissions }));
}

/** How to ask who may use a resource: the IAM action, EC2's codes for a resource deleted meanwhile, the call. */
interface PermissionsCall<R, P> {
  readonly action: string;
  readonly gone: readonly string[];
  readonly of: (resource: R) => Promise<P[]>;
}

/** Each listed resource with who may use it, as `answer` puts them; one deleted since it was listed is left out. */
async function withPermissions<R, P, A>(
  ctx: FetchContext,
  listed: Fetched<R[]>,
  permissions: PermissionsCall<R, P>,
  answer: (resource: R, permissions: Fetched<P[]>) => A,
): Promise<Fetched<A[]>> {
  const answers = await eachListed(listed, async (resource) => {
    const asked = unlessGoneAnswer(await ctx.attempt(permissions.action, () => unlessGone(permissions.gone, () => permissions.of(resource))));
    return asked ? [answer(resource, asked)] : [];
  });
  return answers.ok ? fetchedValue(answers.value.flat()) : answers;
}
