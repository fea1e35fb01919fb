// Customer data stores with encryption at rest done wrong, one mistake per resource, so each
// violation the pack reports can be traced to a single line.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const restricted = { "data-classification": "restricted" };

// Rotation off and a 7-day deletion window.
const weakKey = new aws.kms.Key("weak-key", { enableKeyRotation: false, deletionWindowInDays: 7 });

// Restricted data left on the S3 default (SSE-S3, an AWS-owned key).
new aws.s3.Bucket("customer-exports", { tags: restricted });

// Restricted data not encrypted at all; its password must never appear in a message.
const ledger = new aws.rds.Instance("ledger-db", {
  engine: "postgres",
  instanceClass: "db.t4g.medium",
  allocatedStorage: 50,
  username: "app",
  password: pulumi.secret("Tr0ub4dor&3-never-print-me"),
  storageEncrypted: false,
  skipFinalSnapshot: true,
  tags: restricted,
});

// A CMK-encrypted primary whose replica falls back to the AWS-managed key.
const accounts = new aws.rds.Instance("accounts-db", {
  engine: "postgres",
  instanceClass: "db.t4g.medium",
  allocatedStorage: 50,
  username: "app",
  password: pulumi.secret("another-Secret-value-99"),
  storageEncrypted: true,
  kmsKeyId: weakKey.arn,
  skipFinalSnapshot: true,
  tags: { "data-classification": "confidential" },
});
new aws.rds.Instance("accounts-db-replica", {
  replicateSourceDb: accounts.identifier,
  instanceClass: "db.t4g.medium",
  storageEncrypted: true,
  skipFinalSnapshot: true,
  tags: { "data-classification": "confidential" },
});

// Restricted table on DynamoDB's default AWS-owned key.
new aws.dynamodb.Table("payment-methods", {
  billingMode: "PAY_PER_REQUEST",
  hashKey: "id",
  attributes: [{ name: "id", type: "S" }],
  tags: restricted,
});

// Unencrypted volume and topic.
new aws.ebs.Volume("scratch", { availabilityZone: "eu-west-1a", size: 100, tags: { "data-classification": "confidential" } });
new aws.sns.Topic("order-notifications", { tags: { "data-classification": "internal" } });

// A known exception, waived with a reason and an expiry: reported, but not blocking.
new aws.s3.Bucket("legacy-import", {
  tags: { ...restricted, "cdguard:waive:CDG-ENC-002": "migrating to the orders key, ticket SEC-142; until=2027-03-31" },
});

export const ledgerEndpoint = ledger.endpoint;
