import { describe, fail, notAssessed, pass } from "../../core/outcome";
import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { isUnknown, type Unknown } from "../../core/value";
import { awsManagedPolicyName, type IamManagedPolicy, type IamPolicyAttachment } from "../../models/iam";
import { CONTROLS } from "../frameworks";
import { iamOf } from "./iam-inventory-facts";
import { principalsText } from "./principal-text-facts";

interface Options {
  deniedManagedPolicies: string[];
}

const DENIED_BY_DEFAULT = ["AdministratorAccess", "PowerUserAccess", "IAMFullAccess", "AWSCloudShellFullAccess"];

/** An AWS managed policy's name; null for a customer managed policy; undefined when none is named. */
type AttachedPolicyName = string | null | undefined | Unknown;

function attachedAwsPolicy(a: IamPolicyAttachment, policies: ReadonlyMap<string, IamManagedPolicy>): AttachedPolicyName {
  const model = a.policyRef === undefined ? undefined : policies.get(a.policyRef);
  if (model !== undefined) return model.awsManaged && typeof model.name === "string" ? model.name : null;
  if (isUnknown(a.policyArn) || a.policyArn === undefined) return a.policyArn;
  return awsManagedPolicyName(a.policyArn) ?? null;
}

export const broadAwsManagedPoliciesNotAttached = defineRule<Options>({
  id: "CDG-IAM-004",
  slug: "broad-aws-managed-policies-not-attached",
  title: "No role, user or group has a broad AWS managed policy attached (AdministratorAccess, PowerUserAccess, IAMFullAccess, AWSCloudShellFullAccess)",
  pillar: "iam",
  severity: "high",
  scope: "resource",
  reads: ["iam", "resourcePolicies"],
  frameworks: {
    gdpr: [CONTROLS.gdprByDesign, CONTROLS.gdprConfidentiality],
    "pci-dss-4.0": [CONTROLS.pciAccessControlModel, CONTROLS.pciLeastPrivilege, CONTROLS.pciSystemAccounts],
    hipaa: [CONTROLS.hipaaAccessManagement, CONTROLS.hipaaAccessControl],
    "cis-aws-3.0": ["1.16", "1.22"],
  },
  rationale:
    "AdministratorAccess allows everything; PowerUserAccess everything outside IAM and Organizations " +
    "(every customer-data store and key included); IAMFullAccess lets its holder grant itself " +
    "anything; AWSCloudShellFullAccess gives a shell with file upload and download inside the " +
    "account, an easy way to move data out (CIS 1.22). Each attachment is judged on its own, so " +
    "an attachment resource is stopped before it is created. The list is configurable.",
  remediation:
    "Attach a policy listing the actions and resources the role, user or group needs. Administrators " +
    "should assume a dedicated, tagged role through federation; record deliberate exceptions as waivers.",
  links: [
    "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html",
    "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-27",
  ],
  options: {
    deniedManagedPolicies: {
      type: "array",
      items: { type: "string" },
      default: DENIED_BY_DEFAULT,
      description: "Names of AWS managed policies that must not be attached.",
    },
  },
  evaluate(inventory, ctx): Outcome[] {
    const iam = iamOf(inventory);
    const policies = new Map(iam.policies.map((p) => [p.ref.id, p]));
    const denied = new Set(ctx.options.deniedManagedPolicies.map((n) => n.toLowerCase()));
    return iam.attachments.flatMap((a): Outcome[] => {
      const who = describe(a.ref);
      const name = attachedAwsPolicy(a, policies);
      if (name === undefined) return [];
      if (isUnknown(name)) return [notAssessed(a.ref, `the policy ARN ${who} attaches`, name)];
      if (name === null) return [pass(a.ref, `${who} attaches a customer managed policy to ${principalsText(a.principals)}`)];
      const to = principalsText(a.principals);
      return denied.has(name.toLowerCase())
        ? [fail(a.ref, `${who} attaches AWS managed policy ${name} to ${to}`)]
        : [pass(a.ref, `${who} attaches AWS managed policy ${name} to ${to}, which is not a denied one`)];
    });
  },
});
