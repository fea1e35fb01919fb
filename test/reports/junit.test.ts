import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { CanonicalReport, ReportFinding } from "../../src/reports/report";
import { junitRenderer } from "../../src/reports/render/junit";
import { describeGoldenFiles, exampleReports } from "./golden/golden-files";
import { largeReport, SAMPLE_PREVIEW_REPORT, SAMPLE_SCAN_REPORT } from "./sample-report";

interface Outcome {
  readonly message: string;
  readonly type?: string;
  readonly "#text"?: string;
}
interface TestCase {
  readonly classname: string;
  readonly name: string;
  readonly failure?: Outcome;
  readonly skipped?: Outcome;
}
interface Counts {
  readonly tests: string;
  readonly failures: string;
  readonly errors: string;
  readonly skipped: string;
}
interface Suite extends Counts {
  readonly name: string;
  readonly testcase?: TestCase[];
  readonly properties: { property: { name: string; value: string }[] };
}
type Suites = Counts & { readonly name: string; readonly time: string; readonly testsuite: Suite[] };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => ["testsuite", "testcase", "property"].includes(name),
});

function parsed(report: CanonicalReport): Suites {
  const xml = junitRenderer.render(report);
  expect(XMLValidator.validate(xml)).toBe(true);
  return (parser.parse(xml) as { testsuites: Suites }).testsuites;
}

const suiteOf = (suites: Suites, ruleId: string): Suite => suites.testsuite.find((s) => s.name.startsWith(`${ruleId} `))!;
const caseOf = (suites: Suites, ruleId: string, resourceId: string): TestCase => suiteOf(suites, ruleId).testcase!.find((c) => c.name === resourceId)!;

/** What the counts must be: one test per rule × resource, failed if any finding fails, else skipped if any is not a pass. */
function expectedCounts(findings: readonly ReportFinding[]): { tests: number; failures: number; skipped: number } {
  const statuses = new Map<string, Set<string>>();
  for (const f of findings) {
    const key = `${f.ruleId}\n${f.resource.id}`;
    statuses.set(key, (statuses.get(key) ?? new Set()).add(f.status));
  }
  const groups = [...statuses.values()];
  const failures = groups.filter((s) => s.has("fail")).length;
  const skipped = groups.filter((s) => !s.has("fail") && (s.has("not-assessed") || s.has("waived"))).length;
  return { tests: groups.length, failures, skipped };
}

const numbers = (counts: Counts) => ({ tests: Number(counts.tests), failures: Number(counts.failures), skipped: Number(counts.skipped) });

describeGoldenFiles(junitRenderer);

