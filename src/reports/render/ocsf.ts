import { PILLARS } from "../../core/rule";
import type { CanonicalReport, ReportFinding, ReportResource, ReportRule } from "../report";
import { findingsWithRules } from "./finding-rules";
import type { Renderer } from "./renderer";
import { OCSF_SEVERITY, ocsfCompliance, OCSF_STATUS } from "./ocsf-mapping";

/**
 * OCSF Detection Finding events (class 2004, Findings category 2). Attribute names, requirements and enum
 * values are those of OCSF 1.1.0 (github.com/ocsf/ocsf-schema: events/base_event.json,
 * events/findings/finding.json and detection_finding.json, includes/classification.json and
 * occurrence.json, profiles/cloud.json, objects/finding_info.json, analytic.json, resource_details.json,
 * cloud.json, account.json, metadata.json, product.json, remediation.json); each is still defined, with
 * the same enum values, in 1.7.0.
 */
const OCSF_VERSION = "1.1.0";
const CLASS = { category_uid: 2, category_name: "Findings", class_uid: 2004, class_name: "Detection Finding" } as const;
/** type_uid = class_uid * 100 + activity_id; every event reports its finding as created (activity 1). */
const ACTIVITY = { activity_id: 1, activity_name: "Create", type_uid: 200401, type_name: "Detection Finding: Create" } as const;
/** The account object's type_id for an AWS account. */
const AWS_ACCOUNT = { type_id: 10, type: "AWS Account" } as const;
/** The analytic object's type_id for a rule. */
const RULE_ANALYTIC = { type_id: 1, type: "Rule" } as const;

type OcsfEvent = Readonly<Record<string, unknown>>;

/** "aws", "aws-cn" or "aws-us-gov", from an ARN; URNs name no partition. */
function cloudPartition(resourceId: string): string | undefined {
  return /^arn:([^:]+):/.exec(resourceId)?.[1];
}

function resourceDetails(resource: ReportResource): OcsfEvent {
  return { uid: resource.id, type: resource.type, name: resource.name, region: resource.region, cloud_partition: cloudPartition(resource.id) };
}

function statusDetail(finding: ReportFinding): string | undefined {
  if (finding.status === "not-assessed") return `not assessed: ${finding.reason ?? "unknown reason"}`;
  if (finding.waiver?.state === "active") return `waived: ${finding.waiver.reason}`;
  if (finding.waiver?.state === "expired") return `waiver expired: ${finding.waiver.reason}`;
  return undefined;
}

function ocsfEvent(report: CanonicalReport, finding: ReportFinding, rule: ReportRule, time: number): OcsfEvent {
  const { resource, waiver } = finding;
  const severity = finding.status === "not-assessed" ? OCSF_SEVERITY.informational : OCSF_SEVERITY[rule.severity];
  const status = finding.status === "waived" ? OCSF_STATUS.suppressed : OCSF_STATUS.new;
  return {
    ...CLASS,
    ...ACTIVITY,
    severity_id: severity.id,
    severity: severity.caption,
    status_id: status.id,
    status: status.caption,
    status_code: finding.status,
    status_detail: statusDetail(finding),
    time,
    message: finding.message,
    finding_info: {
      uid: finding.id,
      title: rule.title,
      desc: rule.rationale,
      types: [PILLARS[rule.pillar]],
      analytic: { uid: rule.id, name: rule.slug, ...RULE_ANALYTIC },
    },
    resources: [resourceDetails(resource)],
    cloud: {
      provider: "AWS",
      account: resource.account === undefined ? undefined : { uid: resource.account, ...AWS_ACCOUNT },
      region: resource.region,
    },
    remediation: { desc: rule.remediation, references: rule.links.length > 0 ? rule.links : undefined },
    metadata: {
      version: OCSF_VERSION,
      product: { name: report.tool.name, vendor_name: report.tool.name, version: report.tool.version },
      profiles: ["cloud"],
      event_code: rule.id,
    },
    // Detection Finding has no `compliance` attribute (Compliance Finding, 2003, does): the frameworks,
    // and what the canonical report says that OCSF has no field for, go to `unmapped`.
    unmapped: {
      compliance: ocsfCompliance(rule),
      rule_severity: rule.severity,
      reason: finding.reason,
      waiver: waiver?.state === "active" ? waiver : undefined,
      expired_waiver: waiver?.state === "expired" ? waiver : undefined,
      waiver_problem: finding.waiverProblem,
      // A scan's accounts and regions are in `cloud`; a preview's project and stack have no OCSF attribute.
      scope: report.scope.front === "pulumi" ? report.scope : undefined,
    },
  };
}

/**
 * One event per finding that is not a pass: a Detection Finding reports something to act on, and SIEMs and
 * Security Hub-style consumers open an item for every event they ingest. Passes stay in the canonical
 * report's coverage. Not-assessed findings come as Informational events (no problem was found; the gap is
 * the news), waived ones as Suppressed.
 */
export function ocsfFindings(report: CanonicalReport): OcsfEvent[] {
  const time = Date.parse(report.finishedAt);
  return findingsWithRules(report)
    .filter(({ finding }) => finding.status !== "pass")
    .map(({ finding, rule }) => ocsfEvent(report, finding, rule, time));
}

export const ocsfRenderer: Renderer = {
  format: "ocsf",
  extension: ".ocsf.json",
  description: "OCSF 1.1 Detection Finding events (a JSON array) for Security Hub-style ingestion: failures, waived, not assessed",
  render: (report) => `${JSON.stringify(ocsfFindings(report), null, 2)}\n`,
};
