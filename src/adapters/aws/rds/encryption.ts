import type { StorageEncryptionType } from "@aws-sdk/client-rds";
import { encryptedWith, notEncrypted } from "../../../encryption/at-rest";
import type { EncryptionAtRest } from "../../../models/data-store";
import { STORE_KIND_FACTS } from "../../../models/store-kind-facts";
import { keyedEncryption } from "../keyed-encryption";
import type { RdsScope } from "./names";

/** The encryption fields every RDS answer (instance, cluster, snapshot) carries, under its switch's name. */
export interface StorageEncryptionAnswer {
  /** `StorageEncrypted`, or `Encrypted` for DB snapshots. */
  readonly on: boolean | undefined;
  readonly switchName: string;
  readonly type?: StorageEncryptionType | undefined;
  readonly kmsKeyId?: string | undefined;
}

/** Without a key named, RDS encrypts with the AWS-managed aws/rds key. */
const KEYLESS = STORE_KIND_FACTS["rds-instance"].encryption.keyless;

/**
 * Encryption as the API reports it: `StorageEncryptionType` `sse-rds` is an AWS-owned key (RDS then
 * answers `StorageEncrypted=false`), `none` is no encryption; otherwise the switch, and the key ARN
 * (whose manager the scan's KMS answers tell). A switch the answer leaves out is off, as AWS's default.
 */
export function storageEncryption(a: StorageEncryptionAnswer, s: RdsScope): EncryptionAtRest {
  if (a.type === "sse-rds") return encryptedWith("aws-owned", "StorageEncryptionType=sse-rds (AWS-owned key)");
  if (a.type === "none") return notEncrypted("StorageEncryptionType=none");
  if (a.on !== true && a.type !== "sse-kms") return notEncrypted(`${a.switchName}=${a.on === false ? "false" : "false (not reported)"}`);
  if (!a.kmsKeyId) return encryptedWith(KEYLESS, `${a.switchName}=true without KmsKeyId`);
  return keyedEncryption(s.ctx, a.kmsKeyId, s.region, `${a.switchName}=true, KmsKeyId`);
}
