import { fail, notAssessed, pass } from "../../core/outcome";
import type { OptionSchema, Outcome } from "../../core/rule";
import { isUnknown, type Val } from "../../core/value";
import { analyzePrincipals, type PrincipalFinding, type PrincipalFindingKind, type PrincipalOptions } from "../../iam";
import type { ResourceRef } from "../../models/ref";
import { findingsText, malformedOutcome } from "./grant-outcome-facts";
import { listed } from "./iam-inventory-facts";

export interface AccountOptions {
  ownAccountIds: string[];
  trustedAccountIds: string[];
}

export const ACCOUNT_OPTIONS: { readonly [K in keyof AccountOptions]: OptionSchema } = {
  ownAccountIds: {
    type: "array",
    items: { type: "string" },
    default: [],
    description: "Accounts the stack deploys to; needed in preview, before the resource's own ARN is known.",
  },
  trustedAccountIds: {
    type: "array",
    items: { type: "string" },
    default: [],
    description: "Other accounts trusted without a condition (e.g. the organisation's security or CI account).",
  },
};

/** The account of an ARN, when known. */
export function accountOfArn(arn: Val<string | undefined>): string | undefined {
  if (isUnknown(arn) || arn === undefined) return undefined;
  return /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):/.exec(arn)?.[1];
}

/** The analyzer's options: the resource's own account (from its ARN, else configured) and the trusted ones. */
export function principalOptions(own: string | undefined, o: AccountOptions, kind: "trust" | "resource"): PrincipalOptions {
  const owns = [...(own === undefined ? [] : [own]), ...o.ownAccountIds];
  const accountId = owns[0];
  return { kind, ...(accountId === undefined ? {} : { accountId }), trustedAccounts: [...owns.slice(1), ...o.trustedAccountIds] };
}

function findingText(f: PrincipalFinding): string {
  const sid = f.statements.length === 1 ? f.statements[0]?.sid : undefined;
  const text = sid === undefined ? f.message : f.message.replace(/^Statement(\[\d+\])?/, (m) => `${m} (Sid "${sid}")`);
  const conditions = f.conditionKeys.length > 0 ? ` (conditions on ${listed(f.conditionKeys, 3)} do not scope it)` : "";
  return `${text} (actions: ${listed(f.actions, 3)})${conditions}`;
}

/** One outcome for one trust or resource policy: who it lets in, judged for the given kinds. */
export function judgePrincipalDocument(
  ref: ResourceRef,
  subject: string,
  what: string,
  document: Val<unknown>,
  options: PrincipalOptions,
  kinds: readonly PrincipalFindingKind[],
  passText: string,
): Outcome {
  const analysis = analyzePrincipals(document, options);
  if (analysis.status === "malformed") return malformedOutcome(ref, subject, analysis.problems);
  if (analysis.status === "unknown") {
    const u = analysis.unknowns[0];
    if (u !== undefined) return notAssessed(ref, what, u.unknown);
  }
  const findings = analysis.findings.filter((f) => kinds.includes(f.kind));
  if (findings.length > 0) return fail(ref, `${subject}: ${findingsText(findings.map(findingText))}`);
  const open = analysis.unknowns.find((u) => u.affects.some((k) => kinds.includes(k as PrincipalFindingKind)));
  if (open !== undefined) {
    const hint = open.unknown.reason === "not-fetched" ? "; set the rule's ownAccountIds (or trustedAccountIds) to judge it before deployment" : "";
    return { status: "unknown", resource: ref, reason: open.unknown.reason, message: `${subject}: ${open.message}${hint}` };
  }
  return pass(ref, `${subject} ${passText}`);
}
