import type { PrincipalKind } from "../../../models/iam";

/** CloudFormation types of the IAM resources the scanner models. */
export const IAM_CFN_TYPE = {
  role: "AWS::IAM::Role",
  user: "AWS::IAM::User",
  group: "AWS::IAM::Group",
  policy: "AWS::IAM::ManagedPolicy",
} as const;

export const PRINCIPAL_CFN_TYPE: Readonly<Record<PrincipalKind, string>> = {
  role: IAM_CFN_TYPE.role,
  user: IAM_CFN_TYPE.user,
  group: IAM_CFN_TYPE.group,
};

/** The same labels as the Pulumi front's. */
export const PRINCIPAL_LABEL: Readonly<Record<PrincipalKind, string>> = {
  role: "IAM role",
  user: "IAM user",
  group: "IAM group",
};
export const CUSTOMER_POLICY_LABEL = "IAM policy";
export const AWS_MANAGED_POLICY_LABEL = "AWS managed policy";

/** IAM is global: its refs carry this in place of a region. */
export const IAM_REGION = "global";
