import type { Val } from "../../../core/value";
import type { ResourcePolicy, ResourcePolicyService } from "../../../models/exposure";
import { readDocument, requiredDocument } from "../policy-document";
import type { Props } from "../props";
import { refOf } from "../store-adapter";
import type { Groups } from "./groups";
import { eventPermissionDocument, functionUrlDocument, lambdaPermissionDocument } from "./permissions";
import type { TargetIndex } from "./targets";
import { BUCKET_TYPES, KMS_KEY_TYPES, X } from "./types";

/** Where a resource type keeps a resource policy, and what that policy governs. */
interface ResourcePolicySpec {
  readonly service: ResourcePolicyService;
  readonly label: string;
  /** The property holding the document. */
  readonly documentPath: string;
  /** For a policy resource of its own: the property naming the store or key it governs, and that one's types. */
  readonly governs?: { readonly path: string; readonly types: ReadonlySet<string> };
  /** Properties holding an ARN or URL of the governed resource, which tell its account when known. */
  readonly accountFrom: readonly string[];
  /** For resources that add a statement rather than hold a document (Lambda permissions, function URLs). */
  readonly statement?: (p: Props) => Val<unknown>;
  /** The policy governs every resource of its service in the account. */
  readonly accountWide?: true;
}

const own = (service: ResourcePolicyService, label: string, documentPath: string, accountFrom: readonly string[]): ResourcePolicySpec => ({
  service,
  label,
  documentPath,
  accountFrom,
});

const separate = (
  service: ResourcePolicyService,
  label: string,
  documentPath: string,
  path: string,
  types: ReadonlySet<string>,
  accountFrom: readonly string[],
): ResourcePolicySpec => ({ service, label, documentPath, governs: { path, types }, accountFrom });

/** A resource read as the statement it adds to the policy of the resource it names. */
const adds = (service: ResourcePolicyService, label: string, path: string, types: ReadonlySet<string>, statement: (p: Props) => Val<unknown>): ResourcePolicySpec => ({
  service,
  label,
  documentPath: "",
  governs: { path, types },
  accountFrom: [],
  statement,
});

const accountWide = (service: ResourcePolicyService, label: string, documentPath: string): ResourcePolicySpec => ({
  service,
  label,
  documentPath,
  accountFrom: [],
  accountWide: true,
});

const only = (...types: string[]): ReadonlySet<string> => new Set(types);

/** Resource types carrying a resource policy: stores and keys with their own policy, then policy resources. */
const RESOURCE_POLICY_SPECS: ReadonlyMap<string, ResourcePolicySpec> = new Map([
  [X.bucket, own("s3", "S3 bucket", "policy", [])],
  [X.bucketV2, own("s3", "S3 bucket", "policy", [])],
  [X.kmsKey, own("kms", "KMS key", "policy", ["arn"])],
  [X.kmsReplicaKey, own("kms", "KMS key", "policy", ["arn"])],
  [X.kmsExternalKey, own("kms", "KMS key", "policy", ["arn"])],
  [X.kmsReplicaExternalKey, own("kms", "KMS key", "policy", ["arn"])],
  [X.nativeKmsKey, own("kms", "KMS key", "keyPolicy", ["arn"])],
  [X.queue, own("sqs", "SQS queue", "policy", ["arn", "url"])],
  [X.topic, own("sns", "SNS topic", "policy", ["arn"])],
  [X.secret, own("secretsmanager", "Secrets Manager secret", "policy", ["arn"])],
  [X.opensearchDomain, own("opensearch", "OpenSearch domain", "accessPolicies", ["arn"])],
  [X.elasticsearchDomain, own("opensearch", "Elasticsearch domain", "accessPolicies", ["arn"])],
  [X.bucketPolicy, separate("s3", "S3 bucket policy", "policy", "bucket", BUCKET_TYPES, [])],
  [X.nativeBucketPolicy, separate("s3", "S3 bucket policy", "policyDocument", "bucket", BUCKET_TYPES, [])],
  [X.kmsKeyPolicy, separate("kms", "KMS key policy", "policy", "keyId", KMS_KEY_TYPES, ["keyId"])],
  [X.queuePolicy, separate("sqs", "SQS queue policy", "policy", "queueUrl", only(X.queue), ["queueUrl"])],
  [X.topicPolicy, separate("sns", "SNS topic policy", "policy", "arn", only(X.topic), ["arn"])],
  [X.secretPolicy, separate("secretsmanager", "Secrets Manager secret policy", "policy", "secretArn", only(X.secret), ["secretArn"])],
  [X.tableResourcePolicy, separate("dynamodb", "DynamoDB resource policy", "policy", "resourceArn", only(X.table), ["resourceArn"])],
  [X.opensearchDomainPolicy, separate("opensearch", "OpenSearch domain policy", "accessPolicies", "domainName", only(X.opensearchDomain), [])],
  [X.elasticsearchDomainPolicy, separate("opensearch", "Elasticsearch domain policy", "accessPolicies", "domainName", only(X.elasticsearchDomain), [])],
  [X.efsFileSystemPolicy, separate("efs", "EFS file system policy", "policy", "fileSystemId", only(X.efsFileSystem), [])],
  [X.backupVaultPolicy, separate("backup", "Backup vault policy", "policy", "backupVaultName", only(X.backupVault), [])],
  [X.glacierVault, own("glacier", "Glacier vault", "accessPolicy", ["arn"])],
  [X.restApi, own("apigateway", "API Gateway REST API", "policy", ["arn"])],
  [X.ecrRepositoryPolicy, separate("ecr", "ECR repository policy", "policy", "repository", only(X.ecrRepository), [])],
  [X.eventBusPolicy, separate("events", "EventBridge bus policy", "policy", "eventBusName", only(X.eventBus), [])],
  [X.restApiPolicy, separate("apigateway", "API Gateway REST API policy", "policy", "restApiId", only(X.restApi), [])],
  [X.lambdaPermission, adds("lambda", "Lambda permission", "function", only(X.lambdaFunction), lambdaPermissionDocument)],
  [X.lambdaFunctionUrl, adds("lambda", "Lambda function URL", "functionName", only(X.lambdaFunction), functionUrlDocument)],
  [X.eventPermission, adds("events", "EventBridge permission", "eventBusName", only(X.eventBus), eventPermissionDocument)],
  [X.logResourcePolicy, accountWide("logs", "CloudWatch Logs resource policy", "policyDocument")],
  [X.glueResourcePolicy, accountWide("glue", "Glue Data Catalog resource policy", "policy")],
]);

