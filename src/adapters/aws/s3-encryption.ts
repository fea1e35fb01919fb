import type { ServerSideEncryptionConfiguration } from "@aws-sdk/client-s3";
import { S3_DEFAULT_ENCRYPTION } from "../../encryption/s3";
import { printableKey } from "../../encryption/key-names";
import type { EncryptionAtRest } from "../../models/data-store";
import type { AdaptContext } from "./context";
import { keyedEncryption } from "./keyed-encryption";

const KNOWN_ALGORITHMS: ReadonlySet<string> = new Set(["AES256", "aws:kms", "aws:kms:dsse"]);
/** Only S3's own algorithm names are echoed; anything else could be a misplaced secret. */
const shown = (algorithm: string): string => (KNOWN_ALGORITHMS.has(algorithm) ? algorithm : "an unrecognized value");

/**
 * A bucket's default encryption from GetBucketEncryption, read as the Pulumi front reads the same
 * settings: the first rule with a default decides; none (or no configuration) is S3's SSE-S3.
 */
export function bucketEncryption(
  config: ServerSideEncryptionConfiguration | undefined,
  region: string,
  ctx: AdaptContext,
): EncryptionAtRest {
  for (const rule of config?.Rules ?? []) {
    const byDefault = rule.ApplyServerSideEncryptionByDefault;
    if (byDefault === undefined) continue;
    const algorithm = byDefault.SSEAlgorithm ?? "AES256";
    const observed = `SSEAlgorithm=${shown(algorithm)}`;
    if (algorithm === "aws:kms" || algorithm === "aws:kms:dsse") return kmsEncryption(byDefault.KMSMasterKeyID, region, ctx, observed);
    return { ...S3_DEFAULT_ENCRYPTION, observed };
  }
  return S3_DEFAULT_ENCRYPTION;
}

/** SSE-KMS: no key is S3's AWS-managed `aws/s3` key; a named key is whoever KMS says manages it. */
function kmsEncryption(key: string | undefined, region: string, ctx: AdaptContext, observed: string): EncryptionAtRest {
  if (key === undefined || key === "") return { enabled: true, keyManager: "aws-managed", observed };
  return { ...keyedEncryption(ctx, key, region, "KMSMasterKeyID"), observed: `${observed} with KMSMasterKeyID ${printableKey(key) ?? "(not printable)"}` };
}
