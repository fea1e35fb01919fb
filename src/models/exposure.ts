import type { Tags } from "../core/classification";
import type { Unknown, Val } from "../core/value";
import type { Placement } from "./placement";
import type { ResourceRef } from "./ref";

/** The four switches of S3 Block Public Access, in the order AWS lists them. */
export const PUBLIC_ACCESS_BLOCK_SETTINGS = ["blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets"] as const;
export type PublicAccessBlockSetting = (typeof PUBLIC_ACCESS_BLOCK_SETTINGS)[number];

/** One S3 Block Public Access configuration (a bucket's or the account's); an unset switch is off. */
export type PublicAccessBlock = {
  /** The resource that sets it (a bucket, a public access block resource, or the scanned account). */
  readonly ref: ResourceRef;
} & { readonly [K in PublicAccessBlockSetting]: Val<boolean | undefined> };

/** Who an ACL grant names: everyone, any AWS account holder, or someone else (an account, a log-delivery group). */
export type AclGrantee = "all-users" | "authenticated-users" | "other";

export interface AclGrant {
  readonly grantee: Val<AclGrantee>;
  /** `READ`, `WRITE`, `READ_ACP`, `WRITE_ACP`, `FULL_CONTROL`. */
  readonly permissions: Val<readonly string[]>;
}

/** A bucket ACL: a canned ACL and/or explicit grants, set on the bucket or by a separate resource. */
export interface BucketAcl {
  /** Where it is declared, for messages ("acl of S3 bucket 'x'", "S3 bucket ACL 'y'"). */
  readonly origin: string;
  /** The canned ACL (`private`, `public-read`...); only S3's own names, anything else is "unrecognized". */
  readonly canned: Val<string | undefined>;
  readonly grants: Val<readonly AclGrant[]>;
  /** Set when the ACL names its bucket by a value not known yet: it may be another bucket's. */
  readonly maybeOtherBucket?: Unknown;
}

/** How to read a bucket without a bucket-level block. */
export type MissingBlockMeaning =
  /** Nothing is set (a scanned bucket without a configuration): every switch is off. */
  | "off"
  /**
   * The program declares none: S3 turns all four on for buckets created since April 2023, but
   * nothing in the program keeps them on, and an older bucket may have none.
   */
  | "aws-default";

export interface S3Exposure {
  /**
   * The bucket's own block: undefined when none is declared or found; Unknown when a block resource
   * names a bucket not known yet and may be this bucket's.
   */
  readonly bucketBlock: Val<PublicAccessBlock | undefined>;
  readonly whenNoBucketBlock: MissingBlockMeaning;
  /** The account-level block, when the stack declares one or the scan found one. */
  readonly accountBlock?: Val<PublicAccessBlock>;
  readonly acls: readonly BucketAcl[];
}

/** Who a snapshot or image is shared with. */
export type ShareGrantee =
  | { readonly kind: "public" }
  | { readonly kind: "account"; readonly account: string }
  | { readonly kind: "organization" | "organizational-unit"; readonly arn: string };

export interface Share {
  /** Where the share is declared ("sharedAccounts of RDS snapshot 'x'", "AMI launch permission 'y'"). */
  readonly origin: string;
  readonly grantee: Val<ShareGrantee>;
}

/** Kinds of resources judged for exposure that have no data-store model. */
export type ExposedKind =
  | "ebs-snapshot"
  | "rds-snapshot"
  | "rds-cluster-snapshot"
  | "machine-image"
  | "cluster-instance"
  | "dms-replication-instance"
  /** A share permission whose snapshot or image is not part of the inventory. */
  | "share-permission";

/** A resource holding or serving customer data that the inventory has no store model for. */
export interface ExposedResource {
  readonly ref: ResourceRef;
  readonly kind: ExposedKind;
  readonly tags: Val<Tags | undefined>;
  /** Model id of the store whose data it holds (a snapshot's volume or database), when joined. */
  readonly dataOf?: string;
  /**
   * Model id of the store it is part of (a cluster instance's cluster), when joined: that store's
   * placement already includes this one's public access.
   */
  readonly partOf?: string;
  /** Its own placement, for resources `placements` does not hold (a cluster instance on its own). */
  readonly placement?: Placement;
}

/**
 * Public-access settings of one store (S3 block and ACLs; snapshot sharing), or of a resource
 * without a store model (snapshots, images, cluster instances, DMS replication instances), which
 * `resource` then describes. Keyed in the inventory by the store's or resource's model id.
 */
export interface StoreExposure {
  /** Set when the key is not a store of the inventory. */
  readonly resource?: ExposedResource;
  readonly s3?: S3Exposure;
  /** Who the snapshot or image is shared with; an empty list when it is not shared. */
  readonly shares?: readonly Share[];
}

/** Services whose resources carry a resource policy judged by the rules. */
export const RESOURCE_POLICY_SERVICES = [
  "s3",
  "kms",
  "sqs",
  "sns",
  "secretsmanager",
  "dynamodb",
  "opensearch",
  "efs",
  "backup",
  "ecr",
  "lambda",
  "glacier",
  "logs",
  "glue",
  "events",
  "apigateway",
] as const;
export type ResourcePolicyService = (typeof RESOURCE_POLICY_SERVICES)[number];

/** Services whose resource policies govern one resource and name no Resource (ECR repository policies). */
export const IMPLICIT_RESOURCE_SERVICES: ReadonlySet<ResourcePolicyService> = new Set(["ecr"]);

/**
 * A resource-based policy of a store, key, queue, topic, secret, domain, vault, repository,
 * function, API, event bus or account-wide service, declared on it or by a separate resource (a
 * Lambda permission or function URL is read as the statement it adds). Documents stay raw (a JSON string or an object whose values may be
 * Unknown): rules hand them to the analyzer in src/iam.
 */
export interface ResourcePolicy {
  /** The resource that declares the policy (the store or key itself for an inline policy). */
  readonly ref: ResourceRef;
  /**
   * Model id of the store or key it governs, once joined; else the name, ARN, id or URL as
   * configured; Unknown when that is not known yet.
   */
  readonly target: Val<string | undefined>;
  readonly service: ResourcePolicyService;
  /** JSON text or a JSON object whose unknown parts are Unknown. */
  readonly document: Val<unknown>;
  /** Where it is declared, for messages ("the policy of S3 bucket 'x'", "S3 bucket policy 'y'"). */
  readonly origin: string;
  /** The account owning the governed resource, when a known ARN or URL of it tells. */
  readonly accountId?: string;
  /**
   * The governed resource when it has no store or key model but is known (a Lambda function, an ECR
   * repository, a Glacier vault, an API, an event bus): named in messages, classified by its tags.
   */
  readonly governed?: { readonly ref: ResourceRef; readonly tags: Val<Tags | undefined> };
  /** Set for a policy governing every resource of its service in the account (CloudWatch Logs, Glue Data Catalog). */
  readonly accountWide?: true;
}
