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
  await seedAccount(moto().endpoint);
  result = await scanEndpoint(moto().endpoint);
}, 300_000);

/** Generated ids (keys, volumes, snapshots, instances) differ per run: the label names them. */
const stableName = (name: string) => (/^[0-9a-f]{8}-[0-9a-f-]{27}$|^(snap|vol|i|sg)-[0-9a-f]+$/.test(name) ? "<generated id>" : name);
const line = (f: Finding) => `${f.rule.id} ${f.resource.label} ${stableName(f.resource.name)}`;
const withStatus = (s: Finding["status"]) => [...new Set(result.findings.filter((f) => f.status === s).map(line))].sort();

describe("cdguard scan of a seeded account", () => {
  it("reports the failures seeded, and only those", () => {
    expect(withStatus("fail")).toEqual([
      "CDG-ENC-001 RDS instance legacy-reporting",
      "CDG-ENC-001 SNS topic marketing",
      "CDG-ENC-001 SQS queue notifications",
      "CDG-ENC-002 DynamoDB table seg-b-events",
      "CDG-ENC-002 S3 bucket seg-b-invoices",
      "CDG-ENC-002 Secrets Manager secret partner-api-token",
      "CDG-ENC-003 KMS key <generated id>",
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
      "CDG-IAM-007 SNS topic marketing",
      "CDG-IAM-008 IAM policy launch-with-any-role",
      "CDG-IAM-008 IAM role ops-admin",
      "CDG-NET-001 RDS instance legacy-reporting",
      "CDG-NET-002 RDS instance legacy-reporting",
      "CDG-NET-003 RDS instance legacy-reporting",
      "CDG-NET-004 S3 bucket shared-exports",
      "CDG-NET-005 S3 bucket shared-exports",
      "CDG-NET-006 S3 bucket shared-exports",
      "CDG-NET-007 S3 bucket shared-exports",
      "CDG-NET-008 SQS queue notifications",
      "CDG-NET-009 EBS snapshot <generated id>",
      "CDG-NET-010 security group <generated id>",
      "CDG-SEG-001 CloudWatch log group /app/legacy",
      // The app host's root volume: moto (like AWS) creates it without the instance's tags.
      "CDG-SEG-001 EBS volume <generated id>",
      "CDG-SEG-001 RDS instance legacy-reporting",
      "CDG-SEG-001 S3 bucket shared-exports",
      "CDG-SEG-001 SNS topic marketing",
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
    expect(notAssessed.filter((f) => f.resource.type !== "AWS::Scan::CoverageGap").map((f) => `${line(f)}: ${f.message}`)).toEqual([]);
    expect([...new Set(result.gaps.map((g) => `${g.action} ${g.reason}`))].sort()).toEqual([
      "elasticache:DescribeServerlessCaches error",
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
