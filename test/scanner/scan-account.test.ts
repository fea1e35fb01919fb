import { beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../../src/core/finding";
import { settingsFor } from "../../src/core/settings";
import { ALL_RULES } from "../../src/rules";
import type { ScanResult } from "../../src/scanner/scan";
import { useMoto } from "../support/moto/use-moto";
import { SECRET_VALUES, seedAccount } from "./seed-account";
import { scanEndpoint } from "./scan-helpers";

const moto = useMoto();
let result: ScanResult;

beforeAll(async () => {
  await seedAccount(moto().endpoint, { hygiene: true });
  result = await scanEndpoint(moto().endpoint);
}, 300_000);

/** Generated ids (keys, volumes, snapshots, instances, file systems, distributions) differ per run: the label names them. */
const stableName = (name: string) => (/^[0-9a-f]{8}-[0-9a-f-]{27}$|^(snap|vol|i|sg|fs)-[0-9a-f]+$|^[A-Z0-9]{13,14}$/.test(name) ? "<generated id>" : name);
const line = (f: Finding) => `${f.rule.id} ${f.resource.label} ${stableName(f.resource.name)}`;
const withStatus = (s: Finding["status"]) => [...new Set(result.findings.filter((f) => f.status === s).map(line))].sort();

describe("cdguard scan of a seeded account", () => {
  // `hyg-ok-*` resources are compliant for the setting their seed is about (seed-hygiene-*.ts); other
  // hygiene rules may still find them wanting (a compliant trail's log bucket is not versioned, say).
  it("reports the failures seeded, and only those", () => {
    expect(withStatus("fail")).toEqual([
      "CDG-ENC-001 Kinesis data stream hyg-bad-stream",
      "CDG-ENC-001 Kinesis data stream hyg-ok-stream",
      "CDG-ENC-001 OpenSearch domain hyg-bad-search",
      "CDG-ENC-001 RDS instance legacy-reporting",
      "CDG-ENC-001 SNS topic marketing",
      "CDG-ENC-001 SQS queue notifications",
      "CDG-ENC-002 CloudWatch log group /hyg-ok/log-group",
      "CDG-ENC-002 DynamoDB table hyg-ok-table",
      "CDG-ENC-002 DynamoDB table seg-b-events",
      "CDG-ENC-002 EFS file system <generated id>",
      "CDG-ENC-002 ElastiCache replication group hyg-ok-cache",
      "CDG-ENC-002 Kinesis data stream hyg-ok-stream",
      "CDG-ENC-002 MemoryDB cluster hyg-ok-memdb",
      "CDG-ENC-002 OpenSearch domain hyg-ok-search",
      "CDG-ENC-002 Redshift cluster hyg-ok-dw",
      "CDG-ENC-002 S3 bucket hyg-bad-s3-no-object-lock",
      "CDG-ENC-002 S3 bucket hyg-bad-s3-partial-expiry",
      "CDG-ENC-002 S3 bucket hyg-ok-s3-records",
      "CDG-ENC-002 S3 bucket seg-b-invoices",
      "CDG-ENC-002 SQS queue hyg-ok-queue",
      "CDG-ENC-002 Secrets Manager secret partner-api-token",
      "CDG-ENC-003 KMS key <generated id>",
      "CDG-HYG-001 RDS cluster hyg-bad-aurora",
      "CDG-HYG-001 RDS instance hyg-bad-mysql",
      "CDG-HYG-001 RDS instance hyg-bad-postgres",
      "CDG-HYG-001 RDS instance legacy-reporting",
      "CDG-HYG-001 RDS instance seg-a-accounts",
      "CDG-HYG-001 RDS instance seg-b-accounts",
      "CDG-HYG-001 RDS instance seg-b-analytics",
      "CDG-HYG-001 Redshift cluster hyg-bad-dw",
      // moto answers require_ssl=false for every Redshift parameter group, whatever was set.
      "CDG-HYG-001 Redshift cluster hyg-ok-dw",
      "CDG-HYG-002 ElastiCache replication group hyg-bad-cache",
      "CDG-HYG-002 MemoryDB cluster hyg-bad-memdb",
      "CDG-HYG-002 OpenSearch domain hyg-bad-search",
      "CDG-HYG-003 SNS topic seg-a-alerts",
      "CDG-HYG-003 SQS queue hyg-ok-queue",
      "CDG-HYG-003 SQS queue seg-a-jobs",
      "CDG-HYG-003 SQS queue seg-b-jobs",
      "CDG-HYG-003 Secrets Manager secret partner-api-token",
      "CDG-HYG-003 Secrets Manager secret seg-a/db-password",
      "CDG-HYG-004 CloudFront distribution <generated id>",
      "CDG-HYG-004 load balancer listener hyg-bad-alb:443",
      "CDG-HYG-004 load balancer listener hyg-bad-alb:80",
      "CDG-HYG-004 load balancer listener hyg-bad-alb:8080",
      "CDG-HYG-005 CloudTrail trail hyg-bad-trail",
      "CDG-HYG-006 DynamoDB table hyg-bad-table",
      "CDG-HYG-006 DynamoDB table hyg-ok-table",
      "CDG-HYG-006 DynamoDB table seg-a-sessions",
      "CDG-HYG-006 DynamoDB table seg-b-events",
      "CDG-HYG-006 DynamoDB table seg-b-sessions",
      "CDG-HYG-007 Neptune cluster hyg-bad-neptune",
      "CDG-HYG-007 OpenSearch domain hyg-bad-search",
      "CDG-HYG-007 RDS cluster hyg-bad-aurora",
      "CDG-HYG-007 RDS instance hyg-bad-mysql",
      "CDG-HYG-007 RDS instance hyg-bad-postgres",
      "CDG-HYG-007 RDS instance legacy-reporting",
      "CDG-HYG-007 RDS instance seg-a-accounts",
      "CDG-HYG-007 RDS instance seg-b-accounts",
      "CDG-HYG-007 RDS instance seg-b-analytics",
      "CDG-HYG-007 Redshift cluster hyg-bad-dw",
      "CDG-HYG-008 EC2 instance <generated id>",
      "CDG-HYG-008 RDS instance legacy-reporting",
      "CDG-HYG-008 RDS instance seg-a-accounts",
      "CDG-HYG-008 RDS instance seg-b-accounts",
      "CDG-HYG-008 RDS instance seg-b-analytics",
      "CDG-HYG-009 CloudWatch log group /app/legacy",
      "CDG-HYG-009 CloudWatch log group /app/seg-a",
      "CDG-HYG-009 CloudWatch log group /hyg-bad/log-group",
      "CDG-HYG-009 CloudWatch log group hyg-bad-vpc-flow-logs",
      "CDG-HYG-009 CloudWatch log group hyg-ok-vpc-flow-logs",
      "CDG-HYG-010 S3 bucket hyg-bad-s3-partial-expiry",
      "CDG-HYG-010 S3 bucket hyg-bad-trail-logs-us-east-1",
      "CDG-HYG-010 S3 bucket hyg-ok-trail-logs-us-east-1",
      "CDG-HYG-010 S3 bucket seg-a-orders",
      "CDG-HYG-010 S3 bucket seg-b-invoices",
      "CDG-HYG-010 S3 bucket shared-exports",
      "CDG-HYG-011 Kinesis data stream hyg-bad-stream",
      "CDG-HYG-011 SQS queue hyg-bad-queue",
      "CDG-HYG-012 DynamoDB table hyg-bad-table",
      "CDG-HYG-013 API Gateway stage hyg-bad-api/prod",
      "CDG-HYG-014 DynamoDB table hyg-bad-table",
      "CDG-HYG-014 DynamoDB table seg-a-sessions",
      "CDG-HYG-014 DynamoDB table seg-b-events",
      "CDG-HYG-014 DynamoDB table seg-b-sessions",
      "CDG-HYG-014 EFS file system <generated id>",
      "CDG-HYG-014 ElastiCache replication group hyg-bad-cache",
      "CDG-HYG-014 ElastiCache replication group hyg-ok-cache",
      "CDG-HYG-014 MemoryDB cluster hyg-bad-memdb",
      "CDG-HYG-014 MemoryDB cluster hyg-ok-memdb",
      "CDG-HYG-014 Neptune cluster hyg-bad-neptune",
      "CDG-HYG-014 Neptune cluster hyg-ok-neptune",
      "CDG-HYG-014 RDS cluster hyg-bad-aurora",
      "CDG-HYG-014 RDS cluster hyg-ok-aurora",
      "CDG-HYG-014 RDS instance hyg-bad-mysql",
      "CDG-HYG-014 RDS instance hyg-bad-postgres",
      "CDG-HYG-014 RDS instance hyg-ok-mysql",
      "CDG-HYG-014 RDS instance hyg-ok-postgres",
      "CDG-HYG-014 RDS instance legacy-reporting",
      "CDG-HYG-014 RDS instance seg-a-accounts",
      "CDG-HYG-014 RDS instance seg-b-accounts",
      "CDG-HYG-014 RDS instance seg-b-analytics",
      "CDG-HYG-014 Redshift cluster hyg-bad-dw",
      "CDG-HYG-014 Redshift cluster hyg-ok-dw",
      "CDG-HYG-015 DynamoDB table hyg-bad-table",
      "CDG-HYG-015 DynamoDB table seg-a-sessions",
      "CDG-HYG-015 DynamoDB table seg-b-events",
      "CDG-HYG-015 DynamoDB table seg-b-sessions",
      "CDG-HYG-015 Neptune cluster hyg-bad-neptune",
      "CDG-HYG-015 RDS cluster hyg-bad-aurora",
      "CDG-HYG-015 RDS instance hyg-bad-mysql",
      "CDG-HYG-015 RDS instance hyg-bad-postgres",
      "CDG-HYG-015 RDS instance hyg-ok-mysql",
      "CDG-HYG-015 RDS instance legacy-reporting",
      "CDG-HYG-015 RDS instance seg-a-accounts",
      "CDG-HYG-015 RDS instance seg-b-accounts",
      "CDG-HYG-015 RDS instance seg-b-analytics",
      "CDG-HYG-016 S3 bucket hyg-bad-s3-no-object-lock",
      "CDG-HYG-016 S3 bucket hyg-bad-s3-versioning-suspended",
      "CDG-HYG-016 S3 bucket hyg-bad-trail-logs-us-east-1",
      "CDG-HYG-016 S3 bucket hyg-ok-trail-logs-us-east-1",
      "CDG-HYG-016 S3 bucket seg-a-orders",
      "CDG-HYG-016 S3 bucket seg-b-invoices",
      "CDG-HYG-016 S3 bucket shared-exports",
      "CDG-HYG-017 Backup vault hyg-bad-vault",
      "CDG-HYG-018 AWS account 123456789012 in us-east-1",
      "CDG-IAM-001 IAM role ops-admin",
      "CDG-IAM-001 IAM user data-engineer",
      "CDG-IAM-002 IAM policy launch-with-any-role",
      "CDG-IAM-002 IAM role ops-admin",
      "CDG-IAM-002 IAM user auditor",
      "CDG-IAM-002 IAM user data-engineer",
      "CDG-IAM-003 IAM role ci-deployer",
      "CDG-IAM-003 IAM role ops-admin",
      "CDG-IAM-004 IAM role ops-admin",
      "CDG-IAM-005 IAM user auditor",
      "CDG-IAM-005 IAM user data-engineer",
      "CDG-IAM-006 IAM role open-trust",
      "CDG-IAM-006 IAM role partner-access",
      "CDG-IAM-007 S3 bucket hyg-s3-access-logs",
      "CDG-IAM-007 SNS topic marketing",
      "CDG-IAM-008 IAM policy launch-with-any-role",
      "CDG-IAM-008 IAM role ops-admin",
      "CDG-NET-001 OpenSearch domain hyg-bad-search",
      "CDG-NET-001 OpenSearch domain hyg-ok-search",
      "CDG-NET-001 RDS instance legacy-reporting",
      "CDG-NET-002 RDS instance legacy-reporting",
      "CDG-NET-003 OpenSearch domain hyg-bad-search",
      "CDG-NET-003 OpenSearch domain hyg-ok-search",
      "CDG-NET-003 RDS instance legacy-reporting",
      "CDG-NET-003 Redshift cluster hyg-bad-dw",
      "CDG-NET-003 Redshift cluster hyg-ok-dw",
      "CDG-NET-004 S3 bucket hyg-bad-s3-no-access-log",
      "CDG-NET-004 S3 bucket hyg-bad-s3-no-object-lock",
      "CDG-NET-004 S3 bucket hyg-bad-s3-partial-expiry",
      "CDG-NET-004 S3 bucket hyg-bad-s3-versioning-suspended",
      "CDG-NET-004 S3 bucket hyg-bad-trail-logs-us-east-1",
      "CDG-NET-004 S3 bucket hyg-ok-s3-records",
      "CDG-NET-004 S3 bucket hyg-ok-trail-logs-us-east-1",
      "CDG-NET-004 S3 bucket shared-exports",
      "CDG-NET-005 S3 bucket shared-exports",
      "CDG-NET-006 S3 bucket shared-exports",
      "CDG-NET-007 S3 bucket hyg-bad-s3-no-access-log",
      "CDG-NET-007 S3 bucket hyg-bad-s3-no-object-lock",
      "CDG-NET-007 S3 bucket hyg-bad-s3-partial-expiry",
      "CDG-NET-007 S3 bucket hyg-bad-s3-versioning-suspended",
      "CDG-NET-007 S3 bucket hyg-bad-trail-logs-us-east-1",
      "CDG-NET-007 S3 bucket hyg-ok-s3-records",
      "CDG-NET-007 S3 bucket hyg-ok-trail-logs-us-east-1",
      "CDG-NET-007 S3 bucket shared-exports",
      "CDG-NET-008 SQS queue notifications",
      "CDG-NET-009 EBS snapshot <generated id>",
      "CDG-NET-010 security group <generated id>",
      "CDG-SEG-001 Backup vault hyg-bad-vault",
      "CDG-SEG-001 Backup vault hyg-ok-vault",
      "CDG-SEG-001 CloudWatch log group /app/legacy",
      "CDG-SEG-001 CloudWatch log group /hyg-bad/log-group",
      "CDG-SEG-001 CloudWatch log group /hyg-ok/log-group",
      "CDG-SEG-001 CloudWatch log group hyg-bad-vpc-flow-logs",
      "CDG-SEG-001 CloudWatch log group hyg-ok-vpc-flow-logs",
      "CDG-SEG-001 DynamoDB table hyg-bad-table",
      "CDG-SEG-001 DynamoDB table hyg-ok-table",
      // The app host's root volume: moto (like AWS) creates it without the instance's tags.
      "CDG-SEG-001 EBS volume <generated id>",
      "CDG-SEG-001 EFS file system <generated id>",
      "CDG-SEG-001 ElastiCache replication group hyg-bad-cache",
      "CDG-SEG-001 ElastiCache replication group hyg-ok-cache",
      "CDG-SEG-001 Kinesis data stream hyg-bad-stream",
      "CDG-SEG-001 Kinesis data stream hyg-ok-stream",
      "CDG-SEG-001 MemoryDB cluster hyg-bad-memdb",
      "CDG-SEG-001 MemoryDB cluster hyg-ok-memdb",
      "CDG-SEG-001 Neptune cluster hyg-bad-neptune",
      "CDG-SEG-001 Neptune cluster hyg-ok-neptune",
      "CDG-SEG-001 OpenSearch domain hyg-bad-search",
      "CDG-SEG-001 OpenSearch domain hyg-ok-search",
      "CDG-SEG-001 RDS cluster hyg-bad-aurora",
      "CDG-SEG-001 RDS cluster hyg-ok-aurora",
      "CDG-SEG-001 RDS instance hyg-bad-mysql",
      "CDG-SEG-001 RDS instance hyg-bad-postgres",
      "CDG-SEG-001 RDS instance hyg-ok-mysql",
      "CDG-SEG-001 RDS instance hyg-ok-postgres",
      "CDG-SEG-001 RDS instance legacy-reporting",
      "CDG-SEG-001 Redshift cluster hyg-bad-dw",
      "CDG-SEG-001 Redshift cluster hyg-ok-dw",
      "CDG-SEG-001 S3 bucket hyg-bad-s3-no-access-log",
      "CDG-SEG-001 S3 bucket hyg-bad-s3-no-object-lock",
      "CDG-SEG-001 S3 bucket hyg-bad-s3-partial-expiry",
      "CDG-SEG-001 S3 bucket hyg-bad-s3-versioning-suspended",
      "CDG-SEG-001 S3 bucket hyg-bad-trail-logs-us-east-1",
      "CDG-SEG-001 S3 bucket hyg-ok-s3-records",
      "CDG-SEG-001 S3 bucket hyg-ok-trail-logs-us-east-1",
      "CDG-SEG-001 S3 bucket shared-exports",
      "CDG-SEG-001 SNS topic marketing",
      "CDG-SEG-001 SQS queue hyg-bad-queue",
      "CDG-SEG-001 SQS queue hyg-ok-queue",
      "CDG-SEG-001 SQS queue notifications",
      "CDG-SEG-001 Secrets Manager secret partner-api-token",
      "CDG-SEG-002 KMS key <generated id>",
      "CDG-SEG-002 RDS subnet group seg-a-private",
      "CDG-SEG-003 RDS instance seg-b-accounts",
      "CDG-SEG-003 RDS instance seg-b-analytics",
      "CDG-SEG-004 RDS instance seg-b-accounts",
      "CDG-SEG-005 IAM role ops-admin",
      "CDG-SEG-005 IAM role reporting",
      "CDG-SEG-005 IAM user auditor",
      "CDG-SEG-005 IAM user data-engineer",
    ]);
  });

  it("never prints a secret's value", () => {
    const text = JSON.stringify(result.findings) + JSON.stringify(result.gaps);
    for (const v of SECRET_VALUES) expect(text).not.toContain(v);
  });

  it("judges every resource it read, and shows as gaps only the listings moto does not serve", () => {
    const notAssessed = result.findings.filter((f) => f.status === "not-assessed");
    // What moto cannot tell: the hygiene seeds' databases and caches sit in the default VPC, whose subnet group
    // and security groups moto does not describe; it answers Backup vault access policies with an HTML 404;
    // an EFS file system's backup policy says "on" but not for how long.
    expect([...new Set(notAssessed.filter((f) => f.resource.type !== "AWS::Scan::CoverageGap").map(line))].sort()).toEqual([
      "CDG-HYG-008 ElastiCache replication group hyg-bad-cache",
      "CDG-HYG-008 ElastiCache replication group hyg-ok-cache",
      "CDG-HYG-008 Neptune cluster hyg-bad-neptune",
      "CDG-HYG-008 Neptune cluster hyg-ok-neptune",
      "CDG-HYG-008 RDS cluster hyg-bad-aurora",
      "CDG-HYG-008 RDS cluster hyg-ok-aurora",
      "CDG-HYG-008 RDS instance hyg-bad-mysql",
      "CDG-HYG-008 RDS instance hyg-bad-postgres",
      "CDG-HYG-008 RDS instance hyg-ok-mysql",
      "CDG-HYG-008 RDS instance hyg-ok-postgres",
      "CDG-HYG-008 Redshift cluster hyg-bad-dw",
      "CDG-HYG-008 Redshift cluster hyg-ok-dw",
      "CDG-HYG-014 EFS file system <generated id>",
      "CDG-NET-002 ElastiCache replication group hyg-bad-cache",
      "CDG-NET-002 ElastiCache replication group hyg-ok-cache",
      "CDG-NET-002 Neptune cluster hyg-bad-neptune",
      "CDG-NET-002 Neptune cluster hyg-ok-neptune",
      "CDG-NET-002 RDS cluster hyg-bad-aurora",
      "CDG-NET-002 RDS cluster hyg-ok-aurora",
      "CDG-NET-002 Redshift cluster hyg-bad-dw",
      "CDG-NET-002 Redshift cluster hyg-ok-dw",
      "CDG-NET-003 ElastiCache replication group hyg-bad-cache",
      "CDG-NET-003 ElastiCache replication group hyg-ok-cache",
      "CDG-NET-003 Neptune cluster hyg-bad-neptune",
      "CDG-NET-003 Neptune cluster hyg-ok-neptune",
      "CDG-NET-003 RDS cluster hyg-bad-aurora",
      "CDG-NET-003 RDS cluster hyg-ok-aurora",
      "CDG-NET-003 RDS instance hyg-bad-mysql",
      "CDG-NET-003 RDS instance hyg-bad-postgres",
      "CDG-NET-003 RDS instance hyg-ok-mysql",
      "CDG-NET-003 RDS instance hyg-ok-postgres",
      "CDG-NET-008 Backup vault hyg-bad-vault",
      "CDG-NET-008 Backup vault hyg-ok-vault",
      "CDG-SEG-004 ElastiCache replication group hyg-bad-cache",
      "CDG-SEG-004 ElastiCache replication group hyg-ok-cache",
      "CDG-SEG-004 Neptune cluster hyg-bad-neptune",
      "CDG-SEG-004 Neptune cluster hyg-ok-neptune",
      "CDG-SEG-004 RDS cluster hyg-bad-aurora",
      "CDG-SEG-004 RDS cluster hyg-ok-aurora",
      "CDG-SEG-004 RDS instance hyg-bad-mysql",
      "CDG-SEG-004 RDS instance hyg-bad-postgres",
      "CDG-SEG-004 RDS instance hyg-ok-mysql",
      "CDG-SEG-004 RDS instance hyg-ok-postgres",
      "CDG-SEG-004 Redshift cluster hyg-bad-dw",
      "CDG-SEG-004 Redshift cluster hyg-ok-dw",
    ]);
    // moto's MSK listing is not one the SDK can read; it has no ElastiCache Serverless or Redshift Serverless.
    expect([...new Set(result.gaps.map((g) => `${g.action} ${g.reason}`))].sort()).toEqual([
      "elasticache:DescribeServerlessCaches error",
      "kafka:ListClustersV2 error",
      "redshift-serverless:ListNamespaces error",
      "redshift-serverless:ListWorkgroups error",
    ]);
    // Each gap is "not assessed" for every rule that would have judged what it hides, never a pass.
    const storeRules = ALL_RULES.filter((r) => (r.reads as string[]).includes("stores")).map((r) => r.id);
    const gapRules = (action: string) => [...new Set(notAssessed.filter((f) => f.message.includes(action)).map((f) => f.rule.id))].sort();
    expect(gapRules("redshift-serverless:ListNamespaces")).toEqual([...storeRules].sort());
  });
});

describe("what each rule reads", () => {
  it("stays within the parts it declares, so a scan fetches everything a rule needs", () => {
    const inventory = result.inventory as unknown as Record<string, unknown>;
    for (const rule of ALL_RULES) {
      const read = new Set<string>();
      const traced = new Proxy(inventory, {
        get(target, key) {
          if (typeof key === "string") read.add(key);
          return target[key as string];
        },
      });
      const ctx = settingsFor(rule, {});
      rule.evaluate(traced, ctx);
      expect([...read].filter((k) => !(rule.reads as string[]).includes(k)), rule.id).toEqual([]);
    }
  });
});
