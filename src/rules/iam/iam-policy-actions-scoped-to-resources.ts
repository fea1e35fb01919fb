import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import type { GrantFinding } from "../../iam";
import { CONTROLS } from "../frameworks";
import { DATA_SERVICES_OPTION, isDataService } from "./customer-data-services-facts";
import { judgeIdentityDocument, keptActionsText, type KindCheck } from "./grant-outcome-facts";
import { iamOf, identityDocuments } from "./iam-inventory-facts";

interface Options {
  dataServices: string[];
  allowedUnscopedActions: string[];
}

/** Append-only log delivery that AWS's own execution-role policies grant on every log group. */
const LOG_DELIVERY = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"];

function kept(f: GrantFinding, what: string, keep: (action: string) => boolean): string | undefined {
  const actions = f.actions.filter(keep);
  return actions.length === 0 ? undefined : keptActionsText(f, what, actions);
}

export const iamPolicyActionsScopedToResources = defineRule<Options>({
  id: "CDG-IAM-002",
  slug: "iam-policy-actions-scoped-to-resources",
  title: "IAM policies scope data reads, writes and permission changes on customer data to named resources",
  pillar: "iam",
  severity: "high",
  scope: "resource",
  reads: ["iam", "resourcePolicies"],
  frameworks: {
    gdpr: [CONTROLS.gdprByDesign, CONTROLS.gdprConfidentiality],
    ccpa: [CONTROLS.ccpaReasonableSecurity],
    "pci-dss-4.0": [CONTROLS.pciLeastPrivilege, CONTROLS.pciSystemAccounts, CONTROLS.pciCardholderDataQueries],
    hipaa: [CONTROLS.hipaaAccessManagement, CONTROLS.hipaaAccessControl],
  },
  rationale:
    'An Allow on `"Resource": "*"` (or `arn:aws:s3:::*`, `table/*`...) reaches every bucket, table, ' +
    "key, secret and queue of the account, including those created later for other customers. This " +
    "rule fails when a statement allows, on all resources, actions that read stored data " +
    "(s3:GetObject, dynamodb:Scan, secretsmanager:GetSecretValue, kms:Decrypt...), or write and " +
    "permissions-management actions of customer-data services. Only actions that accept resource-level " +
    "permissions count (`ec2:Describe*` on `*` is fine: nothing narrower exists), and a scoping " +
    "condition (aws:ResourceTag/..., aws:ResourceAccount, aws:SourceVpce...) or a scoping Deny counts " +
    "as scoped.",
  remediation:
    "Name the resources in `Resource` (e.g. `arn:aws:s3:::orders-bucket/*`, the table's ARN, the key's " +
    "ARN), or add a scoping condition such as `aws:ResourceTag/customer-segment`.",
  links: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html",
    "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html",
  ],
  options: {
    dataServices: DATA_SERVICES_OPTION,
    allowedUnscopedActions: {
      type: "array",
      items: { type: "string" },
      default: LOG_DELIVERY,
      description: "Actions accepted on all resources (default: append-only log delivery that AWS's execution-role policies grant).",
    },
  },
  evaluate(inventory, ctx): Outcome[] {
    const allowed = new Set(ctx.options.allowedUnscopedActions.map((a) => a.toLowerCase()));
    const notAllowed = (a: string): boolean => !allowed.has(a.toLowerCase());
    const onDataService = (a: string): boolean => notAllowed(a) && isDataService(a.slice(0, a.indexOf(":")), ctx.options.dataServices);
    const checks: KindCheck[] = [
      { kind: "unscoped-data-read", describe: (f) => kept(f, "data reads on all resources", notAllowed) },
      { kind: "unscoped-write", describe: (f) => kept(f, "write actions on all resources", onDataService) },
      {
        kind: "unscoped-permissions-management",
        describe: (f) => kept(f, "permissions-management actions on all resources", onDataService),
      },
    ];
    return identityDocuments(iamOf(inventory)).map((doc) =>
      judgeIdentityDocument(doc, checks, "scopes its data reads, writes and permission changes on customer data to resources"),
    );
  },
});
