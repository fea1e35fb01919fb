import type { FindingStatus } from "../../../core/finding";
import { PILLARS, type PillarKey } from "../../../core/rule";
import type { UnknownReason } from "../../../core/value";

export const STATUS_LABELS: Readonly<Record<FindingStatus, string>> = {
  fail: "Fail",
  "not-assessed": "Not assessed",
  waived: "Waived",
  pass: "Pass",
};

export const FRAMEWORK_LABELS: Readonly<Record<string, string>> = {
  gdpr: "GDPR",
  ccpa: "CCPA",
  "pci-dss-4.0": "PCI DSS 4.0",
  hipaa: "HIPAA",
  "cis-aws-3.0": "CIS AWS 3.0",
};

export const REASON_EXPLANATIONS: Readonly<Record<UnknownReason, string>> = {
  preview: "the value is not known until the stack is deployed",
  "not-fetched": "the data it needs was not fetched (it is outside the stack or the scan)",
  "access-denied": "the call that reads it was denied",
  timeout: "the call that reads it timed out",
  throttled: "AWS kept throttling the call that reads it",
  unavailable: "the service or region was unavailable",
  error: "reading it, or the rule itself, failed",
};

export const PILLAR_LABELS: Readonly<Record<string, string>> = PILLARS;

export function frameworkLabel(framework: string): string {
  return FRAMEWORK_LABELS[framework] ?? framework;
}

export function pillarLabel(pillar: PillarKey): string {
  return PILLAR_LABELS[pillar] ?? pillar;
}