describe("JUnit report", () => {
  const reports: [string, CanonicalReport][] = [
    ["the sample scan", SAMPLE_SCAN_REPORT],
    ["the sample preview", SAMPLE_PREVIEW_REPORT],
    ["a report of 400 findings", largeReport(400)],
    ...exampleReports().map(({ name, report }): [string, CanonicalReport] => [`examples/reports/${name}.json`, report]),
  ];

  it.each(reports)("counts tests, failures and skipped on every suite and the root of %s", (_name, report) => {
    const suites = parsed(report);
    expect(numbers(suites)).toEqual(expectedCounts(report.findings));
    expect(suites.errors).toBe("0");
    expect(suites.testsuite.map((s) => s.name)).toEqual(report.rules.map((r) => `${r.id} ${r.slug}`));
    for (const rule of report.rules) {
      const suite = suiteOf(suites, rule.id);
      expect(numbers(suite)).toEqual(expectedCounts(report.findings.filter((f) => f.ruleId === rule.id)));
      expect(suite.testcase?.length ?? 0).toBe(Number(suite.tests));
    }
  });

  it("gives the sample's counts", () => {
    const suites = parsed(SAMPLE_SCAN_REPORT);
    expect(numbers(suites)).toEqual({ tests: 6, failures: 3, skipped: 2 });
    expect(numbers(suiteOf(suites, "CDG-ENC-001"))).toEqual({ tests: 4, failures: 1, skipped: 2 });
    expect(suites.time).toBe("42.000");
  });

  it("fails a failing finding with its message, typed by severity", () => {
    const suites = parsed(SAMPLE_SCAN_REPORT);
    const orders = caseOf(suites, "CDG-ENC-001", "arn:aws:rds:us-east-1:123456789012:db:orders");
    expect(orders.classname).toBe("CDG-ENC-001");
    expect(orders.failure).toMatchObject({ message: "RDS DB instance 'orders' is not encrypted at rest (storageEncrypted: false)", type: "high" });
    expect(orders.failure!["#text"]).toContain("finding CDG-ENC-001-0a1b2c3d4e5f6071");
    expect(orders.failure!["#text"]).toContain("remediation: Turn on encryption at rest");
    const expired = caseOf(suites, "CDG-NET-002", "arn:aws:rds:us-east-1:123456789012:db:orders");
    expect(expired.failure).toMatchObject({
      message: "RDS DB instance 'orders' allows 0.0.0.0/0 on port 5432 through sg-0abc \"legacy\" <admin> (waiver expired 2026-01-31)",
      type: "critical",
    });
    expect(caseOf(suites, "CDG-ENC-001", "arn:aws:rds:us-east-1:123456789012:db:billing")).toEqual({ classname: "CDG-ENC-001", name: "arn:aws:rds:us-east-1:123456789012:db:billing" });
  });

  it("skips not-assessed and waived findings, saying why", () => {
    const suites = parsed(SAMPLE_SCAN_REPORT);
    expect(caseOf(suites, "CDG-ENC-001", "arn:aws:s3:::exports").skipped!.message).toBe("not assessed: access-denied");
    const waived = caseOf(suites, "CDG-ENC-001", "arn:aws:s3:::scratch");
    expect(waived.failure).toBeUndefined();
    expect(waived.skipped!.message).toBe("waived: Holds only synthetic test data until 2027-03-31, owner data-platform@example.com (waivers.yaml:4)");
    expect(caseOf(parsed(SAMPLE_PREVIEW_REPORT), "CDG-NET-002", "urn:pulumi:dev::shop::aws:rds/instance:Instance::orders").skipped!.message).toBe("not assessed: preview");
  });

  it("escapes markup in attributes and text, keeping line breaks in the text", () => {
    const xml = junitRenderer.render(SAMPLE_SCAN_REPORT);
    expect(xml).toContain('through sg-0abc &quot;legacy&quot; &lt;admin&gt; (waiver expired 2026-01-31)" type="critical"');
    const wildcard = caseOf(parsed(SAMPLE_SCAN_REPORT), "CDG-IAM-001", "arn:aws:iam::123456789012:role/admin").failure!;
    expect(wildcard.message).toBe("IAM role 'admin' is allowed s3:* on *, commas, \"quotes\" and new lines");
    expect(wildcard["#text"]).toContain("IAM role 'admin' is allowed s3:* on *, commas, \"quotes\" and\nnew lines");
    expect(wildcard["#text"]).toContain("waiver problem: waiver tag 'cdguard:waive:CDG-IAM-001' gives no reason");
  });

  it("stays well-formed when texts hold characters XML 1.0 forbids, dropping only those", () => {
    const hostile = "a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\uFFFEh\uFFFFi\uD800j ]]> & <x> \"q\" 'a' \u{1F600}\tk";
    const kept = "abcdefghij ]]> & <x> \"q\" 'a' \u{1F600}\tk";
    const base = SAMPLE_SCAN_REPORT.findings[0]!;
    const finding: ReportFinding = { ...base, message: hostile, resource: { ...base.resource, id: `arn:aws:s3:::${hostile}` } };
    const rules = [{ ...SAMPLE_SCAN_REPORT.rules[0]!, title: hostile }, ...SAMPLE_SCAN_REPORT.rules.slice(1)];
    const report = { ...SAMPLE_SCAN_REPORT, rules, findings: [finding] };
    const xml = junitRenderer.render(report);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    const suites = parsed(report);
    const testCase = suiteOf(suites, "CDG-ENC-001").testcase![0]!;
    expect(testCase.name).toBe(`arn:aws:s3:::${kept.replace("\t", " ")}`);
    expect(testCase.failure!.message).toBe(kept.replace("\t", " "));
    expect(testCase.failure!["#text"]).toContain(`[fail] ${kept}`);
    expect(suiteOf(suites, "CDG-ENC-001").properties.property[0]).toEqual({ name: "title", value: kept.replace("\t", " ") });
  });

  it("makes one test case of a rule's findings on one resource, failing if any fails", () => {
    const [first] = SAMPLE_SCAN_REPORT.findings;
    const second: ReportFinding = { ...first!, id: `${first!.id}-2`, status: "not-assessed", reason: "timeout", message: "second statement not assessed" };
    const suites = parsed({ ...SAMPLE_SCAN_REPORT, findings: [first!, second] });
    const suite = suiteOf(suites, "CDG-ENC-001");
    expect(numbers(suite)).toEqual({ tests: 1, failures: 1, skipped: 0 });
    expect(suite.testcase![0]!.failure!["#text"]).toContain(`finding ${first!.id}:`);
    expect(suite.testcase![0]!.failure!["#text"]).toContain(`finding ${second.id}:`);
    expect(suite.testcase![0]!.failure!["#text"]).toContain("[not-assessed] second statement not assessed");
  });

  it("keeps a suite for a rule without findings", () => {
    const suite = suiteOf(parsed(SAMPLE_PREVIEW_REPORT), "CDG-IAM-001");
    expect(numbers(suite)).toEqual({ tests: 0, failures: 0, skipped: 0 });
    expect(suite.testcase).toBeUndefined();
  });
});
