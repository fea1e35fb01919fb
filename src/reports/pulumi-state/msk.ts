import type { DataStore } from "../../models/data-store";
import { tagProps, Unwritable, type StateWriter } from "./context";
import { alwaysEncryptedKey } from "./key-setting";
import { placementSettings, type PlacementSettings } from "./placement";

const T = { cluster: "aws:msk/cluster:Cluster", serverlessCluster: "aws:msk/serverlessCluster:ServerlessCluster" } as const;

/** The placement MSK always reports for a cluster: its brokers' subnets and security groups. */
function brokerPlacement(w: StateWriter, store: DataStore, what: string): PlacementSettings {
  const p = placementSettings(w, store.ref.id, what);
  if (p === undefined) throw new Unwritable(`the network placement of ${what} was not read`);
  return p;
}

const networkRefs = (p: PlacementSettings): (string | undefined)[] => [...p.subnetModels, ...p.securityGroupModels];

/** Public access as `publicAccess.type`: `SERVICE_PROVIDED_EIPS` public, `DISABLED` not; unset when the scan read none. */
const connectivity = (p: PlacementSettings) =>
  p.publiclyAccessible === undefined ? {} : { connectivityInfo: { publicAccess: { type: p.publiclyAccessible ? "SERVICE_PROVIDED_EIPS" : "DISABLED" } } };

/**
 * A provisioned cluster, always encrypted (`encryptionInfo.encryptionAtRestKmsKeyArn`; none:
 * aws/kafka), its brokers placed by `brokerNodeGroupInfo`.
 */
export function writeMskCluster(w: StateWriter, store: DataStore): void {
  const name = store.physicalName ?? store.ref.name;
  const what = `MSK cluster ${name}`;
  const { setting, value } = alwaysEncryptedKey(store, what);
  const p = brokerPlacement(w, store, what);
  w.add({
    type: T.cluster,
    name,
    model: store.ref,
    id: store.ref.id,
    props: {
      clusterName: name,
      arn: store.ref.id,
      ...(value ? { encryptionInfo: { encryptionAtRestKmsKeyArn: value } } : {}),
      brokerNodeGroupInfo: { clientSubnets: [...p.subnets], securityGroups: [...p.securityGroups], ...connectivity(p) },
      ...tagProps(store.tags, what),
    },
    refs: { encryptionInfo: [setting.keyModel], brokerNodeGroupInfo: networkRefs(p) },
  });
}

/** A serverless cluster: encrypted with a service-owned key (no key setting), placed by one `vpcConfigs` entry. */
export function writeMskServerlessCluster(w: StateWriter, store: DataStore): void {
  const name = store.physicalName ?? store.ref.name;
  const what = `MSK Serverless cluster ${name}`;
  if (alwaysEncryptedKey(store, what).value !== undefined) throw new Unwritable(`${what} names a key, which a v7 ${T.serverlessCluster} cannot`);
  const p = brokerPlacement(w, store, what);
  w.add({
    type: T.serverlessCluster,
    name,
    model: store.ref,
    id: store.ref.id,
    props: {
      clusterName: name,
      arn: store.ref.id,
      vpcConfigs: [{ subnetIds: [...p.subnets], securityGroupIds: [...p.securityGroups] }],
      ...tagProps(store.tags, what),
    },
    refs: { vpcConfigs: networkRefs(p) },
  });
}
