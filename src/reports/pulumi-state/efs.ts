import type { DataStore } from "../../models/data-store";
import { tagProps, type StateWriter } from "./context";
import { keySetting, keyValue } from "./key-setting";
import { placementSettings } from "./placement";
import { policiesOf } from "./policies";

const T = {
  fileSystem: "aws:efs/fileSystem:FileSystem",
  mountTarget: "aws:efs/mountTarget:MountTarget",
  policy: "aws:efs/fileSystemPolicy:FileSystemPolicy",
} as const;

/**
 * A file system (`encrypted`, `kmsKeyId`; none named: aws/elasticfilesystem), a `MountTarget` per
 * subnet it is reachable from, and its `FileSystemPolicy`. The scan keeps the mount targets merged
 * (their subnets and security groups united), so each written mount target carries every group:
 * the Pulumi adapter, uniting them again, places the file system as the scan did.
 */
export function writeFileSystem(w: StateWriter, store: DataStore): void {
  const id = store.ref.name;
  const what = `EFS file system ${id}`;
  const key = keySetting(store.encryption, what);
  const kmsKeyId = keyValue(key, store, what);
  const placement = placementSettings(w, store.ref.id, what);
  const fileSystem = w.add({
    type: T.fileSystem,
    name: id,
    model: store.ref,
    id,
    props: { arn: store.ref.id, encrypted: key.enabled, ...(kmsKeyId ? { kmsKeyId } : {}), ...tagProps(store.tags, what) },
    refs: { kmsKeyId: [key.keyModel] },
  });
  placement?.subnets.forEach((subnet, i) => {
    const name = `${id}-${subnet}`;
    w.add({
      type: T.mountTarget,
      name,
      model: store.ref,
      id: name,
      props: { fileSystemId: id, subnetId: subnet, securityGroups: [...placement.securityGroups] },
      refs: { fileSystemId: [fileSystem], subnetId: [placement.subnetModels[i]], securityGroups: [...placement.securityGroupModels] },
    });
  });
  for (const policy of policiesOf(w, store.ref.id, "efs")) {
    w.add({ type: T.policy, name: id, model: store.ref, id, props: { fileSystemId: id, policy }, refs: { fileSystemId: [fileSystem] } });
  }
}
