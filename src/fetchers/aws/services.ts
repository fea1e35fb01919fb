/**
 * The AWS services the scanner reads, by the name their IAM actions use (`s3:GetBucketPolicy`) and
 * SigV4 signs with, except where noted.
 */
export const AWS_SERVICES = [
  "iam",
  "sts",
  "organizations",
  "s3",
  "ec2",
  "rds",
  "dynamodb",
  "kms",
  "redshift",
  "redshift-serverless",
  "elasticache",
  "es",
  "elasticfilesystem",
  "sqs",
  "sns",
  "secretsmanager",
  "logs",
  "backup",
  "kinesis",
  "firehose",
  "kafka",
  "memorydb",
  "cloudtrail",
  "guardduty",
  "macie2",
  "elasticloadbalancing",
  "cloudfront",
  "apigateway",
] as const;
export type AwsService = (typeof AWS_SERVICES)[number];

/** Services whose resources are global to an account (fetched once, not per region). */
export const GLOBAL_SERVICES: ReadonlySet<AwsService> = new Set(["iam", "organizations", "cloudfront"]);

/** How a service is named to people, in progress lines and coverage gaps. */
export const SERVICE_LABELS: Readonly<Record<AwsService, string>> = {
  iam: "IAM",
  sts: "STS",
  organizations: "Organizations",
  s3: "S3",
  ec2: "EC2",
  rds: "RDS",
  dynamodb: "DynamoDB",
  kms: "KMS",
  redshift: "Redshift",
  "redshift-serverless": "Redshift Serverless",
  elasticache: "ElastiCache",
  es: "OpenSearch",
  elasticfilesystem: "EFS",
  sqs: "SQS",
  sns: "SNS",
  secretsmanager: "Secrets Manager",
  logs: "CloudWatch Logs",
  backup: "AWS Backup",
  kinesis: "Kinesis Data Streams",
  firehose: "Data Firehose",
  kafka: "MSK",
  memorydb: "MemoryDB",
  cloudtrail: "CloudTrail",
  guardduty: "GuardDuty",
  macie2: "Macie",
  elasticloadbalancing: "Elastic Load Balancing",
  cloudfront: "CloudFront",
  apigateway: "API Gateway",
};
