import type { AdaptContext } from "../../../src/adapters/aws/context";
import { isUnknown, unknown, type Unknown } from "../../../src/core/value";
import type { CallFailure, Fetched } from "../../../src/fetchers/aws/fetched";
import type { KeyManager } from "../../../src/models/data-store";
import { adaptContext as contextWithKeys, failed as failedCall } from "./fixtures";

export { ok } from "./fixtures";

/** The account and keys of the EC2 adapter tests (recorded answers) and the EC2 emulator test. */

export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";
export const arn = (resource: string, account = ACCOUNT): string => `arn:aws:ec2:${REGION}:${account}:${resource}`;

export const CMK_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/11111111-2222-3333-4444-555555555555`;
export const CMK_MODEL_ID = `model:${CMK_ARN}`;
/** The ARN EC2 reports for a volume encrypted with the AWS-managed aws/ebs key. */
export const AWS_EBS_KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/99999999-8888-7777-6666-555555555555`;

/** An EC2 call that did not answer (by default: access denied). */
export const failed = (action: string, reason: CallFailure["reason"] = "access-denied"): Fetched<never> => failedCall("ec2", action, reason, REGION);

/**
 * The scan's KMS view: the keys in `customer` are customer-managed (and part of the inventory),
 * `AWS_EBS_KEY_ARN` and `alias/aws/...` are AWS-managed; any other key is not known.
 */
export function adaptContext(customer: readonly string[] = [CMK_ARN], unknownKey?: Unknown): AdaptContext {
  const keys: Record<string, KeyManager> = { [AWS_EBS_KEY_ARN]: "aws-managed" };
  for (const key of customer) keys[key] = "customer-managed";
  return contextWithKeys(keys, {
    account: ACCOUNT,
    otherwise: (key) => (key.includes("alias/aws/") ? "aws-managed" : (unknownKey ?? unknown("not-fetched", `key ${key} is not among the KMS answers`))),
    keyRef: (key, manager) => (manager === "customer-managed" ? `model:${key}` : undefined),
  });
}

export function reasonOf(v: unknown): string | undefined {
  return isUnknown(v) ? v.reason : undefined;
}
