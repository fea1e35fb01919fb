import { describe, fail } from "../../core/outcome";
import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import type { ResourcePolicy, ResourcePolicyService } from "../../models/exposure";
import { CONTROLS } from "../frameworks";
import { ACCOUNT_OPTIONS, judgePrincipalDocument, judgeServiceSources, ownAccounts, principalOptions, type AccountOptions } from "./principal-policy-facts";
import { policySizeProblem, type PolicySizeKind } from "../../iam/size-limits";

/** Bucket, key, queue, topic and secret policies; the others are judged for public access only (CDG-NET-008). */
const JUDGED_SERVICES: ReadonlySet<ResourcePolicyService> = new Set(["s3", "kms", "sqs", "sns", "secretsmanager"]);

/** Function and log-group policies: judged only for AWS services acting without their source (confused deputy). */
const SOURCE_ONLY_SERVICES: ReadonlySet<ResourcePolicyService> = new Set(["lambda", "logs"]);

/** The size limit AWS sets on each judged service's resource policies. */
const SIZE_LIMIT_OF: Partial<Record<ResourcePolicyService, PolicySizeKind>> = {
  s3: "s3-bucket-policy",
  kms: "kms-key-policy",
  sqs: "sqs-queue-policy",
  sns: "sns-topic-policy",
};

export const resourcePoliciesGrantNoExternalAccess = defineRule<AccountOptions>({
  id: "CDG-IAM-007",
  slug: "resource-policies-grant-no-external-access",
  title: "Bucket, key, queue, topic and secret policies grant nothing to foreign accounts without a condition, nor to AWS services without their source",
  pillar: "iam",
  severity: "critical",
  scope: "resource",
  reads: ["iam", "resourcePolicies", "ownAccountIds"],
  frameworks: {
    gdpr: [CONTROLS.gdprNotAccessibleByDefault, CONTROLS.gdprConfidentiality],
    ccpa: [CONTROLS.ccpaReasonableSecurity],
    "pci-dss-4.0": [CONTROLS.pciAccessControlModel, CONTROLS.pciLeastPrivilege],
    hipaa: [CONTROLS.hipaaAccessManagement, CONTROLS.hipaaAccessControl],
  },
  rationale:
    "A resource policy grants access by itself, to principals in any account: another account's " +
    "principals without a scoping condition (aws:PrincipalOrgID, aws:SourceVpce, aws:SourceArn...) " +
    "get in unless that account is the resource's own or listed as trusted, and `NotPrincipal` with " +
    "Allow admits everyone else. Grants to everyone (`Principal: \"*\"`) are judged, with the data's " +
    "classification and the S3 public access block, by CDG-NET-006 and CDG-NET-008, so one finding " +
    "is reported once. A grant to an AWS service that acts for many accounts (SNS, S3, EventBridge, " +
    "CloudTrail, Config, CloudWatch Logs, Backup, SES...) without `aws:SourceArn`/`aws:SourceAccount` " +
    "lets another account's topic, bucket or trail use it (confused deputy); Lambda function and " +
    "CloudWatch Logs policies are judged for that alone. The resource's own " +
    "accounts come from its ARN, any known ARN of the stack, the stack tag `cdguard:account-ids`, the " +
    "AWS provider's allowedAccountIds or the `ownAccountIds` option (the scanner knows the account it " +
    "scans); until one of those tells, named accounts are not assessed (\"own account unknown\").",
  remediation:
    "Grant to named principals of your own account or the listed trusted accounts, or add a " +
    "condition such as `aws:PrincipalOrgID`, `aws:SourceVpce` or `aws:SourceArn`. Serve public " +
    "content through CloudFront with origin access control rather than a public bucket policy. For a " +
    "service principal add `aws:SourceArn` (the topic, bucket, rule or trail that calls) or " +
    "`aws:SourceAccount`. Tell the pack the stack's accounts with the stack tag `cdguard:account-ids` " +
    "or the `ownAccountIds` option.",
  links: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_identity-vs-resource.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-resources.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html#cross-service-confused-deputy-prevention",
  ],
  options: ACCOUNT_OPTIONS,
  evaluate(inventory, ctx): Outcome[] {
    const all = inventory.resourcePolicies ?? [];
    const judged = all.filter((policy) => JUDGED_SERVICES.has(policy.service));
    const learned = judged.length === 0 ? undefined : inventory.ownAccountIds;
    return [
      ...judged.map((policy) => judgePolicy(policy, ownAccounts(policy.accountId, learned, ctx.options), ctx.options)),
      ...all.filter((policy) => SOURCE_ONLY_SERVICES.has(policy.service)).flatMap((policy) => {
        const subject = /( policy| permission)$/.test(policy.ref.label) ? describe(policy.ref) : `${describe(policy.ref)} resource policy`;
        return judgeServiceSources(policy.ref, subject, "its resource policy", policy.document) ?? [];
      }),
    ];
  },
});

function judgePolicy(policy: ResourcePolicy, owns: readonly string[], options: AccountOptions): Outcome {
  const subject = policy.ref.label.endsWith(" policy") ? describe(policy.ref) : `${describe(policy.ref)} resource policy`;
  // AWS rejects a policy over its service's size limit: judged at once, before any analysis.
  const limit = SIZE_LIMIT_OF[policy.service];
  const tooBig = limit === undefined ? undefined : policySizeProblem(policy.document, limit);
  if (tooBig !== undefined) return fail(policy.ref, `${subject}: the policy document ${tooBig.message}`);
  return judgePrincipalDocument(
    policy.ref,
    subject,
    policy.ref.label.endsWith(" policy") ? "its policy document" : "its resource policy",
    policy.document,
    principalOptions(owns, options, "resource"),
    ["cross-account-without-condition", "not-principal-allow"],
    "grants access only within its account, to trusted accounts, under scoping conditions or to services tied to their source",
    "resource",
  );
}
