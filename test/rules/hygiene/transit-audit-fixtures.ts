import type { StoreKind, StoreVariant, DataStore } from "../../../src/models/data-store";
import { mergeHygiene, type HygieneContribution, type HygieneInventory, type Setting, type StoreHygiene } from "../../../src/models/hygiene";
import { unknown, type Val } from "../../../src/core/value";
import { store } from "../../helpers/models";

/** Builders for the transit and audit rules of the privacy-hygiene pillar; each case changes one thing. */

export const PREVIEW = unknown("preview", "computed during the update");
export const DENIED = unknown("access-denied", "rds:DescribeDBParameters was denied");

export const setting = <T>(value: Val<T>, observed: string): Setting<T> => ({ value, observed });

/** A store of `kind` named `name` (model id `urn:<name>`), classified `level` (null: untagged). */
export function storeOf(kind: StoreKind | string, name: string, level: string | null = "confidential", over: Partial<DataStore> = {}): DataStore {
  return store({
    ref: { id: `urn:${name}`, type: `aws:${kind}`, name, label: labelOf(kind) },
    kind: kind as StoreKind,
    tags: level === null ? {} : { "data-classification": level },
    physicalName: name,
    ...over,
  });
}

export const variantOf = (s: DataStore, variant: StoreVariant, label: string): DataStore => ({ ...s, variant, ref: { ...s.ref, label } });

const LABELS: Record<string, string> = {
  "rds-instance": "RDS instance",
  "rds-cluster": "RDS cluster",
  "docdb-cluster": "DocumentDB cluster",
  "neptune-cluster": "Neptune cluster",
  "redshift-cluster": "Redshift cluster",
  "redshift-serverless-namespace": "Redshift Serverless namespace",
  "elasticache-replication-group": "ElastiCache replication group",
  "elasticache-serverless-cache": "ElastiCache serverless cache",
  "memorydb-cluster": "MemoryDB cluster",
  "opensearch-domain": "OpenSearch domain",
  "msk-cluster": "MSK cluster",
  "s3-bucket": "S3 bucket",
  "dynamodb-table": "DynamoDB table",
  "sqs-queue": "SQS queue",
  "sns-topic": "SNS topic",
  secret: "Secrets Manager secret",
};
const labelOf = (kind: string): string => LABELS[kind] ?? kind;

/** A hygiene inventory with the given per-store settings and lists. */
export function hygiene(scope: HygieneInventory["scope"], stores: Record<string, StoreHygiene>, rest: Omit<HygieneContribution, "stores"> = {}): HygieneInventory {
  return mergeHygiene(scope, [{ stores: Object.entries(stores), ...rest }]);
}
