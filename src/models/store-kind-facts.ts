import { classify, type Classification, type Tags } from "../core/classification";
import type { GuardConfig } from "../core/config";
import { isUnknown, type Val } from "../core/value";
import type { KeyManager, StoreKind, StoreVariant } from "./data-store";

/** How AWS encrypts a kind of store whatever front it is seen from. */
export interface StoreEncryptionFacts {
  /** AWS encrypts every store of the kind; no setting turns it off. */
  readonly always?: true;
  /** Encryption is on unless a setting turns it off (new stores). */
  readonly onByDefault?: true;
  /** Who manages the key AWS uses when the store is encrypted and names no key. */
  readonly keyless?: KeyManager;
}

export interface StoreKindFacts {
  /** How messages name a store of the kind, e.g. "RDS instance". */
  readonly label: string;
  /** The store's own encryption only summarises its parts (an instance is its block devices). */
  readonly summarisesParts?: true;
  readonly encryption: StoreEncryptionFacts;
  /** The service part of the kind's ARNs; none for stores IAM cannot name (logical databases). */
  readonly arnService?: string;
  /**
   * Compute that may hold data (an instance, a launch template): customer data only when its
   * classification tag says so; untagged, it is ordinary infrastructure whatever `assumeCustomerData` says.
   */
  readonly customerDataOnlyWhenTagged?: true;
  /** The store sits in no network: only its service's API reaches it, governed by IAM and its policy. */
  readonly apiOnly?: true;
}

const ALWAYS_AWS_OWNED = { always: true, keyless: "aws-owned" } as const;
const ALWAYS_AWS_MANAGED = { always: true, keyless: "aws-managed" } as const;
/** A switch and an optional key: on without a key means the service's AWS-managed key (aws/rds...). */
const SWITCHED_AWS_MANAGED = { keyless: "aws-managed" } as const;

export const STORE_KIND_FACTS = {
  /** SSE-S3 on every new object since January 2023. */
  "s3-bucket": { label: "S3 bucket", arnService: "s3", encryption: ALWAYS_AWS_OWNED, apiOnly: true },
  "rds-instance": { label: "RDS instance", arnService: "rds", encryption: SWITCHED_AWS_MANAGED },
  "rds-cluster": { label: "RDS cluster", arnService: "rds", encryption: SWITCHED_AWS_MANAGED },
  /** SSE off or not set: an AWS-owned key; on without a key: the AWS-managed aws/dynamodb key. */
  "dynamodb-table": { label: "DynamoDB table", arnService: "dynamodb", encryption: ALWAYS_AWS_OWNED, apiOnly: true },
  /** Without a key: the account's default EBS key, aws/ebs unless changed. */
  "ebs-volume": { label: "EBS volume", arnService: "ec2", encryption: SWITCHED_AWS_MANAGED },
  "ebs-snapshot-copy": { label: "EBS snapshot copy", arnService: "ec2", encryption: SWITCHED_AWS_MANAGED, apiOnly: true },
  /** A copy without a key keeps its source's encryption and key. */
  "rds-snapshot-copy": { label: "RDS snapshot copy", arnService: "rds", encryption: {}, apiOnly: true },
  "ec2-instance": { label: "EC2 instance", summarisesParts: true, arnService: "ec2", encryption: SWITCHED_AWS_MANAGED, customerDataOnlyWhenTagged: true },
  "launch-template": {
    label: "EC2 launch template",
    summarisesParts: true,
    arnService: "ec2",
    encryption: SWITCHED_AWS_MANAGED,
    customerDataOnlyWhenTagged: true,
  },
  "efs-file-system": { label: "EFS file system", arnService: "elasticfilesystem", encryption: SWITCHED_AWS_MANAGED },
  /** Every new provisioned cluster since January 2025. */
  "redshift-cluster": { label: "Redshift cluster", arnService: "redshift", encryption: { onByDefault: true, keyless: "aws-owned" } },
  "redshift-serverless-namespace": { label: "Redshift Serverless namespace", arnService: "redshift-serverless", encryption: ALWAYS_AWS_OWNED },
  "elasticache-replication-group": { label: "ElastiCache replication group", arnService: "elasticache", encryption: { keyless: "aws-owned" } },
  "elasticache-serverless-cache": { label: "ElastiCache serverless cache", arnService: "elasticache", encryption: ALWAYS_AWS_OWNED },
  "opensearch-domain": { label: "OpenSearch domain", arnService: "es", encryption: SWITCHED_AWS_MANAGED },
  "docdb-cluster": { label: "DocumentDB cluster", arnService: "rds", encryption: SWITCHED_AWS_MANAGED },
  "neptune-cluster": { label: "Neptune cluster", arnService: "rds", encryption: SWITCHED_AWS_MANAGED },
  /** SSE-SQS by default for new queues since 2022. */
  "sqs-queue": { label: "SQS queue", arnService: "sqs", encryption: { onByDefault: true, keyless: "aws-owned" }, apiOnly: true },
  /** Encrypted only with a key it names. */
  "sns-topic": { label: "SNS topic", arnService: "sns", encryption: {}, apiOnly: true },
  "kinesis-stream": { label: "Kinesis data stream", arnService: "kinesis", encryption: SWITCHED_AWS_MANAGED, apiOnly: true },
  /** Server-side encryption off by default; on, the default key type is AWS_OWNED_CMK. */
  "firehose-delivery-stream": { label: "Firehose delivery stream", arnService: "firehose", encryption: { keyless: "aws-owned" }, apiOnly: true },
  "log-group": { label: "CloudWatch log group", arnService: "logs", encryption: ALWAYS_AWS_OWNED, apiOnly: true },
  "secret": { label: "Secrets Manager secret", arnService: "secretsmanager", encryption: ALWAYS_AWS_MANAGED, apiOnly: true },
  "backup-vault": { label: "Backup vault", arnService: "backup", encryption: ALWAYS_AWS_MANAGED, apiOnly: true },
  "msk-cluster": { label: "MSK cluster", arnService: "kafka", encryption: ALWAYS_AWS_MANAGED },
  /** Always encrypted at rest: an AWS-owned key unless `kmsKeyArn` names a customer-managed key. */
  "memorydb-cluster": { label: "MemoryDB cluster", arnService: "memorydb", encryption: ALWAYS_AWS_OWNED },
  /** Stored as its database server is. */
  "logical-database": { label: "logical database", encryption: {} },
} as const satisfies Record<StoreKind, StoreKindFacts>;

