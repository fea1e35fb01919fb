// A customer-data bucket as a component: encrypted with the data key, private, TLS-only, its reads logged,
// versioned (Object Lock for restricted data), and expiring.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface CustomerBucketArgs {
  readonly classification: "confidential" | "restricted";
  readonly key: aws.kms.Key;
  readonly expireAfterDays: number;
}

export class CustomerBucket extends pulumi.ComponentResource {
  readonly bucket: aws.s3.Bucket;

  constructor(name: string, args: CustomerBucketArgs, opts?: pulumi.ComponentResourceOptions) {
    super("shop:storage:CustomerBucket", name, {}, opts);
    const parent = { parent: this };
    const restricted = args.classification === "restricted";
    this.bucket = new aws.s3.Bucket(name, { objectLockEnabled: restricted, tags: { "data-classification": args.classification } }, parent);
    const bucket = this.bucket.id;
    new aws.s3.BucketServerSideEncryptionConfiguration(`${name}-sse`, {
      bucket,
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.key.arn }, bucketKeyEnabled: true }],
    }, parent);
    new aws.s3.BucketPublicAccessBlock(`${name}-pab`, {
      bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
    }, parent);
    new aws.s3.BucketPolicy(`${name}-tls-only`, {
      bucket,
      policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [{
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: [this.bucket.arn, pulumi.interpolate`${this.bucket.arn}/*`],
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        }],
      }),
    }, parent);
    new aws.s3.BucketVersioning(`${name}-versioning`, { bucket, versioningConfiguration: { status: "Enabled" } }, parent);
    new aws.s3.BucketLifecycleConfiguration(`${name}-expiry`, {
      bucket,
      rules: [{ id: "expire", status: "Enabled", filter: {}, expiration: { days: args.expireAfterDays }, noncurrentVersionExpiration: { noncurrentDays: 30 } }],
    }, parent);
    const logs = new aws.s3.Bucket(`${name}-access-logs`, { tags: { "data-classification": "internal" } }, parent);
    new aws.s3.BucketLogging(`${name}-logging`, { bucket, targetBucket: logs.id, targetPrefix: "access/" }, parent);
    this.registerOutputs({ bucket: this.bucket.id });
  }
}
