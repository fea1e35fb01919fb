import type { ResourcePolicy, ResourcePolicyService } from "../../../models/exposure";
import type { Props } from "../props";
import { refOf } from "../store-adapter";
import type { Groups } from "./groups";
import { documentAt } from "./document";
import type { TargetIndex } from "./targets";
import { BUCKET_TYPES, KMS_KEY_TYPES, X } from "./types";

/** A policy set on the store or key itself. */
interface InlinePolicy {
  readonly types: readonly string[];
  readonly service: ResourcePolicyService;
  readonly label: string;
  readonly path: string;
}

/** A policy set by its own resource, naming the store or key in `targetPath`. */
interface SeparatePolicy {
  readonly type: string;
  readonly service: ResourcePolicyService;
  readonly label: string;
  readonly path: string;
  readonly targetPath: string;
  readonly targetTypes: ReadonlySet<string>;
}

const only = (...types: string[]): ReadonlySet<string> => new Set(types);

export const INLINE_POLICIES: readonly InlinePolicy[] = [
  { types: [X.bucket, X.bucketV2], service: "s3", label: "S3 bucket", path: "policy" },
  { types: [X.kmsKey, X.kmsReplicaKey, X.kmsExternalKey, X.kmsReplicaExternalKey], service: "kms", label: "KMS key", path: "policy" },
  { types: [X.nativeKmsKey], service: "kms", label: "KMS key", path: "keyPolicy" },
  { types: [X.queue], service: "sqs", label: "SQS queue", path: "policy" },
  { types: [X.topic], service: "sns", label: "SNS topic", path: "policy" },
  { types: [X.secret], service: "secretsmanager", label: "Secrets Manager secret", path: "policy" },
  { types: [X.opensearchDomain], service: "opensearch", label: "OpenSearch domain", path: "accessPolicies" },
  { types: [X.elasticsearchDomain], service: "opensearch", label: "Elasticsearch domain", path: "accessPolicies" },
];

export const SEPARATE_POLICIES: readonly SeparatePolicy[] = [
  { type: X.bucketPolicy, service: "s3", label: "S3 bucket policy", path: "policy", targetPath: "bucket", targetTypes: BUCKET_TYPES },
  { type: X.nativeBucketPolicy, service: "s3", label: "S3 bucket policy", path: "policyDocument", targetPath: "bucket", targetTypes: BUCKET_TYPES },
  { type: X.kmsKeyPolicy, service: "kms", label: "KMS key policy", path: "policy", targetPath: "keyId", targetTypes: KMS_KEY_TYPES },
  { type: X.queuePolicy, service: "sqs", label: "SQS queue policy", path: "policy", targetPath: "queueUrl", targetTypes: only(X.queue) },
  { type: X.topicPolicy, service: "sns", label: "SNS topic policy", path: "policy", targetPath: "arn", targetTypes: only(X.topic) },
  { type: X.secretPolicy, service: "secretsmanager", label: "Secrets Manager secret policy", path: "policy", targetPath: "secretArn", targetTypes: only(X.secret) },
  { type: X.tableResourcePolicy, service: "dynamodb", label: "DynamoDB resource policy", path: "policy", targetPath: "resourceArn", targetTypes: only(X.table) },
  { type: X.opensearchDomainPolicy, service: "opensearch", label: "OpenSearch domain policy", path: "accessPolicies", targetPath: "domainName", targetTypes: only(X.opensearchDomain) },
  { type: X.elasticsearchDomainPolicy, service: "opensearch", label: "Elasticsearch domain policy", path: "accessPolicies", targetPath: "domainName", targetTypes: only(X.elasticsearchDomain) },
  { type: X.efsFileSystemPolicy, service: "efs", label: "EFS file system policy", path: "policy", targetPath: "fileSystemId", targetTypes: only(X.efsFileSystem) },
  { type: X.backupVaultPolicy, service: "backup", label: "Backup vault policy", path: "policy", targetPath: "backupVaultName", targetTypes: only(X.backupVault) },
];

function inline(p: Props, source: InlinePolicy): ResourcePolicy | undefined {
  const document = documentAt(p, source.path);
  if (document === undefined) return undefined;
  return {
    ref: refOf(p, source.label),
    target: p.resource.urn,
    service: source.service,
    document,
    origin: `the ${source.path} of ${source.label} '${p.resource.name}'`,
  };
}

function separate(p: Props, source: SeparatePolicy, index: TargetIndex): ResourcePolicy {
  return {
    ref: refOf(p, source.label),
    target: index.resolve(p, source.targetPath, source.targetTypes),
    service: source.service,
    document: documentAt(p, source.path),
    origin: `${source.label} '${p.resource.name}'`,
  };
}

/** Every resource policy of the view's stores and keys, inline and separate. */
export function resourcePoliciesOf(groups: Groups, index: TargetIndex): ResourcePolicy[] {
  const out: ResourcePolicy[] = [];
  for (const source of INLINE_POLICIES) {
    for (const p of groups.of(...source.types)) {
      const policy = inline(p, source);
      if (policy) out.push(policy);
    }
  }
  for (const source of SEPARATE_POLICIES) for (const p of groups.of(source.type)) out.push(separate(p, source, index));
  return out;
}

export const POLICY_TYPES: readonly string[] = [...INLINE_POLICIES.flatMap((s) => s.types), ...SEPARATE_POLICIES.map((s) => s.type)];
