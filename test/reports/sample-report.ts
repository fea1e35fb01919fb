// Canonical reports for renderer tests: one small scan report that has every status, a waiver of each
// state, a waiver problem, a coverage gap and text that needs escaping in every format; a preview report;
// and a generator of large reports. The example reports under examples/reports/ come from real runs.
import type { CanonicalReport, ReportFinding, ReportRule } from "../../src/reports/report";
import { REPORT_SCHEMA_VERSION } from "../../src/reports/report";

const RULES: readonly ReportRule[] = [
  {
    id: "CDG-ENC-001",
    slug: "data-store-encrypted-at-rest",
    title: "Customer data stores are encrypted at rest",
    pillar: "encryption",
    severity: "high",
    rationale: "Unencrypted storage exposes customer data to anyone who reaches the disks or snapshots.",
    remediation: "Turn on encryption at rest with a KMS key (e.g. `storageEncrypted: true`).",
    links: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html"],
    frameworks: { gdpr: ["Art.32(1)(a)"], "pci-dss-4.0": ["3.5.1"] },
  },
  {
    id: "CDG-NET-002",
    slug: "data-store-security-groups-closed-to-internet",
    title: "Security groups of data stores are closed to the internet",
    pillar: "network",
    severity: "critical",
    rationale: "A data store reachable from 0.0.0.0/0 is one leaked password away from a breach.",
    remediation: "Allow only the application's security group or private CIDR ranges.",
    links: [],
    frameworks: { "cis-aws-3.0": ["5.2"] },
  },
  {
    id: "CDG-IAM-001",
    slug: "iam-policy-grants-no-wildcard-access",
    title: "IAM policies grant no wildcard access",
    pillar: "iam",
    severity: "medium",
    rationale: "Wildcards grant today's and tomorrow's actions <all of them> & more.",
    remediation: "Name the actions and resources the principal needs.",
    links: [],
    frameworks: {},
  },
];

const acct = "123456789012";
const bucket = (name: string) => ({ id: `arn:aws:s3:::${name}`, type: "AWS::S3::Bucket", name, label: "S3 bucket", account: acct, region: "us-east-1" });
const db = (name: string) => ({
  id: `arn:aws:rds:us-east-1:${acct}:db:${name}`,
  type: "AWS::RDS::DBInstance",
  name,
  label: "RDS DB instance",
  account: acct,
  region: "us-east-1",
});

const FINDINGS: readonly ReportFinding[] = [
  { id: "CDG-ENC-001-0a1b2c3d4e5f6071", ruleId: "CDG-ENC-001", status: "fail", resource: db("orders"), message: "RDS DB instance 'orders' is not encrypted at rest (storageEncrypted: false)" },
  { id: "CDG-ENC-001-1a1b2c3d4e5f6071", ruleId: "CDG-ENC-001", status: "pass", resource: db("billing"), message: "RDS DB instance 'billing' is encrypted with a customer managed key" },
  {
    id: "CDG-ENC-001-2a1b2c3d4e5f6071",
    ruleId: "CDG-ENC-001",
    status: "not-assessed",
    reason: "access-denied",
    resource: bucket("exports"),
    message: "S3 bucket 'exports': encryption not assessed (access-denied: s3:GetEncryptionConfiguration)",
  },
  {
    id: "CDG-ENC-001-3a1b2c3d4e5f6071",
    ruleId: "CDG-ENC-001",
    status: "waived",
    resource: bucket("scratch"),
    message: "S3 bucket 'scratch' uses S3-managed keys",
    waiver: { state: "active", reason: "Holds only synthetic test data", owner: "data-platform@example.com", expires: "2027-03-31", source: "waivers.yaml", line: 4 },
  },
  {
    id: "CDG-NET-002-4a1b2c3d4e5f6071",
    ruleId: "CDG-NET-002",
    status: "fail",
    resource: db("orders"),
    message: "RDS DB instance 'orders' allows 0.0.0.0/0 on port 5432 through sg-0abc \"legacy\" <admin>",
    waiver: { state: "expired", reason: "Migration window", owner: "dba-team", expires: "2026-01-31", source: "tag" },
  },
  {
    id: "CDG-IAM-001-5a1b2c3d4e5f6071",
    ruleId: "CDG-IAM-001",
    status: "fail",
    resource: { id: `arn:aws:iam::${acct}:role/admin`, type: "AWS::IAM::Role", name: "admin", label: "IAM role", account: acct },
    message: "IAM role 'admin' is allowed s3:* on *, commas, \"quotes\" and\nnew lines",
    waiverProblem: "waiver tag 'cdguard:waive:CDG-IAM-001' gives no reason",
  },
];

