import type { ReportViolation } from "@pulumi/policy";
import type { Finding } from "../core/finding";

/** How many "not assessed" messages one policy's not-applicable reason lists before counting the rest. */
const SHOWN_UNKNOWNS = 5;

/**
 * Hands a policy's findings to the engine: failures as violations, waived ones as advisory violations
 * marked WAIVED; when nothing failed, what could not be judged becomes the policy's not-applicable
 * reason ("not assessed: ..."). Passes say nothing: the engine has no channel for them.
 */
export function reportFindings(findings: readonly Finding[], report: ReportViolation, notApplicable: (reason?: string) => never): void {
  const error = findings.find((f) => f.evaluationError);
  if (error) notApplicable(`not assessed (error): ${error.message}`);
  let failed = 0;
  for (const f of findings) {
    if (f.status !== "fail" && f.status !== "waived") continue;
    failed++;
    const message = `[${f.rule.id}] ${f.message}`;
    const w = f.waiver;
    if (f.status === "waived" && w?.state === "active") {
      const until = w.waiver.until ? ` until ${w.waiver.until}` : "";
      // The server also accepts a violation object with its own enforcement level (untyped but
      // implemented); a waived finding stays visible without blocking the preview.
      (report as unknown as (v: object) => void)({
        message: `${message} — WAIVED${until}: ${w.waiver.reason}`,
        urn: f.resource.id,
        enforcementLevel: "advisory",
      });
      continue;
    }
    const note = w?.state === "expired" ? ` (waiver expired on ${w.waiver.until})` : w?.state === "invalid" ? ` (${w.problem})` : "";
    report(`${message}${note}`, f.resource.id);
  }
  if (failed > 0) return;
  const unknowns = findings.filter((f) => f.status === "not-assessed");
  if (unknowns.length > 0) {
    const shown = unknowns.slice(0, SHOWN_UNKNOWNS).map((f) => f.message);
    const more = unknowns.length > SHOWN_UNKNOWNS ? `; and ${unknowns.length - SHOWN_UNKNOWNS} more` : "";
    notApplicable(`not assessed: ${shown.join("; ")}${more}`);
  }
}
