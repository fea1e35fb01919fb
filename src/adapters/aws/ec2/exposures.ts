import type { CreateVolumePermission, LaunchPermission } from "@aws-sdk/client-ec2";
import { isUnknown, type Val } from "../../../core/value";
import type { Ec2ImageAnswers, ImageAnswer, SnapshotAnswer } from "../../../fetchers/aws/ec2-images";
import type { Fetched } from "../../../fetchers/aws/fetched";
import type { Share, ShareGrantee, StoreExposure } from "../../../models/exposure";
import type { AdaptContext } from "../context";
import type { CoverageGap, InventoryContribution } from "../contribution";
import { gapOf, tagsOfList, unknownOf } from "../fetched";
import { ec2Arn, ec2Ref, scopeOf, type Ec2Scope } from "./scope";

const ACCOUNT_ID = /^\d{12}$/;
const ORGANIZATIONS_ARN = /^arn:aws[a-z-]*:organizations::\d{12}:(organization|ou)\/[A-Za-z0-9/_-]+$/;
/** Only 12-digit ids and well-formed ARNs are printed, as the Pulumi front does. */
const account = (v: string): ShareGrantee => ({ kind: "account", account: ACCOUNT_ID.test(v) ? v : "an unrecognized value" });
const organizationArn = (v: string): string => (ORGANIZATIONS_ARN.test(v) ? v : "an unrecognized value");
const PUBLIC: ShareGrantee = { kind: "public" };

/** Snapshot and image ARNs name no account (`arn:aws:ec2:us-east-1::snapshot/snap-...`). */
const unownedArn = (s: Ec2Scope, resource: string): string => `arn:${s.partition}:ec2:${s.region}::${resource}`;

/** Who each owned EBS snapshot and AMI is shared with, each described with the store its data comes from when that is listed. */
export function adaptEc2Images(raw: Ec2ImageAnswers, ctx: AdaptContext): InventoryContribution {
  const s = scopeOf(ctx, raw.region);
  const volumes = new Set(raw.volumeIds.ok ? raw.volumeIds.value : []);
  const instances = new Set(raw.instanceIds.ok ? raw.instanceIds.value : []);
  const exposures: (readonly [string, StoreExposure])[] = [
    ...(raw.snapshots.ok ? raw.snapshots.value : []).map((a) => snapshotExposure(a, s, volumes)),
    ...(raw.images.ok ? raw.images.value : []).map((a) => imageExposure(a, s, instances)),
  ];
  return { exposures, gaps: gapsOf(raw) };
}

function snapshotExposure(a: SnapshotAnswer, s: Ec2Scope, volumes: ReadonlySet<string>): readonly [string, StoreExposure] {
  const snap = a.snapshot;
  const id = snap.SnapshotId ?? "";
  const arn = unownedArn(s, `snapshot/${id}`);
  const volume = snap.VolumeId;
  const dataOf = volume !== undefined && volumes.has(volume) ? ec2Arn(s, `volume/${volume}`) : undefined;
  const origin = `the createVolumePermission of EBS snapshot '${id}'`;
  return [
    arn,
    {
      resource: {
        ref: ec2Ref(s, arn, "AWS::EC2::Snapshot", id, "EBS snapshot", snap.OwnerId),
        kind: "ebs-snapshot",
        tags: tagsOfList(snap.Tags),
        ...(dataOf ? { dataOf } : {}),
      },
      shares: sharesOf(a.volumePermissions, origin, volumeGrantee),
    },
  ];
}

function imageExposure(a: ImageAnswer, s: Ec2Scope, instances: ReadonlySet<string>): readonly [string, StoreExposure] {
  const image = a.image;
  const id = image.ImageId ?? "";
  const arn = unownedArn(s, `image/${id}`);
  const source = image.SourceInstanceId;
  const dataOf = source !== undefined && instances.has(source) ? ec2Arn(s, `instance/${source}`) : undefined;
  const shares = sharesOf(a.launchPermissions, `the launchPermission of AMI '${id}'`, launchGrantee);
  const flagged = image.Public === true && !shares.some((x) => !isUnknown(x.grantee) && x.grantee.kind === "public");
  return [
    arn,
    {
      resource: {
        ref: ec2Ref(s, arn, "AWS::EC2::Image", id, "AMI", image.OwnerId),
        kind: "machine-image",
        tags: tagsOfList(image.Tags),
        ...(dataOf ? { dataOf } : {}),
      },
      shares: flagged ? [{ origin: `AMI '${id}' (Public=true)`, grantee: PUBLIC }, ...shares] : shares,
    },
  ];
}

/** One share per permission; one Unknown share when the permissions could not be read. */
function sharesOf<P>(permissions: Fetched<P[]>, origin: string, grantee: (p: P) => Val<ShareGrantee> | undefined): Share[] {
  if (!permissions.ok) return [{ origin, grantee: unknownOf(permissions.failure) }];
  return permissions.value.flatMap((p) => {
    const g = grantee(p);
    return g === undefined ? [] : [{ origin, grantee: g }];
  });
}

function volumeGrantee(p: CreateVolumePermission): ShareGrantee | undefined {
  if (p.Group === "all") return PUBLIC;
  return p.UserId !== undefined ? account(p.UserId) : undefined;
}

function launchGrantee(p: LaunchPermission): ShareGrantee | undefined {
  if (p.Group === "all") return PUBLIC;
  if (p.OrganizationArn) return { kind: "organization", arn: organizationArn(p.OrganizationArn) };
  if (p.OrganizationalUnitArn) return { kind: "organizational-unit", arn: organizationArn(p.OrganizationalUnitArn) };
  if (p.UserId) return account(p.UserId);
  return p.Group !== undefined ? { kind: "organization", arn: "an unrecognized value" } : undefined;
}

function gapsOf(raw: Ec2ImageAnswers): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  if (!raw.snapshots.ok) gaps.push(gapOf(raw.snapshots.failure, "EBS snapshots"));
  if (!raw.images.ok) gaps.push(gapOf(raw.images.failure, "AMIs"));
  return gaps;
}
