import type { ManagedPolicyDetail } from "@aws-sdk/client-iam";
import { unknown, type Val } from "../../../core/value";
import { awsManagedPolicyName, type IamManagedPolicy } from "../../../models/iam";
import { awsRef } from "../refs";
import { decodedDocument } from "./documents";
import { AWS_MANAGED_POLICY_LABEL, CUSTOMER_POLICY_LABEL, IAM_CFN_TYPE, IAM_REGION } from "./types";

/**
 * The managed policies of the inventory, by ARN (their model id): every customer managed policy,
 * and the AWS managed policies some principal attaches or has as permissions boundary (AWS lists
 * attached ones; moto lists all).
 */
export function managedPolicies(details: readonly ManagedPolicyDetail[], attached: ReadonlySet<string>, account: string): Map<string, IamManagedPolicy> {
  const policies = new Map<string, IamManagedPolicy>();
  for (const detail of details) {
    const arn = detail.Arn;
    if (arn === undefined) continue;
    const awsManaged = awsManagedPolicyName(arn) !== undefined;
    if (awsManaged && !attached.has(arn)) continue;
    policies.set(arn, policyModel(arn, detail.PolicyName ?? nameOfArn(arn), defaultDocument(detail), awsManaged, account));
  }
  for (const arn of attached) {
    const name = awsManagedPolicyName(arn);
    if (name === undefined || policies.has(arn)) continue;
    const missing = unknown("not-fetched", `GetAccountAuthorizationDetails did not list AWS managed policy ${name}`);
    policies.set(arn, policyModel(arn, name, missing, true, account));
  }
  return policies;
}

function policyModel(arn: string, name: string, document: Val<unknown>, awsManaged: boolean, account: string): IamManagedPolicy {
  const label = awsManaged ? AWS_MANAGED_POLICY_LABEL : CUSTOMER_POLICY_LABEL;
  return {
    model: "iam-managed-policy",
    ref: awsRef(arn, IAM_CFN_TYPE.policy, name, label, account, IAM_REGION),
    arn,
    name,
    document,
    // Like the Pulumi front: its own documents name no other resource; AWS's carry no sources.
    ...(awsManaged ? {} : { documentSources: [] }),
    awsManaged,
  };
}

/** The document of the default (operative) version. */
function defaultDocument(detail: ManagedPolicyDetail): Val<unknown> {
  const versions = detail.PolicyVersionList ?? [];
  const current = versions.find((v) => v.IsDefaultVersion === true) ?? versions.find((v) => v.VersionId === detail.DefaultVersionId);
  const what = `the default version of policy ${detail.PolicyName ?? detail.Arn ?? "?"}`;
  return decodedDocument(current?.Document, what);
}

const nameOfArn = (arn: string): string => arn.slice(arn.lastIndexOf("/") + 1);
