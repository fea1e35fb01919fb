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
new aws.s3.BucketPublicAccessBlock("orders-pab", {
  bucket: orders.id,
  blockPublicAcls: true,
  blockPublicPolicy: true,
  ignorePublicAcls: true,
  restrictPublicBuckets: true,
});
new aws.s3.BucketPolicy("orders-tls-only", {
  bucket: orders.id,
  policy: {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [orders.arn, pulumi.interpolate`${orders.arn}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ],
  },
});

// The databases live in private subnets (no route to an internet gateway) behind their own group.
const vpc = new aws.ec2.Vpc("data", { cidrBlock: "10.1.0.0/16" });
const privateSubnets = ["a", "b"].map(
  (az, i) => new aws.ec2.Subnet(`data-${az}`, { vpcId: vpc.id, cidrBlock: `10.1.${i}.0/24`, availabilityZone: `eu-west-1${az}` }),
);
const dbSubnets = new aws.rds.SubnetGroup("data", { subnetIds: privateSubnets.map((s) => s.id) });
const dbGroup = new aws.ec2.SecurityGroup("customers-db", { vpcId: vpc.id, description: "customer databases" });

const customers = new aws.rds.Instance("customers-db", {
  engine: "postgres",
  instanceClass: "db.t4g.medium",
  allocatedStorage: 50,
  username: "app",
  password: pulumi.secret("Correct-Horse-Battery-Staple-42"),
  storageEncrypted: true,
  kmsKeyId: dataKey.arn,
  dbSubnetGroupName: dbSubnets.name,
  vpcSecurityGroupIds: [dbGroup.id],
  skipFinalSnapshot: false,
  finalSnapshotIdentifier: "customers-final",
  tags: restricted,
});

new aws.rds.Instance("customers-db-replica", {
  replicateSourceDb: customers.identifier,
  instanceClass: "db.t4g.medium",
  storageEncrypted: true,
  kmsKeyId: dataKey.arn,
  vpcSecurityGroupIds: [dbGroup.id],
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
