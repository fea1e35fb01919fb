import { stringify } from "csv-stringify/sync";
import { PILLARS } from "../../core/rule";
import type { CanonicalReport, ReportFinding, ReportRule } from "../report";
import { findingsWithRules, frameworkControls } from "./finding-rules";
import type { Renderer } from "./renderer";

type Row = Readonly<Record<string, string | undefined>>;

const COLUMNS: readonly (readonly [key: string, header: string])[] = [
  ["findingId", "finding_id"],
  ["ruleId", "rule_id"],
  ["ruleSlug", "rule_slug"],
  ["title", "title"],
  ["severity", "severity"],
  ["pillar", "pillar"],
  ["status", "status"],
  ["reason", "reason"],
  ["resourceId", "resource_id"],
  ["resourceType", "resource_type"],
  ["resourceName", "resource_name"],
  ["account", "account"],
  ["region", "region"],
  ["message", "message"],
  ["waiverState", "waiver_state"],
  ["waiverReason", "waiver_reason"],
  ["waiverOwner", "waiver_owner"],
  ["waiverExpires", "waiver_expires"],
  ["waiverSource", "waiver_source"],
  ["frameworks", "frameworks"],
  ["waiverProblem", "waiver_problem"],
];

function csvRow(finding: ReportFinding, rule: ReportRule): Row {
  const { resource, waiver } = finding;
  return {
    findingId: finding.id,
    ruleId: rule.id,
    ruleSlug: rule.slug,
    title: rule.title,
    severity: rule.severity,
    pillar: PILLARS[rule.pillar],
    status: finding.status,
    reason: finding.reason,
    resourceId: resource.id,
    resourceType: resource.type,
    resourceName: resource.name,
    account: resource.account,
    region: resource.region,
    message: finding.message,
    waiverState: waiver?.state,
    waiverReason: waiver?.reason,
    waiverOwner: waiver?.owner,
    waiverExpires: waiver?.expires,
    waiverSource: waiver && (waiver.line === undefined ? waiver.source : `${waiver.source}:${waiver.line}`),
    frameworks: frameworkControls(rule).join("; "),
    waiverProblem: finding.waiverProblem,
  };
}

/**
 * One row per finding, RFC 4180: CRLF line ends, fields quoted when they hold a comma, a quote, CR or LF,
 * quotes doubled. Messages and names come from the scanned accounts, so a cell a spreadsheet would run as
 * a formula (starting with =, +, -, @, a tab or CR) gets a leading apostrophe (OWASP's CSV injection advice;
 * csv-stringify's `escape_formulas`).
 */
export function renderCsv(report: CanonicalReport): string {
  const rows = findingsWithRules(report).map(({ finding, rule }) => csvRow(finding, rule));
  return stringify(rows, {
    header: true,
    columns: COLUMNS.map(([key, header]) => ({ key, header })),
    record_delimiter: "windows",
    // csv-stringify quotes a field holding the whole record delimiter (CRLF) but not a lone CR or LF.
    quoted_match: /[\r\n]/,
    escape_formulas: true,
  });
}

export const csvRenderer: Renderer = {
  format: "csv",
  extension: ".csv",
  description: "one row per finding (RFC 4180, formula-safe) for spreadsheets",
  render: renderCsv,
};
