import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { CanonicalReport, ReportFinding } from "../../src/reports/report";
import { csvRenderer } from "../../src/reports/render/csv";
import { describeGoldenFiles, exampleReports } from "./golden/golden-files";
import { largeReport, SAMPLE_PREVIEW_REPORT, SAMPLE_SCAN_REPORT } from "./sample-report";

const HEADER = [
  "finding_id",
  "rule_id",
  "rule_slug",
  "title",
  "severity",
  "pillar",
  "status",
  "reason",
  "resource_id",
  "resource_type",
  "resource_name",
  "account",
  "region",
  "message",
  "waiver_state",
  "waiver_reason",
  "waiver_owner",
  "waiver_expires",
  "waiver_source",
  "frameworks",
  "waiver_problem",
];

/** Parsed with a strict RFC 4180 reader: no relaxed quotes, every record as wide as the header. */
function records(csv: string): string[][] {
  return parse(csv, { relax_quotes: false, relax_column_count: false, bom: false }) as string[][];
}

function rowsByFindingId(report: CanonicalReport): Map<string, Record<string, string>> {
  const [header, ...rows] = records(csvRenderer.render(report));
  return new Map(rows.map((row) => [row[0]!, Object.fromEntries(header!.map((name, i) => [name, row[i]!]))]));
}

/** The sample report with one finding whose texts start like spreadsheet formulas. */
function hostileReport(texts: readonly string[]): CanonicalReport {
  const base = SAMPLE_SCAN_REPORT.findings[0]!;
  const findings: ReportFinding[] = texts.map((text, i) => ({
    ...base,
    id: `CDG-ENC-001-hostile-${i}`,
    message: text,
    resource: { ...base.resource, id: `arn:aws:s3:::hostile-${i}`, name: text },
  }));
  return { ...SAMPLE_SCAN_REPORT, findings };
}

describeGoldenFiles(csvRenderer);

describe("CSV report", () => {
  it("has the header row and one row per finding, in the report's order", () => {
    for (const report of [SAMPLE_SCAN_REPORT, SAMPLE_PREVIEW_REPORT, largeReport(300), ...exampleReports().map((e) => e.report)]) {
      const [header, ...rows] = records(csvRenderer.render(report));
      expect(header).toEqual(HEADER);
      expect(rows.map((row) => row[0])).toEqual(report.findings.map((f) => f.id));
      expect(rows.map((row) => row[13])).toEqual(report.findings.map((f) => f.message));
    }
  });

  it("ends records with CRLF and quotes the fields that need it, doubling quotes", () => {
    const csv = csvRenderer.render(SAMPLE_SCAN_REPORT);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(SAMPLE_SCAN_REPORT.findings.length + 2);
    expect(csv).toContain('"IAM role \'admin\' is allowed s3:* on *, commas, ""quotes"" and\nnew lines"');
    expect(csv).toContain(',"RDS DB instance \'orders\' allows 0.0.0.0/0 on port 5432 through sg-0abc ""legacy"" <admin>",');
    expect(csv).toContain(",arn:aws:rds:us-east-1:123456789012:db:orders,");
  });

  it("round-trips commas, quotes, new lines and carriage returns", () => {
    const texts = ['a, b', 'say "hi"', "line\nbreak", "carriage\rreturn", "both\r\nends", "trailing space ", "", "naïve 💾"];
    const rows = rowsByFindingId(hostileReport(texts));
    texts.forEach((text, i) => {
      expect(rows.get(`CDG-ENC-001-hostile-${i}`)!.message).toBe(text);
      expect(rows.get(`CDG-ENC-001-hostile-${i}`)!.resource_name).toBe(text);
    });
  });

  it("neutralises cells a spreadsheet would run as formulas with a leading apostrophe", () => {
    const formulas = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "=a,b"];
    const rows = rowsByFindingId(hostileReport(formulas));
    formulas.forEach((formula, i) => {
      const row = rows.get(`CDG-ENC-001-hostile-${i}`)!;
      expect(row.message).toBe(`'${formula}`);
      expect(row.resource_name).toBe(`'${formula}`);
    });
    expect(rowsByFindingId(hostileReport(["a=1"])).get("CDG-ENC-001-hostile-0")!.message).toBe("a=1");
  });

  it("writes rule, resource, waiver and framework columns", () => {
    const rows = rowsByFindingId(SAMPLE_SCAN_REPORT);
    expect(rows.get("CDG-ENC-001-3a1b2c3d4e5f6071")).toEqual({
      finding_id: "CDG-ENC-001-3a1b2c3d4e5f6071",
      rule_id: "CDG-ENC-001",
      rule_slug: "data-store-encrypted-at-rest",
      title: "Customer data stores are encrypted at rest",
      severity: "high",
      pillar: "encryption-at-rest",
      status: "waived",
      reason: "",
      resource_id: "arn:aws:s3:::scratch",
      resource_type: "AWS::S3::Bucket",
      resource_name: "scratch",
      account: "123456789012",
      region: "us-east-1",
      message: "S3 bucket 'scratch' uses S3-managed keys",
      waiver_state: "active",
      waiver_reason: "Holds only synthetic test data",
      waiver_owner: "data-platform@example.com",
      waiver_expires: "2027-03-31",
      waiver_source: "waivers.yaml:4",
      frameworks: "gdpr:Art.32(1)(a); pci-dss-4.0:3.5.1",
      waiver_problem: "",
    });
    expect(rows.get("CDG-NET-002-4a1b2c3d4e5f6071")).toMatchObject({ status: "fail", waiver_state: "expired", waiver_source: "tag", frameworks: "cis-aws-3.0:5.2" });
    expect(rows.get("CDG-ENC-001-2a1b2c3d4e5f6071")).toMatchObject({ status: "not-assessed", reason: "access-denied" });
    expect(rows.get("CDG-IAM-001-5a1b2c3d4e5f6071")).toMatchObject({ region: "", frameworks: "", waiver_problem: "waiver tag 'cdguard:waive:CDG-IAM-001' gives no reason" });
    expect(rowsByFindingId(SAMPLE_PREVIEW_REPORT).get("CDG-ENC-001-6a1b2c3d4e5f6071")).toMatchObject({ account: "", region: "" });
  });

  it("writes only the header for a report without findings", () => {
    expect(records(csvRenderer.render({ ...SAMPLE_SCAN_REPORT, findings: [] }))).toEqual([HEADER]);
  });
});
