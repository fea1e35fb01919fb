import { describe, expect, it } from "vitest";
import { buildExposures } from "../../../../src/adapters/pulumi/exposure";
import { isUnknown } from "../../../../src/core/value";
import type { StoreExposure } from "../../../../src/models/exposure";
import { engineResource, UNKNOWN, urnOf } from "../../../helpers/engine";

type Res = ReturnType<typeof engineResource>;
const exposure = (urn: string, ...resources: Res[]): StoreExposure | undefined => buildExposures(resources).exposures.get(urn);
const grantees = (e: StoreExposure | undefined) =>
  (e?.shares ?? []).map((s) => (isUnknown(s.grantee) ? `unknown:${s.grantee.reason}` : s.grantee.kind === "account" ? s.grantee.account : s.grantee.kind === "public" ? "public" : s.grantee.arn));

const SNAP = "aws:rds/snapshot:Snapshot";
const EBS_SNAP = "aws:ebs/snapshot:Snapshot";
const AMI = "aws:ec2/ami:Ami";

describe("snapshot and image shares", () => {
  it.each<[string, string, Res[], unknown]>([
    ["RDS snapshot not shared", urnOf(SNAP, "s"), [engineResource(SNAP, "s", {})], []],
    ["RDS snapshot shared with all and an account", urnOf(SNAP, "s"), [engineResource(SNAP, "s", { sharedAccounts: ["all", "111122223333"] })], ["public", "111122223333"]],
    ["RDS cluster snapshot with computed sharedAccounts", urnOf("aws:rds/clusterSnapshot:ClusterSnapshot", "s"), [engineResource("aws:rds/clusterSnapshot:ClusterSnapshot", "s", { sharedAccounts: UNKNOWN }, { sharedAccounts: [urnOf("x:y/z:Z", "a")] })], ["unknown:preview"]],
    ["RDS snapshot copy (a store) shared", urnOf("aws:rds/snapshotCopy:SnapshotCopy", "c"), [engineResource("aws:rds/snapshotCopy:SnapshotCopy", "c", { sharedAccounts: ["999988887777"] })], ["999988887777"]],
    ["an account id that is not 12 digits is never echoed", urnOf(SNAP, "s"), [engineResource(SNAP, "s", { sharedAccounts: ["s3cr3t"] })], ["an unrecognized value"]],
    [
      "EBS snapshot with a volume permission joined by dependency",
      urnOf(EBS_SNAP, "s"),
      [
        engineResource(EBS_SNAP, "s", {}),
        engineResource("aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission", "share", { snapshotId: UNKNOWN, accountId: "999988887777" }, { snapshotId: [urnOf(EBS_SNAP, "s")] }),
      ],
      ["999988887777"],
    ],
    [
      "AMI launch permissions: group all, an organization, an account",
      urnOf(AMI, "img"),
      [
        engineResource(AMI, "img", { id: "ami-123" }),
        engineResource("aws:ec2/amiLaunchPermission:AmiLaunchPermission", "all", { imageId: "ami-123", group: "all" }),
        engineResource("aws:ec2/amiLaunchPermission:AmiLaunchPermission", "org", { imageId: "ami-123", organizationArn: "arn:aws:organizations::111122223333:organization/o-abc" }),
        engineResource("aws:ec2/amiLaunchPermission:AmiLaunchPermission", "acct", { imageId: "ami-123", accountId: "111122223333" }),
      ],
      ["public", "arn:aws:organizations::111122223333:organization/o-abc", "111122223333"],
    ],
    ["a deployed AMI with public=true", urnOf(AMI, "img"), [engineResource(AMI, "img", { public: true })], ["public"]],
  ])("%s", (_name, urn, resources, expected) => {
    expect(grantees(exposure(urn, ...resources))).toEqual(expected);
  });

  it("a snapshot is described with the store its data comes from", () => {
    const volume = engineResource("aws:ebs/volume:Volume", "data", {});
    const snap = engineResource(EBS_SNAP, "s", { volumeId: UNKNOWN, tags: { team: "x" } }, { volumeId: [volume.urn] });
    const e = exposure(snap.urn, volume, snap);
    expect(e?.resource).toMatchObject({ kind: "ebs-snapshot", dataOf: volume.urn, tags: { team: "x" }, ref: { label: "EBS snapshot", name: "s" } });
    const rds = engineResource("aws:rds/instance:Instance", "db", { identifier: "orders-db" });
    const rdsSnap = engineResource(SNAP, "rs", { dbInstanceIdentifier: "orders-db" });
    expect(exposure(rdsSnap.urn, rds, rdsSnap)?.resource?.dataOf).toBe(rds.urn);
  });

  it("snapshot copies that are stores carry no resource of their own", () => {
    expect(exposure(urnOf("aws:ebs/snapshotCopy:SnapshotCopy", "c"), engineResource("aws:ebs/snapshotCopy:SnapshotCopy", "c", {}))).toEqual({ shares: [] });
  });

  it("a permission for a snapshot outside the stack is judged on its own", () => {
    const p = engineResource("aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission", "share", { snapshotId: "snap-elsewhere", accountId: "999988887777" });
    const e = exposure(p.urn, p);
    expect(e?.resource).toMatchObject({ kind: "share-permission", ref: { label: "snapshot volume permission" } });
    expect(grantees(e)).toEqual(["999988887777"]);
  });

  it("an account computed in preview is an unknown share", () => {
    const snap = engineResource(EBS_SNAP, "s", {});
    const p = engineResource("aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission", "share", { snapshotId: UNKNOWN, accountId: UNKNOWN }, { snapshotId: [snap.urn], accountId: [urnOf("aws:organizations/account:Account", "a")] });
    expect(grantees(exposure(snap.urn, snap, p))).toEqual(["unknown:preview"]);
  });
});
