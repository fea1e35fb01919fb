import type { DataStore } from "../../models/data-store";
import type { ExposedResource } from "../../models/exposure";
import { known, tagProps, Unwritable, type StateWriter } from "./context";
import { keySetting, notAwsOwned } from "./key-setting";
import { placementSettings, type PlacementSettings } from "./placement";

const T = {
  instance: "aws:rds/instance:Instance",
  globalCluster: "aws:rds/globalCluster:GlobalCluster",
} as const;

/** How a family of the RDS API names its cluster resources and their settings in v7. */
interface ClusterFamily {
  readonly label: string;
  readonly cluster: string;
  readonly instance: string;
  readonly keyProperty: string;
  readonly subnetGroupProperty: string;
  /** The property naming a replica's source; none: v7 clusters of the family name no source. */
  readonly sourceProperty?: string;
}

const RDS: ClusterFamily = {
  label: "RDS cluster",
  cluster: "aws:rds/cluster:Cluster",
  instance: "aws:rds/clusterInstance:ClusterInstance",
  keyProperty: "kmsKeyId",
  subnetGroupProperty: "dbSubnetGroupName",
  sourceProperty: "replicationSourceIdentifier",
};
const DOCDB: ClusterFamily = {
  label: "DocumentDB cluster",
  cluster: "aws:docdb/cluster:Cluster",
  instance: "aws:docdb/clusterInstance:ClusterInstance",
  keyProperty: "kmsKeyId",
  subnetGroupProperty: "dbSubnetGroupName",
};
const NEPTUNE: ClusterFamily = {
  label: "Neptune cluster",
  cluster: "aws:neptune/cluster:Cluster",
  instance: "aws:neptune/clusterInstance:ClusterInstance",
  keyProperty: "kmsKeyArn",
  subnetGroupProperty: "neptuneSubnetGroupName",
  sourceProperty: "replicationSourceIdentifier",
};

/** A cluster instance's family, by the CloudFormation type the scan gives it. */
const FAMILY_OF_INSTANCE: Readonly<Record<string, ClusterFamily>> = {
  "AWS::RDS::DBInstance": RDS,
  "AWS::DocDB::DBInstance": DOCDB,
  "AWS::Neptune::DBInstance": NEPTUNE,
};

/** The storage switch and the key (none named: the AWS-managed aws/rds key), under the family's key property. */
function storageProps(store: DataStore, what: string, keyProperty = "kmsKeyId"): { props: Record<string, unknown>; keyModel?: string } {
  const key = notAwsOwned(keySetting(store.encryption, what), what);
  return { props: { storageEncrypted: key.enabled, ...(key.key ? { [keyProperty]: key.key } : {}) }, ...(key.keyModel ? { keyModel: key.keyModel } : {}) };
}

function networkProps(p: PlacementSettings | undefined, groupProperty: string): Record<string, unknown> {
  if (p === undefined) return {};
  return {
    ...(p.subnetGroup === undefined ? {} : { [groupProperty]: p.subnetGroup }),
    ...(p.securityGroups.length > 0 ? { vpcSecurityGroupIds: [...p.securityGroups] } : {}),
  };
}

const networkRefs = (p: PlacementSettings | undefined, groupProperty: string): Record<string, (string | undefined)[]> =>
  p === undefined ? {} : { [groupProperty]: [p.subnetGroupModel], vpcSecurityGroupIds: [...p.securityGroupModels] };

/** What an RDS instance and a cluster of any family write alike: identifier, storage, placement and copy source. */
function rdsStoreSettings(w: StateWriter, store: DataStore, label: string, keyProperty?: string) {
  const id = store.physicalName ?? store.ref.name;
  const what = `${label} ${id}`;
  const source = store.copyOf === undefined ? undefined : known(store.copyOf.source, `the source of ${what}`);
  return { id, what, storage: storageProps(store, what, keyProperty), placement: placementSettings(w, store.ref.id, what), source };
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
      ...networkProps(placement, "dbSubnetGroupName"),
      ...(source === undefined ? {} : { replicateSourceDb: source }),
      ...tagProps(store.tags, what),
    },
    refs: { kmsKeyId: [storage.keyModel], ...networkRefs(placement, "dbSubnetGroupName"), replicateSourceDb: [store.copyOf?.sourceRef] },
  });
}

