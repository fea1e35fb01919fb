import {
  GetBucketLifecycleConfigurationCommand,
  GetBucketLoggingCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  type GetBucketVersioningOutput,
  type LifecycleRule,
  type LoggingEnabled,
  type ObjectLockConfiguration,
  type S3Client,
} from "@aws-sdk/client-s3";
import type { Fetched } from "./fetched";

/** A bucket's access logging, lifecycle, versioning and Object Lock; undefined values are settings it does not have. */
export interface S3BucketHygieneAnswers {
  readonly logging: Fetched<LoggingEnabled | undefined>;
  /** The lifecycle rules; undefined when the bucket has no lifecycle configuration. */
  readonly lifecycle: Fetched<LifecycleRule[] | undefined>;
  readonly versioning: Fetched<Pick<GetBucketVersioningOutput, "Status" | "MFADelete"> | undefined>;
  /** Not asked (undefined) when versioning is known not to be enabled: Object Lock needs it on and keeps it on. */
  readonly objectLock?: Fetched<ObjectLockConfiguration | undefined>;
}

export const HYGIENE_ACTIONS = {
  logging: "s3:GetBucketLogging",
  lifecycle: "s3:GetLifecycleConfiguration",
  versioning: "s3:GetBucketVersioning",
  objectLock: "s3:GetBucketObjectLockConfiguration",
} as const;

/** One call of a bucket; `notSet` are the error codes meaning the setting is not configured. */
export type ReadBucket = <T>(action: string, notSet: readonly string[], call: () => Promise<T>) => Promise<Fetched<T | undefined>>;

/** 3 calls per bucket, 4 when versioning is on (or could not be read). */
export async function fetchBucketHygiene(client: S3Client, Bucket: string, read: ReadBucket): Promise<S3BucketHygieneAnswers> {
  const versioningThenLock = async (): Promise<Pick<S3BucketHygieneAnswers, "versioning" | "objectLock">> => {
    const versioning = await read(HYGIENE_ACTIONS.versioning, [], async () => {
      const out = await client.send(new GetBucketVersioningCommand({ Bucket }));
      return { Status: out.Status, MFADelete: out.MFADelete };
    });
    if (versioning.ok && versioning.value?.Status !== "Enabled") return { versioning };
    const objectLock = await read(HYGIENE_ACTIONS.objectLock, ["ObjectLockConfigurationNotFoundError"], async () => {
      return (await client.send(new GetObjectLockConfigurationCommand({ Bucket }))).ObjectLockConfiguration;
    });
    return { versioning, objectLock };
  };
  const [logging, lifecycle, versioned] = await Promise.all([
    read(HYGIENE_ACTIONS.logging, [], async () => (await client.send(new GetBucketLoggingCommand({ Bucket }))).LoggingEnabled),
    read(HYGIENE_ACTIONS.lifecycle, ["NoSuchLifecycleConfiguration"], async () => {
      return (await client.send(new GetBucketLifecycleConfigurationCommand({ Bucket }))).Rules;
    }),
    versioningThenLock(),
  ]);
  return { logging, lifecycle, ...versioned };
}
