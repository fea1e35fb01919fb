import type { Image, Snapshot } from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import { adaptEc2Images, adaptEc2Stores } from "../../../src/adapters/aws/ec2";
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import { isUnknown } from "../../../src/core/value";
import type { Ec2ImageAnswers, ImageAnswer, SnapshotAnswer } from "../../../src/fetchers/aws/ec2-images";
import type { StoreExposure } from "../../../src/models/exposure";
import type { Inventory } from "../../../src/models/inventory";
import { snapshotsAndImagesSharedOnlyWithTrustedAccounts as rule } from "../../../src/rules/network/snapshots-and-images-shared-only-with-trusted-accounts";
import { engineResource } from "../../helpers/engine";
import { run, statuses } from "../../helpers/models";
import { expectParity } from "./parity";
import { ACCOUNT, adaptContext, arn, failed, ok, REGION } from "./ec2-fixtures";

const PARTNER = "111122223333";
const snapshotArn = (id: string) => `arn:aws:ec2:${REGION}::snapshot/${id}`;
const imageArn = (id: string) => `arn:aws:ec2:${REGION}::image/${id}`;

const snapshot = (id: string, permissions: SnapshotAnswer["volumePermissions"], over: Partial<Snapshot> = {}): SnapshotAnswer => ({
  snapshot: { SnapshotId: id, OwnerId: ACCOUNT, VolumeId: "vol-data", Encrypted: false, State: "completed", ...over },
  volumePermissions: permissions,
});
const image = (id: string, permissions: ImageAnswer["launchPermissions"], over: Partial<Image> = {}): ImageAnswer => ({
  image: { ImageId: id, OwnerId: ACCOUNT, Name: id, Public: false, State: "available", ...over },
  launchPermissions: permissions,
});

function answers(over: Partial<Ec2ImageAnswers> = {}): Ec2ImageAnswers {
  return {
    region: REGION,
    snapshots: ok([
      snapshot("snap-private", ok([])),
      snapshot("snap-public", ok([{ Group: "all" }, { UserId: PARTNER }]), { Tags: [{ Key: "data-classification", Value: "restricted" }] }),
      snapshot("snap-copy", ok([]), { VolumeId: "vol-ffffffff" }),
    ]),
    images: ok([
      image("ami-shared", ok([{ OrganizationArn: "arn:aws:organizations::111122223333:organization/o-abc" }, { OrganizationalUnitArn: "arn:aws:organizations::111122223333:ou/o-abc/ou-1" }, { UserId: PARTNER }]), {
        SourceInstanceId: "i-1",
      }),
      image("ami-public", ok([{ Group: "all" }]), { Public: true }),
    ]),
    volumeIds: ok(["vol-data"]),
    instanceIds: ok(["i-1"]),
    ...over,
  };
}

const exposures = (raw: Ec2ImageAnswers) => new Map(adaptEc2Images(raw, adaptContext()).exposures);
const grantees = (e: StoreExposure | undefined) =>
  (e?.shares ?? []).map((s) => (isUnknown(s.grantee) ? `unknown:${s.grantee.reason}` : s.grantee.kind === "account" ? s.grantee.account : s.grantee.kind === "public" ? "public" : s.grantee.arn));

