import type { Tags } from "../core/classification";
import type { Val } from "../core/value";
import type { ResourceRef } from "./ref";

/** Every kind of AWS store that can hold customer data at rest. */
export const STORE_KINDS = [
  "s3-bucket",
  "rds-instance",
  "rds-cluster",
  "dynamodb-table",
  "ebs-volume",
  "ebs-snapshot-copy",
  "rds-snapshot-copy",
  "ec2-instance",
  "launch-template",
  "efs-file-system",
  "redshift-cluster",
  "redshift-serverless-namespace",
  "elasticache-replication-group",
  "elasticache-serverless-cache",
  "opensearch-domain",
  "docdb-cluster",
  "neptune-cluster",
  "sqs-queue",
  "sns-topic",
  "kinesis-stream",
  "firehose-delivery-stream",
  "log-group",
  "secret",
  "backup-vault",
  "msk-cluster",
  "memorydb-cluster",
  "logical-database",
] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

/**
 * Forms of a kind that AWS offers apart and messages name apart (an RDS global cluster is an RDS
 * cluster to the rules); each belongs to the kind `STORE_VARIANT_FACTS` gives it.
 */
export const STORE_VARIANTS = [
  "rds-global-cluster",
  "rds-cluster-snapshot-copy",
  "dynamodb-table-replica",
  "dynamodb-global-table",
  "elasticache-cache-cluster",
  "elasticsearch-domain",
  "backup-logically-air-gapped-vault",
  "msk-serverless-cluster",
] as const;
export type StoreVariant = (typeof STORE_VARIANTS)[number];

/** Who controls the key that encrypts the data. */
export type KeyManager = "aws-owned" | "aws-managed" | "customer-managed";

export interface EncryptionAtRest {
  readonly enabled: Val<boolean>;
  /** Undefined when not encrypted. */
  readonly keyManager: Val<KeyManager | undefined>;
  /** The key as configured (ARN, id or alias), only when known and printable. */
  readonly keyId?: string;
  /** Id of the joined KMS key model (URN or ARN), when the key is part of the inventory. */
  readonly keyRef?: string;
  /** How the setting was found, for messages, e.g. "AWS default (SSE-S3)", "storageEncrypted=true". */
  readonly observed: string;
}

/** A separately encrypted part of a store, e.g. one block device of an instance or a table replica. */
export interface EncryptedPart {
  readonly name: string;
  readonly encryption: Val<EncryptionAtRest>;
}

export interface DataStore {
  readonly model: "data-store";
  readonly ref: ResourceRef;
  readonly kind: StoreKind;
  /** Set for a form of the kind that messages name apart. */
  readonly variant?: StoreVariant;
  /** The store's AWS name or identifier, when known (bucket name, DB identifier...). */
  readonly physicalName?: string;
  /**
   * The store's ARN as the provider reports it (the Pulumi front's `arn` output): Unknown while a
   * new store is planned. Unset where the front gives none; the scanner's model id is the ARN.
   */
  readonly arn?: Val<string | undefined>;
  readonly tags: Val<Tags | undefined>;
  readonly encryption: Val<EncryptionAtRest>;
  /** Parts encrypted on their own (block devices, replicas); all must be encrypted too. */
  readonly parts: readonly EncryptedPart[];
  /**
   * Set when the store has no encryption settings of its own and is encrypted as another store:
   * "source" the store it copies, replicates or was restored from, "server" the database server
   * holding a logical database. `encryption` is Unknown ("not-fetched") until a join that sees
   * that store gives it that store's encryption.
   */
  readonly encryptionFrom?: "source" | "server";
  /** Set when the store is a copy or replica of another store. */
  readonly copyOf?: {
    readonly relation: "snapshot-copy" | "read-replica" | "replica";
    /** The source as configured (id/ARN/URN), when known. */
    readonly source: Val<string | undefined>;
    /** The property naming the source; the stack view joins through its dependencies. */
    readonly sourceProperty?: string;
    /** Id of the source store's model, once joined. */
    readonly sourceRef?: string;
  };
  /** For a logical database: the database server (RDS instance or cluster) hosting it. */
  readonly server?: ResourceRef;
}
