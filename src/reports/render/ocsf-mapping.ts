import type { Severity } from "../../core/rule";
import type { ReportRule } from "../report";

interface Enumerated {
  readonly id: number;
  readonly caption: string;
}

/** base_event severity_id (0 Unknown, 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical, 6 Fatal, 99 Other). */
export const OCSF_SEVERITY: Readonly<Record<Severity | "informational", Enumerated>> = {
  informational: { id: 1, caption: "Informational" },
  low: { id: 2, caption: "Low" },
  medium: { id: 3, caption: "Medium" },
  high: { id: 4, caption: "High" },
  critical: { id: 5, caption: "Critical" },
};

/** The finding class's status_id: its triage state, not the check's outcome. */
export const OCSF_STATUS = {
  new: { id: 1, caption: "New" },
  suppressed: { id: 3, caption: "Suppressed" },
} as const satisfies Readonly<Record<string, Enumerated>>;

/** The standards' own names, as OCSF's compliance.standards examples write them. */
const STANDARD_NAMES: Readonly<Record<string, string>> = {
  gdpr: "GDPR",
  ccpa: "CCPA/CPRA",
  "pci-dss-4.0": "PCI DSS v4.0",
  hipaa: "HIPAA Security Rule",
  "cis-aws-3.0": "CIS AWS Foundations Benchmark v3.0.0",
};

/** Shaped like OCSF's compliance object (standards, requirements), plus the report's own framework map. */
export function ocsfCompliance(rule: ReportRule): Readonly<Record<string, unknown>> {
  const entries = Object.entries(rule.frameworks);
  const standard = (framework: string): string => STANDARD_NAMES[framework] ?? framework;
  return {
    standards: entries.map(([framework]) => standard(framework)),
    requirements: entries.flatMap(([framework, controls]) => controls.map((control) => `${standard(framework)} ${control}`)),
    frameworks: rule.frameworks,
  };
}
