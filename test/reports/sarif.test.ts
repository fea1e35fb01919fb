import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import type { Log, Result } from "sarif";
import { describe, expect, it } from "vitest";
import type { CanonicalReport, ReportFinding } from "../../src/reports/report";
import { resourceArtifactUri } from "../../src/reports/render/sarif-location";
import { sarifRenderer } from "../../src/reports/render/sarif";
import { describeGoldenFiles, exampleReports } from "./golden/golden-files";
import { largeReport, SAMPLE_PREVIEW_REPORT, SAMPLE_SCAN_REPORT } from "./sample-report";

// The official OASIS SARIF 2.1.0 schema (errata01), vendored: no npm package ships it (see schemas/README.md).
const SCHEMA_PATH = join(__dirname, "schemas", "sarif-schema-2.1.0.json");
const schema = JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as { $schema: string };
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

const render = (report: CanonicalReport): Log => JSON.parse(sarifRenderer.render(report)) as Log;
const results = (report: CanonicalReport): Result[] => render(report).runs[0]!.results!;
const resultOf = (report: CanonicalReport, findingId: string): Result =>
  results(report).find((r) => r.partialFingerprints?.["findingId/v1"] === findingId)!;
const schemaErrors = (document: unknown): string[] =>
  validateSarif(document) ? [] : (validateSarif.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

/** The sample report with one more rule of the given severity and one failing finding of it. */
function withRuleOfSeverity(severity: "low" | "medium"): { report: CanonicalReport; findingId: string } {
  const rule = { ...SAMPLE_SCAN_REPORT.rules[0]!, id: "CDG-HYG-009", slug: "something-hygienic", severity };
  const finding: ReportFinding = { ...SAMPLE_SCAN_REPORT.findings[0]!, id: "CDG-HYG-009-00", ruleId: rule.id, status: "fail" };
  return { report: { ...SAMPLE_SCAN_REPORT, rules: [...SAMPLE_SCAN_REPORT.rules, rule], findings: [...SAMPLE_SCAN_REPORT.findings, finding] }, findingId: finding.id };
}

describeGoldenFiles(sarifRenderer);

describe("SARIF against the official 2.1.0 schema", () => {
  it("uses the draft the schema declares", () => {
    expect(schema.$schema).toBe("http://json-schema.org/draft-04/schema#");
  });

  it("rejects a document the schema forbids (the validator is real)", () => {
    const log = render(SAMPLE_SCAN_REPORT) as unknown as { runs: { results: { level: string }[] }[] };
    log.runs[0]!.results[0]!.level = "fatal";
    expect(schemaErrors(log).join("\n")).toMatch(/level/);
    expect(schemaErrors({ version: "2.1.0" })).not.toEqual([]);
  });

  const reports: [string, CanonicalReport][] = [
    ["the sample scan", SAMPLE_SCAN_REPORT],
    ["the sample preview", SAMPLE_PREVIEW_REPORT],
    ["a report of 500 findings", largeReport(500)],
    ["a report with a low-severity rule", withRuleOfSeverity("low").report],
    ...exampleReports().map(({ name, report }): [string, CanonicalReport] => [`examples/reports/${name}.json`, report]),
  ];
  it.each(reports)("validates %s", (_name, report) => {
    expect(schemaErrors(render(report))).toEqual([]);
  });
});

describe("SARIF results", () => {
  it("has one result per finding that is not a pass, fingerprinted by the finding's stable id", () => {
    for (const report of [SAMPLE_SCAN_REPORT, SAMPLE_PREVIEW_REPORT, largeReport(100)]) {
      const nonPass = report.findings.filter((f) => f.status !== "pass");
      const got = results(report);
      expect(got.map((r) => r.partialFingerprints?.["findingId/v1"])).toEqual(nonPass.map((f) => f.id));
      expect(got.map((r) => r.partialFingerprints?.primaryLocationLineHash)).toEqual(nonPass.map((f) => f.id));
      expect(got.map((r) => r.message.text)).toEqual(nonPass.map((f) => f.message));
    }
  });

  it("points each result at its rule by id and index", () => {
    const log = render(SAMPLE_SCAN_REPORT);
    const rules = log.runs[0]!.tool.driver.rules!;
    for (const result of log.runs[0]!.results!) expect(rules[result.ruleIndex!]!.id).toBe(result.ruleId);
  });

  it("levels failures by severity: error for critical and high, warning for medium, note for low", () => {
    expect(resultOf(SAMPLE_SCAN_REPORT, "CDG-ENC-001-0a1b2c3d4e5f6071")).toMatchObject({ kind: "fail", level: "error" });
    expect(resultOf(SAMPLE_SCAN_REPORT, "CDG-NET-002-4a1b2c3d4e5f6071")).toMatchObject({ kind: "fail", level: "error" });
    expect(resultOf(SAMPLE_SCAN_REPORT, "CDG-IAM-001-5a1b2c3d4e5f6071")).toMatchObject({ kind: "fail", level: "warning" });
    const low = withRuleOfSeverity("low");
    expect(resultOf(low.report, low.findingId)).toMatchObject({ kind: "fail", level: "note" });
  });

  it("reports a waived finding as a failure with an accepted external suppression carrying the waiver", () => {
    const waived = resultOf(SAMPLE_SCAN_REPORT, "CDG-ENC-001-3a1b2c3d4e5f6071");
    expect(waived).toMatchObject({ kind: "fail", level: "error" });
    expect(waived.suppressions).toEqual([
      {
        kind: "external",
        status: "accepted",
        justification: "Holds only synthetic test data",
        properties: { state: "active", owner: "data-platform@example.com", expires: "2027-03-31", source: "waivers.yaml", line: 4 },
      },
    ]);
    const suppressed = results(SAMPLE_SCAN_REPORT).filter((r) => r.suppressions !== undefined);
    expect(suppressed.map((r) => r.partialFingerprints?.["findingId/v1"])).toEqual(["CDG-ENC-001-3a1b2c3d4e5f6071"]);
  });

  it("keeps an expired waiver out of suppressions and in the result's properties", () => {
    const expired = resultOf(SAMPLE_SCAN_REPORT, "CDG-NET-002-4a1b2c3d4e5f6071");
    expect(expired.suppressions).toBeUndefined();
    expect(expired.properties?.expiredWaiver).toMatchObject({ state: "expired", expires: "2026-01-31", source: "tag" });
  });

  it("reports not assessed as kind open with level none, and the reason", () => {
    const open = resultOf(SAMPLE_SCAN_REPORT, "CDG-ENC-001-2a1b2c3d4e5f6071");
    expect(open).toMatchObject({ kind: "open", level: "none" });
    expect(open.properties).toMatchObject({ status: "not-assessed", reason: "access-denied", account: "123456789012", region: "us-east-1" });
    expect(resultOf(SAMPLE_PREVIEW_REPORT, "CDG-NET-002-7a1b2c3d4e5f6071")).toMatchObject({ kind: "open", level: "none", properties: { reason: "preview" } });
  });

  it("carries a waiver problem in the result's properties", () => {
    expect(resultOf(SAMPLE_SCAN_REPORT, "CDG-IAM-001-5a1b2c3d4e5f6071").properties?.waiverProblem).toBe("waiver tag 'cdguard:waive:CDG-IAM-001' gives no reason");
  });

  it("locates a result at its resource: the ARN or URN as a logical location and a relative pseudo-path", () => {
    const [scan] = resultOf(SAMPLE_SCAN_REPORT, "CDG-ENC-001-0a1b2c3d4e5f6071").locations!;
    expect(scan!.logicalLocations).toEqual([{ name: "orders", fullyQualifiedName: "arn:aws:rds:us-east-1:123456789012:db:orders", kind: "resource" }]);
    expect(scan!.physicalLocation!.artifactLocation!.uri).toBe("resources/arn:aws:rds:us-east-1:123456789012:db:orders");
    const [preview] = resultOf(SAMPLE_PREVIEW_REPORT, "CDG-ENC-001-6a1b2c3d4e5f6071").locations!;
    expect(preview!.logicalLocations![0]!.fullyQualifiedName).toBe("urn:pulumi:dev::shop::aws:rds/instance:Instance::orders");
  });
});

describe("resource artifact URIs", () => {
  const uriReference = ajv.compile({ type: "string", format: "uri-reference" });

  it("percent-encodes what a URI path cannot hold and keeps the rest readable", () => {
    expect(resourceArtifactUri("arn:aws:logs:eu-west-1:1:log-group:/app#1 x%")).toBe("resources/arn:aws:logs:eu-west-1:1:log-group:/app%231%20x%25");
    expect(resourceArtifactUri("urn:pulumi:dev::shop::my:comp$aws:s3/bucket:Bucket::data [é]")).toBe(
      "resources/urn:pulumi:dev::shop::my:comp$aws:s3/bucket:Bucket::data%20%5B%C3%A9%5D",
    );
  });

  it.each(["arn:aws:s3:::b", "arn:aws:iam::1:role/a+b=c,d.e@f", "a b#c?d%e\"f<g>h\\i^j`k{l|m}n\u0000o\uD800p", "arn:aws:redshift-serverless:us-east-1:1:*"])(
    "gives a valid relative reference for %j",
    (id) => {
      const uri = resourceArtifactUri(id);
      expect(uriReference(uri)).toBe(true);
      expect(uri.startsWith("resources/")).toBe(true);
      expect(decodeURIComponent(uri.slice("resources/".length))).toBe(id.replace("\uD800", "\uFFFD"));
    },
  );
});

describe("SARIF rules and run", () => {
  const log = render(SAMPLE_SCAN_REPORT);
  const run = log.runs[0]!;

  it("describes every rule with GitHub's security-severity and the pillar and framework tags", () => {
    const rules = run.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(SAMPLE_SCAN_REPORT.rules.map((r) => r.id));
    expect(rules.map((r) => r.properties?.["security-severity"])).toEqual(["8.0", "9.5", "5.5"]);
    expect(rules.map((r) => r.defaultConfiguration?.level)).toEqual(["error", "error", "warning"]);
    expect(rules[0]).toMatchObject({
      name: "data-store-encrypted-at-rest",
      shortDescription: { text: "Customer data stores are encrypted at rest" },
      fullDescription: { text: SAMPLE_SCAN_REPORT.rules[0]!.rationale },
      help: { text: SAMPLE_SCAN_REPORT.rules[0]!.remediation },
      helpUri: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html",
    });
    expect(rules[0]!.properties!.tags).toEqual(["security", "compliance", "encryption-at-rest", "gdpr", "pci-dss-4.0", "gdpr:Art.32(1)(a)", "pci-dss-4.0:3.5.1"]);
    expect(rules[1]!.helpUri).toBeUndefined();
  });

  it("keeps a rule within GitHub's 20 tags, the pillar and framework names first", () => {
    const controls = Array.from({ length: 30 }, (_, i) => `1.${i}`);
    const rule = { ...SAMPLE_SCAN_REPORT.rules[0]!, frameworks: { gdpr: controls, hipaa: ["164.312"] } };
    const wide = render({ ...SAMPLE_SCAN_REPORT, rules: [rule, ...SAMPLE_SCAN_REPORT.rules.slice(1)] });
    const tags = wide.runs[0]!.tool.driver.rules![0]!.properties!.tags!;
    expect(tags).toHaveLength(20);
    expect(tags.slice(0, 6)).toEqual(["security", "compliance", "encryption-at-rest", "gdpr", "hipaa", "gdpr:1.0"]);
    expect(wide.runs[0]!.tool.driver.rules![0]!.properties!.frameworks).toEqual(rule.frameworks);
    expect(schemaErrors(wide)).toEqual([]);
  });

  it("keeps descriptions within GitHub's 1,024 characters, the whole rationale in help", () => {
    const rationale = "x".repeat(1500);
    const rule = { ...SAMPLE_SCAN_REPORT.rules[0]!, rationale };
    const [descriptor] = render({ ...SAMPLE_SCAN_REPORT, rules: [rule, ...SAMPLE_SCAN_REPORT.rules.slice(1)] }).runs[0]!.tool.driver.rules!;
    expect(descriptor!.fullDescription!.text).toBe(`${"x".repeat(1023)}…`);
    expect(descriptor!.help!.markdown).toContain(rationale);
  });

  it("escapes Markdown markup in help but keeps code spans", () => {
    const [encryption, , iam] = run.tool.driver.rules!;
    expect(encryption!.help!.markdown).toContain("`storageEncrypted: true`");
    expect(iam!.help!.markdown).toContain("actions &lt;all of them&gt; &amp; more");
  });

  it("names the tool and the scan's time, scope, coverage and gaps", () => {
    expect(run.tool.driver).toMatchObject({ name: "customer-data-guard", version: "0.1.0" });
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        startTimeUtc: "2026-11-30T10:00:00.000Z",
        endTimeUtc: "2026-11-30T10:00:42.000Z",
        toolExecutionNotifications: [
          {
            level: "warning",
            message: { text: "Coverage gap: DynamoDB tables in us-east-1 could not be listed (dynamodb:ListTables: access-denied, AccessDeniedException)." },
            properties: SAMPLE_SCAN_REPORT.gaps[0],
          },
        ],
      },
    ]);
    expect(run.properties).toMatchObject({ scope: SAMPLE_SCAN_REPORT.scope, coverage: SAMPLE_SCAN_REPORT.coverage, stats: SAMPLE_SCAN_REPORT.stats });
    expect(render(SAMPLE_PREVIEW_REPORT).runs[0]!.invocations![0]!.toolExecutionNotifications).toBeUndefined();
  });
});
