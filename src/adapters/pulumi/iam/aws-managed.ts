import { unknown } from "../../../core/value";
import { awsManagedPolicyName, type IamManagedPolicy } from "../../../models/iam";

/** `arn:aws:iam::123456789012:policy/path/name` -> `name`; undefined for other ARNs. */
export function customerPolicyName(arn: string): string | undefined {
  return /^arn:aws(?:-[a-z-]+)?:iam::\d{12}:policy\/(?:[^/]+\/)*([^/]+)$/.exec(arn)?.[1];
}

/**
 * The model of an AWS managed policy a program references by ARN. Its document is not loaded
 * before deployment (it is AWS's, and changes without the program changing).
 */
export function awsManagedPolicy(arn: string): IamManagedPolicy | undefined {
  const name = awsManagedPolicyName(arn);
  if (name === undefined) return undefined;
  return {
    model: "iam-managed-policy",
    ref: { id: arn, type: "aws:iam/policy:Policy", name, label: "AWS managed policy" },
    arn,
    name,
    document: unknown("not-fetched", `the document of AWS managed policy ${name} is not loaded before deployment`),
    awsManaged: true,
  };
}
