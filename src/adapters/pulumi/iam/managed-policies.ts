import type { IamManagedPolicy } from "../../../models/iam";
import type { Props } from "../props";
import { refOf } from "../store-adapter";
import { awsManagedPolicy, customerPolicyName } from "./aws-managed";
import { requiredDocument } from "../policy-document";
import type { ModelLookup } from "./references";

/** An `aws:iam/policy:Policy` (customer managed). */
export function readManagedPolicy(p: Props): IamManagedPolicy {
  return {
    model: "iam-managed-policy",
    ref: refOf(p, "IAM policy"),
    arn: p.str("arn"),
    name: p.str("name"),
    document: requiredDocument(p, "policy"),
    documentSources: p.dependenciesOf("policy"),
    awsManaged: false,
  };
}

/**
 * Finds managed policies by URN, ARN or name. An AWS managed policy's ARN always resolves: its
 * model is added to the inventory on first reference.
 */
export class PolicyLookup implements ModelLookup {
  readonly policies = new Map<string, IamManagedPolicy>();
  private readonly byArn = new Map<string, string>();
  private readonly byName = new Map<string, string>();

  constructor(policies: readonly IamManagedPolicy[]) {
    for (const policy of policies) {
      this.policies.set(policy.ref.id, policy);
      if (typeof policy.arn === "string") this.byArn.set(policy.arn, policy.ref.id);
      if (typeof policy.name === "string") this.byName.set(policy.name, policy.ref.id);
    }
  }

  has = (urn: string): boolean => this.policies.has(urn) && !this.policies.get(urn)?.awsManaged;

  byValue(value: string): string | undefined {
    if (this.has(value)) return value;
    const known = this.byArn.get(value);
    if (known !== undefined) return known;
    const aws = awsManagedPolicy(value);
    if (aws !== undefined) {
      this.policies.set(aws.ref.id, aws);
      return aws.ref.id;
    }
    const name = customerPolicyName(value);
    return name === undefined ? undefined : this.byName.get(name);
  }
}
