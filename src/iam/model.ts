import type { Unknown, Val } from "../core/value";

/** Which kind of policy a document is; decides which elements are required or forbidden. */
export type PolicyKind = "identity" | "resource" | "trust";

/** One thing wrong with a document, e.g. `{ path: "Statement[2].Action", problem: "expected ..." }`. */
export interface ParseProblem {
  readonly path: string;
  readonly problem: string;
}

export type Effect = "Allow" | "Deny";

/** An action as written, split at the first colon. `"*"` has service `"*"` and name `"*"`. */
export interface ActionPattern {
  /** As written in the document. */
  readonly text: string;
  /** Lowercase service prefix, e.g. `s3`. */
  readonly service: string;
  /** Action name as written (may hold `*` and `?`). */
  readonly name: string;
}

export interface ActionElement {
  readonly element: "Action" | "NotAction";
  readonly values: readonly Val<ActionPattern>[];
}

export interface ResourceElement {
  readonly element: "Resource" | "NotResource";
  readonly values: readonly Val<string>[];
}

export type PrincipalType = "AWS" | "Service" | "Federated" | "CanonicalUser";

/** `"Principal": "*"` is recorded as `{ type: "AWS", value: "*" }`, which AWS treats the same. */
export interface PrincipalEntry {
  readonly type: PrincipalType;
  readonly value: Val<string>;
}

export interface PrincipalElement {
  readonly element: "Principal" | "NotPrincipal";
  readonly entries: readonly PrincipalEntry[];
}

export type SetQualifier = "ForAllValues" | "ForAnyValue";

/** One `operator -> key -> values` triple of a Condition block. */
export interface ConditionEntry {
  /** As written, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly operator: string;
  /** Canonical operator without qualifier and IfExists, e.g. `StringLike`. */
  readonly baseOperator: string;
  readonly setQualifier: SetQualifier | undefined;
  readonly ifExists: boolean;
  /** As written, e.g. `aws:SourceVpce`. Condition keys are case-insensitive, so compare `keyLower`. */
  readonly key: string;
  readonly keyLower: string;
  /** Values as strings (numbers and booleans are stringified, as AWS compares them). */
  readonly values: readonly Val<string>[];
}

export interface Statement {
  /** Position in the Statement list (0 when Statement is a single object). */
  readonly index: number;
  /** `Statement[2]`, or `Statement` when the document holds a single statement object. */
  readonly path: string;
  readonly sid: Val<string> | undefined;
  readonly effect: Val<Effect>;
  readonly actions: Val<ActionElement> | undefined;
  readonly resources: Val<ResourceElement> | undefined;
  readonly principals: Val<PrincipalElement> | undefined;
  /** Empty when the statement has no Condition. */
  readonly conditions: Val<readonly ConditionEntry[]>;
}

export interface PolicyDocument {
  readonly version: Val<string> | undefined;
  readonly id: Val<string> | undefined;
  readonly statements: readonly Val<Statement>[];
}

export type ParseResult =
  | { readonly status: "ok"; readonly document: PolicyDocument; readonly problems: readonly [] }
  /** The whole document, or its Statement element, is not known yet. */
  | { readonly status: "unknown"; readonly unknown: Unknown; readonly problems: readonly [] }
  /** AWS would reject the document. `document` holds what could be read, for display only. */
  | {
      readonly status: "malformed";
      readonly document: PolicyDocument | undefined;
      readonly problems: readonly ParseProblem[];
    };
