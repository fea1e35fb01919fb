import { isUnknown, type Val } from "../../../core/value";
import type { ExposedKind, Share, ShareGrantee, StoreExposure } from "../../../models/exposure";
import { strList } from "../network/values";
import type { Props } from "../props";
import { refOf } from "../store-adapter";
import type { Groups } from "./groups";
import type { TargetIndex } from "./targets";
import { AMI_TYPES, EBS_SNAPSHOT_TYPES, X } from "./types";

/** Snapshots and images: their label, kind (none for types that are stores), and the property naming their data. */
interface CopyType {
  readonly label: string;
  readonly kind?: ExposedKind;
  readonly sourcePath?: string;
  readonly sourceTypes?: ReadonlySet<string>;
}

const COPY_TYPES: ReadonlyMap<string, CopyType> = new Map<string, CopyType>([
  [X.ebsSnapshot, { label: "EBS snapshot", kind: "ebs-snapshot", sourcePath: "volumeId", sourceTypes: new Set([X.ebsVolume]) }],
  [X.ebsSnapshotImport, { label: "EBS snapshot", kind: "ebs-snapshot" }],
  [X.ebsSnapshotCopy, { label: "EBS snapshot copy" }],
  [X.ami, { label: "AMI", kind: "machine-image" }],
  [X.amiCopy, { label: "AMI", kind: "machine-image", sourcePath: "sourceAmiId", sourceTypes: AMI_TYPES }],
  [X.amiFromInstance, { label: "AMI", kind: "machine-image", sourcePath: "sourceInstanceId", sourceTypes: new Set([X.ec2Instance]) }],
  [X.rdsSnapshot, { label: "RDS snapshot", kind: "rds-snapshot", sourcePath: "dbInstanceIdentifier", sourceTypes: new Set([X.rdsInstance]) }],
  [X.rdsClusterSnapshot, { label: "RDS cluster snapshot", kind: "rds-cluster-snapshot", sourcePath: "dbClusterIdentifier", sourceTypes: new Set([X.rdsCluster]) }],
  [X.rdsSnapshotCopy, { label: "RDS snapshot copy" }],
  [X.rdsClusterSnapshotCopy, { label: "RDS cluster snapshot copy" }],
]);

const RDS_SHARED: ReadonlySet<string> = new Set([X.rdsSnapshot, X.rdsClusterSnapshot, X.rdsSnapshotCopy, X.rdsClusterSnapshotCopy]);

export const SHARE_TYPES: readonly string[] = [...COPY_TYPES.keys(), X.snapshotCreateVolumePermission, X.amiLaunchPermission];

const ACCOUNT_ID = /^\d{12}$/;
/** Only 12-digit ids are printed; anything else may be a misplaced value. */
const account = (v: string): ShareGrantee => ({ kind: "account", account: ACCOUNT_ID.test(v) ? v : "an unrecognized value" });
const ARN = /^arn:aws[a-z-]*:organizations::\d{12}:(organization|ou)\/[A-Za-z0-9/_-]+$/;
const arnOf = (v: string): string => (ARN.test(v) ? v : "an unrecognized value");

/** `sharedAccounts` of RDS snapshots: account ids, or `all` for everyone. */
function sharedAccounts(p: Props, label: string): Share[] {
  const origin = `the sharedAccounts of ${label} '${p.resource.name}'`;
  const list = strList(p, "sharedAccounts");
  if (isUnknown(list)) return [{ origin, grantee: list }];
  return list.map((v) => ({ origin, grantee: isUnknown(v) ? v : v === "all" ? { kind: "public" } : account(v) }));
}

/** An AMI whose `public` output is known true (a deployed image); the input side is AmiLaunchPermission. */
function publicImage(p: Props): Share[] {
  return p.bool("public") === true ? [{ origin: `AMI '${p.resource.name}' (public=true)`, grantee: { kind: "public" } }] : [];
}

function launchPermissionGrantee(p: Props): Val<ShareGrantee> | undefined {
  const group = p.str("group");
  if (isUnknown(group)) return group;
  if (group === "all") return { kind: "public" };
  for (const [path, kind] of [["organizationArn", "organization"], ["organizationalUnitArn", "organizational-unit"]] as const) {
    const v = p.str(path);
    if (isUnknown(v)) return v;
    if (v) return { kind, arn: arnOf(v) };
  }
  const id = p.str("accountId");
  if (isUnknown(id)) return id;
  return id ? account(id) : group ? { kind: "organization", arn: "an unrecognized value" } : undefined;
}

function addShare(out: Map<string, StoreExposure>, subject: string, share: Share): void {
  const current = out.get(subject);
  out.set(subject, { ...current, shares: [...(current?.shares ?? []), share] });
}

/** A permission whose snapshot or image is not in the view is judged on its own. */
function permissionShare(out: Map<string, StoreExposure>, p: Props, subject: Val<string | undefined>, label: string, share: Share, index: TargetIndex): void {
  if (typeof subject === "string" && index.has(subject) && out.has(subject)) {
    addShare(out, subject, share);
    return;
  }
  out.set(p.resource.urn, {
    resource: { ref: refOf(p, label), kind: "share-permission", tags: undefined },
    shares: [share],
  });
}

/**
 * Who each snapshot and image is shared with: RDS `sharedAccounts`, `SnapshotCreateVolumePermission`,
 * `AmiLaunchPermission` and a deployed AMI's `public` flag. Snapshots and images without a store
 * model get a `resource` naming the store their data came from, when joined.
 */
export function addShares(out: Map<string, StoreExposure>, groups: Groups, index: TargetIndex): void {
  for (const [type, c] of COPY_TYPES) {
    for (const p of groups.of(type)) {
      const shares = RDS_SHARED.has(type) ? sharedAccounts(p, c.label) : AMI_TYPES.has(type) ? publicImage(p) : [];
      const dataOf = c.sourcePath && c.sourceTypes ? index.joined(p, c.sourcePath, c.sourceTypes) : undefined;
      const resource = c.kind ? { ref: refOf(p, c.label), kind: c.kind, tags: p.tags(), ...(dataOf ? { dataOf } : {}) } : undefined;
      out.set(p.resource.urn, { ...out.get(p.resource.urn), ...(resource ? { resource } : {}), shares });
    }
  }
  for (const p of groups.of(X.snapshotCreateVolumePermission)) {
    const id = p.str("accountId");
    const grantee: Val<ShareGrantee> = isUnknown(id) ? id : account(id ?? "");
    const share = { origin: `snapshot volume permission '${p.resource.name}'`, grantee };
    permissionShare(out, p, index.resolve(p, "snapshotId", EBS_SNAPSHOT_TYPES), "snapshot volume permission", share, index);
  }
  for (const p of groups.of(X.amiLaunchPermission)) {
    const grantee = launchPermissionGrantee(p);
    if (grantee === undefined) continue;
    const share = { origin: `AMI launch permission '${p.resource.name}'`, grantee };
    permissionShare(out, p, index.resolve(p, "imageId", AMI_TYPES), "AMI launch permission", share, index);
  }
}

