import { isUnknown, type Val } from "../../../core/value";
import type { EncryptionAtRest } from "../../../models/data-store";
import { switchedEncryption } from "../kms-ref";
import type { Props } from "../props";
import type { StoreAdapter } from "../store-adapter";
import { copyOfProperty } from "./shared";

/**
 * EBS settings `<base>encrypted` and `<base>kmsKeyId` (base "" or a block path ending in "."):
 * on without a key -> the account's default EBS key (aws/ebs unless changed). Not set -> the
 * account's "EBS encryption by default" decides, which no single resource shows: treated as not
 * encrypted, and `observed` says why. `why` names what else the volume's encryption follows.
 */
export function ebsEncryption(p: Props, base: string, why = ""): Val<EncryptionAtRest> {
  const switchPath = `${base}encrypted`;
  const e = switchedEncryption(p, switchPath, `${base}kmsKeyId`);
  if (isUnknown(e) || e.enabled !== false || p.bool(switchPath) !== undefined) return e;
  return {
    ...e,
    observed: `${switchPath} not set: treated as not encrypted (${why}the account's EBS encryption by default cannot be seen from this resource)`,
  };
}

/** `aws:ebs/volume:Volume` (v6, v7). */
export const ebsVolume: StoreAdapter = {
  types: ["aws:ebs/volume:Volume"],
  kind: "ebs-volume",
  encryption: (p) => ebsEncryption(p, "", p.get("snapshotId") === undefined ? "" : "the snapshot it is created from and "),
};

/** `aws:ebs/snapshotCopy:SnapshotCopy` (v6, v7): a copy of `sourceSnapshotId`. */
export const ebsSnapshotCopy: StoreAdapter = {
  types: ["aws:ebs/snapshotCopy:SnapshotCopy"],
  kind: "ebs-snapshot-copy",
  encryption: (p) => ebsEncryption(p, "", "the source snapshot's encryption and "),
  copyOf: (p) => copyOfProperty(p, "sourceSnapshotId", "snapshot-copy"),
};
