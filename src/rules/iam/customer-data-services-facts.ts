import type { OptionSchema } from "../../core/rule";

/**
 * IAM service prefixes of AWS services that store or carry customer data (objects, tables,
 * databases, keys, secrets, queues, streams, logs, backups, search and analytics).
 */
export const CUSTOMER_DATA_SERVICES: readonly string[] = [
  "s3",
  "s3-object-lambda",
  "s3express",
  "dynamodb",
  "dax",
  "rds",
  "rds-data",
  "rds-db",
  "kms",
  "secretsmanager",
  "ssm",
  "sqs",
  "sns",
  "kinesis",
  "firehose",
  "kafka",
  "kafka-cluster",
  "es",
  "aoss",
  "elasticfilesystem",
  "fsx",
  "ebs",
  "redshift",
  "redshift-data",
  "redshift-serverless",
  "elasticache",
  "memorydb",
  "backup",
  "glacier",
  "logs",
  "athena",
  "glue",
  "lakeformation",
  "timestream",
  "cassandra",
  "neptune-db",
  "docdb-elastic",
];

export const DATA_SERVICES_OPTION: OptionSchema = {
  type: "array",
  items: { type: "string" },
  default: CUSTOMER_DATA_SERVICES,
  description: 'IAM service prefixes that hold customer data ("*" for every service).',
};

/** Whether a service prefix is among the configured ones (case-insensitive; "*" matches all). */
export function isDataService(service: string, configured: readonly string[]): boolean {
  const s = service.toLowerCase();
  return configured.some((c) => c === "*" || c.toLowerCase() === s);
}
