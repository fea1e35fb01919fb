import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import type { GrantFinding } from "../../iam";
import { CONTROLS } from "../frameworks";
import { isDataService } from "./customer-data-services-facts";
import { judgeIdentityDocument, keptActionsText, type KindCheck } from "./grant-outcome-facts";
import { iamOf, identityDocuments } from "./iam-inventory-facts";

interface Options {
  dataServices: string[];
  allowedUnscopedActions: string[];
}

/**
 * What AWS's own execution-role policies grant on every resource for a workload to run at all:
 * append-only log and metric delivery (AWSLambdaBasicExecutionRole, CloudWatchAgentServerPolicy),
 * a VPC function's network interfaces (AWSLambdaVPCAccessExecutionRole) and the SSM agent's
 * registration (AmazonSSMManagedInstanceCore). None reads, deletes or re-shares stored data.
 */
const RUNTIME_PLUMBING = [
  "logs:CreateLogGroup",
  "logs:CreateLogStream",
  "logs:PutLogEvents",
  "cloudwatch:PutMetricData",
  "ec2:CreateNetworkInterface",
  "ec2:DeleteNetworkInterface",
  "ec2:AssignPrivateIpAddresses",
  "ec2:UnassignPrivateIpAddresses",
  "ssm:UpdateInstanceInformation",
  "ssm:UpdateInstanceAssociationStatus",
  "ssm:UpdateAssociationStatus",
  "ssm:PutComplianceItems",
];

/**
 * Reads outside the customer-data services that the catalogue files under Write or Permissions
 * management: they change nothing (AWS's own read-only policies, ViewOnlyAccess and SecurityAudit,
 * grant them on `*`). Listed one by one: a name like `Get...` proves nothing (sts:GetFederationToken
 * and redshift:GetClusterCredentials issue credentials).
 */
const MISFILED_READS: ReadonlySet<string> = new Set(
  [
    "iot:ListSubscriptions",
    "quicksight:DescribeKnowledgeBasePermissions",
    "quicksight:DescribeSpacePermissions",
    "quicksight:DescribeTopicPermissions",
    "route53globalresolver:ListTagsForResource",
    "monitron:ListProjectAdminUsers",
    "aidevops:DescribeSupportLevel",
    "arc-region-switch:GetResourcePolicy",
    "billing:GetResourcePolicy",
  ].map((a) => a.toLowerCase()),
);

function kept(f: GrantFinding, what: string, keep: (action: string) => boolean): string | undefined {
  const actions = f.actions.filter(keep);
  return actions.length === 0 ? undefined : keptActionsText(f, what, actions);
}

export const iamPolicyActionsScopedToResources = defineRule<Options>({
  id: "CDG-IAM-002",
  slug: "iam-policy-actions-scoped-to-resources",
  title: "IAM policies scope data reads, writes and permission changes to named resources",
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
    "permissions-management actions of any service (deleting a function, rewriting a role or a key " +
    "policy reaches customer data as surely as writing to a bucket). Only actions that accept " +
    "resource-level permissions count (`ec2:Describe*` on `*` is fine: nothing narrower exists), and a " +
    "scoping condition (aws:ResourceTag/..., aws:ResourceAccount, aws:SourceVpce...) or a scoping Deny " +
    "counts as scoped; a condition that matches everything (`vpce-*`, an ARN of any account, " +
    "ForAllValues, IfExists, private aws:SourceIp ranges) does not. Inline, customer managed and " +
    "attached AWS managed policies are each judged by their documents.",
  remediation:
    "Name the resources in `Resource` (e.g. `arn:aws:s3:::orders-bucket/*`, the table's ARN, the key's " +
    "ARN), or add a scoping condition such as `aws:ResourceTag/customer-segment`.",
  links: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html",
    "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html",
  ],
  options: {
    dataServices: {
      type: "array",
      items: { type: "string" },
      default: ["*"],
      description: 'IAM service prefixes whose unscoped write and permissions-management actions count ("*", the default: every service).',
    },
    allowedUnscopedActions: {
      type: "array",
      items: { type: "string" },
      default: RUNTIME_PLUMBING,
      description:
        "Actions accepted on all resources (default: log and metric delivery, VPC network interfaces and SSM agent registration, which AWS's execution-role policies grant).",
    },
  },
  evaluate(inventory, ctx): Outcome[] {
    const allowed = new Set(ctx.options.allowedUnscopedActions.map((a) => a.toLowerCase()));
    const notAllowed = (a: string): boolean => !allowed.has(a.toLowerCase());
    const onDataService = (a: string): boolean =>
      notAllowed(a) && !MISFILED_READS.has(a.toLowerCase()) && isDataService(a.slice(0, a.indexOf(":")), ctx.options.dataServices);
    const checks: KindCheck[] = [
      { kind: "unscoped-data-read", describe: (f) => kept(f, "data reads on all resources", notAllowed) },
      { kind: "unscoped-write", describe: (f) => kept(f, "write actions on all resources", onDataService) },
      {
        kind: "unscoped-permissions-management",
        describe: (f) => kept(f, "permissions-management actions on all resources", onDataService),
      },
    ];
    return identityDocuments(iamOf(inventory)).map((doc) =>
      judgeIdentityDocument(doc, checks, "scopes its data reads, writes and permission changes to resources"),
    );
  },
});
