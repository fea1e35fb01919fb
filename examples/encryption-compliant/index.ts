// Customer data stores with encryption at rest done right: every store encrypted, restricted data
// under a customer-managed key that rotates, replicas keeping the source's key.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const restricted = { "data-classification": "restricted" };

const dataKey = new aws.kms.Key("orders-key", {
  description: "Encrypts order and customer records",
  enableKeyRotation: true,
  deletionWindowInDays: 30,
  tags: restricted,
});

const orders = new aws.s3.Bucket("orders", { tags: restricted });
new aws.s3.BucketServerSideEncryptionConfiguration("orders-sse", {
  bucket: orders.id,
  rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: dataKey.arn }, bucketKeyEnabled: true }],
});

const customers = new aws.rds.Instance("customers-db", {
  engine: "postgres",
  instanceClass: "db.t4g.medium",
  allocatedStorage: 50,
  username: "app",
  password: pulumi.secret("Correct-Horse-Battery-Staple-42"),
  storageEncrypted: true,
  kmsKeyId: dataKey.arn,
  skipFinalSnapshot: false,
  finalSnapshotIdentifier: "customers-final",
  tags: restricted,
});

new aws.rds.Instance("customers-db-replica", {
  replicateSourceDb: customers.identifier,
  instanceClass: "db.t4g.medium",
  storageEncrypted: true,
  kmsKeyId: dataKey.arn,
  skipFinalSnapshot: true,
  tags: restricted,
});

new aws.dynamodb.Table("sessions", {
  billingMode: "PAY_PER_REQUEST",
  hashKey: "id",
  attributes: [{ name: "id", type: "S" }],
  serverSideEncryption: { enabled: true, kmsKeyArn: dataKey.arn },
  tags: restricted,
});

new aws.sqs.Queue("order-events", {
  kmsMasterKeyId: dataKey.id,
  tags: { "data-classification": "confidential" },
});

new aws.efs.FileSystem("exports", { encrypted: true, kmsKeyId: dataKey.arn, tags: restricted });

// Public marketing assets: classified public, SSE-S3 is enough.
new aws.s3.Bucket("marketing-assets", { tags: { "data-classification": "public" } });
