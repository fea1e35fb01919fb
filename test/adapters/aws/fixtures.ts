import type { AdaptContext } from "../../../src/adapters/aws/context";
import { unknown, type Val } from "../../../src/core/value";
import type { CallFailure, Fetched } from "../../../src/fetchers/aws/fetched";
import type { AwsService } from "../../../src/fetchers/aws/services";
import type { KeyManager } from "../../../src/models/data-store";

/** Shared fixtures of the AWS adapter tests: the scanned account, the scan's KMS answers, the fetchers' answers. */

export const ACCOUNT = "111122223333";
export const REGION = "eu-west-1";
export const CMK_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
/** The ARN of a service's AWS-managed key (aws/redshift, aws/rds, aws/es...): KMS tells it apart. */
export const AWS_MANAGED_KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0000aaaa-12ab-34cd-56ef-1234567890ab`;
export const TAGS = { "data-classification": "restricted", "customer-segment": "eu" };
export const TAG_LIST = Object.entries(TAGS).map(([Key, Value]) => ({ Key, Value }));

/** What the scan's KMS answers say beyond the keys they describe. */
export interface KmsView {
  readonly account?: string;
  /** The manager of a key KMS did not describe; by default KMS did not answer for it. */
  readonly otherwise?: (key: string) => Val<KeyManager>;
  /** How the inventory names a key KMS described; by default a customer-managed key by the name used, no other key. */
  readonly keyRef?: (key: string, manager: Val<KeyManager>) => string | undefined;
}

const notDescribed = (key: string): Val<KeyManager> => unknown("access-denied", `kms:DescribeKey (eu-west-1) did not answer for ${key}: AccessDeniedException`);
const customerKeyRef = (key: string, manager: Val<KeyManager>): string | undefined => (manager === "customer-managed" ? key : undefined);

/**
 * An adapt context whose KMS answers describe `keys` (a key as resources name it -> its manager):
 * by default one customer key and one AWS-managed key. `adaptContext({})` is KMS not read at all.
 */
export function adaptContext(
  keys: Readonly<Record<string, Val<KeyManager>>> = { [CMK_ARN]: "customer-managed", [AWS_MANAGED_KEY_ARN]: "aws-managed" },
  view: KmsView = {},
): AdaptContext {
  const { account = ACCOUNT, otherwise = notDescribed, keyRef = customerKeyRef } = view;
  return {
    account,
    partition: "aws",
    keyManager: (key) => keys[key] ?? otherwise(key),
    keyRef: (key) => (keys[key] === undefined ? undefined : keyRef(key, keys[key])),
  };
}

/** For adapters that judge no key (IAM, KMS itself): every key is customer-managed, none referenced. */
export const everyKeyCustomerManaged = (account = ACCOUNT): AdaptContext => adaptContext({}, { account, otherwise: () => "customer-managed" });

export const ok = <T>(value: T): Fetched<T> => ({ ok: true, value });

export function failure(service: AwsService, action: string, reason: CallFailure["reason"] = "access-denied", region = REGION): CallFailure {
  return { reason, service, action, region, detail: reason === "access-denied" ? "AccessDenied: not authorized" : "InternalFailure: try again" };
}

/** A call that did not answer (by default: access denied). */
export const failed = (service: AwsService, action: string, reason: CallFailure["reason"] = "access-denied", region = REGION): Fetched<never> => ({
  ok: false,
  failure: failure(service, action, reason, region),
});
