import { fail, notAssessed, pass } from "../../core/outcome";
import type { Outcome } from "../../core/rule";
import type { ResourceRef } from "../../models/ref";
import {
  analyzePolicy,
  type GrantFinding,
  type GrantFindingKind,
  type ParseProblem,
  type PolicySizeProblem,
  type StatementRef,
  type UnknownVerdict,
} from "../../iam";
import { listed, type IdentityDocument } from "./iam-inventory-facts";

/** One finding kind a rule counts, and what of each finding it keeps (undefined drops the finding). */
export interface KindCheck {
  readonly kind: GrantFindingKind;
  /** Given the finding and all findings of the document. */
  readonly describe?: (f: GrantFinding, all: readonly GrantFinding[]) => string | undefined;
}

/**
 * One outcome for one identity-based document: fail naming each counted finding (statement,
 * Sid, actions, resources), or AWS's objection to a malformed document; unknown when a counted
 * kind turns on a value that is not known; pass otherwise.
 */
export function judgeIdentityDocument(doc: IdentityDocument, checks: readonly KindCheck[], passText: string): Outcome {
  const analysis = analyzePolicy(doc.document, { kind: "identity", ...(doc.sizeLimit === undefined ? {} : { sizeLimit: doc.sizeLimit }) });
  if (analysis.status === "malformed") return malformedOutcome(doc.ref, doc.subject, analysis.problems);
  if (analysis.status === "oversized" && analysis.size !== undefined) return oversizedOutcome(doc.ref, doc.subject, analysis.size);
  if (analysis.status === "unknown") {
    const u = analysis.unknowns[0];
    if (u !== undefined) return notAssessed(doc.ref, doc.what, u.unknown);
  }
  const violations = checks.flatMap((c) =>
    analysis.findings.filter((f) => f.kind === c.kind).flatMap((f) => {
      const text = c.describe ? c.describe(f, analysis.findings) : withContext(f, f.message);
      return text === undefined ? [] : [text];
    }),
  );
  if (violations.length > 0) return fail(doc.ref, `${doc.subject}: ${findingsText(violations)}`);
  const open = analysis.unknowns.find((u) => checks.some((c) => u.affects.includes(c.kind)));
  if (open !== undefined) return openOutcome(doc.ref, doc.subject, open);
  return pass(doc.ref, `${doc.subject} ${passText}`);
}

export function malformedOutcome(ref: ResourceRef, subject: string, problems: readonly ParseProblem[]): Outcome {
  const shown = problems.slice(0, 3).map((p) => `${p.path} ${p.problem}`);
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more problems)` : "";
  return fail(ref, `${subject}: the policy document is malformed and AWS would reject it: ${shown.join("; ")}${more}`);
}

/** AWS rejects a document over its size limit: a violation, judged before anything it grants. */
export function oversizedOutcome(ref: ResourceRef, subject: string, size: PolicySizeProblem): Outcome {
  return fail(ref, `${subject}: the policy document ${size.message}`);
}

/** "Not assessed" for a verdict that turns on an unknown value. */
export function openOutcome(ref: ResourceRef, subject: string, u: UnknownVerdict): Outcome {
  return { status: "unknown", resource: ref, reason: u.unknown.reason, message: `${subject}: ${u.message}` };
}

/** Findings joined for one message: the first few, then how many more. */
export function findingsText(texts: readonly string[], limit = 4): string {
  const more = texts.length > limit ? `; and ${texts.length - limit} more` : "";
  return `${texts.slice(0, limit).join("; ")}${more}`;
}

/** `Statement[2] (Sid "All")`, for the statements of a finding. */
export function statementsText(statements: readonly StatementRef[]): string {
  return statements.map((s) => `Statement[${s.index}]${s.sid === undefined ? "" : ` (Sid "${s.sid}")`}`).join(" + ");
}

/** The analyzer's message with the Sid, resources and condition keys it leaves out. */
export function withContext(f: GrantFinding, message: string): string {
  const sid = f.statements.length === 1 ? f.statements[0]?.sid : undefined;
  const text = sid === undefined ? message : message.replace(/^Statement(\[\d+\])?/, (m) => `${m} (Sid "${sid}")`);
  const resources = f.kind === "full-admin" || f.kind.startsWith("unscoped") ? "" : ` on ${listed(f.resources, 3)}`;
  const conditions = f.conditionKeys.length > 0 ? ` (under conditions on ${listed(f.conditionKeys, 3)})` : "";
  return `${text}${resources}${conditions}`;
}

/** A finding's message rebuilt around the actions a rule keeps. */
export function keptActionsText(f: GrantFinding, what: string, actions: readonly string[]): string {
  return withContext(f, `${statementsText(f.statements.map(({ index }) => ({ index })))} allows ${what}: ${listed(actions)}`);
}
