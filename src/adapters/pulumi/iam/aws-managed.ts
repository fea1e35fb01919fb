import { awsManagedPolicyCatalogue, awsManagedPolicyDocument } from "../../../iam";
import { awsManagedPolicyName, type IamManagedPolicy } from "../../../models/iam";

/** `arn:aws:iam::123456789012:policy/path/name` -> `name`; undefined for other ARNs. */
export function customerPolicyName(arn: string): string | undefined {
  return /^arn:aws(?:-[a-z-]+)?:iam::\d{12}:policy\/(?:[^/]+\/)*([^/]+)$/.exec(arn)?.[1];
}

/**
 * The model of an AWS managed policy a program references by ARN, with the document the bundled
 * catalogue holds for it (AWS's current version as of the catalogue's release); one the catalogue
 * does not hold stays Unknown("not-fetched").
 */
export function awsManagedPolicy(arn: string): IamManagedPolicy | undefined {
  const name = awsManagedPolicyName(arn);
  if (name === undefined) return undefined;
  return {
    model: "iam-managed-policy",
    ref: { id: arn, type: "aws:iam/policy:Policy", name, label: "AWS managed policy" },
    arn,
    name,
    document: awsManagedPolicyDocument(arn),
    awsManaged: true,
    catalogueRef: awsManagedPolicyCatalogue(),
  };
}
