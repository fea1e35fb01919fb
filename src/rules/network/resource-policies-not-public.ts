import { classify, type Classification } from "../../core/classification";
import type { GuardConfig } from "../../core/config";
import { describe, fail, notAssessed, pass } from "../../core/outcome";
import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { isUnknown, type Val } from "../../core/value";
import type { ResourcePolicy } from "../../models/exposure";
import type { Inventory } from "../../models/inventory";
import type { ResourceRef } from "../../models/ref";
import { PUBLIC_EXPOSURE_FRAMEWORKS } from "../frameworks";
import { classificationGate, classificationOf, listed } from "./network-facts";
import { publicGrants } from "./policy-facts";

export const resourcePoliciesNotPublic = defineRule({
  id: "CDG-NET-008",
  slug: "resource-policies-not-public",
  title: "Resource policies of customer data stores, keys and data services grant nothing to everyone",
  pillar: "network",
  severity: "critical",
  scope: "stack",
  reads: ["stores", "keys", "exposures", "network", "placements", "resourcePolicies", "compute"],
  frameworks: PUBLIC_EXPOSURE_FRAMEWORKS,
  rationale:
    "KMS key policies, SQS queue, SNS topic, Secrets Manager secret, DynamoDB table, OpenSearch domain, EFS " +
    "file system, Backup and Glacier vault, ECR repository, Lambda function (permissions, and function URLs " +
    "whose authorizationType is NONE), CloudWatch Logs, Glue Data Catalog, EventBridge bus and API Gateway " +
    "policies can grant access to any AWS principal. A statement allowing " +
    "`Principal: \"*\"` (or an account wildcard, or NotPrincipal) without a scoping condition " +
    "(aws:SourceVpce, aws:SourceVpc, aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceAccount, " +
    "or aws:SourceArn, kms:CallerAccount...) lets anyone who can reach the endpoint read or decrypt customer " +
    "data. Policies set on the resource and by separate policy resources are judged against the " +
    "classification of the store or key they govern (untagged when it is outside the stack). S3 bucket " +
    "policies are judged by CDG-NET-006.",
  remediation:
    "Name the principals that need access, or add a condition tying the request to the organization " +
    "(`aws:PrincipalOrgID`), an account (`aws:SourceAccount`, `kms:CallerAccount`), a VPC endpoint " +
    "(`aws:SourceVpce`) or a calling resource (`aws:SourceArn`). For OpenSearch, prefer a VPC domain with " +
    "fine-grained access control and named IAM principals. Give Lambda permissions a `sourceArn` or " +
    "`sourceAccount`, and function URLs `authorizationType: AWS_IAM`; tag a function that serves only public " +
    "data `data-classification: public`.",
  links: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_identity-vs-resource.html",
    "https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html",
  ],
  evaluate(inventory, { config }): Outcome[] {
    return (inventory.resourcePolicies ?? [])
      .filter((p) => p.service !== "s3")
      .map((p) => {
        const { who, classification } = governed(inventory, p, config);
        return classificationGate(p.ref, who, classification, config) ?? judge(p, who);
      });
  },
});

/** What the policy governs, named for messages, and its classification. */
function governed(inventory: Inventory, p: ResourcePolicy, config: GuardConfig): { who: string; classification: Val<Classification> } {
  const target = p.target;
  const named = (ref: ResourceRef): string => (ref.id === p.ref.id ? p.origin : `${p.origin} of ${describe(ref)}`);
  const store = typeof target === "string" ? inventory.stores.find((s) => s.ref.id === target || s.physicalName === target) : undefined;
  if (store) return { who: named(store.ref), classification: classificationOf(inventory, { id: store.ref.id, ref: store.ref, store }, config) };
  const key = typeof target === "string" ? inventory.keys.find((k) => k.ref.id === target || k.arn === target) : undefined;
  if (key) return { who: named(key.ref), classification: classify(key.tags, config) };
  if (p.governed) return { who: named(p.governed.ref), classification: classify(p.governed.tags, config) };
  if (p.accountWide) return { who: `${p.origin} (it governs the account's ${p.service} resources; treated as untagged)`, classification: classify(undefined, config) };
  const where = isUnknown(target) ? "the resource it governs is not known yet" : "the resource it governs is outside the stack";
  return { who: `${p.origin} (${where}; treated as untagged)`, classification: classify(undefined, config) };
}

function judge(p: ResourcePolicy, who: string): Outcome {
  const grants = publicGrants(p);
  if (isUnknown(grants)) return notAssessed(p.ref, `whether ${who} grants access to everyone`, grants);
  if (grants.length > 0) return fail(p.ref, `${who} grants access to everyone: ${listed(grants)}`);
  return pass(p.ref, `${who} grants nothing to everyone`);
}