export const RESOURCE_POLICY_TYPES: readonly string[] = [...RESOURCE_POLICY_SPECS.keys()];

/** The policy a resource carries; undefined when a store or key has none (unset, or "" once deployed). */
function readResourcePolicy(p: Props, spec: ResourcePolicySpec, index: TargetIndex): ResourcePolicy | undefined {
  const name = p.resource.name;
  const accountId = spec.accountFrom.map((path) => accountOf(p.str(path))).find((a) => a !== undefined);
  const common = { ref: refOf(p, spec.label), service: spec.service, ...(accountId === undefined ? {} : { accountId }) };
  if (spec.accountWide) {
    return { ...common, target: undefined, accountWide: true, document: requiredDocument(p, spec.documentPath), origin: `${spec.label} '${name}'` };
  }
  if (spec.governs !== undefined) {
    const target = governedTarget(p, spec.governs, index);
    const governed = index.governed(target);
    return {
      ...common,
      target,
      ...(governed ? { governed } : {}),
      document: spec.statement ? spec.statement(p) : requiredDocument(p, spec.documentPath),
      origin: `${spec.label} '${name}'`,
    };
  }
  const document = readDocument(p, spec.documentPath);
  if (document === undefined || document === "") return undefined;
  const governed = index.governed(p.resource.urn);
  return {
    ...common,
    target: p.resource.urn,
    ...(governed ? { governed } : {}),
    document,
    origin: `the ${spec.documentPath} of ${spec.label} '${name}'`,
  };
}

/** The governed resource; an EventBridge policy or permission naming no bus governs the `default` bus. */
function governedTarget(p: Props, governs: NonNullable<ResourcePolicySpec["governs"]>, index: TargetIndex): Val<string | undefined> {
  const target = index.resolve(p, governs.path, governs.types);
  return target === undefined && governs.types.has(X.eventBus) ? "default" : target;
}

/** Every resource policy of the view, once per resource, joined to the store or key it governs. */
export function resourcePoliciesOf(groups: Groups, index: TargetIndex): ResourcePolicy[] {
  const out: ResourcePolicy[] = [];
  for (const [type, spec] of RESOURCE_POLICY_SPECS) {
    for (const p of groups.of(type)) {
      const policy = readResourcePolicy(p, spec, index);
      if (policy !== undefined) out.push(policy);
    }
  }
  return out;
}

/** The account in an ARN (`arn:aws:sqs:eu-west-1:123456789012:q`) or an SQS queue URL. */
export function accountOf(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const arn = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):/.exec(value);
  if (arn !== null) return arn[1];
  return /^https:\/\/[^/]*amazonaws\.com(?:\.cn)?\/(\d{12})\//.exec(value)?.[1];
}
