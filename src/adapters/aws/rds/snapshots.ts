import type { DBClusterSnapshot, DBClusterSnapshotAttribute, DBSnapshot, DBSnapshotAttribute } from "@aws-sdk/client-rds";
import type { RdsSnapshotsAnswer, SnapshotWithAttributes } from "../../../fetchers/aws/rds-snapshots";
import type { Fetched } from "../../../fetchers/aws/fetched";
import type { DataStore, StoreVariant } from "../../../models/data-store";
import type { ExposedKind, StoreExposure } from "../../../models/exposure";
import type { ResourceRef } from "../../../models/ref";
import { storeLabel } from "../../../models/store-kind-facts";
import type { AdaptContext } from "../context";
import type { CoverageGap, InventoryContribution } from "../contribution";
import { gapOf, tagsOfList } from "../fetched";
import { storageEncryption, type StorageEncryptionAnswer } from "./encryption";
import { CLUSTER_SNAPSHOT_TYPE, rdsArn, refIn, SNAPSHOT_TYPE, tagsOfExposed, type RdsScope } from "./names";
import { restoreShares } from "./shares";

/** One manual snapshot, DB or DB cluster, in the fields this adapter reads. */
interface SnapshotFacts {
  readonly arn: string;
  readonly id: string;
  readonly type: string;
  /** The source snapshot (an ARN) when the snapshot is a copy. */
  readonly copiedFrom: string | undefined;
  readonly copiedFromField: string;
  /** Model id of the database whose data it holds. */
  readonly dataOf: string | undefined;
  readonly encryption: StorageEncryptionAnswer;
  readonly tags: DBSnapshot["TagList"];
  readonly attributes: Fetched<readonly (DBSnapshotAttribute | DBClusterSnapshotAttribute)[]>;
}

/** The names of the fields of `N` whose values are `V` (or unset). */
type FieldOf<N, V> = { [K in keyof N]-?: N[K] extends V | undefined ? K : never }[keyof N] & string;

/** One kind of snapshot: how it is modelled, and which fields of its answer hold each fact (as `observed` quotes them). */
interface SnapshotFamily<N> {
  readonly label: string;
  readonly kind: ExposedKind;
  readonly copyVariant?: StoreVariant;
  readonly type: string;
  readonly arnType: "snapshot" | "cluster-snapshot";
  readonly databaseArnType: "db" | "cluster";
  readonly fields: {
    readonly id: FieldOf<N, string>;
    readonly arn: FieldOf<N, string>;
    readonly copiedFrom: FieldOf<N, string>;
    readonly database: FieldOf<N, string>;
    readonly encrypted: FieldOf<N, boolean>;
  };
}

const INSTANCE_SNAPSHOTS: SnapshotFamily<DBSnapshot> = {
  label: "RDS snapshot",
  kind: "rds-snapshot",
  type: SNAPSHOT_TYPE,
  arnType: "snapshot",
  databaseArnType: "db",
  fields: { id: "DBSnapshotIdentifier", arn: "DBSnapshotArn", copiedFrom: "SourceDBSnapshotIdentifier", database: "DBInstanceIdentifier", encrypted: "Encrypted" },
};
const CLUSTER_SNAPSHOTS: SnapshotFamily<DBClusterSnapshot> = {
  label: "RDS cluster snapshot",
  kind: "rds-cluster-snapshot",
  copyVariant: "rds-cluster-snapshot-copy",
  type: CLUSTER_SNAPSHOT_TYPE,
  arnType: "cluster-snapshot",
  databaseArnType: "cluster",
  fields: {
    id: "DBClusterSnapshotIdentifier",
    arn: "DBClusterSnapshotArn",
    copiedFrom: "SourceDBClusterSnapshotArn",
    database: "DBClusterIdentifier",
    encrypted: "StorageEncrypted",
  },
};

