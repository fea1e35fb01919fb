import type { DataStore } from "../../models/data-store";
import type { ExposedResource } from "../../models/exposure";
import { known, tagProps, type StateWriter } from "./context";
import { keySetting, notAwsOwned } from "./key-setting";
import { placementSettings, type PlacementSettings } from "./placement";

const T = {
  instance: "aws:rds/instance:Instance",
  cluster: "aws:rds/cluster:Cluster",
  clusterInstance: "aws:rds/clusterInstance:ClusterInstance",
} as const;

/** `storageEncrypted` and `kmsKeyId` (none named: RDS's AWS-managed aws/rds key). */
function storageProps(store: DataStore, what: string): { props: Record<string, unknown>; keyModel?: string } {
  const key = notAwsOwned(keySetting(store.encryption, what), what);
  return { props: { storageEncrypted: key.enabled, ...(key.key ? { kmsKeyId: key.key } : {}) }, ...(key.keyModel ? { keyModel: key.keyModel } : {}) };
}

function networkProps(p: PlacementSettings | undefined): Record<string, unknown> {
  if (p === undefined) return {};
  return {
    ...(p.subnetGroup === undefined ? {} : { dbSubnetGroupName: p.subnetGroup }),
    ...(p.securityGroups.length > 0 ? { vpcSecurityGroupIds: [...p.securityGroups] } : {}),
  };
}

const networkRefs = (p: PlacementSettings | undefined): Record<string, (string | undefined)[]> =>
  p === undefined ? {} : { dbSubnetGroupName: [p.subnetGroupModel], vpcSecurityGroupIds: [...p.securityGroupModels] };

/** What an RDS instance and cluster write alike: identifier, storage, placement and copy source. */
function rdsStoreSettings(w: StateWriter, store: DataStore, label: string) {
  const id = store.physicalName ?? store.ref.name;
  const what = `${label} ${id}`;
  const source = store.copyOf === undefined ? undefined : known(store.copyOf.source, `the source of ${what}`);
  return { id, what, storage: storageProps(store, what), placement: placementSettings(w, store.ref.id, what), source };
}

/** An RDS instance outside a cluster; a read replica names its source in `replicateSourceDb`. */
export function writeRdsInstance(w: StateWriter, store: DataStore): void {
  const { id, what, storage, placement, source } = rdsStoreSettings(w, store, "RDS instance");
  w.add({
    type: T.instance,
    name: id,
    model: store.ref,
    id,
    props: {
      identifier: id,
      arn: store.ref.id,
      ...storage.props,
      ...(placement?.publiclyAccessible === undefined ? {} : { publiclyAccessible: placement.publiclyAccessible }),
      ...networkProps(placement),
      ...(source === undefined ? {} : { replicateSourceDb: source }),
      ...tagProps(store.tags, what),
    },
    refs: { kmsKeyId: [storage.keyModel], ...networkRefs(placement), replicateSourceDb: [store.copyOf?.sourceRef] },
  });
}

/** An Aurora or Multi-AZ cluster; its instances' public access is theirs (`writeClusterInstance`). */
export function writeRdsCluster(w: StateWriter, store: DataStore): void {
  const { id, what, storage, placement, source } = rdsStoreSettings(w, store, "RDS cluster");
  w.add({
    type: T.cluster,
    name: id,
    model: store.ref,
    id,
    props: {
      clusterIdentifier: id,
      arn: store.ref.id,
      ...storage.props,
      ...networkProps(placement),
      ...(source === undefined ? {} : { replicationSourceIdentifier: source }),
      ...tagProps(store.tags, what),
    },
    refs: { kmsKeyId: [storage.keyModel], ...networkRefs(placement), replicationSourceIdentifier: [store.copyOf?.sourceRef] },
  });
}

/** An instance of an RDS cluster: its own public access switch, and the cluster it belongs to. */
export function writeClusterInstance(w: StateWriter, r: ExposedResource): void {
  const id = r.ref.name;
  const what = `RDS cluster instance ${id}`;
  const cluster = r.partOf === undefined ? undefined : w.inventory.stores.find((s) => s.ref.id === r.partOf);
  const access = r.placement === undefined ? undefined : known(r.placement.publiclyAccessible, `whether ${what} is publicly accessible`);
  w.add({
    type: T.clusterInstance,
    name: id,
    model: r.ref,
    id,
    props: {
      identifier: id,
      arn: r.ref.id,
      ...(cluster ? { clusterIdentifier: cluster.physicalName ?? cluster.ref.name } : {}),
      ...(access === undefined ? {} : { publiclyAccessible: access }),
      ...tagProps(r.tags, what),
    },
    refs: { clusterIdentifier: [r.partOf] },
  });
}
