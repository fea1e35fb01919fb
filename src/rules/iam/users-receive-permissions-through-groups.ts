import { describe, fail, notAssessed, pass } from "../../core/outcome";
import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { isUnknown } from "../../core/value";
import type { IamInventory, IamPolicyAttachment } from "../../models/iam";
import { CONTROLS } from "../frameworks";
import { iamOf } from "./iam-inventory-facts";
import { principalText, principalsText } from "./principal-text-facts";

function policyText(a: IamPolicyAttachment, iam: IamInventory): string {
  const model = a.policyRef === undefined ? undefined : iam.policies.find((p) => p.ref.id === a.policyRef);
  if (model !== undefined) return describe(model.ref);
  return typeof a.policyArn === "string" ? `policy ${a.policyArn}` : "a managed policy";
}

function judgeAttachment(a: IamPolicyAttachment, iam: IamInventory): Outcome[] {
  const who = describe(a.ref);
  const users = a.principals.filter((l) => l.kind === "user");
  if (users.length > 0) return [fail(a.ref, `${who} attaches ${policyText(a, iam)} directly to ${principalsText(users)}`)];
  const open = a.unknownPrincipals.find((u) => u.kind === "user");
  if (open !== undefined) return [notAssessed(a.ref, `the users ${who} attaches a policy to`, open.unknown)];
  // Only a many-principal attachment says something here: "no user among them".
  if (a.manyPrincipals !== true) return [];
  return [pass(a.ref, `${who} attaches ${policyText(a, iam)} to ${principalsText(a.principals)}, no user`)];
}

export const usersReceivePermissionsThroughGroups = defineRule({
  id: "CDG-IAM-005",
  slug: "users-receive-permissions-through-groups",
  title: "IAM users receive permissions only through groups or roles",
  pillar: "iam",
  severity: "low",
  scope: "resource",
  reads: ["iam", "resourcePolicies"],
  frameworks: {
    gdpr: [CONTROLS.gdprByDesign],
    "pci-dss-4.0": [CONTROLS.pciAccessControlModel, CONTROLS.pciLeastPrivilege],
    hipaa: [CONTROLS.hipaaAccessManagement],
    "cis-aws-3.0": ["1.15"],
  },
  rationale:
    "Permissions given to one user (an inline user policy, or a managed policy attached to the user) " +
    "escape the job-function review that groups and roles make possible, and linger when the person " +
    "changes role or leaves. Each UserPolicy, UserPolicyAttachment and PolicyAttachment naming users " +
    "is judged on its own, so it is stopped before it is created.",
  remediation:
    "Attach the policy to an IAM group for the job function and add the user to the group " +
    "(`aws.iam.GroupPolicyAttachment`, `aws.iam.UserGroupMembership`), or let the user assume a role; " +
    "better still, federate people through IAM Identity Center.",
  links: ["https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-2"],
  evaluate(inventory): Outcome[] {
    const iam = iamOf(inventory);
    const inline = iam.inlinePolicies
      .filter((p) => p.principal.kind === "user")
      .map((p) => fail(p.ref, `${describe(p.ref)} gives ${principalText(p.principal)} inline policy '${p.name}' directly`));
    const attached = iam.attachments.flatMap((a) => judgeAttachment(a, iam));
    const users = iam.principals
      .filter((u) => u.kind === "user" && u.attachedPolicies.length === 0 && u.inlinePolicies.length === 0)
      .map((u) => {
        const groups = isUnknown(u.groups) ? "" : ` (groups: ${u.groups.length})`;
        return pass(u.ref, `${describe(u.ref)} has no policy of its own${groups}`);
      });
    return [...inline, ...attached, ...users];
  },
});