/**
 * A cluster of the RDS API: storage, subnet group (DocumentDB and Neptune clusters name the DB
 * subnet group they share with RDS), security groups and replica source. Public access is its
 * instances' (`writeClusterInstance`).
 */
function writeCluster(w: StateWriter, store: DataStore, family: ClusterFamily): void {
  const { id, what, storage, placement, source } = rdsStoreSettings(w, store, family.label, family.keyProperty);
  const sourceProperty = family.sourceProperty;
  if (source !== undefined && sourceProperty === undefined) throw new Unwritable(`${what} is a replica, which a v7 ${family.cluster} cannot name`);
  w.add({
    type: family.cluster,
    name: id,
    model: store.ref,
    id,
    props: {
      clusterIdentifier: id,
      arn: store.ref.id,
      ...storage.props,
      ...networkProps(placement, family.subnetGroupProperty),
      ...(source === undefined || sourceProperty === undefined ? {} : { [sourceProperty]: source }),
      ...tagProps(store.tags, what),
    },
    refs: {
      [family.keyProperty]: [storage.keyModel],
      ...networkRefs(placement, family.subnetGroupProperty),
      ...(sourceProperty === undefined ? {} : { [sourceProperty]: [store.copyOf?.sourceRef] }),
    },
  });
}

/** An Aurora or Multi-AZ cluster. */
export const writeRdsCluster = (w: StateWriter, store: DataStore): void => writeCluster(w, store, RDS);
/** A DocumentDB cluster (no public access). */
export const writeDocdbCluster = (w: StateWriter, store: DataStore): void => writeCluster(w, store, DOCDB);
/** A Neptune cluster, `kmsKeyArn` and `neptuneSubnetGroupName`. */
export const writeNeptuneCluster = (w: StateWriter, store: DataStore): void => writeCluster(w, store, NEPTUNE);

/** A global cluster: only `storageEncrypted`, for it names no key (each member cluster sets its own). */
export function writeGlobalCluster(w: StateWriter, store: DataStore): void {
  const id = store.physicalName ?? store.ref.name;
  const what = `RDS global cluster ${id}`;
  const encrypted = known(known(store.encryption, `the encryption of ${what}`).enabled, `whether ${what} is encrypted`);
  w.add({
    type: T.globalCluster,
    name: id,
    model: store.ref,
    id,
    props: { globalClusterIdentifier: id, arn: store.ref.id, storageEncrypted: encrypted, ...tagProps(store.tags, what) },
  });
}

/**
 * An instance of an RDS, DocumentDB or Neptune cluster: its own public access switch (RDS and
 * Neptune; DocumentDB has no public access), and the cluster it belongs to.
 */
export function writeClusterInstance(w: StateWriter, r: ExposedResource): void {
  const family = FAMILY_OF_INSTANCE[r.ref.type];
  if (family === undefined) throw new Unwritable(`${r.ref.label} ${r.ref.name} is of a type (${r.ref.type}) with no v7 cluster instance`);
  const id = r.ref.name;
  const what = `${r.ref.label} ${id}`;
  // The Pulumi adapter reads no DocumentDB instance: only one its cluster's placement stands for is judged alike.
  if (family === DOCDB && r.partOf === undefined) throw new Unwritable(`${what} belongs to no cluster of the scan, and the Pulumi adapter does not read ${family.instance}`);
  const cluster = r.partOf === undefined ? undefined : w.inventory.stores.find((s) => s.ref.id === r.partOf);
  const access = family === DOCDB || r.placement === undefined ? undefined : known(r.placement.publiclyAccessible, `whether ${what} is publicly accessible`);
  w.add({
    type: family.instance,
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
