import type { DataStore } from "../../models/data-store";
import type { ExposedResource, Share } from "../../models/exposure";
import { known, tagProps, Unwritable, type StateWriter } from "./context";
import { keySetting, keyValue } from "./key-setting";

/** The v7 names of a DB snapshot's and a DB cluster snapshot's settings. */
interface SnapshotFamily {
  readonly snapshot: string;
  readonly copy: string;
  readonly idProperty: string;
  readonly arnProperty: string;
  readonly databaseProperty: string;
  /** The store kind whose resource the Pulumi adapter joins `databaseProperty` to. */
  readonly databaseKind: DataStore["kind"];
  readonly sourceProperty: string;
  readonly targetProperty: string;
}

const INSTANCE: SnapshotFamily = {
  snapshot: "aws:rds/snapshot:Snapshot",
  copy: "aws:rds/snapshotCopy:SnapshotCopy",
  idProperty: "dbSnapshotIdentifier",
  arnProperty: "dbSnapshotArn",
  databaseProperty: "dbInstanceIdentifier",
  databaseKind: "rds-instance",
  sourceProperty: "sourceDbSnapshotIdentifier",
  targetProperty: "targetDbSnapshotIdentifier",
};
const CLUSTER: SnapshotFamily = {
  snapshot: "aws:rds/clusterSnapshot:ClusterSnapshot",
  copy: "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy",
  idProperty: "dbClusterSnapshotIdentifier",
  arnProperty: "dbClusterSnapshotArn",
  databaseProperty: "dbClusterIdentifier",
  databaseKind: "rds-cluster",
  sourceProperty: "sourceDbClusterSnapshotIdentifier",
  targetProperty: "targetDbClusterSnapshotIdentifier",
};

/** `sharedAccounts`: account ids, `all` for everyone (RDS shares with no organization). */
function sharedAccounts(shares: readonly Share[], what: string): string[] {
  return shares.map((s) => {
    const g = known(s.grantee, s.origin);
    if (g.kind === "public") return "all";
    if (g.kind === "account" && /^\d{12}$/.test(g.account)) return g.account;
    throw new Unwritable(`${what} is shared with ${g.kind === "account" ? "an account id that is not one" : "an organization"}, which sharedAccounts cannot hold`);
  });
}

/** `arn:aws:rds:REGION:ACCOUNT:db:ID` -> `ID`. */
const idOfArn = (arn: string): string => arn.slice(arn.lastIndexOf(":") + 1);

/**
 * A manual DB or DB cluster snapshot, the database it was taken of and who may restore it. The
 * Pulumi adapter joins a snapshot to the database its data (and classification) comes from only
 * for an RDS instance or RDS cluster: a DocumentDB or Neptune cluster's snapshot is not written.
 */
export function writeRdsSnapshot(w: StateWriter, r: ExposedResource, shares: readonly Share[]): void {
  const family = r.kind === "rds-cluster-snapshot" ? CLUSTER : INSTANCE;
  const id = r.ref.name;
  const what = `${r.ref.label} ${id}`;
  const database = r.dataOf === undefined ? undefined : w.inventory.stores.find((s) => s.ref.id === r.dataOf);
  if (database !== undefined && (database.kind !== family.databaseKind || database.variant !== undefined)) {
    throw new Unwritable(`${what} is of ${database.ref.label} ${database.ref.name}, to which the Pulumi adapter does not join a ${family.snapshot}`);
  }
  const databaseId = database?.physicalName ?? (r.dataOf === undefined ? undefined : idOfArn(r.dataOf));
  w.add({
    type: family.snapshot,
    name: id,
    model: r.ref,
    id,
    props: {
      [family.idProperty]: id,
      [family.arnProperty]: r.ref.id,
      ...(databaseId === undefined ? {} : { [family.databaseProperty]: databaseId }),
      sharedAccounts: sharedAccounts(shares, what),
      ...tagProps(r.tags, what),
    },
    refs: { [family.databaseProperty]: [r.dataOf] },
  });
}

/**
 * A snapshot copy: `kmsKeyId` (a customer key, or alias/aws/rds) and who may restore it. A v7 copy
 * without a key keeps its source's encryption, which the Pulumi adapter cannot read when the source
 * is no store of the file: a copy the scan found unencrypted or under an AWS-owned key is not written.
 */
export function writeSnapshotCopy(w: StateWriter, store: DataStore): void {
  const family = store.variant === "rds-cluster-snapshot-copy" ? CLUSTER : INSTANCE;
  const id = store.physicalName ?? store.ref.name;
  const what = `${store.ref.label} ${id}`;
  const key = keySetting(store.encryption, what);
  if (!key.enabled) throw new Unwritable(`${what} is not encrypted: a v7 copy naming no key keeps its source's encryption`);
  const kmsKeyId = keyValue(key, store, what, "alias/aws/rds");
  const source = known(store.copyOf?.source, `the source of ${what}`);
  const shares = w.inventory.exposures?.get(store.ref.id)?.shares ?? [];
  w.add({
    type: family.copy,
    name: id,
    model: store.ref,
    id,
    props: {
      [family.targetProperty]: id,
      [family.arnProperty]: store.ref.id,
      ...(source === undefined ? {} : { [family.sourceProperty]: source }),
      kmsKeyId,
      sharedAccounts: sharedAccounts(shares, what),
      ...tagProps(store.tags, what),
    },
    refs: { kmsKeyId: [key.keyModel], [family.sourceProperty]: [store.copyOf?.sourceRef] },
  });
}
