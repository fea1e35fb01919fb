import { create } from "xmlbuilder2";
import type { FindingStatus } from "../../core/finding";
import { PILLARS } from "../../core/rule";
import type { CanonicalReport, ReportFinding, ReportRule, ReportWaiver } from "../report";
import { findingsWithRules, frameworkControls } from "./finding-rules";
import type { Renderer } from "./renderer";

type XmlElement = ReturnType<typeof create>;

/** One rule × resource: a rule can report one resource more than once (two statements of one policy). */
interface TestCase {
  readonly resourceId: string;
  readonly findings: readonly ReportFinding[];
}

interface Counts {
  tests: number;
  failures: number;
  skipped: number;
}

/** A test case with several findings takes the first status of this list that any of them has. */
const STATUS_PRECEDENCE: readonly FindingStatus[] = ["fail", "not-assessed", "waived", "pass"];

function waiverText(waiver: ReportWaiver): string {
  const until = waiver.expires === undefined ? "" : ` until ${waiver.expires}`;
  const owner = waiver.owner === undefined ? "" : `, owner ${waiver.owner}`;
  const source = waiver.line === undefined ? waiver.source : `${waiver.source}:${waiver.line}`;
  return `${waiver.reason}${until}${owner} (${source})`;
}

function findingText(finding: ReportFinding): string {
  const { resource } = finding;
  const where = [resource.account, resource.region].filter((part) => part !== undefined).join("/");
  const lines = [`[${finding.status}] ${finding.message}`, `finding ${finding.id}: ${resource.label} ${resource.name} (${resource.type})${where ? ` in ${where}` : ""}`];
  if (finding.reason) lines.push(`not assessed: ${finding.reason}`);
  if (finding.waiver?.state === "active") lines.push(`waived: ${waiverText(finding.waiver)}`);
  if (finding.waiver?.state === "expired") lines.push(`waiver expired: ${waiverText(finding.waiver)}`);
  if (finding.waiverProblem) lines.push(`waiver problem: ${finding.waiverProblem}`);
  return lines.join("\n");
}

function caseDetails(testCase: TestCase, rule: ReportRule): string {
  return [...testCase.findings.map(findingText), `remediation: ${rule.remediation}`].join("\n\n");
}

/** XML parsers turn line breaks and tabs in an attribute value into spaces; do it here, the same everywhere. */
const attributes = (values: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value.replace(/[\t\n\r]+/g, " ")]));

function caseMessage(finding: ReportFinding): string {
  switch (finding.status) {
    case "not-assessed":
      return `not assessed: ${finding.reason ?? "unknown reason"}`;
    case "waived":
      return finding.waiver ? `waived: ${waiverText(finding.waiver)}` : "waived";
    default:
      if (finding.waiver?.state !== "expired") return finding.message;
      return `${finding.message} (waiver expired${finding.waiver.expires === undefined ? "" : ` ${finding.waiver.expires}`})`;
  }
}

/**
 * fail: a <failure> typed by the rule's severity. not-assessed and waived: <skipped> with the reason or
 * the waiver in its message. CI dashboards (GitHub test reporters, GitLab, Jenkins, Azure DevOps) count
 * and list skipped tests with their messages, while a passing test's <system-out> is rarely shown; a
 * waiver is an accepted failure that must stay visible without failing the build, which skipped is.
 */
function addTestCase(suite: XmlElement, testCase: TestCase, rule: ReportRule, counts: Counts): void {
  const status = STATUS_PRECEDENCE.find((s) => testCase.findings.some((f) => f.status === s)) ?? "pass";
  const lead = testCase.findings.find((f) => f.status === status)!;
  const element = suite.ele("testcase", attributes({ classname: rule.id, name: testCase.resourceId }));
  counts.tests++;
  if (status === "pass") return;
  if (status === "fail") {
    counts.failures++;
    element.ele("failure", attributes({ message: caseMessage(lead), type: rule.severity })).txt(caseDetails(testCase, rule));
  } else {
    counts.skipped++;
    element.ele("skipped", attributes({ message: caseMessage(lead) })).txt(caseDetails(testCase, rule));
  }
}

function testCasesOf(findings: readonly ReportFinding[]): TestCase[] {
  const byResource = new Map<string, ReportFinding[]>();
  for (const finding of findings) {
    const group = byResource.get(finding.resource.id);
    if (group) group.push(finding);
    else byResource.set(finding.resource.id, [finding]);
  }
  return [...byResource].map(([resourceId, group]) => ({ resourceId, findings: group }));
}

const setCounts = (element: XmlElement, counts: Counts): void => {
  element.att({ tests: String(counts.tests), failures: String(counts.failures), errors: "0", skipped: String(counts.skipped) });
};

/** JUnit's timestamp (the Ant schema's ISO 8601 without zone or fraction), in UTC. */
const junitTimestamp = (iso: string): string => new Date(iso).toISOString().slice(0, 19);

/** One suite per rule, one test case per rule × resource. XML 1.0 forbidden characters are dropped. */
export function renderJunit(report: CanonicalReport): string {
  const findingsByRule = report.rules.map((): ReportFinding[] => []);
  for (const { finding, ruleIndex } of findingsWithRules(report)) findingsByRule[ruleIndex]!.push(finding);
  const seconds = (Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000;
  const document = create({ version: "1.0", encoding: "UTF-8", invalidCharReplacement: "" });
  const root = document.ele("testsuites", attributes({ name: report.tool.name, time: seconds.toFixed(3) }));
  const total: Counts = { tests: 0, failures: 0, skipped: 0 };
  report.rules.forEach((rule, ruleIndex) => {
    const suite = root.ele("testsuite", attributes({ name: `${rule.id} ${rule.slug}`, timestamp: junitTimestamp(report.startedAt) }));
    const properties = suite.ele("properties");
    const ruleFacts: [string, string][] = [
      ["title", rule.title],
      ["severity", rule.severity],
      ["pillar", PILLARS[rule.pillar]],
      ["frameworks", frameworkControls(rule).join("; ")],
    ];
    for (const [name, value] of ruleFacts) properties.ele("property", attributes({ name, value }));
    const counts: Counts = { tests: 0, failures: 0, skipped: 0 };
    for (const testCase of testCasesOf(findingsByRule[ruleIndex]!)) addTestCase(suite, testCase, rule, counts);
    setCounts(suite, counts);
    total.tests += counts.tests;
    total.failures += counts.failures;
    total.skipped += counts.skipped;
  });
  setCounts(root, total);
  return `${document.end({ prettyPrint: true })}\n`;
}

export const junitRenderer: Renderer = {
  format: "junit",
  extension: ".xml",
  description: "JUnit XML for CI test dashboards: a suite per rule, a test case per resource",
  render: renderJunit,
};
