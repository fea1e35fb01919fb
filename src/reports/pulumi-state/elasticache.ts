import type { DataStore } from "../../models/data-store";
import { known, tagProps, Unwritable, type StateWriter } from "./context";
import { alwaysEncryptedKey, keySetting, keyValue } from "./key-setting";
import { placementSettings, type PlacementSettings } from "./placement";

const T = {
  replicationGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
  cluster: "aws:elasticache/cluster:Cluster",
  serverlessCache: "aws:elasticache/serverlessCache:ServerlessCache",
} as const;

/** A replication group's or cache cluster's subnet group and security groups (ElastiCache nodes have no public endpoint). */
function groupPlacement(p: PlacementSettings | undefined): { props: Record<string, unknown>; refs: Record<string, (string | undefined)[]> } {
  if (p === undefined) return { props: {}, refs: {} };
  return {
    props: {
      ...(p.subnetGroup === undefined ? {} : { subnetGroupName: p.subnetGroup }),
      ...(p.securityGroups.length > 0 ? { securityGroupIds: [...p.securityGroups] } : {}),
    },
    refs: { subnetGroupName: [p.subnetGroupModel], securityGroupIds: [...p.securityGroupModels] },
  };
}

/**
 * A replication group: `atRestEncryptionEnabled` always written (unset, the default depends on the
 * engine, which the model does not keep), `kmsKeyId` (none: a service-owned key), a secondary of
 * a global datastore naming it in `globalReplicationGroupId`; placed as its member clusters are.
 */
export function writeReplicationGroup(w: StateWriter, store: DataStore): void {
  const name = store.physicalName ?? store.ref.name;
  const what = `ElastiCache replication group ${name}`;
  const key = keySetting(store.encryption, what);
  const kmsKeyId = keyValue(key, store, what);
  const source = store.copyOf === undefined ? undefined : known(store.copyOf.source, `the global datastore of ${what}`);
  const network = groupPlacement(placementSettings(w, store.ref.id, what));
  w.add({
    type: T.replicationGroup,
    name,
    model: store.ref,
    id: name,
    props: {
      replicationGroupId: name,
      arn: store.ref.id,
      atRestEncryptionEnabled: key.enabled,
      ...(kmsKeyId ? { kmsKeyId } : {}),
      ...(source === undefined ? {} : { globalReplicationGroupId: source }),
      ...network.props,
      ...tagProps(store.tags, what),
    },
    refs: { kmsKeyId: [key.keyModel], globalReplicationGroupId: [store.copyOf?.sourceRef], ...network.refs },
  });
}

/** A cache cluster outside a replication group: v7 gives it no at-rest encryption setting, so it must be unencrypted. */
export function writeCacheCluster(w: StateWriter, store: DataStore): void {
  const name = store.physicalName ?? store.ref.name;
  const what = `ElastiCache cluster ${name}`;
  if (keySetting(store.encryption, what).enabled) {
    throw new Unwritable(`${what} is encrypted at rest outside a replication group, which a v7 ${T.cluster} cannot say`);
  }
  const network = groupPlacement(placementSettings(w, store.ref.id, what));
  w.add({
    type: T.cluster,
    name,
    model: store.ref,
    id: name,
    props: { clusterId: name, arn: store.ref.id, ...network.props, ...tagProps(store.tags, what) },
    refs: network.refs,
  });
}

/** A serverless cache: always encrypted, `kmsKeyId` (none: an AWS-owned key); its own subnets and security groups. */
export function writeServerlessCache(w: StateWriter, store: DataStore): void {
  const name = store.physicalName ?? store.ref.name;
  const what = `ElastiCache serverless cache ${name}`;
  const { setting: key, value: kmsKeyId } = alwaysEncryptedKey(store, what);
  const placement = placementSettings(w, store.ref.id, what);
  w.add({
    type: T.serverlessCache,
    name,
    model: store.ref,
    id: name,
    props: {
      name,
      arn: store.ref.id,
      ...(kmsKeyId ? { kmsKeyId } : {}),
      ...(placement && placement.subnets.length > 0 ? { subnetIds: [...placement.subnets] } : {}),
      ...(placement && placement.securityGroups.length > 0 ? { securityGroupIds: [...placement.securityGroups] } : {}),
      ...tagProps(store.tags, what),
    },
    refs: { kmsKeyId: [key.keyModel], subnetIds: [...(placement?.subnetModels ?? [])], securityGroupIds: [...(placement?.securityGroupModels ?? [])] },
  });
}
