import { isUnknown, unknown, type Unknown, type Val } from "../core/value";
import { iamDataVersion } from "./actions";
import { parseArn } from "./arn";
import {
  PRINCIPAL_FINDING_KINDS,
  type PrincipalAnalysis,
  type PrincipalFinding,
  type PrincipalFindingKind,
  type StatementRef,
  type UnknownVerdict,
} from "./findings";
import { collectGrants, statementRef, type Grant } from "./grants";
import type { PolicyDocument, PrincipalEntry, Statement } from "./model";
import { parsePolicy } from "./parse";
import { conditionsScope, DEFAULT_SCOPING_KEYS, scopingKeys, TRUST_SCOPING_CONDITION_KEYS } from "./scoping";
import { webIdentitySubjectVerdict } from "./web-identity";

export interface PrincipalOptions {
  /** The account that owns the policy; without it no account can be judged as own. */
  readonly accountId?: Val<string>;
  /** Other accounts trusted by configuration (e.g. the organisation's security account). */
  readonly trustedAccounts?: readonly Val<string>[];
  /** Trust policies accept only sts:ExternalId / aws:PrincipalOrgID as cross-account conditions. Inferred when absent. */
  readonly kind?: "trust" | "resource";
  /** A resource policy of one resource that may name no Resource (ECR repository policies). */
  readonly implicitResource?: boolean;
}

const ASSUME_ROLE_ACTIONS = new Set([
  "sts:assumerole",
  "sts:assumerolewithwebidentity",
  "sts:assumerolewithsaml",
  "sts:tagsession",
  "sts:setsourceidentity",
  "sts:setcontext",
]);
const TRUST_KEYS = scopingKeys(TRUST_SCOPING_CONDITION_KEYS);
const ACCOUNT_ID = /^\d{12}$/;

/**
 * Who a trust or resource policy lets in: everyone (`public-principal`), other accounts without a
 * condition, any subject of an OIDC provider, or everyone but a few (`not-principal-allow`).
 * Principals, conditions or accounts that are not known give unknown verdicts. Never throws.
 */
export function analyzePrincipals(input: unknown, options: PrincipalOptions = {}): PrincipalAnalysis {
  const version = iamDataVersion();
  try {
    const parsed = parsePolicy(input, { ...(options.kind === undefined ? {} : { kind: options.kind }), implicitResource: options.implicitResource ?? false });
    if (parsed.status === "malformed") {
      return { status: "malformed", problems: parsed.problems, findings: [], unknowns: [], iamDataVersion: version };
    }
    if (parsed.status === "unknown") return documentUnknown(parsed.unknown, version);
    const { findings, unknowns } = judgeDocument(parsed.document, options);
    return { status: "analyzed", problems: [], findings, unknowns, iamDataVersion: version };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return documentUnknown(unknown("error", `analysis failed: ${why}`), version);
  }
}

function documentUnknown(u: Unknown, version: string): PrincipalAnalysis {
  const verdict: UnknownVerdict = {
    statements: [],
    path: "(document)",
    unknown: u,
    affects: PRINCIPAL_FINDING_KINDS,
    message: `the policy document is not known (${u.detail || u.reason})`,
  };
  return { status: "unknown", problems: [], findings: [], unknowns: [verdict], iamDataVersion: version };
}

interface Judgement {
  readonly findings: PrincipalFinding[];
  readonly unknowns: UnknownVerdict[];
}

