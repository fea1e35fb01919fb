import { isUnknown, type Val } from "../../../core/value";
import { S3_DEFAULT_ENCRYPTION } from "../../../encryption/s3";
import type { EncryptionAtRest } from "../../../models/data-store";
import { keyReference } from "../kms-ref";
import type { Props } from "../props";
import type { StoreAdapter } from "../store-adapter";

const KNOWN_ALGORITHMS: ReadonlySet<string> = new Set(["AES256", "aws:kms", "aws:kms:dsse"]);
/** Only S3's own algorithm names are echoed; anything else could be a misplaced secret. */
const shown = (algorithm: string): string => (KNOWN_ALGORITHMS.has(algorithm) ? algorithm : "an unrecognized value");

/**
 * Reads an `applyServerSideEncryptionByDefault` block found at `path` (object or one-element
 * list, singular or plural property name, across provider versions).
 */
export function sseDefaultAt(p: Props, rulePath: string): Val<EncryptionAtRest> | undefined {
  for (const name of ["applyServerSideEncryptionByDefault", "applyServerSideEncryptionByDefaults"]) {
    const block = p.obj(`${rulePath}.${name}`);
    if (isUnknown(block)) return block;
    if (block === undefined) continue;
    const blockPath = p.itemPath(`${rulePath}.${name}`, 0);
    const algorithm = p.str(`${blockPath}.sseAlgorithm`);
    if (isUnknown(algorithm)) return algorithm;
    if (algorithm === "aws:kms" || algorithm === "aws:kms:dsse") {
      const key = keyReference(p, `${blockPath}.kmsMasterKeyId`);
      return { enabled: true, ...(key ?? { keyManager: "aws-managed" }), observed: `sseAlgorithm=${shown(algorithm)}` };
    }
    return { ...S3_DEFAULT_ENCRYPTION, observed: `sseAlgorithm=${shown(algorithm ?? "AES256")}` };
  }
  return undefined;
}

/** The first rule of a configuration holding rules as `rule`, `rules` or `rules[]`. */
export function sseOfRules(p: Props, configPath: string): Val<EncryptionAtRest> | undefined {
  for (const name of ["rule", "rules"]) {
    const path = configPath ? `${configPath}.${name}` : name;
    const rules = p.count(path);
    if (isUnknown(rules)) return rules;
    for (let i = 0; i < rules; i++) {
      const found = sseDefaultAt(p, p.itemPath(path, i));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** v6 `Bucket` and v7 `Bucket` (inline, singular) and `BucketV2` (inline, plural list). */
export const s3Bucket: StoreAdapter = {
  types: ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"],
  kind: "s3-bucket",
  nameProperty: "bucket",
  encryption(p) {
    for (const name of ["serverSideEncryptionConfiguration", "serverSideEncryptionConfigurations"]) {
      const configs = p.count(name);
      if (isUnknown(configs)) return configs;
      if (configs > 0) {
        const found = sseOfRules(p, p.itemPath(name, 0));
        if (found !== undefined) return found;
      }
    }
    return S3_DEFAULT_ENCRYPTION;
  },
};

export const s3NativeBucket: StoreAdapter = {
  types: ["aws-native:s3:Bucket"],
  kind: "s3-bucket",
  nameProperty: "bucketName",
  encryption(p) {
    const path = "bucketEncryption.serverSideEncryptionConfiguration";
    const rules = p.count(path);
    if (isUnknown(rules)) return rules;
    for (let i = 0; i < rules; i++) {
      const rulePath = p.itemPath(path, i);
      const algorithm = p.str(`${rulePath}.serverSideEncryptionByDefault.sseAlgorithm`);
      if (isUnknown(algorithm)) return algorithm;
      if (algorithm === undefined) continue;
      if (algorithm.startsWith("aws:kms")) {
        const key = keyReference(p, `${rulePath}.serverSideEncryptionByDefault.kmsMasterKeyId`);
        return { enabled: true, ...(key ?? { keyManager: "aws-managed" }), observed: `sseAlgorithm=${shown(algorithm)}` };
      }
      return { ...S3_DEFAULT_ENCRYPTION, observed: `sseAlgorithm=${shown(algorithm)}` };
    }
    return S3_DEFAULT_ENCRYPTION;
  },
};

/** v7 split resource and its v6 `...V2` alias: they set a bucket's default encryption. */
export const S3_ENCRYPTION_CONFIG_TYPES: readonly string[] = [
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
];
