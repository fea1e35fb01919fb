// Privacy hygiene done right: TLS forced on every path to customer data, reads recorded, retention bounded,
// backups kept and locked, and GuardDuty and Macie watching. Written the usual ways: separate S3 settings
// resources, interpolated ARNs, a component for the buckets.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CustomerBucket } from "./bucket";

const confidential = { "data-classification": "confidential" };
const restricted = { "data-classification": "restricted" };

const dataKey = new aws.kms.Key("orders-key", {
  description: "Encrypts order and customer records",
  enableKeyRotation: true,
  deletionWindowInDays: 30,
  tags: restricted,
});

// The network: private data subnets; every VPC holding customer data records its traffic.
const vpc = new aws.ec2.Vpc("orders", { cidrBlock: "10.61.0.0/16" });
new aws.ec2.DefaultSecurityGroup("orders-default", { vpcId: vpc.id });
const subnets = ["a", "b"].map(
  (az, i) => new aws.ec2.Subnet(`orders-${az}`, { vpcId: vpc.id, cidrBlock: `10.61.${i}.0/24`, availabilityZone: `eu-west-1${az}` }),
);
const dbSubnets = new aws.rds.SubnetGroup("orders-db", { subnetIds: subnets.map((s) => s.id) });
const dbGroup = new aws.ec2.SecurityGroup("orders-db", { vpcId: vpc.id, description: "order database" });
const flowLogs = new aws.cloudwatch.LogGroup("orders-flow-logs", { retentionInDays: 365, kmsKeyId: dataKey.arn, tags: restricted });
const flowLogRole = new aws.iam.Role("orders-flow-logs", {
  assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "vpc-flow-logs.amazonaws.com" }),
});
new aws.ec2.FlowLog("orders", { vpcId: vpc.id, trafficType: "ALL", logDestination: flowLogs.arn, iamRoleArn: flowLogRole.arn });

// In transit: the parameter group forces TLS; the database exports its audit log, keeps backups and cannot be deleted by accident.
const tlsOnly = new aws.rds.ParameterGroup("orders-pg", {
  family: "postgres16",
  parameters: [{ name: "rds.force_ssl", value: "1" }, { name: "pgaudit.log", value: "read,write" }],
});
new aws.rds.Instance("orders-db", {
  engine: "postgres",
  engineVersion: "16.4",
  instanceClass: "db.t4g.medium",
  allocatedStorage: 50,
  username: "app",
  manageMasterUserPassword: true,
  storageEncrypted: true,
  kmsKeyId: dataKey.arn,
  parameterGroupName: tlsOnly.name,
  dbSubnetGroupName: dbSubnets.name,
  vpcSecurityGroupIds: [dbGroup.id],
  enabledCloudwatchLogsExports: ["postgresql"],
  backupRetentionPeriod: 14,
  deletionProtection: true,
  skipFinalSnapshot: false,
  finalSnapshotIdentifier: "orders-final",
  tags: restricted,
});
new aws.elasticache.ReplicationGroup("sessions-cache", {
  description: "session cache",
  engine: "redis",
  nodeType: "cache.t4g.small",
  numCacheClusters: 2,
  subnetGroupName: new aws.elasticache.SubnetGroup("sessions", { subnetIds: subnets.map((s) => s.id) }).name,
  securityGroupIds: [dbGroup.id],
  atRestEncryptionEnabled: true,
  kmsKeyId: dataKey.arn,
  transitEncryptionEnabled: true,
  transitEncryptionMode: "required",
  snapshotRetentionLimit: 7,
  tags: confidential,
});

// Restricted messages refuse plain HTTP and keep nothing longer than a day.
const payments = new aws.sqs.Queue("payment-requests", { kmsMasterKeyId: dataKey.id, messageRetentionSeconds: 86_400, tags: restricted });
new aws.sqs.QueuePolicy("payment-requests-tls", {
  queueUrl: payments.url,
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Deny", Principal: "*", Action: "sqs:*", Resource: payments.arn, Condition: { Bool: { "aws:SecureTransport": "false" } } }],
  }),
});

// Audit: a multi-region, validated, KMS-encrypted trail recording reads of the customer buckets and tables.
const trailBucket = new aws.s3.Bucket("trail-logs", { tags: { "data-classification": "internal" } });
const customerExports = new CustomerBucket("customer-exports", { classification: "restricted", key: dataKey, expireAfterDays: 365 });
const carts = new aws.dynamodb.Table("carts", {
  billingMode: "PAY_PER_REQUEST",
  hashKey: "id",
  attributes: [{ name: "id", type: "S" }],
  serverSideEncryption: { enabled: true, kmsKeyArn: dataKey.arn },
  pointInTimeRecovery: { enabled: true },
  ttl: { enabled: true, attributeName: "expiresAt" },
  deletionProtectionEnabled: true,
  tags: { ...restricted, "data-retention": "30d" },
});
new aws.cloudtrail.Trail("audit", {
  s3BucketName: trailBucket.id,
  isMultiRegionTrail: true,
  enableLogFileValidation: true,
  kmsKeyId: dataKey.arn,
  eventSelectors: [
    {
      readWriteType: "All",
      includeManagementEvents: true,
      dataResources: [
        { type: "AWS::S3::Object", values: [pulumi.interpolate`${customerExports.bucket.arn}/`] },
        { type: "AWS::DynamoDB::Table", values: [carts.arn] },
      ],
    },
  ],
});

// Retention: application logs for 90 days; the clickstream for a day.
new aws.cloudwatch.LogGroup("orders-app", { retentionInDays: 90, kmsKeyId: dataKey.arn, tags: restricted });
new aws.kinesis.Stream("clickstream", { shardCount: 1, retentionPeriod: 24, encryptionType: "KMS", kmsKeyId: dataKey.arn, tags: restricted });

// Breach readiness: a locked vault with a daily plan covering everything tagged restricted; GuardDuty and Macie on.
const vault = new aws.backup.Vault("orders-backups", { kmsKeyArn: dataKey.arn, tags: restricted });
new aws.backup.VaultLockConfiguration("orders-backups-lock", { backupVaultName: vault.name, minRetentionDays: 7, maxRetentionDays: 400 });
const plan = new aws.backup.Plan("daily", {
  rules: [{ ruleName: "daily", targetVaultName: vault.name, schedule: "cron(0 3 * * ? *)", lifecycle: { deleteAfter: 35 } }],
});
new aws.backup.Selection("restricted-data", {
  planId: plan.id,
  // The service role AWS Backup creates in every account that uses it.
  iamRoleArn: "arn:aws:iam::123456789012:role/service-role/AWSBackupDefaultServiceRole",
  selectionTags: [{ type: "STRINGEQUALS", key: "data-classification", value: "restricted" }],
});
const detector = new aws.guardduty.Detector("main", { enable: true });
for (const [name, feature] of [["s3", "S3_DATA_EVENTS"], ["rds", "RDS_LOGIN_EVENTS"]]) {
  new aws.guardduty.DetectorFeature(`${name}-protection`, { detectorId: detector.id, name: feature, status: "ENABLED" });
}
new aws.macie2.Account("macie", { status: "ENABLED" });
