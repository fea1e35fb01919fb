import type { DataStore } from "../../models/data-store";
import type { ExposedResource, Share } from "../../models/exposure";
import { known, tagProps, Unwritable, type StateWriter } from "./context";
import { keySetting, notAwsOwned } from "./key-setting";

const T = {
  volume: "aws:ebs/volume:Volume",
  snapshot: "aws:ebs/snapshot:Snapshot",
  volumePermission: "aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission",
} as const;

/** An EBS volume: `encrypted` and `kmsKeyId` (none named: the account's default EBS key, aws/ebs). */
export function writeVolume(w: StateWriter, store: DataStore): void {
  const id = store.ref.name;
  const what = `EBS volume ${id}`;
  const key = notAwsOwned(keySetting(store.encryption, what), what);
  w.add({
    type: T.volume,
    name: id,
    model: store.ref,
    id,
    props: { arn: store.ref.id, encrypted: key.enabled, ...(key.key ? { kmsKeyId: key.key } : {}), ...tagProps(store.tags, what) },
    refs: { kmsKeyId: [key.keyModel] },
  });
}

/** An EBS snapshot, the volume it was taken from, and one `SnapshotCreateVolumePermission` per account it is shared with. */
export function writeSnapshot(w: StateWriter, r: ExposedResource, shares: readonly Share[]): void {
  const id = r.ref.name;
  const what = `EBS snapshot ${id}`;
  const volume = r.dataOf === undefined ? undefined : w.inventory.stores.find((s) => s.ref.id === r.dataOf);
  const accounts = shares.map((s) => {
    const grantee = known(s.grantee, s.origin);
    if (grantee.kind !== "account") throw new Unwritable(`${what} is shared with ${grantee.kind === "public" ? "everyone" : "an organization"}, which v7 snapshot permissions cannot express`);
    return grantee.account;
  });
  const snapshot = w.add({
    type: T.snapshot,
    name: id,
    model: r.ref,
    id,
    props: { arn: r.ref.id, ...(volume ? { volumeId: volume.ref.name } : {}), ...tagProps(r.tags, what) },
    refs: { volumeId: [r.dataOf] },
  });
  for (const account of accounts) {
    w.add({
      type: T.volumePermission,
      name: `${id}-${account}`,
      model: r.ref,
      id: `${id}-${account}`,
      props: { snapshotId: id, accountId: account },
      refs: { snapshotId: [snapshot] },
    });
  }
}