describe("EBS snapshots and AMIs from recorded answers", () => {
  const e = exposures(answers());

  it("a snapshot is an exposed resource holding its volume's data, keyed by its ARN", () => {
    expect(e.get(snapshotArn("snap-private"))).toEqual({
      resource: {
        ref: { id: snapshotArn("snap-private"), type: "AWS::EC2::Snapshot", name: "snap-private", label: "EBS snapshot", account: ACCOUNT, region: REGION },
        kind: "ebs-snapshot",
        tags: {},
        dataOf: arn("volume/vol-data"),
      },
      shares: [],
    });
  });

  it("createVolumePermission: group all is public, user ids are accounts", () => {
    expect(grantees(e.get(snapshotArn("snap-public")))).toEqual(["public", PARTNER]);
    expect(e.get(snapshotArn("snap-public"))?.shares?.[0]?.origin).toBe("the createVolumePermission of EBS snapshot 'snap-public'");
  });

  it("a snapshot of a volume that is not listed (a copy's placeholder, a deleted volume) names no data source", () => {
    expect(e.get(snapshotArn("snap-copy"))?.resource?.dataOf).toBeUndefined();
    const noVolumes = exposures(answers({ volumeIds: failed("ec2:DescribeVolumes") }));
    expect(noVolumes.get(snapshotArn("snap-private"))?.resource?.dataOf).toBeUndefined();
  });

  it("launchPermission: organizations, organizational units, accounts and group all; the image joined to its instance", () => {
    const shared = e.get(imageArn("ami-shared"));
    expect(grantees(shared)).toEqual(["arn:aws:organizations::111122223333:organization/o-abc", "arn:aws:organizations::111122223333:ou/o-abc/ou-1", PARTNER]);
    expect(shared?.shares?.map((s) => (isUnknown(s.grantee) ? "" : s.grantee.kind))).toEqual(["organization", "organizational-unit", "account"]);
    expect(shared?.resource).toMatchObject({ kind: "machine-image", dataOf: arn("instance/i-1"), ref: { label: "AMI", type: "AWS::EC2::Image" } });
    expect(grantees(e.get(imageArn("ami-public")))).toEqual(["public"]);
  });

  it("values that are not account ids or organization ARNs are never echoed", () => {
    const odd = exposures(answers({ snapshots: ok([snapshot("snap-x", ok([{ UserId: "s3cr3t" }]))]), images: ok([image("ami-x", ok([{ OrganizationArn: "not-an-arn" }, { Group: "weird" as "all" }]))]) }));
    expect(grantees(odd.get(snapshotArn("snap-x")))).toEqual(["an unrecognized value"]);
    expect(grantees(odd.get(imageArn("ami-x")))).toEqual(["an unrecognized value", "an unrecognized value"]);
  });

  it("permissions that could not be read are an Unknown share; a public flag still counts", () => {
    const e2 = exposures(
      answers({
        snapshots: ok([snapshot("snap-1", failed("ec2:DescribeSnapshotAttribute"))]),
        images: ok([image("ami-1", failed("ec2:DescribeImageAttribute", "throttled"), { Public: true }), image("ami-2", failed("ec2:DescribeImageAttribute"))]),
      }),
    );
    expect(grantees(e2.get(snapshotArn("snap-1")))).toEqual(["unknown:access-denied"]);
    expect(grantees(e2.get(imageArn("ami-1")))).toEqual(["public", "unknown:throttled"]);
    expect(grantees(e2.get(imageArn("ami-2")))).toEqual(["unknown:access-denied"]);
  });

  it("failed listings are gaps", () => {
    const c = adaptEc2Images(answers({ snapshots: failed("ec2:DescribeSnapshots"), images: failed("ec2:DescribeImages", "timeout") }), adaptContext());
    expect(c.gaps?.map((g) => [g.what, g.reason])).toEqual([
      ["EBS snapshots", "access-denied"],
      ["AMIs", "timeout"],
    ]);
    expect(c.exposures).toEqual([]);
  });

  it("CDG-NET-009 judges them: the public snapshot fails; an untagged snapshot takes its volume's classification", () => {
    const stores = adaptEc2Stores(
      {
        region: REGION,
        volumes: ok([{ VolumeId: "vol-data", Encrypted: true, KmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/x", Tags: [{ Key: "data-classification", Value: "public" }] }]),
        instances: ok([]),
        launchTemplates: ok([]),
        encryptionByDefault: ok(false),
        defaultKmsKeyId: ok(undefined),
      },
      adaptContext(),
    ).stores;
    const snaps = answers({ snapshots: ok([snapshot("snap-public", ok([{ Group: "all" }]), { Tags: [{ Key: "data-classification", Value: "restricted" }] }), snapshot("snap-untagged", ok([{ Group: "all" }]))]), images: ok([]) });
    const inventory: Partial<Inventory> = { stores: stores ?? [], exposures: exposures(snaps) };
    // The restricted snapshot fails; the untagged one copies a public-classified volume.
    expect(statuses(run(rule, inventory))).toEqual(["fail", "not-applicable"]);
  });
});

describe("parity with the Pulumi front", () => {
  const withoutOrigins = (e: StoreExposure | undefined): unknown => JSON.parse(JSON.stringify(e, (k, v: unknown) => (k === "origin" || k === "dataOf" ? undefined : v)));

  it("an EBS snapshot shared with an account", () => {
    const snap = engineResource("aws:ebs/snapshot:Snapshot", "snap-1", { tags: { team: "x" } });
    const perm = engineResource("aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission", "share", { snapshotId: "snap-1", accountId: PARTNER }, { snapshotId: [snap.urn] });
    const pulumi = buildInventory([snap, perm]).exposures?.get(snap.urn);
    const aws = exposures(answers({ snapshots: ok([snapshot("snap-1", ok([{ UserId: PARTNER }]), { Tags: [{ Key: "team", Value: "x" }] })]), images: ok([]) })).get(snapshotArn("snap-1"));
    expectParity(withoutOrigins(aws), withoutOrigins(pulumi));
  });

  it("an AMI launchable by everyone", () => {
    const ami = engineResource("aws:ec2/ami:Ami", "ami-1", { tags: { team: "x" } });
    const perm = engineResource("aws:ec2/amiLaunchPermission:AmiLaunchPermission", "all", { imageId: "ami-1", group: "all" }, { imageId: [ami.urn] });
    const pulumi = buildInventory([ami, perm]).exposures?.get(ami.urn);
    const aws = exposures(answers({ snapshots: ok([]), images: ok([image("ami-1", ok([{ Group: "all" }]), { Tags: [{ Key: "team", Value: "x" }] })]) })).get(imageArn("ami-1"));
    expectParity(withoutOrigins(aws), withoutOrigins(pulumi));
  });
});