function judgeDocument(document: PolicyDocument, options: PrincipalOptions): Judgement {
  const out: Judgement = { findings: [], unknowns: [] };
  const { grants } = collectGrants(document);
  const grantByIndex = new Map(grants.map((g) => [g.ref.index, g]));
  document.statements.forEach((statement, index) => {
    if (isUnknown(statement)) {
      out.unknowns.push(verdict([{ index }], `Statement[${index}]`, statement, PRINCIPAL_FINDING_KINDS, "the statement is not known"));
      return;
    }
    const ref = statementRef(statement);
    if (isUnknown(statement.effect)) {
      out.unknowns.push(verdict([ref], `${statement.path}.Effect`, statement.effect, PRINCIPAL_FINDING_KINDS, "whether it allows is not known"));
      return;
    }
    if (statement.effect !== "Allow" || statement.principals === undefined) return;
    const principalsPath = `${statement.path}.${isUnknown(statement.principals) ? "Principal" : statement.principals.element}`;
    if (isUnknown(statement.principals)) {
      out.unknowns.push(verdict([ref], principalsPath, statement.principals, PRINCIPAL_FINDING_KINDS, "who it allows is not known"));
      return;
    }
    const grant = grantByIndex.get(statement.index);
    if (grant === undefined || grant.actions.length === 0) {
      const open = openActions(statement, grant);
      if (open !== undefined) out.unknowns.push(verdict([ref], `${statement.path}.Action`, open, PRINCIPAL_FINDING_KINDS, "what it allows is not known"));
      return;
    }
    if (statement.principals.element === "NotPrincipal") {
      out.findings.push(finding("not-principal-allow", grant, "NotPrincipal", undefined, `${statement.path} allows everyone except the principals it lists`));
      return;
    }
    for (const entry of statement.principals.entries) judgeEntry(entry, statement, grant, options, out);
  });
  return out;
}

function judgeEntry(entry: PrincipalEntry, statement: Statement, grant: Grant, options: PrincipalOptions, out: Judgement): void {
  const ref = grant.ref;
  const path = `${statement.path}.Principal.${entry.type}`;
  if (isUnknown(entry.value)) {
    const affects: PrincipalFindingKind[] =
      entry.type === "Federated" ? ["web-identity-unrestricted-subject"] : ["public-principal", "cross-account-without-condition"];
    out.unknowns.push(verdict([ref], path, entry.value, affects, "the principal is not known"));
    return;
  }
  const written = `${entry.type}:${entry.value}`;
  if (entry.type === "Federated") {
    const v = webIdentitySubjectVerdict(entry.value, statement.conditions, grant);
    if (v === true) {
      out.findings.push(finding("web-identity-unrestricted-subject", grant, written, undefined, `${statement.path} lets any subject of ${entry.value} assume the role: no condition restricts its subject`));
    } else if (isUnknown(v)) {
      out.unknowns.push(verdict([ref], `${statement.path}.Condition`, v, ["web-identity-unrestricted-subject"], `whether ${entry.value}'s subjects are restricted is not known`));
    }
    return;
  }
  if (entry.type !== "AWS") return;
  const account = accountOf(entry.value);
  if (account === undefined) return;
  if (account === "*") {
    const scoped = scopedForPublic(statement, grant);
    if (scoped === false) {
      out.findings.push(finding("public-principal", grant, written, undefined, `${statement.path} allows ${entry.value === "*" ? "everyone" : entry.value} without a condition that scopes it`));
    } else if (isUnknown(scoped)) {
      out.unknowns.push(verdict([ref], `${statement.path}.Condition`, scoped, ["public-principal"], "whether a condition scopes the public principal is not known"));
    }
    return;
  }
  const trusted = isTrustedAccount(account, options);
  if (trusted === true) return;
  if (isUnknown(trusted)) {
    out.unknowns.push(verdict([ref], path, trusted, ["cross-account-without-condition"], `whether account ${account} is the policy's own or a trusted one is not known`));
    return;
  }
  const trust = isTrustStatement(grant, options);
  const scoped = scopedForAccount(statement, trust);
  if (scoped === false) {
    const needed = trust === true ? "sts:ExternalId or aws:PrincipalOrgID" : "a scoping condition";
    out.findings.push(finding("cross-account-without-condition", grant, written, account, `${statement.path} allows account ${account}, which is neither this account nor trusted, without ${needed}`));
  } else if (isUnknown(scoped)) {
    out.unknowns.push(verdict([ref], `${statement.path}.Condition`, scoped, ["cross-account-without-condition"], `whether a condition restricts account ${account} is not known`));
  }
}

