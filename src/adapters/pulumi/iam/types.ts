import type { PrincipalKind } from "../../../models/iam";

/** The @pulumi/aws (v6 and v7) IAM resource types the adapter reads. */
export const IAM_TYPE = {
  role: "aws:iam/role:Role",
  user: "aws:iam/user:User",
  group: "aws:iam/group:Group",
  policy: "aws:iam/policy:Policy",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
  userPolicy: "aws:iam/userPolicy:UserPolicy",
  groupPolicy: "aws:iam/groupPolicy:GroupPolicy",
  rolePolicyAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  userPolicyAttachment: "aws:iam/userPolicyAttachment:UserPolicyAttachment",
  groupPolicyAttachment: "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
  policyAttachment: "aws:iam/policyAttachment:PolicyAttachment",
  groupMembership: "aws:iam/groupMembership:GroupMembership",
  userGroupMembership: "aws:iam/userGroupMembership:UserGroupMembership",
} as const;

export const PRINCIPAL_TYPE: Record<PrincipalKind, string> = {
  role: IAM_TYPE.role,
  user: IAM_TYPE.user,
  group: IAM_TYPE.group,
};

export const PRINCIPAL_LABEL: Record<PrincipalKind, string> = {
  role: "IAM role",
  user: "IAM user",
  group: "IAM group",
};

/** Inline-policy resources: the principal kind and the property naming the principal. */
export const INLINE_POLICY_TYPES: ReadonlyMap<string, { kind: PrincipalKind; property: string; label: string }> = new Map([
  [IAM_TYPE.rolePolicy, { kind: "role", property: "role", label: "IAM role policy" }],
  [IAM_TYPE.userPolicy, { kind: "user", property: "user", label: "IAM user policy" }],
  [IAM_TYPE.groupPolicy, { kind: "group", property: "group", label: "IAM group policy" }],
]);

/** One-principal attachment resources: the principal kind and the property naming the principal. */
export const SINGLE_ATTACHMENT_TYPES: ReadonlyMap<string, { kind: PrincipalKind; property: string; label: string }> = new Map([
  [IAM_TYPE.rolePolicyAttachment, { kind: "role", property: "role", label: "IAM role policy attachment" }],
  [IAM_TYPE.userPolicyAttachment, { kind: "user", property: "user", label: "IAM user policy attachment" }],
  [IAM_TYPE.groupPolicyAttachment, { kind: "group", property: "group", label: "IAM group policy attachment" }],
]);

export const IAM_TYPES: readonly string[] = Object.values(IAM_TYPE);
