import type { Invocation, Log, Notification, ReportingDescriptor, Result, Suppression } from "sarif";
import { PILLARS } from "../../core/rule";
import type { CanonicalReport, ReportFinding, ReportRule, ReportWaiver } from "../report";
import { findingsWithRules, frameworkControls } from "./finding-rules";
import { escapeMarkdown, truncateText } from "./markdown-escape";
import type { Renderer } from "./renderer";
import { SARIF_LEVEL, SECURITY_SEVERITY } from "./sarif-levels";
import { resourceLocation } from "./sarif-location";

const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const INFORMATION_URI = "https://github.com/customer-data-guard/customer-data-guard";
/** Our own fingerprint; SARIF asks for versioned keys (§3.27.17). */
const FINDING_ID_FINGERPRINT = "findingId/v1";

/** Rule texts are prose with `code` spans: the spans stay, the prose around them is escaped. */
function markdownProse(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, index) => (index % 2 === 1 ? part : escapeMarkdown(part)))
    .join("");
}

function helpMarkdown(rule: ReportRule): string {
  const parts = [markdownProse(rule.remediation), `**Why:** ${markdownProse(rule.rationale)}`];
  const controls = frameworkControls(rule);
  if (controls.length > 0) parts.push(`**Frameworks:** ${controls.map(markdownProse).join(", ")}`);
  if (rule.links.length > 0) parts.push(rule.links.map((link) => `- <${link}>`).join("\n"));
  return parts.join("\n\n");
}

/** GitHub rejects a file with more than 20 tags on a rule (and shows 10): the filters people use come first. */
const MAX_TAGS = 20;

// "security" makes GitHub treat the rule's results as security alerts ranked by security-severity.
function ruleTags(rule: ReportRule): string[] {
  const tags = ["security", "compliance", PILLARS[rule.pillar], ...Object.keys(rule.frameworks), ...frameworkControls(rule)];
  return [...new Set(tags)].slice(0, MAX_TAGS);
}

/** GitHub takes at most 1,024 characters of a rule's short and full description; help carries the whole text. */
const descriptionText = (text: string): string => truncateText(text, 1024);

function reportingDescriptor(rule: ReportRule): ReportingDescriptor {
  return {
    id: rule.id,
    name: rule.slug,
    shortDescription: { text: descriptionText(rule.title) },
    fullDescription: { text: descriptionText(rule.rationale) },
    help: { text: rule.remediation, markdown: helpMarkdown(rule) },
    helpUri: rule.links[0],
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    properties: {
      tags: ruleTags(rule),
      "security-severity": SECURITY_SEVERITY[rule.severity],
      severity: rule.severity,
      pillar: PILLARS[rule.pillar],
      frameworks: rule.frameworks,
    },
  };
}

function waiverSuppression(waiver: ReportWaiver | undefined): Suppression {
  if (!waiver) return { kind: "external", status: "accepted" };
  const { reason, ...rest } = waiver;
  return { kind: "external", status: "accepted", justification: reason, properties: rest };
}

/**
 * fail: kind "fail", level by severity. waived: the same, with an accepted external suppression (the
 * waiver), as SARIF records a finding someone decided not to fix. not-assessed: kind "open", SARIF's
 * "the rule was evaluated and there was insufficient information to decide whether a problem exists",
 * whose level must be "none" (§3.27.10).
 */
function sarifResult(finding: ReportFinding, rule: ReportRule, ruleIndex: number): Result {
  const failing = finding.status !== "not-assessed";
  const { account, region, type } = finding.resource;
  return {
    ruleId: rule.id,
    ruleIndex,
    kind: failing ? "fail" : "open",
    level: failing ? SARIF_LEVEL[rule.severity] : "none",
    message: { text: finding.message },
    locations: [resourceLocation(finding.resource)],
    // GitHub matches alerts across runs by primaryLocationLineHash only; the finding id is our stable key.
    partialFingerprints: { [FINDING_ID_FINGERPRINT]: finding.id, primaryLocationLineHash: finding.id },
    ...(finding.status === "waived" ? { suppressions: [waiverSuppression(finding.waiver)] } : {}),
    properties: {
      status: finding.status,
      resourceType: type,
      account,
      region,
      reason: finding.reason,
      expiredWaiver: finding.waiver?.state === "expired" ? finding.waiver : undefined,
      waiverProblem: finding.waiverProblem,
    },
  };
}

function gapNotification(gap: CanonicalReport["gaps"][number]): Notification {
  return {
    level: "warning",
    message: { text: `Coverage gap: ${gap.what} in ${gap.region} could not be listed (${gap.action}: ${gap.reason}, ${gap.detail}).` },
    properties: { ...gap },
  };
}

function invocation(report: CanonicalReport): Invocation {
  const notifications = report.gaps.map(gapNotification);
  return {
    executionSuccessful: true,
    startTimeUtc: report.startedAt,
    endTimeUtc: report.finishedAt,
    ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
  };
}

/**
 * Passing findings are left out: GitHub code scanning ignores `kind` and would open an alert, ranked by
 * the rule's security-severity, for every pass. Their counts stay in run.properties.coverage.
 */
export function sarifLog(report: CanonicalReport): Log {
  const results = findingsWithRules(report)
    .filter(({ finding }) => finding.status !== "pass")
    .map(({ finding, rule, ruleIndex }) => sarifResult(finding, rule, ruleIndex));
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: { name: report.tool.name, version: report.tool.version, informationUri: INFORMATION_URI, rules: report.rules.map(reportingDescriptor) },
        },
        invocations: [invocation(report)],
        results,
        properties: {
          reportSchemaVersion: report.schemaVersion,
          iamDataVersion: report.tool.iamDataVersion,
          scope: report.scope,
          coverage: report.coverage,
          stats: report.stats,
        },
      },
    ],
  };
}

export const sarifRenderer: Renderer = {
  format: "sarif",
  extension: ".sarif",
  description: "SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning): failures, waivers as suppressions, not assessed as open",
  render: (report) => `${JSON.stringify(sarifLog(report), null, 2)}\n`,
};
