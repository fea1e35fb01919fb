import type { AnyRule } from "../../core/rule";
import { broadAwsManagedPoliciesNotAttached } from "./broad-aws-managed-policies-not-attached";
import { iamPolicyActionsScopedToResources } from "./iam-policy-actions-scoped-to-resources";
import { iamPolicyConditionsRestrictAccess } from "./iam-policy-conditions-restrict-access";
import { iamPolicyGrantsNoPrivilegeEscalation } from "./iam-policy-grants-no-privilege-escalation";
import { iamPolicyGrantsNoWildcardAccess } from "./iam-policy-grants-no-wildcard-access";
import { privilegeEscalationLimitedToApprovedAdmins } from "./privilege-escalation-limited-to-approved-admins";
import { resourcePoliciesGrantNoExternalAccess } from "./resource-policies-grant-no-external-access";
import { roleTrustPolicyRestrictsWhoAssumes } from "./role-trust-policy-restricts-who-assumes";
import { usersReceivePermissionsThroughGroups } from "./users-receive-permissions-through-groups";

/** The least-privilege IAM rules, in id order. */
export const IAM_RULES: readonly AnyRule[] = [
  iamPolicyGrantsNoWildcardAccess,
  iamPolicyActionsScopedToResources,
  privilegeEscalationLimitedToApprovedAdmins,
  broadAwsManagedPoliciesNotAttached,
  usersReceivePermissionsThroughGroups,
  roleTrustPolicyRestrictsWhoAssumes,
  resourcePoliciesGrantNoExternalAccess,
  iamPolicyGrantsNoPrivilegeEscalation,
  iamPolicyConditionsRestrictAccess,
];

export {
  broadAwsManagedPoliciesNotAttached,
  iamPolicyActionsScopedToResources,
  iamPolicyConditionsRestrictAccess,
  iamPolicyGrantsNoPrivilegeEscalation,
  iamPolicyGrantsNoWildcardAccess,
  privilegeEscalationLimitedToApprovedAdmins,
  resourcePoliciesGrantNoExternalAccess,
  roleTrustPolicyRestrictsWhoAssumes,
  usersReceivePermissionsThroughGroups,
};
