import type { DataStore, StoreKind, StoreVariant } from "../../models/data-store";
import type { StateWriter } from "./context";
import { writeVault } from "./backup";
import { writeTable } from "./dynamodb";
import { writeVolume } from "./ebs";
import { writeInstance } from "./ec2";
import { writeFileSystem } from "./efs";
import { writeCacheCluster, writeReplicationGroup, writeServerlessCache } from "./elasticache";
import { writeDeliveryStream, writeStream } from "./kinesis";
import { writeLaunchTemplate } from "./launch-templates";
import { writeLogGroup } from "./log-groups";
import { writeMskCluster, writeMskServerlessCluster } from "./msk";
import { writeDomain } from "./opensearch";
import { writeDocdbCluster, writeGlobalCluster, writeNeptuneCluster, writeRdsCluster, writeRdsInstance } from "./rds";
import { writeSnapshotCopy } from "./rds-snapshots";
import { writeRedshiftCluster, writeServerlessNamespace } from "./redshift";
import { writeBucket } from "./s3";
import { writeSecret } from "./secrets";
import { writeTopic } from "./sns";
import { writeQueue } from "./sqs";

type StoreWriter = (w: StateWriter, store: DataStore) => void;

/**
 * Store kinds with a writer, in the order stores are written, so a store depends on the kinds it
 * names (volumes before instances, clusters before instances and snapshot copies). The scan has
 * no EBS snapshot copy (an EBS snapshot is an exposed resource) and no logical database.
 */
const STORE_WRITERS: Partial<Record<StoreKind, StoreWriter>> = {
  "s3-bucket": writeBucket,
  "ebs-volume": writeVolume,
  "ec2-instance": writeInstance,
  "launch-template": writeLaunchTemplate,
  "rds-cluster": writeRdsCluster,
  "rds-instance": writeRdsInstance,
  "docdb-cluster": writeDocdbCluster,
  "neptune-cluster": writeNeptuneCluster,
  "rds-snapshot-copy": writeSnapshotCopy,
  "dynamodb-table": writeTable,
  "efs-file-system": writeFileSystem,
  "redshift-cluster": writeRedshiftCluster,
  "redshift-serverless-namespace": writeServerlessNamespace,
  "elasticache-replication-group": writeReplicationGroup,
  "elasticache-serverless-cache": writeServerlessCache,
  "opensearch-domain": writeDomain,
  "sqs-queue": writeQueue,
  "sns-topic": writeTopic,
  "kinesis-stream": writeStream,
  "firehose-delivery-stream": writeDeliveryStream,
  "log-group": writeLogGroup,
  secret: writeSecret,
  "backup-vault": writeVault,
  "msk-cluster": writeMskCluster,
};

/** Variants the scan finds, each with its own v7 type; the scan has no DynamoDB replica or global table store. */
const VARIANT_WRITERS: Partial<Record<StoreVariant, StoreWriter>> = {
  "rds-global-cluster": writeGlobalCluster,
  "rds-cluster-snapshot-copy": writeSnapshotCopy,
  "elasticache-cache-cluster": writeCacheCluster,
  "elasticsearch-domain": writeDomain,
  "backup-logically-air-gapped-vault": writeVault,
  "msk-serverless-cluster": writeMskServerlessCluster,
};

export const writerOf = (store: DataStore): StoreWriter | undefined =>
  store.variant === undefined ? STORE_WRITERS[store.kind] : VARIANT_WRITERS[store.variant];

const STORE_ORDER = Object.keys(STORE_WRITERS);

/** The stores in writing order: by kind, and a copy after the stores of its kind (a copy of a copy after its source). */
export function inWritingOrder(stores: readonly DataStore[]): DataStore[] {
  const kinds = new Map(stores.map((s) => [s.ref.id, s.kind]));
  const rank = (s: DataStore): number => {
    const i = STORE_ORDER.indexOf(s.kind);
    const kind = i < 0 ? STORE_ORDER.length : i;
    const copyOfSameKind = s.copyOf?.sourceRef !== undefined && kinds.get(s.copyOf.sourceRef) === s.kind;
    return kind * 2 + (copyOfSameKind ? 1 : 0);
  };
  return [...stores].sort((a, b) => rank(a) - rank(b));
}
