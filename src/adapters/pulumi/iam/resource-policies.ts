import type { IamResourcePolicy, ResourcePolicyService } from "../../../models/iam";
import type { Props } from "../props";
import { refOf } from "../store-adapter";
import { readDocument, requiredDocument } from "./documents";

interface ResourcePolicySpec {
  readonly service: ResourcePolicyService;
  readonly label: string;
  /** The property naming the governed resource (bucket, key id, queue URL, topic/secret ARN, name). */
  readonly target: string;
  /** Properties holding an ARN or URL of the resource, which tell its account when known. */
  readonly accountFrom: readonly string[];
  /** A separate policy resource requires its document; a store's own `policy` is optional. */
  readonly separate: boolean;
}

const spec = (
  service: ResourcePolicyService,
  label: string,
  target: string,
  accountFrom: readonly string[],
  separate: boolean,
): ResourcePolicySpec => ({ service, label, target, accountFrom, separate });

/** Resource types whose `policy` property is a resource-based policy. */
export const RESOURCE_POLICY_SPECS: ReadonlyMap<string, ResourcePolicySpec> = new Map([
  ["aws:s3/bucketPolicy:BucketPolicy", spec("s3", "S3 bucket policy", "bucket", [], true)],
  ["aws:s3/bucket:Bucket", spec("s3", "S3 bucket", "bucket", [], false)],
  ["aws:s3/bucketV2:BucketV2", spec("s3", "S3 bucket", "bucket", [], false)],
  ["aws:kms/key:Key", spec("kms", "KMS key", "arn", ["arn"], false)],
  ["aws:kms/keyPolicy:KeyPolicy", spec("kms", "KMS key policy", "keyId", ["keyId"], true)],
  ["aws:sqs/queue:Queue", spec("sqs", "SQS queue", "name", ["arn", "url"], false)],
  ["aws:sqs/queuePolicy:QueuePolicy", spec("sqs", "SQS queue policy", "queueUrl", ["queueUrl"], true)],
  ["aws:sns/topic:Topic", spec("sns", "SNS topic", "name", ["arn"], false)],
  ["aws:sns/topicPolicy:TopicPolicy", spec("sns", "SNS topic policy", "arn", ["arn"], true)],
  ["aws:secretsmanager/secret:Secret", spec("secretsmanager", "Secrets Manager secret", "name", ["arn"], false)],
  ["aws:secretsmanager/secretPolicy:SecretPolicy", spec("secretsmanager", "Secrets Manager secret policy", "secretArn", ["secretArn"], true)],
]);

export const RESOURCE_POLICY_TYPES: readonly string[] = [...RESOURCE_POLICY_SPECS.keys()];

/** The resource policy a resource carries; undefined when it has none (or is not such a resource). */
export function readResourcePolicy(p: Props): IamResourcePolicy | undefined {
  const s = RESOURCE_POLICY_SPECS.get(p.resource.type);
  if (s === undefined) return undefined;
  const document = s.separate ? requiredDocument(p, "policy") : readDocument(p, "policy");
  // A store without a policy reads back as "" once deployed.
  if (document === undefined || (document === "" && !s.separate)) return undefined;
  const accountId = s.accountFrom.map((path) => accountOf(p.str(path))).find((a) => a !== undefined);
  return {
    model: "iam-resource-policy",
    ref: refOf(p, s.label),
    service: s.service,
    target: p.str(s.target),
    document,
    ...(accountId === undefined ? {} : { accountId }),
  };
}

/** The account in an ARN (`arn:aws:sqs:eu-west-1:123456789012:q`) or an SQS queue URL. */
export function accountOf(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const arn = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):/.exec(value);
  if (arn !== null) return arn[1];
  return /^https:\/\/[^/]*amazonaws\.com(?:\.cn)?\/(\d{12})\//.exec(value)?.[1];
}
