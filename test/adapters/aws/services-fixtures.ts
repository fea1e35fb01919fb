import type { AdaptContext } from "../../../src/adapters/aws/context";
import { unknown } from "../../../src/core/value";
import type { CallFailure } from "../../../src/fetchers/aws/fetched";
import type { AwsService } from "../../../src/fetchers/aws/services";
import type { KeyManager } from "../../../src/models/data-store";

export const ACCOUNT = "111122223333";
export const REGION = "eu-west-1";
export const CMK_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
export const AWS_MANAGED_KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0000aaaa-12ab-34cd-56ef-1234567890ab`;

/**
 * An adapt context whose KMS answers are `keys` (key as named -> manager); any other key is
 * Unknown, as when KMS could not be read.
 */
export function adaptContext(keys: Readonly<Record<string, KeyManager>> = { [CMK_ARN]: "customer-managed", [AWS_MANAGED_KEY_ARN]: "aws-managed" }, account = ACCOUNT): AdaptContext {
  return {
    account,
    partition: "aws",
    keyManager: (key) => keys[key] ?? unknown("access-denied", `kms:DescribeKey did not answer for ${key}`),
    keyRef: (key) => (keys[key] === "customer-managed" ? key : undefined),
  };
}

export const denied = (service: AwsService, action: string, region = REGION): { ok: false; failure: CallFailure } => ({
  ok: false,
  failure: { reason: "access-denied", service, action, region, detail: `AccessDeniedException: not authorized to perform ${action}` },
});

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** Data-plane reads the scanner must never make (the brief's list), as IAM actions. */
export const DATA_PLANE_ACTIONS = [
  "s3:GetObject",
  "dynamodb:GetItem",
  "dynamodb:Scan",
  "dynamodb:Query",
  "dynamodb:BatchGetItem",
  "secretsmanager:GetSecretValue",
  "secretsmanager:BatchGetSecretValue",
  "kms:Decrypt",
  "sqs:ReceiveMessage",
  "logs:GetLogEvents",
  "logs:FilterLogEvents",
  "kinesis:GetRecords",
  "kinesis:GetShardIterator",
];

/** Every IAM action a fetch context is asked to call (`listAll` goes through `attempt`). */
export function recordActions(ctx: { attempt: (action: string, ...rest: never[]) => unknown }): string[] {
  const actions: string[] = [];
  const attempt = ctx.attempt.bind(ctx);
  ctx.attempt = (action: string, ...rest: never[]) => {
    actions.push(action);
    return attempt(action, ...rest);
  };
  return actions;
}
