import { StorageError } from "./storage-error";

/** What the failing call was: its IAM action, and what else that action can need. */
export interface S3Call {
  readonly action: "s3:GetObject" | "s3:PutObject" | "s3:ListBucket";
  readonly operation: "GetObject" | "PutObject" | "ListObjectsV2";
  readonly location: string;
  readonly bucket: string;
}

const CREDENTIAL_ERRORS = new Set(["InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "TokenRefreshRequired", "InvalidToken", "InvalidClientTokenId"]);
const NETWORK_ERRORS = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE"]);
const KMS_HINT: Record<S3Call["action"], string> = {
  "s3:GetObject": "; an object encrypted with a KMS key also needs kms:Decrypt, and without s3:ListBucket a missing object reads as denied too",
  "s3:PutObject": "; a bucket or key encrypting with KMS also needs kms:GenerateDataKey",
  "s3:ListBucket": "",
};

/** A StorageError for an SDK failure of `call`: the location first, the permission it lacked, never credentials. */
export function s3Failure(e: unknown, call: S3Call): StorageError {
  const err = (e ?? {}) as { name?: unknown; code?: unknown; message?: unknown; $metadata?: { httpStatusCode?: number } };
  const name = typeof err.name === "string" ? err.name : "Error";
  const status = err.$metadata?.httpStatusCode;
  const message = typeof err.message === "string" ? err.message : "";
  const fail = (code: ConstructorParameters<typeof StorageError>[0], detail: string) => new StorageError(code, call.location, detail);

  if (name === "NoSuchKey" || (name === "NotFound" && call.action === "s3:GetObject")) return fail("not-found", "no such object");
  if (name === "NoSuchBucket") return fail("no-bucket", `no such bucket '${call.bucket}'`);
  if (CREDENTIAL_ERRORS.has(name)) return fail("credentials", `AWS rejected the credentials (${name})`);
  if (name === "CredentialsProviderError") return fail("credentials", "no AWS credentials could be loaded");
  if (name === "AccessDenied" || name === "AllAccessDisabled" || status === 403) {
    // KMS denials name their action ("... not authorized to perform: kms:Decrypt ..."): report that one.
    const denied = /perform: (kms:[A-Za-z]+)/.exec(message)?.[1];
    return fail("access-denied", denied ? `access denied (${denied})` : `access denied (${call.action})${KMS_HINT[call.action]}`);
  }
  if (name.startsWith("KMS.")) return fail("failed", `${call.operation} failed: the KMS key could not be used (${name})`);
  const errno = typeof err.code === "string" ? err.code : undefined;
  if (name === "TimeoutError" || name === "RequestTimeout" || (errno !== undefined && NETWORK_ERRORS.has(errno))) {
    return fail("unavailable", `could not reach S3 (${errno ?? name})`);
  }
  if (/region is missing/i.test(message)) return fail("invalid-options", "no AWS region is configured (give a region)");
  const said = scrub(message);
  return fail("failed", `${call.operation} failed (${name}${status ? `, HTTP ${status}` : ""})${said ? `: ${said}` : ""}`);
}

/** An AWS message without anything that looks like an access key id or a signature, kept short. */
function scrub(message: string): string {
  return message
    .replace(/(Credential|Signature)=[^,\s]+/g, "$1=<redacted>")
    .replace(/\b(?:AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\b/g, "<key id>")
    .slice(0, 300);
}
