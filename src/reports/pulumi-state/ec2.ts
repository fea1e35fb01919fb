import type { DataStore, EncryptedPart } from "../../models/data-store";
import type { ExposedResource, Share } from "../../models/exposure";
import { known, tagProps, type StateWriter } from "./context";
import { keySetting, notAwsOwned } from "./key-setting";
import { placementSettings } from "./placement";

const T = {
  instance: "aws:ec2/instance:Instance",
  ami: "aws:ec2/ami:Ami",
  amiFromInstance: "aws:ec2/amiFromInstance:AmiFromInstance",
  launchPermission: "aws:ec2/amiLaunchPermission:AmiLaunchPermission",
} as const;

/** `block device /dev/sdf (vol-...)` -> `/dev/sdf`. */
const deviceOf = (part: EncryptedPart): string | undefined => /^block device (\S+)/.exec(part.name)?.[1];

/**
 * An instance with its EBS volumes as `rootBlockDevice` (the root volume, else the first) and
 * `ebsBlockDevices`, `subnetId` (its first subnet), `vpcSecurityGroupIds` and
 * `associatePublicIpAddress` (whether it has a public IP now; unset for a stopped instance).
 */
export function writeInstance(w: StateWriter, store: DataStore): void {
  const id = store.ref.name;
  const what = `EC2 instance ${id}`;
  const devices = store.parts.map((part) => {
    const key = notAwsOwned(keySetting(part.encryption, `${part.name} of ${what}`), what);
    const device = deviceOf(part);
    return { key, props: { ...(device ? { deviceName: device } : {}), encrypted: key.enabled, ...(key.key ? { kmsKeyId: key.key } : {}) } };
  });
  const root = store.parts.findIndex((p) => p.name === "root volume");
  const ordered = root > 0 ? [devices[root], ...devices.filter((_, i) => i !== root)] : devices;
  const [first, ...rest] = ordered;
  const placement = placementSettings(w, store.ref.id, what);
  w.add({
    type: T.instance,
    name: id,
    model: store.ref,
    id,
    props: {
      arn: store.ref.id,
      ...(first ? { rootBlockDevice: first.props } : {}),
      ...(rest.length > 0 ? { ebsBlockDevices: rest.map((d) => d?.props) } : {}),
      ...(placement?.subnets[0] === undefined ? {} : { subnetId: placement.subnets[0] }),
      ...(placement && placement.securityGroups.length > 0 ? { vpcSecurityGroupIds: [...placement.securityGroups] } : {}),
      ...(placement?.publiclyAccessible === undefined ? {} : { associatePublicIpAddress: placement.publiclyAccessible }),
      ...tagProps(store.tags, what),
    },
    refs: {
      rootBlockDevice: [first?.key.keyModel],
      ebsBlockDevices: rest.map((d) => d?.key.keyModel),
      subnetId: placement?.subnetModels.slice(0, 1) ?? [],
      vpcSecurityGroupIds: placement?.securityGroupModels ?? [],
    },
  });
}

/** An AMI (`AmiFromInstance` when the scan knows the instance it was made from), public or shared through `AmiLaunchPermission`s. */
export function writeImage(w: StateWriter, r: ExposedResource, shares: readonly Share[]): void {
  const id = r.ref.name;
  const what = `AMI ${id}`;
  const grantees = shares.map((s) => known(s.grantee, s.origin));
  const source = r.dataOf === undefined ? undefined : w.inventory.stores.find((s) => s.ref.id === r.dataOf);
  const image = w.add({
    type: source ? T.amiFromInstance : T.ami,
    name: id,
    model: r.ref,
    id,
    props: {
      arn: r.ref.id,
      public: grantees.some((g) => g.kind === "public"),
      ...(source ? { sourceInstanceId: source.ref.name } : {}),
      ...tagProps(r.tags, what),
    },
    refs: { sourceInstanceId: [r.dataOf] },
  });
  for (const g of grantees) {
    if (g.kind === "public") continue;
    const [field, value] = g.kind === "account" ? ["accountId", g.account] : [g.kind === "organization" ? "organizationArn" : "organizationalUnitArn", g.arn];
    const name = `${id}-${value.slice(value.lastIndexOf("/") + 1)}`;
    w.add({ type: T.launchPermission, name, model: r.ref, id: name, props: { imageId: id, [field]: value }, refs: { imageId: [image] } });
  }
}
