// Service principals for which AWS recommends tying a grant to the caller's own resource with
// aws:SourceArn / aws:SourceAccount (cross-service confused deputy prevention):
// https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html#cross-service-confused-deputy-prevention
// The table is small on purpose: only services whose own documentation recommends the condition in
// the policy kind listed. Lambda and EC2 execution roles, for one, have no source to name and are absent.

export type ServicePolicyKind = "trust" | "resource";

export interface ConfusedDeputyService {
  /** The service principal, e.g. `config.amazonaws.com`; regional forms are matched by `pattern`. */
  readonly principal: string;
  readonly pattern?: RegExp;
  /** The policy kinds in which AWS recommends the condition for this service. */
  readonly kinds: readonly ServicePolicyKind[];
  /** Keys AWS documents for this service besides the aws:Source* ones (e.g. a KMS encryption context). */
  readonly extraKeys?: readonly string[];
  readonly link: string;
}

/** The keys that tie a service's call to a source resource, account or organisation. */
export const SOURCE_CONDITION_KEYS: readonly string[] = [
  "aws:SourceArn",
  "aws:SourceAccount",
  "aws:SourceOrgID",
  "aws:SourceOrgPaths",
  "aws:SourceOwner",
];

export const CONFUSED_DEPUTY_SERVICES: readonly ConfusedDeputyService[] = [
  {
    principal: "cloudtrail.amazonaws.com",
    kinds: ["trust", "resource"],
    extraKeys: ["kms:EncryptionContext:aws:cloudtrail:arn"],
    link: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cross-service-confused-deputy-prevention.html",
  },
  {
    principal: "config.amazonaws.com",
    kinds: ["trust", "resource"],
    link: "https://docs.aws.amazon.com/config/latest/developerguide/cross-service-confused-deputy-prevention.html",
  },
  {
    principal: "logs.amazonaws.com",
    pattern: /^logs\.([a-z0-9-]+\.)?amazonaws\.com(\.cn)?$/,
    kinds: ["trust", "resource"],
    extraKeys: ["kms:EncryptionContext:aws:logs:arn"],
    link: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Subscriptions-confused-deputy.html",
  },
  {
    principal: "delivery.logs.amazonaws.com",
    kinds: ["resource"],
    link: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-and-resource-policy.html",
  },
  {
    principal: "logging.s3.amazonaws.com",
    kinds: ["resource"],
    link: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html",
  },
  {
    principal: "s3.amazonaws.com",
    kinds: ["resource"],
    link: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/grant-destinations-permissions-to-s3.html",
  },
  {
    principal: "sns.amazonaws.com",
    kinds: ["resource"],
    link: "https://docs.aws.amazon.com/sns/latest/dg/subscribe-sqs-queue-to-sns-topic.html",
  },
  {
    principal: "events.amazonaws.com",
    kinds: ["resource"],
    link: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html",
  },
  {
    principal: "backup.amazonaws.com",
    kinds: ["resource"],
    link: "https://docs.aws.amazon.com/aws-backup/latest/devguide/cross-service-confused-deputy-prevention.html",
  },
  {
    principal: "ses.amazonaws.com",
    kinds: ["resource"],
    link: "https://docs.aws.amazon.com/ses/latest/dg/receiving-email-permissions.html",
  },
];

/** The table's entry for a service principal as written, in a policy of the given kind. */
export function confusedDeputyService(principal: string, kind: ServicePolicyKind): ConfusedDeputyService | undefined {
  const p = principal.toLowerCase();
  return CONFUSED_DEPUTY_SERVICES.find((s) => s.kinds.includes(kind) && (s.principal === p || s.pattern?.test(p) === true));
}
