import type { ReportViolation } from "@pulumi/policy";
import { boundValue, MESSAGE_LIMIT } from "../core/bounded-text";
import type { Finding } from "../core/finding";
import { UNKNOWN_REASON_TEXT } from "../core/outcome";
import type { Waiver } from "../core/waivers";
import { safeMessage, secretsVisible } from "./safe-message";

/** How many "not assessed" messages one policy's not-applicable reason lists before counting the rest. */
const SHOWN_UNKNOWNS = 5;
/** Characters of one finding's message inside a not-applicable reason that lists several. */
const LISTED_LIMIT = Math.floor(MESSAGE_LIMIT / (SHOWN_UNKNOWNS + 1));

/**
 * How "not assessed" results reach the user. The engine shows a policy's not-applicable reasons nowhere
 * (console, --json, --diff), so by default each one is an advisory violation of its rule's policy, one per
 * resource, which never fails the run; "hidden" keeps them in the not-applicable channel only.
 */
export type NotAssessedDisplay = "advisory" | "hidden";

/** Reports a violation object with its own enforcement level (the server accepts it; its types do not say so). */
const reportAdvisory = (report: ReportViolation, message: string, urn: string | undefined): void =>
  (report as unknown as (v: object) => void)({ message, ...(urn ? { urn } : {}), enforcementLevel: "advisory" });

/**
 * Hands a policy's findings to the engine: failures as violations (naming an expired or unreadable
 * waiver), waived ones as advisory violations marked WAIVED with the waiver's expiry, owner, reason and
 * file, and what could not be judged as "not assessed: ..." (see NotAssessedDisplay). Passes say
 * nothing: the engine has no channel for them.
 *
 * Every text handed over goes through `safeMessage`: the secrets of the request are redacted, then each
 * long value and the whole text are bounded. When the pack cannot see which values are secret (no
 * decoding hook, see shared-deserialization.ts), a finding is told by its rule and resource only.
 */
export function reportFindings(
  findings: readonly Finding[],
  report: ReportViolation,
  notApplicable: (reason?: string) => never,
  display: NotAssessedDisplay = "advisory",
): void {
  const text = secretsVisible() ? (f: Finding): string => f.message : withheld;
  const error = findings.find((f) => f.evaluationError);
  if (error) {
    const message = safeMessage(`not assessed (${UNKNOWN_REASON_TEXT.error}): ${text(error)}`);
    if (display === "advisory") reportAdvisory(report, message, undefined);
    notApplicable(message);
  }
  let failed = 0;
  for (const f of findings) {
    if (f.status !== "fail" && f.status !== "waived") continue;
    failed++;
    const message = `[${f.rule.id}] ${text(f)}`;
    const w = f.waiver;
    if (f.status === "waived" && w?.state === "active") {
      const until = w.waiver.until ? ` until ${w.waiver.until}` : "";
      // A waived finding stays visible without blocking the preview.
      reportAdvisory(report, safeMessage(`${message} — WAIVED${until}${waiverDetails(w.waiver)}`), urnOf(f));
      continue;
    }
    const note =
      w?.state === "expired" ? ` (waiver expired on ${w.waiver.until}${waiverDetails(w.waiver)})` : w?.state === "invalid" ? ` (${boundValue(w.problem)})` : "";
    report(safeMessage(`${message}${note}`), urnOf(f));
  }
  const unknowns = findings.filter((f) => f.status === "not-assessed");
  if (display === "advisory") for (const f of unknowns) reportAdvisory(report, safeMessage(`[${f.rule.id}] not assessed (${UNKNOWN_REASON_TEXT[f.reason ?? "error"]}): ${text(f)}`), urnOf(f));
  if (failed > 0) return;
  if (unknowns.length > 0) {
    const shown = unknowns.slice(0, SHOWN_UNKNOWNS).map((f) => safeMessage(text(f), LISTED_LIMIT));
    const more = unknowns.length > SHOWN_UNKNOWNS ? `; and ${unknowns.length - SHOWN_UNKNOWNS} more` : "";
    notApplicable(safeMessage(`not assessed: ${shown.join("; ")}${more}`));
  }
}

/**
 * `, owner <who>: <reason> (<file>:<line>)`. A tag's texts are the program's and may be secret: when the
 * pack cannot tell which values are, they are withheld. A waivers file's texts are the user's own.
 */
function waiverDetails(w: Waiver): string {
  const fromProgram = w.source === "tag";
  const shown = (text: string, what: string): string => (fromProgram && !secretsVisible() ? `(${what} withheld)` : boundValue(text));
  const owner = w.owner ? `, owner ${shown(w.owner, "owner")}` : "";
  const where = fromProgram ? "" : ` (${w.source}${w.line === undefined ? "" : `:${w.line}`})`;
  return `${owner}: ${shown(w.reason, "reason")}${where}`;
}

const URN = /^urn:pulumi:[^\s]*$/;

/**
 * The URN a diagnostic is attributed to. A finding on something the stack does not declare (an AWS
 * managed policy, known by the ARN a property gives) has no URN: its diagnostic goes to the stack
 * rather than carry a property value outside the message.
 */
function urnOf(f: Finding): string | undefined {
  return URN.test(f.resource.id) ? f.resource.id : undefined;
}

/**
 * A finding told without any text taken from property values: the resource's own name from its URN
 * and what kind of result it is (the engine shows the policy's description beside it).
 */
function withheld(f: Finding): string {
  const name = URN.test(f.resource.id) ? f.resource.id.slice(f.resource.id.lastIndexOf("::") + 2) : undefined;
  const where = name === undefined ? (f.resource.id === "stack" ? "the stack" : "a resource the stack names") : `'${name}'`;
  const what = f.status === "not-assessed" ? `is not assessed (${UNKNOWN_REASON_TEXT[f.reason ?? "error"]})` : "violates this policy";
  return `${where} ${what} (details withheld: this @pulumi/policy version does not let the pack see which values are secret)`;
}
