// What one violation of this pack says, read back from the text the pack gave the engine. The forms are
// those of src/pulumi/report-findings.ts (reportFindings), after the wrapping @pulumi/policy and the engine add.
import type { FindingStatus } from "../../core/finding";
import { UNKNOWN_REASON_TEXT } from "../../core/outcome";
import type { UnknownReason } from "../../core/value";

export interface PackMessage {
  readonly status: FindingStatus;
  /** The finding's own message, as a scan reports it: without the rule id, "not assessed" or the waiver. */
  readonly message: string;
  readonly reason?: UnknownReason;
  /** An active waiver (status "waived") or an expired one (status "fail"). */
  readonly waiver?: { readonly state: "active" | "expired"; readonly reason?: string; readonly until?: string };
  /** A waiver tag that could not be read. */
  readonly waiverProblem?: string;
}

const REASONS: readonly UnknownReason[] = ["preview", "not-fetched", "access-denied", "timeout", "throttled", "unavailable", "error"];
/** Packs before 0.2 put the reason in the message: `<resource>: <what> is unknown (<reason>: <detail>)`. */
const UNKNOWN_REASON = new RegExp(` is unknown \\((${REASONS.join("|")}): `);
const REASON_OF_TEXT = new Map(Object.entries(UNKNOWN_REASON_TEXT).map(([reason, text]) => [text, reason as UnknownReason]));
/** core/evaluate.ts: a rule that threw is not assessed for its whole scope. */
const EVALUATION_ERROR = new RegExp(`^not assessed \\((?:error|${UNKNOWN_REASON_TEXT.error})\\): `);
/** report-findings.ts: `not assessed (<reason in words>): <message>`; older packs: `not assessed: <message>`. */
const NOT_ASSESSED = /^not assessed(?: \(([^)]*)\))?: /;
const WAIVED = /^([\s\S]*) — WAIVED(?: until (\d{4}-\d{2}-\d{2}))?: ([\s\S]*)$/;
const EXPIRED = /^([\s\S]*) \(waiver expired on (\d{4}-\d{2}-\d{2})\)$/;
const WAIVER_PROBLEM = /^([\s\S]*) \((waiver tag '[^']*'[\s\S]*)\)$/;

/**
 * Reads a violation's text. `ruleId` is the rule of the policy that reported it. The engine's preview
 * wraps every message in color directives (`<{%reset%}>`) and ends it with a new line; @pulumi/policy puts
 * the policy's description (`<title> [<rule id>]`) on a line before a message reported as text.
 */
export function readPackMessage(raw: string, ruleId: string): PackMessage {
  const text = withoutDescription(plainText(raw), ruleId);
  if (EVALUATION_ERROR.test(text)) return { status: "not-assessed", reason: "error", message: text.replace(EVALUATION_ERROR, "") };
  const body = text.startsWith(`[${ruleId}] `) ? text.slice(ruleId.length + 3) : text;
  const notAssessed = NOT_ASSESSED.exec(body);
  if (notAssessed) {
    const message = body.replace(NOT_ASSESSED, "");
    const said = notAssessed[1] === undefined ? undefined : REASON_OF_TEXT.get(notAssessed[1]);
    return { status: "not-assessed", reason: said ?? (UNKNOWN_REASON.exec(message)?.[1] as UnknownReason | undefined) ?? "error", message };
  }
  const waived = WAIVED.exec(body);
  if (waived) {
    const [, message = "", until, reason = ""] = waived;
    return { status: "waived", message, waiver: { state: "active", ...(reason ? { reason } : {}), ...(until ? { until } : {}) } };
  }
  const expired = EXPIRED.exec(body);
  if (expired) return { status: "fail", message: expired[1] ?? "", waiver: { state: "expired", ...(expired[2] ? { until: expired[2] } : {}) } };
  const problem = WAIVER_PROBLEM.exec(body);
  if (problem) return { status: "fail", message: problem[1] ?? "", waiverProblem: problem[2] ?? "" };
  return { status: "fail", message: body };
}

/** Color directives are `<{%name%}>` (sdk/v3/go/common/diag/colors/colors.go); the engine adds a final new line. */
export function plainText(raw: string): string {
  return raw.replace(/<\{%[^%]*%\}>/g, "").replace(/\n+$/, "");
}

function withoutDescription(text: string, ruleId: string): string {
  const newline = text.indexOf("\n");
  if (newline < 0) return text;
  return text.slice(0, newline).endsWith(`[${ruleId}]`) ? text.slice(newline + 1) : text;
}
