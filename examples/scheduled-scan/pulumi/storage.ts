// Where the scan's results live: one customer-managed key (rotated) encrypts the reports bucket, the
// notifications topic and the log groups. The bucket is private, TLS-only, versioned, owner-enforced and
// expiring, its reads recorded by server access logging; the topic refuses plain transport.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Account } from "./account";
import type { Settings } from "./settings";

/** Reports describe the organization's weak spots: confidential, though they hold no customer records. */
export const CLASSIFICATION = { "data-classification": "confidential" };

export interface Storage {
  readonly key: aws.kms.Key;
  readonly bucket: aws.s3.Bucket;
  readonly topic: aws.sns.Topic;
  logGroup(name: string, logGroupName: pulumi.Input<string>): aws.cloudwatch.LogGroup;
}

export function createStorage(s: Settings, account: Account): Storage {
  const key = new aws.kms.Key("reports-key", {
    description: "Encrypts cdguard's reports, notifications and logs",
    enableKeyRotation: true,
    deletionWindowInDays: 30,
    policy: pulumi.jsonStringify({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "AccountAdministersThroughIam",
          Effect: "Allow",
          Principal: { AWS: pulumi.interpolate`arn:${account.partition}:iam::${account.id}:root` },
          Action: "kms:*",
          Resource: "*",
        },
        {
          Sid: "CloudWatchLogsOfThisAccount",
          Effect: "Allow",
          Principal: { Service: pulumi.interpolate`logs.${account.region}.amazonaws.com` },
          Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
          Resource: "*",
          Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": account.arn("logs", "log-group:*") } },
        },
      ],
    }),
    tags: CLASSIFICATION,
  });
  new aws.kms.Alias("reports-key", { name: `alias/${s.prefix}-reports`, targetKeyId: key.keyId });

  const bucket = new aws.s3.Bucket("reports", { tags: CLASSIFICATION });
  const id = bucket.id;
  new aws.s3.BucketOwnershipControls("reports-ownership", { bucket: id, rule: { objectOwnership: "BucketOwnerEnforced" } });
  new aws.s3.BucketPublicAccessBlock("reports-pab", {
    bucket: id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
  });
  new aws.s3.BucketServerSideEncryptionConfiguration("reports-sse", {
    bucket: id,
    rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }],
  });
  new aws.s3.BucketVersioning("reports-versioning", { bucket: id, versioningConfiguration: { status: "Enabled" } });
  new aws.s3.BucketLifecycleConfiguration("reports-expiry", {
    bucket: id,
    rules: [{
      id: "expire-reports",
      status: "Enabled",
      filter: {},
      expiration: { days: s.reportRetentionDays },
      noncurrentVersionExpiration: { noncurrentDays: 30 },
      abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
    }],
  });
  new aws.s3.BucketPolicy("reports-tls-only", {
    bucket: id,
    policy: pulumi.jsonStringify({
      Version: "2012-10-17",
      Statement: [{
        Sid: "DenyPlainTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [bucket.arn, pulumi.interpolate`${bucket.arn}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      }],
    }),
  });

  auditReads(s, account, bucket);

  const topic = new aws.sns.Topic("findings", { name: `${s.prefix}-findings`, kmsMasterKeyId: key.arn, tags: CLASSIFICATION });
  new aws.sns.TopicPolicy("findings-tls-only", {
    arn: topic.arn,
    policy: pulumi.jsonStringify({
      Version: "2012-10-17",
      Statement: [{
        Sid: "DenyPlainTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "sns:Publish",
        Resource: topic.arn,
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      }],
    }),
  });
  if (s.alertEmail) new aws.sns.TopicSubscription("findings-email", { topic: topic.arn, protocol: "email", endpoint: s.alertEmail });

  const logGroup = (name: string, logGroupName: pulumi.Input<string>) => new aws.cloudwatch.LogGroup(name, {
    name: logGroupName, retentionInDays: s.logRetentionDays, kmsKeyId: key.arn, tags: CLASSIFICATION,
  });
  return { key, bucket, topic, logGroup };
}

/** Server access logs of the reports bucket, in a private bucket of their own (S3 delivers them SSE-S3 only). */
function auditReads(s: Settings, account: Account, reports: aws.s3.Bucket): void {
  const logs = new aws.s3.Bucket("reports-access-logs", { tags: { "data-classification": "internal" } });
  const id = logs.id;
  new aws.s3.BucketOwnershipControls("reports-access-logs-ownership", { bucket: id, rule: { objectOwnership: "BucketOwnerEnforced" } });
  new aws.s3.BucketPublicAccessBlock("reports-access-logs-pab", {
    bucket: id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
  });
  new aws.s3.BucketServerSideEncryptionConfiguration("reports-access-logs-sse", {
    bucket: id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
  });
  new aws.s3.BucketLifecycleConfiguration("reports-access-logs-expiry", {
    bucket: id,
    rules: [{ id: "expire-access-logs", status: "Enabled", filter: {}, expiration: { days: s.reportRetentionDays } }],
  });
  new aws.s3.BucketPolicy("reports-access-logs-delivery", {
    bucket: id,
    policy: pulumi.jsonStringify({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "DenyPlainTransport",
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: [logs.arn, pulumi.interpolate`${logs.arn}/*`],
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
        {
          Sid: "S3ServerAccessLogsOfTheReportsBucket",
          Effect: "Allow",
          Principal: { Service: "logging.s3.amazonaws.com" },
          Action: "s3:PutObject",
          Resource: pulumi.interpolate`${logs.arn}/reports/*`,
          Condition: { ArnLike: { "aws:SourceArn": reports.arn }, StringEquals: { "aws:SourceAccount": account.id } },
        },
      ],
    }),
  });
  new aws.s3.BucketLogging("reports-logging", { bucket: reports.id, targetBucket: id, targetPrefix: "reports/" });
}
