// S3 buckets for the privacy-hygiene rules, seeded into moto through the AWS SDK: one compliant bucket
// with every setting, and per setting one bucket lacking only it.
import {
  CreateBucketCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketLoggingCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutObjectLockConfigurationCommand,
  S3Client,
  type BucketLocationConstraint,
  type LifecycleRule,
} from "@aws-sdk/client-s3";
import { seedConfig } from "../support/aws-context";

/** The bucket names, for tests that look them up. */
export const S3_HYGIENE_BUCKETS = {
  /** Logged, expires every object after 365 days, versioned, Object Lock on (COMPLIANCE 30 days). */
  ok: "hyg-ok-s3-records",
  /** The access-log target (internal data: the rules' customer-data buckets are the others). */
  logs: "hyg-s3-access-logs",
  noAccessLog: "hyg-bad-s3-no-access-log",
  /** Only objects under `tmp/` expire: the rest is kept forever. */
  partialExpiry: "hyg-bad-s3-partial-expiry",
  /** Versioning suspended (so no MFA delete and no Object Lock either). */
  versioningSuspended: "hyg-bad-s3-versioning-suspended",
  noObjectLock: "hyg-bad-s3-no-object-lock",
} as const;

const EXPIRE_ALL: LifecycleRule = { ID: "expire-all", Status: "Enabled", Filter: { Prefix: "" }, Expiration: { Days: 365 }, NoncurrentVersionExpiration: { NoncurrentDays: 30 } };
const EXPIRE_TMP: LifecycleRule = { ID: "expire-tmp", Status: "Enabled", Filter: { Prefix: "tmp/" }, Expiration: { Days: 7 } };

export async function seedHygieneS3(endpoint: string, region: string): Promise<void> {
  const s3 = new S3Client(seedConfig(endpoint, region));
  const b = S3_HYGIENE_BUCKETS;
  const create = async (Bucket: string, classification: string, lock = false) => {
    await s3.send(
      new CreateBucketCommand({
        Bucket,
        ...(region === "us-east-1" ? {} : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }),
        ...(lock ? { ObjectLockEnabledForBucket: true } : {}),
      }),
    );
    await s3.send(new PutBucketTaggingCommand({ Bucket, Tagging: { TagSet: [{ Key: "data-classification", Value: classification }] } }));
  };
  const logTo = (Bucket: string) =>
    s3.send(new PutBucketLoggingCommand({ Bucket, BucketLoggingStatus: { LoggingEnabled: { TargetBucket: b.logs, TargetPrefix: `${Bucket}/` } } }));
  const expire = (Bucket: string, rule: LifecycleRule) => s3.send(new PutBucketLifecycleConfigurationCommand({ Bucket, LifecycleConfiguration: { Rules: [rule] } }));
  const version = (Bucket: string, Status: "Enabled" | "Suspended") => s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status } }));
  const lock = (Bucket: string) =>
    s3.send(
      new PutObjectLockConfigurationCommand({
        Bucket,
        ObjectLockConfiguration: { ObjectLockEnabled: "Enabled", Rule: { DefaultRetention: { Mode: "COMPLIANCE", Days: 30 } } },
      }),
    );

  await create(b.logs, "internal");
  // S3 server access logs are delivered by the logging service, allowed by the target's policy.
  const delivery = { Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" }, Action: ["s3:PutObject"], Resource: `arn:aws:s3:::${b.logs}/*` };
  await s3.send(new PutBucketPolicyCommand({ Bucket: b.logs, Policy: JSON.stringify({ Version: "2012-10-17", Statement: [delivery] }) }));
  await expire(b.logs, EXPIRE_ALL);

  // Restricted needs CloudTrail data events for its reads (another group's): the bucket without access logs is
  // confidential, where server access logs are what records reads.
  for (const name of [b.ok, b.noAccessLog, b.partialExpiry]) {
    await create(name, name === b.noAccessLog ? "confidential" : "restricted", true);
    await lock(name);
    if (name !== b.noAccessLog) await logTo(name);
    await expire(name, name === b.partialExpiry ? EXPIRE_TMP : EXPIRE_ALL);
  }

  await create(b.versioningSuspended, "confidential");
  await logTo(b.versioningSuspended);
  await expire(b.versioningSuspended, EXPIRE_ALL);
  await version(b.versioningSuspended, "Enabled");
  await version(b.versioningSuspended, "Suspended");

  // Restricted: versioning alone does not stop an intruder deleting every version.
  await create(b.noObjectLock, "restricted");
  await logTo(b.noObjectLock);
  await expire(b.noObjectLock, EXPIRE_ALL);
  await version(b.noObjectLock, "Enabled");
}
