import { fail, notAssessed, pass } from "../../core/outcome";
import type { OptionSchema, Outcome } from "../../core/rule";
import { isUnknown, type Val } from "../../core/value";
import { analyzePrincipals, parsePolicy, type PrincipalFinding, type PrincipalFindingKind, type PrincipalOptions, type StatementRef, type UnknownVerdict } from "../../iam";
import { trustChecks } from "../../iam/trust-checks";
import type { ServicePolicyKind as TrustCheckPolicyKind } from "../../iam/trust-service-principals";
import { OWN_ACCOUNT_IDS_STACK_TAG } from "../../models/inventory";
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
    description: `Accounts the stack deploys to. Also learned from the stack tag ${OWN_ACCOUNT_IDS_STACK_TAG}, the AWS provider's allowedAccountIds and known ARNs; needed when none of those tells it.`,
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

/** The accounts a resource is judged against: its own (from its ARN), those learned by the front, and the configured ones. */
export function ownAccounts(own: string | undefined, learned: readonly string[] | undefined, o: AccountOptions): string[] {
  return [...new Set([...(own === undefined ? [] : [own]), ...(learned ?? []), ...o.ownAccountIds])];
}

/** The analyzer's options: the resource's own accounts (the first is the analyzer's own) and the trusted ones. */
export function principalOptions(owns: readonly string[], o: AccountOptions, kind: "trust" | "resource"): PrincipalOptions {
  const accountId = owns[0];
  return { kind, ...(accountId === undefined ? {} : { accountId }), trustedAccounts: [...owns.slice(1), ...o.trustedAccountIds] };
}

/** How the not-assessed message says what is unknown and where to set it, once. */
export const OWN_ACCOUNT_UNKNOWN =
  `own account unknown: set the rule's ownAccountIds option (or the pack-wide settings), the stack tag ` +
  `${OWN_ACCOUNT_IDS_STACK_TAG} (12-digit ids separated by commas) or the AWS provider's allowedAccountIds; ` +
  `a known ARN of any resource of the stack also tells it`;

function statementText(message: string, statement: StatementRef | undefined): string {
  const sid = statement?.sid;
  return sid === undefined ? message : message.replace(/^Statement(\[\d+\])?/, (m) => `${m} (Sid "${sid}")`);
}

function findingText(f: PrincipalFinding): string {
  const text = statementText(f.message, f.statements.length === 1 ? f.statements[0] : undefined);
  const conditions = f.conditionKeys.length > 0 ? ` (conditions on ${listed(f.conditionKeys, 3)} do not scope it)` : "";
  return `${text} (actions: ${listed(f.actions, 3)})${conditions}`;
}

/** Accounts whose verdict waits on the own account, as the analyzer names them. */
function accountsAwaitingOwn(unknowns: readonly UnknownVerdict[]): string[] {
  const named = unknowns.map((u) => /account (\d{12})/.exec(u.message)?.[1]).filter((a): a is string => a !== undefined);
  return [...new Set(named)];
}

/** An account no principal names: judging as if it were the own one treats every named account as foreign. */
const NO_ACCOUNT = "000000000000";

/** Whether the document passes even when every account it names is foreign. */
function fineIfForeign(document: Val<unknown>, options: PrincipalOptions, kinds: readonly PrincipalFindingKind[]): boolean {
  const foreign = analyzePrincipals(document, { ...options, accountId: NO_ACCOUNT });
  return foreign.status === "analyzed" && !foreign.findings.some((f) => kinds.includes(f.kind));
}

/** One outcome for one trust or resource policy: who it lets in, judged for the given kinds and checks. */
export function judgePrincipalDocument(
  ref: ResourceRef,
  subject: string,
  what: string,
  document: Val<unknown>,
  options: PrincipalOptions,
  kinds: readonly PrincipalFindingKind[],
  passText: string,
  checks?: TrustCheckPolicyKind,
): Outcome {
  const analysis = analyzePrincipals(document, options);
  if (analysis.status === "malformed") return malformedOutcome(ref, subject, analysis.problems);
  if (analysis.status === "unknown") {
    const u = analysis.unknowns[0];
    if (u !== undefined) return notAssessed(ref, what, u.unknown);
  }
  const findings = analysis.findings.filter((f) => kinds.includes(f.kind));
  const extra = checks === undefined ? { findings: [], unknowns: [] } : trustChecks(document, checks);
  const publicAt = new Set(findings.filter((f) => f.kind === "public-principal").flatMap((f) => f.statements.map((s) => s.index)));
  const extraFindings = extra.findings.filter((f) => f.kind !== "public-without-identity" || !publicAt.has(f.statement.index));
  if (findings.length + extraFindings.length > 0) {
    const texts = [...findings.map(findingText), ...extraFindings.map((f) => statementText(f.message, f.statement))];
    return fail(ref, `${subject}: ${findingsText(texts)}`);
  }
  let open = analysis.unknowns.filter((u) => u.affects.some((k) => kinds.includes(k as PrincipalFindingKind)));
  let awaitingOwn = open.filter((u) => u.unknown.reason === "not-fetched");
  if (awaitingOwn.length > 0 && options.accountId === undefined && fineIfForeign(document, options, kinds)) {
    // Every account named is admitted under the conditions a foreign one needs: the verdict is the same either way.
    open = open.filter((u) => u.unknown.reason !== "not-fetched");
    awaitingOwn = [];
  }
  if (awaitingOwn.length > 0) {
    const accounts = accountsAwaitingOwn(awaitingOwn);
    const which =
      accounts.length === 0
        ? "which accounts are foreign is not judged"
        : accounts.length === 1
          ? `whether account ${accounts[0]} is this stack's own or a foreign one is not judged`
          : `whether accounts ${listed(accounts, 3)} are this stack's own or foreign ones is not judged`;
    return { status: "unknown", resource: ref, reason: "not-fetched", message: `${subject}: ${OWN_ACCOUNT_UNKNOWN}; until then ${which}` };
  }
  const first = open[0] ?? extra.unknowns[0];
  if (first !== undefined) return { status: "unknown", resource: ref, reason: first.unknown.reason, message: `${subject}: ${first.message}` };
  return pass(ref, `${subject} ${passText}`);
}

/**
 * For policies judged only for services acting without their source (function and log-group
 * policies): a finding per service principal AWS recommends tying to its source. A malformed
 * document is left to the rules that judge who it lets in.
 */
export function judgeServiceSources(ref: ResourceRef, subject: string, what: string, document: Val<unknown>): Outcome | undefined {
  const parsed = parsePolicy(document, { kind: "resource" });
  if (parsed.status === "malformed") return undefined;
  if (parsed.status === "unknown") return notAssessed(ref, what, parsed.unknown);
  const checks = trustChecks(document, "resource");
  if (checks.findings.length > 0) return fail(ref, `${subject}: ${findingsText(checks.findings.map((f) => statementText(f.message, f.statement)))}`);
  const open = checks.unknowns[0];
  if (open !== undefined) return { status: "unknown", resource: ref, reason: open.unknown.reason, message: `${subject}: ${open.message}` };
  return pass(ref, `${subject} lets AWS services act only for its own sources`);
}
