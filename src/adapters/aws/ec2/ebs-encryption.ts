import { unknown, type Val } from "../../../core/value";
import { encryptedWith, notEncrypted } from "../../../encryption/at-rest";
import { printableKey } from "../../../encryption/key-names";
import type { Fetched } from "../../../fetchers/aws/fetched";
import type { EncryptionAtRest } from "../../../models/data-store";
import type { AdaptContext } from "../context";
import { unknownOf } from "../fetched";

/** The account's EBS encryption settings in one region, as far as they could be read. */
export interface EbsDefaults {
  readonly region: string;
  readonly encryptionByDefault: Fetched<boolean | undefined>;
  /** `alias/aws/ebs` unless changed; else the key's ARN. */
  readonly defaultKmsKeyId: Fetched<string | undefined>;
}

/** AWS's name for the account default EBS key while nobody changed it. */
const AWS_EBS_ALIAS = "alias/aws/ebs";

/** Encrypted with a key EC2 names: who manages it is the KMS answers' to tell. */
export function keyedEncryption(key: string, region: string, ctx: AdaptContext, observed: string): EncryptionAtRest {
  const keyId = printableKey(key);
  const keyRef = ctx.keyRef(key, region);
  return { enabled: true, keyManager: ctx.keyManager(key, region), ...(keyId ? { keyId } : {}), ...(keyRef ? { keyRef } : {}), observed };
}

const describeKey = (key: string): string => printableKey(key) ?? "(a key id that is not printed)";

/** A volume or snapshot, whose encryption EC2 always reports with the key it uses. */
export function volumeEncryption(v: { Encrypted?: boolean; KmsKeyId?: string }, region: string, ctx: AdaptContext, what: string): Val<EncryptionAtRest> {
  if (v.Encrypted === undefined) return unknown("error", `EC2 gave no Encrypted for ${what}`);
  if (!v.Encrypted) return notEncrypted("Encrypted=false");
  if (v.KmsKeyId) return keyedEncryption(v.KmsKeyId, region, ctx, `Encrypted=true, KmsKeyId ${describeKey(v.KmsKeyId)}`);
  return encryptedWith("aws-managed", "Encrypted=true without KmsKeyId");
}

/**
 * An EBS block device mapping of a launch template: with a key, that key; on without one, the
 * account's default EBS key (AWS-managed `aws/ebs` unless changed); not set, treated as not
 * encrypted as the Pulumi front does, `observed` saying what the account's default would do.
 */
export function mappingEncryption(
  ebs: { Encrypted?: boolean; KmsKeyId?: string; SnapshotId?: string },
  defaults: EbsDefaults,
  ctx: AdaptContext,
): EncryptionAtRest {
  if (ebs.Encrypted === false) return notEncrypted("Ebs.Encrypted=false");
  if (ebs.KmsKeyId) return keyedEncryption(ebs.KmsKeyId, defaults.region, ctx, `Ebs.KmsKeyId ${describeKey(ebs.KmsKeyId)}`);
  if (ebs.Encrypted === true) return defaultKeyEncryption(defaults, ctx);
  const from = ebs.SnapshotId ? "the snapshot it is created from" : "the AMI's snapshots";
  return notEncrypted(`Ebs.Encrypted not set: treated as not encrypted (${from} and the account's EBS encryption by default decide; ${describeDefault(defaults)})`);
}

function defaultKeyEncryption(defaults: EbsDefaults, ctx: AdaptContext): EncryptionAtRest {
  const key = defaults.defaultKmsKeyId;
  if (!key.ok) {
    return { enabled: true, keyManager: unknownOf(key.failure), observed: "Ebs.Encrypted=true without a key: the account's default EBS key could not be read" };
  }
  if (key.value === undefined || key.value === AWS_EBS_ALIAS) return encryptedWith("aws-managed", "Ebs.Encrypted=true without a key (the account's default EBS key, aws/ebs)");
  return keyedEncryption(key.value, defaults.region, ctx, `Ebs.Encrypted=true without a key: the account's default EBS key ${describeKey(key.value)}`);
}

/** What the account's "EBS encryption by default" is in the region, for `observed`. */
export function describeDefault(defaults: EbsDefaults): string {
  const on = defaults.encryptionByDefault;
  if (!on.ok) return `EBS encryption by default in ${defaults.region} could not be read (${on.failure.reason})`;
  if (on.value !== true) return `EBS encryption by default is off in ${defaults.region}`;
  const key = defaults.defaultKmsKeyId;
  const withKey = key.ok && key.value !== undefined ? ` with key ${describeKey(key.value)}` : "";
  return `EBS encryption by default is on in ${defaults.region}${withKey}, so AWS encrypts new volumes unless it is turned off`;
}