export interface StoreVariantFacts {
  readonly kind: StoreKind;
  readonly label: string;
  /** Replaces the kind's encryption facts when the variant's differ. */
  readonly encryption?: StoreEncryptionFacts;
}

export const STORE_VARIANT_FACTS = {
  /** Names no key: each member cluster sets its own. */
  "rds-global-cluster": { kind: "rds-cluster", label: "RDS global cluster", encryption: {} },
  "rds-cluster-snapshot-copy": { kind: "rds-snapshot-copy", label: "RDS cluster snapshot copy" },
  /** Without a key of its own: the AWS-managed aws/dynamodb key (AWS-owned when the table uses one). */
  "dynamodb-table-replica": { kind: "dynamodb-table", label: "DynamoDB table replica", encryption: ALWAYS_AWS_MANAGED },
  "dynamodb-global-table": { kind: "dynamodb-table", label: "DynamoDB global table" },
  /** A member of a replication group is encrypted as its group; any other cache cluster is not encrypted. */
  "elasticache-cache-cluster": { kind: "elasticache-replication-group", label: "ElastiCache cluster", encryption: {} },
  "elasticsearch-domain": { kind: "opensearch-domain", label: "Elasticsearch domain" },
  "backup-logically-air-gapped-vault": { kind: "backup-vault", label: "Backup logically air-gapped vault", encryption: ALWAYS_AWS_OWNED },
  /** No key setting: a service-owned key. */
  "msk-serverless-cluster": { kind: "msk-cluster", label: "MSK Serverless cluster", encryption: ALWAYS_AWS_OWNED },
} as const satisfies Record<StoreVariant, StoreVariantFacts>;

/** The facts of a kind, or of one of its variants where the variant's differ. */
export function storeFacts(kind: StoreKind, variant?: StoreVariant): StoreKindFacts {
  const kindFacts: StoreKindFacts = STORE_KIND_FACTS[kind];
  if (variant === undefined) return kindFacts;
  const v: StoreVariantFacts = STORE_VARIANT_FACTS[variant];
  return { ...kindFacts, label: v.label, encryption: v.encryption ?? kindFacts.encryption };
}

/** How every front names a store in messages. */
export const storeLabel = (kind: StoreKind, variant?: StoreVariant): string => storeFacts(kind, variant).label;

/**
 * A store's classification from its tags, as `classify` gives it, except that compute
 * (`customerDataOnlyWhenTagged`) without a classification tag is `internal`: not customer data.
 */
export function classifyStore(
  store: { readonly kind: StoreKind; readonly variant?: StoreVariant; readonly tags: Val<Tags | undefined> },
  config: GuardConfig,
): Val<Classification> {
  const c = classify(store.tags, config);
  if (isUnknown(c) || c.basis !== "default" || !storeFacts(store.kind, store.variant).customerDataOnlyWhenTagged) return c;
  return { level: "internal", basis: "default", customerData: config.customerDataLevels.includes("internal") };
}
