import type { DataStore, EncryptedPart } from "../../models/data-store";
import { tagProps, type StateWriter } from "./context";
import { keySetting, notAwsOwned } from "./key-setting";

/** `block device /dev/sdf` -> `/dev/sdf`. */
const deviceOf = (part: EncryptedPart): string | undefined => /^block device (\S+)/.exec(part.name)?.[1];

/** `arn:aws:ec2:REGION:ACCOUNT:launch-template/lt-0abc` -> `lt-0abc`. */
const templateIdOf = (arn: string): string => arn.slice(arn.lastIndexOf("/") + 1);

/**
 * A launch template with its default version's EBS mappings as `blockDeviceMappings[].ebs`:
 * `encrypted` as v7 types it (the string "true" or "false"; a mapping the scan read as not set is
 * not encrypted to the Pulumi adapter too) and `kmsKeyId` (none: the account's default EBS key).
 */
export function writeLaunchTemplate(w: StateWriter, store: DataStore): void {
  const name = store.physicalName ?? store.ref.name;
  const what = `EC2 launch template ${name}`;
  const mappings = store.parts.map((part) => {
    const key = notAwsOwned(keySetting(part.encryption, `${part.name} of ${what}`), what);
    const device = deviceOf(part);
    return { key, props: { ...(device ? { deviceName: device } : {}), ebs: { encrypted: String(key.enabled), ...(key.key ? { kmsKeyId: key.key } : {}) } } };
  });
  const id = templateIdOf(store.ref.id);
  w.add({
    type: "aws:ec2/launchTemplate:LaunchTemplate",
    name,
    model: store.ref,
    id,
    props: { name, arn: store.ref.id, ...(mappings.length > 0 ? { blockDeviceMappings: mappings.map((m) => m.props) } : {}), ...tagProps(store.tags, what) },
    refs: { blockDeviceMappings: mappings.map((m) => m.key.keyModel) },
  });
}