function snapshotFacts<N extends DBSnapshot | DBClusterSnapshot, A extends DBSnapshotAttribute | DBClusterSnapshotAttribute>(
  { snapshot: n, attributes }: SnapshotWithAttributes<N, A>,
  family: SnapshotFamily<N>,
  s: RdsScope,
): SnapshotFacts {
  const f = family.fields;
  const text = (field: FieldOf<N, string>) => n[field] as string | undefined;
  const id = text(f.id) ?? "";
  const database = text(f.database);
  return {
    arn: text(f.arn) ?? rdsArn(s, family.arnType, id),
    id,
    type: family.type,
    copiedFrom: text(f.copiedFrom),
    copiedFromField: f.copiedFrom,
    dataOf: database ? rdsArn(s, family.databaseArnType, database) : undefined,
    encryption: { on: n[f.encrypted] as boolean | undefined, switchName: f.encrypted, type: n.StorageEncryptionType, kmsKeyId: n.KmsKeyId },
    tags: n.TagList,
    attributes,
  };
}

/**
 * A copied snapshot is a store (`rds-snapshot-copy`) with its own encryption, as the Pulumi front
 * models `SnapshotCopy`; `sourceRef` names its source when that is a copy of this answer too.
 */
function copyStore<N>(f: SnapshotFacts, family: SnapshotFamily<N>, source: string, s: RdsScope, copies: ReadonlySet<string>): DataStore {
  const label = storeLabel("rds-snapshot-copy", family.copyVariant);
  return {
    model: "data-store",
    ref: refIn(s, f.arn, f.type, f.id, label),
    kind: "rds-snapshot-copy",
    ...(family.copyVariant ? { variant: family.copyVariant } : {}),
    physicalName: f.id,
    tags: tagsOfList(f.tags),
    encryption: storageEncryption(f.encryption, s),
    parts: [],
    copyOf: { relation: "snapshot-copy", source, sourceProperty: f.copiedFromField, ...(copies.has(source) ? { sourceRef: source } : {}) },
  };
}

function adaptFamily<N>(
  list: readonly SnapshotFacts[],
  family: SnapshotFamily<N>,
  s: RdsScope,
): { stores: DataStore[]; exposures: [string, StoreExposure][] } {
  const copies = new Set(list.filter((f) => f.copiedFrom).map((f) => f.arn));
  const stores: DataStore[] = [];
  const exposures: [string, StoreExposure][] = [];
  for (const f of list) {
    if (f.copiedFrom) {
      const store = copyStore(f, family, f.copiedFrom, s, copies);
      stores.push(store);
      exposures.push([f.arn, { shares: restoreShares(f.attributes, `the restore attribute of ${store.ref.label} '${f.id}'`) }]);
      continue;
    }
    const ref: ResourceRef = refIn(s, f.arn, f.type, f.id, family.label);
    exposures.push([
      f.arn,
      {
        resource: { ref, kind: family.kind, tags: tagsOfList(f.tags), ...(f.dataOf ? { dataOf: f.dataOf } : {}) },
        shares: restoreShares(f.attributes, `the restore attribute of ${family.label} '${f.id}'`),
      },
    ]);
  }
  return { stores, exposures };
}

/**
 * Manual DB and DB cluster snapshots: each an exposed resource holding its database's data, with
 * who may restore it; copies are stores of their own. A same-Region copy is not told apart by
 * the API (it reports a source only for cross-Region and cross-account copies) and counts as a
 * snapshot of its database.
 */
export function adaptRdsSnapshots(raw: RdsSnapshotsAnswer, ctx: AdaptContext): InventoryContribution {
  const s: RdsScope = { ctx, region: raw.region };
  const gaps: CoverageGap[] = [];
  if (!raw.snapshots.ok) gaps.push(gapOf(raw.snapshots.failure, "RDS DB snapshots"));
  if (!raw.clusterSnapshots.ok) gaps.push(gapOf(raw.clusterSnapshots.failure, "RDS DB cluster snapshots"));
  const instance = adaptFamily(raw.snapshots.ok ? raw.snapshots.value.map((n) => snapshotFacts(n, INSTANCE_SNAPSHOTS, s)) : [], INSTANCE_SNAPSHOTS, s);
  const cluster = adaptFamily(raw.clusterSnapshots.ok ? raw.clusterSnapshots.value.map((n) => snapshotFacts(n, CLUSTER_SNAPSHOTS, s)) : [], CLUSTER_SNAPSHOTS, s);
  const exposures = [...instance.exposures, ...cluster.exposures];
  return { stores: [...instance.stores, ...cluster.stores], exposures, tags: tagsOfExposed(exposures), gaps };
}
