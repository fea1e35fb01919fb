import type { CanonicalReport, ReportFinding, ReportRule } from "../report";

export interface FindingWithRule {
  readonly finding: ReportFinding;
  readonly rule: ReportRule;
  /** The rule's position in `report.rules`. */
  readonly ruleIndex: number;
}

/** The report's findings, in order, each with its rule; a finding of a rule the report does not list is an error. */
export function findingsWithRules(report: CanonicalReport): FindingWithRule[] {
  const indexes = new Map(report.rules.map((rule, index) => [rule.id, index]));
  return report.findings.map((finding) => {
    const ruleIndex = indexes.get(finding.ruleId);
    if (ruleIndex === undefined) throw new Error(`finding ${finding.id} names rule ${finding.ruleId}, which the report does not list`);
    return { finding, rule: report.rules[ruleIndex]!, ruleIndex };
  });
}

/** A rule's framework controls as "framework:control", e.g. "gdpr:Art.32(1)(a)". */
export function frameworkControls(rule: ReportRule): string[] {
  return Object.entries(rule.frameworks).flatMap(([framework, controls]) => controls.map((control) => `${framework}:${control}`));
}
