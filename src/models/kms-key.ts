import type { Tags } from "../core/classification";
import type { Val } from "../core/value";
import type { ResourceRef } from "./ref";

/** How every front names a KMS key in messages. */
export const KMS_KEY_LABEL = "KMS key";

export interface KmsKey {
  readonly model: "kms-key";
  readonly ref: ResourceRef;
  /** ARN or key id when known (scanner: always; preview: often unknown). */
  readonly arn: Val<string | undefined>;
  readonly manager: "customer" | "aws";
  /** e.g. SYMMETRIC_DEFAULT, RSA_2048; rotation applies to SYMMETRIC_DEFAULT only. */
  readonly spec: Val<string>;
  /** ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC. */
  readonly usage: Val<string>;
  /** EXTERNAL (imported material) and EXTERNAL_KEY_STORE keys cannot rotate automatically. */
  readonly origin: Val<string>;
  readonly rotationEnabled: Val<boolean>;
  /** Undefined when not set (AWS then uses 30 days). */
  readonly deletionWindowDays: Val<number | undefined>;
  readonly tags: Val<Tags | undefined>;
}