/** Trust policies need the strict keys; when it is open whether the statement is one, both must agree. */
function scopedForAccount(statement: Statement, trust: Val<boolean>): Val<boolean> {
  if (trust === true) return conditionsScope(statement.conditions, TRUST_KEYS);
  const loose = conditionsScope(statement.conditions, DEFAULT_SCOPING_KEYS);
  if (trust === false) return loose;
  const strict = conditionsScope(statement.conditions, TRUST_KEYS);
  return strict === loose ? strict : trust;
}

/** Why nothing certain is granted, when that is for want of a known value. */
function openActions(statement: Statement, grant: Grant | undefined): Unknown | undefined {
  const a = statement.actions;
  if (isUnknown(a)) return a;
  const entry = a?.values.find((v) => isUnknown(v));
  if (entry !== undefined && isUnknown(entry)) return entry;
  return grant?.doubtfulBecause;
}

/** The account an AWS principal names; `*` for everyone (or any account); undefined for unique ids. */
function accountOf(value: string): string | undefined {
  if (value === "*") return "*";
  if (ACCOUNT_ID.test(value)) return value;
  const arn = parseArn(value);
  if (arn === undefined) return undefined;
  if (arn.account.includes("*") || arn.account.includes("?")) return "*";
  return arn.account === "" ? undefined : arn.account;
}

function isTrustedAccount(account: string, options: PrincipalOptions): Val<boolean> {
  const own = options.accountId;
  if (own === account) return true;
  const trusted = options.trustedAccounts ?? [];
  if (trusted.includes(account)) return true;
  const open = isUnknown(own) ? own : trusted.find((t): t is Unknown => isUnknown(t));
  if (open !== undefined) return open;
  if (own === undefined) return unknown("not-fetched", "the policy's own account was not given");
  return false;
}

function scopedForPublic(statement: Statement, grant: Grant): Val<boolean> {
  const byConditions = conditionsScope(statement.conditions);
  if (byConditions === true) return true;
  const byDeny = allNarrowedByDeny(grant);
  if (byDeny === true) return true;
  return isUnknown(byConditions) ? byConditions : byDeny;
}

/** Whether Deny statements narrow every action granted; an action that may be granted but is not known cannot be shown to be. */
function allNarrowedByDeny(grant: Grant): Val<boolean> {
  let open: Unknown | undefined;
  for (const a of grant.actions) {
    if (grant.denyScoped.has(a.key)) continue;
    const maybe = grant.denyScopeOpen.get(a.key);
    if (maybe === undefined) return false;
    open ??= maybe;
  }
  return open ?? grant.openActionEntry ?? grant.doubtfulBecause ?? true;
}

/** Whether the statement is a trust statement (only sts:AssumeRole* actions); open when an action is unknown. */
function isTrustStatement(grant: Grant, options: PrincipalOptions): Val<boolean> {
  if (options.kind !== undefined) return options.kind === "trust";
  if (!grant.actions.every((a) => ASSUME_ROLE_ACTIONS.has(a.key))) return false;
  // Actions that may be granted (unknown entries, or ones a Deny may not take away) could be others.
  const otherDoubtful = grant.doubtful.some((id) => !ASSUME_ROLE_ACTIONS.has(id.toLowerCase()));
  return grant.openActionEntry ?? (otherDoubtful ? grant.doubtfulBecause : undefined) ?? true;
}

function finding(kind: PrincipalFindingKind, grant: Grant, principal: string, account: string | undefined, message: string): PrincipalFinding {
  const c = grant.statement.conditions;
  return {
    kind,
    statements: [grant.ref],
    principal,
    ...(account === undefined ? {} : { account }),
    actions: grant.patterns.map((p) => p.text),
    conditionKeys: isUnknown(c) ? [] : [...new Set(c.map((e) => e.key))],
    message,
  };
}

function verdict(
  statements: StatementRef[],
  path: string,
  u: Unknown,
  affects: readonly PrincipalFindingKind[],
  question: string,
): UnknownVerdict {
  return { statements, path, unknown: u, affects, message: `${path}: ${question} (${u.detail || u.reason})` };
}
