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

interface SnapshotFamily {
  readonly label: string;
  readonly kind: ExposedKind;
  readonly copyVariant?: StoreVariant;
}

const INSTANCE_SNAPSHOTS: SnapshotFamily = { label: "RDS snapshot", kind: "rds-snapshot" };
const CLUSTER_SNAPSHOTS: SnapshotFamily = { label: "RDS cluster snapshot", kind: "rds-cluster-snapshot", copyVariant: "rds-cluster-snapshot-copy" };

function instanceSnapshotFacts({ snapshot: n, attributes }: SnapshotWithAttributes<DBSnapshot, DBSnapshotAttribute>, s: RdsScope): SnapshotFacts {
  const id = n.DBSnapshotIdentifier ?? "";
  return {
    arn: n.DBSnapshotArn ?? rdsArn(s, "snapshot", id),
    id,
    type: SNAPSHOT_TYPE,
    copiedFrom: n.SourceDBSnapshotIdentifier,
    copiedFromField: "SourceDBSnapshotIdentifier",
    dataOf: n.DBInstanceIdentifier ? rdsArn(s, "db", n.DBInstanceIdentifier) : undefined,
    encryption: { on: n.Encrypted, switchName: "Encrypted", type: n.StorageEncryptionType, kmsKeyId: n.KmsKeyId },
    tags: n.TagList,
    attributes,
  };
}

function clusterSnapshotFacts({ snapshot: n, attributes }: SnapshotWithAttributes<DBClusterSnapshot, DBClusterSnapshotAttribute>, s: RdsScope): SnapshotFacts {
  const id = n.DBClusterSnapshotIdentifier ?? "";
  return {
    arn: n.DBClusterSnapshotArn ?? rdsArn(s, "cluster-snapshot", id),
    id,
    type: CLUSTER_SNAPSHOT_TYPE,
    copiedFrom: n.SourceDBClusterSnapshotArn,
    copiedFromField: "SourceDBClusterSnapshotArn",
    dataOf: n.DBClusterIdentifier ? rdsArn(s, "cluster", n.DBClusterIdentifier) : undefined,
    encryption: { on: n.StorageEncrypted, switchName: "StorageEncrypted", type: n.StorageEncryptionType, kmsKeyId: n.KmsKeyId },
    tags: n.TagList,
    attributes,
  };
}

/**
 * A copied snapshot is a store (`rds-snapshot-copy`) with its own encryption, as the Pulumi front
 * models `SnapshotCopy`; `sourceRef` names its source when that is a copy of this answer too.
 */
function copyStore(f: SnapshotFacts, family: SnapshotFamily, source: string, s: RdsScope, copies: ReadonlySet<string>): DataStore {
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

function adaptFamily(
  list: readonly SnapshotFacts[],
  family: SnapshotFamily,
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
  const instance = adaptFamily(raw.snapshots.ok ? raw.snapshots.value.map((n) => instanceSnapshotFacts(n, s)) : [], INSTANCE_SNAPSHOTS, s);
  const cluster = adaptFamily(
    raw.clusterSnapshots.ok ? raw.clusterSnapshots.value.map((n) => clusterSnapshotFacts(n, s)) : [],
    CLUSTER_SNAPSHOTS,
    s,
  );
  const exposures = [...instance.exposures, ...cluster.exposures];
  return { stores: [...instance.stores, ...cluster.stores], exposures, tags: tagsOfExposed(exposures), gaps };
}
