import type { Severity } from "../../core/rule";

/** The SARIF level (§3.27.10) of a failing finding: what code-scanning lists sort and filter by. */
export const SARIF_LEVEL: Readonly<Record<Severity, "error" | "warning" | "note">> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
};

/**
 * GitHub code scanning reads a rule's `security-severity` property, a score from 0.1 to 10 written as a
 * string, and shows it as critical above 9.0, high from 7.0, medium from 4.0 and low from 0.1. Each
 * severity gets a score well inside its band, so no consumer's rounding moves it into the next one.
 */
export const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
};