export const SAMPLE_SCAN_REPORT: CanonicalReport = {
  schemaVersion: REPORT_SCHEMA_VERSION,
  tool: { name: "customer-data-guard", version: "0.1.0", iamDataVersion: "0.21.202609261" },
  scope: { front: "aws", accounts: [acct], regions: ["us-east-1"], regionsNotEnabled: [] },
  startedAt: "2026-11-30T10:00:00.000Z",
  finishedAt: "2026-11-30T10:00:42.000Z",
  rules: RULES,
  findings: FINDINGS,
  coverage: [
    { ruleId: "CDG-ENC-001", evaluated: 3, pass: 1, fail: 1, waived: 1, notAssessed: 1 },
    { ruleId: "CDG-NET-002", evaluated: 1, pass: 0, fail: 1, waived: 0, notAssessed: 0 },
    { ruleId: "CDG-IAM-001", evaluated: 1, pass: 0, fail: 1, waived: 0, notAssessed: 0 },
  ],
  gaps: [
    {
      service: "dynamodb",
      region: "us-east-1",
      what: "DynamoDB tables",
      action: "dynamodb:ListTables",
      reason: "access-denied",
      detail: "AccessDeniedException",
      fetcher: "dynamodb-tables",
    },
  ],
  stats: { apiCalls: 42, retries: 1, callsPerService: { iam: 1, rds: 4, s3: 30, sts: 1, dynamodb: 6 }, resources: 5 },
};

export const SAMPLE_PREVIEW_REPORT: CanonicalReport = {
  ...SAMPLE_SCAN_REPORT,
  scope: { front: "pulumi", project: "shop", stack: "dev", operation: "preview" },
  findings: [
    {
      id: "CDG-ENC-001-6a1b2c3d4e5f6071",
      ruleId: "CDG-ENC-001",
      status: "fail",
      resource: { id: "urn:pulumi:dev::shop::aws:rds/instance:Instance::orders", type: "aws:rds/instance:Instance", name: "orders", label: "RDS DB instance" },
      message: "RDS DB instance 'orders' is not encrypted at rest (storageEncrypted: false)",
    },
    {
      id: "CDG-NET-002-7a1b2c3d4e5f6071",
      ruleId: "CDG-NET-002",
      status: "not-assessed",
      reason: "preview",
      resource: { id: "urn:pulumi:dev::shop::aws:rds/instance:Instance::orders", type: "aws:rds/instance:Instance", name: "orders", label: "RDS DB instance" },
      message: "RDS DB instance 'orders': security groups are not known until the stack is deployed",
    },
  ],
  coverage: [
    { ruleId: "CDG-ENC-001", evaluated: 1, pass: 0, fail: 1, waived: 0, notAssessed: 0 },
    { ruleId: "CDG-NET-002", evaluated: 0, pass: 0, fail: 0, waived: 0, notAssessed: 1 },
    { ruleId: "CDG-IAM-001", evaluated: 0, pass: 0, fail: 0, waived: 0, notAssessed: 0 },
  ],
  gaps: [],
  stats: undefined as never,
};
delete (SAMPLE_PREVIEW_REPORT as { stats?: unknown }).stats;

/** A report with `n` findings over many accounts, resources and rules (for size and speed checks). */
export function largeReport(n: number): CanonicalReport {
  const statuses = ["fail", "pass", "fail", "not-assessed", "waived"] as const;
  const findings: ReportFinding[] = [];
  for (let i = 0; i < n; i++) {
    const rule = RULES[i % RULES.length]!;
    const account = `1000000000${String(i % 7).padStart(2, "0")}`;
    const status = statuses[i % statuses.length]!;
    findings.push({
      id: `${rule.id}-${i.toString(16).padStart(16, "0")}`,
      ruleId: rule.id,
      status,
      ...(status === "not-assessed" ? { reason: "timeout" as const } : {}),
      resource: { id: `arn:aws:s3:::bucket-${i}`, type: "AWS::S3::Bucket", name: `bucket-${i}`, label: "S3 bucket", account, region: "eu-west-1" },
      message: `S3 bucket 'bucket-${i}' ${status === "pass" ? "is fine" : "has a problem number " + i}`,
      ...(status === "waived" ? { waiver: { state: "active" as const, reason: "accepted risk", owner: "team", expires: "2027-01-01", source: "tag" } } : {}),
    });
  }
  findings.sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.resource.id.localeCompare(b.resource.id));
  const coverage = RULES.map((r) => {
    const of = findings.filter((f) => f.ruleId === r.id);
    const count = (s: string) => of.filter((f) => f.status === s).length;
    return { ruleId: r.id, evaluated: count("pass") + count("fail") + count("waived"), pass: count("pass"), fail: count("fail"), waived: count("waived"), notAssessed: count("not-assessed") };
  });
  return { ...SAMPLE_SCAN_REPORT, scope: { front: "aws", accounts: [...new Set(findings.map((f) => f.resource.account!))].sort(), regions: ["eu-west-1"], regionsNotEnabled: [] }, findings, coverage, gaps: [] };
}
