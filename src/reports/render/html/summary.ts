import type { FindingStatus } from "../../../core/finding";
import { PILLARS, type PillarKey, type Severity } from "../../../core/rule";
import { frameworkLabel, pillarLabel } from "./labels";
import type { CanonicalReport, ReportRule } from "../../report";

export const STATUSES: readonly FindingStatus[] = ["fail", "not-assessed", "waived", "pass"];
export const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low"];

export type StatusCounts = Record<FindingStatus, number>;

/** One row of a breakdown: findings of one severity, pillar, account or framework control, by status. */
export interface Tally {
  readonly label: string;
  readonly counts: StatusCounts;
  readonly total: number;
}

export interface ReportSummary {
  readonly total: number;
  readonly byStatus: StatusCounts;
  readonly bySeverity: readonly Tally[];
  readonly byPillar: readonly Tally[];
  readonly byAccount: readonly Tally[];
  readonly byControl: readonly Tally[];
  /** Failing findings whose waiver has expired. */
  readonly expiredWaivers: number;
  readonly waiverProblems: number;
}

export const NO_ACCOUNT = "(no account)";

export function emptyCounts(): StatusCounts {
  return { fail: 0, "not-assessed": 0, waived: 0, pass: 0 };
}

// Numeric so that "3.5.1" sorts before "10.1"; a fixed locale keeps the output the same everywhere.
const controlOrder = new Intl.Collator("en", { numeric: true });

class Tallies {
  private readonly rows = new Map<string, StatusCounts>();

  add(label: string, status: FindingStatus, count = 1): void {
    let counts = this.rows.get(label);
    if (!counts) this.rows.set(label, (counts = emptyCounts()));
    counts[status] += count;
  }

  list(order: readonly string[] | "sorted"): Tally[] {
    const labels = order === "sorted" ? [...this.rows.keys()].sort(controlOrder.compare) : order.filter((l) => this.rows.has(l));
    return labels.map((label) => {
      const counts = this.rows.get(label) ?? emptyCounts();
      return { label, counts, total: STATUSES.reduce((n, s) => n + counts[s], 0) };
    });
  }
}

export function summarizeReport(report: CanonicalReport): ReportSummary {
  const rules = new Map<string, ReportRule>(report.rules.map((r) => [r.id, r]));
  const byStatus = emptyCounts();
  const severity = new Tallies();
  const pillar = new Tallies();
  const account = new Tallies();
  const perRule = new Map<string, StatusCounts>();
  let expiredWaivers = 0;
  let waiverProblems = 0;
  for (const f of report.findings) {
    byStatus[f.status]++;
    const rule = rules.get(f.ruleId);
    if (rule) {
      severity.add(rule.severity, f.status);
      pillar.add(pillarLabel(rule.pillar), f.status);
    }
    account.add(f.resource.account ?? NO_ACCOUNT, f.status);
    let counts = perRule.get(f.ruleId);
    if (!counts) perRule.set(f.ruleId, (counts = emptyCounts()));
    counts[f.status]++;
    if (f.waiver?.state === "expired") expiredWaivers++;
    if (f.waiverProblem !== undefined) waiverProblems++;
  }
  const control = new Tallies();
  for (const rule of report.rules) {
    const counts = perRule.get(rule.id) ?? emptyCounts();
    for (const [framework, controls] of Object.entries(rule.frameworks)) {
      for (const id of controls) {
        for (const status of STATUSES) control.add(`${frameworkLabel(framework)} ${id}`, status, counts[status]);
      }
    }
  }
  const pillarOrder = (Object.keys(PILLARS) as PillarKey[]).map(pillarLabel);
  return {
    total: report.findings.length,
    byStatus,
    bySeverity: severity.list(SEVERITIES),
    byPillar: pillar.list(pillarOrder),
    byAccount: account.list("sorted"),
    byControl: control.list("sorted"),
    expiredWaivers,
    waiverProblems,
  };
}
