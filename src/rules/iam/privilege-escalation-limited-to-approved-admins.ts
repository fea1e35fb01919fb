import { describe, fail, notAssessed, pass } from "../../core/outcome";
import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { isUnknown, type Val } from "../../core/value";
import type { IamPrincipal } from "../../models/iam";
import { CONTROLS } from "../frameworks";
import { escalationVerdict, principalSources, type EscalationVerdict } from "./escalation-facts";
import { findingsText } from "./grant-outcome-facts";
import { iamOf } from "./iam-inventory-facts";

interface Options {
  approvedAdminTagKey: string;
  approvedAdminTagValue: string;
  approvedAdminGroups: string[];
}

/** Whether the principal is an approved administrator: a tag on roles and users, a list of names for groups. */
function approved(principal: IamPrincipal, o: Options): Val<boolean> {
  if (principal.kind === "group") {
    if (isUnknown(principal.name)) return o.approvedAdminGroups.length === 0 ? false : principal.name;
    return principal.name !== undefined && o.approvedAdminGroups.includes(principal.name);
  }
  if (isUnknown(principal.tags)) return principal.tags;
  return principal.tags?.[o.approvedAdminTagKey]?.trim().toLowerCase() === o.approvedAdminTagValue.trim().toLowerCase();
}

function judge(principal: IamPrincipal, v: EscalationVerdict, o: Options): Outcome {
  const who = describe(principal.ref);
  if (v.verdict === "none") {
    const ignored = v.ignored.length > 0 ? ` (malformed, so ignored: ${v.ignored.join(", ")})` : "";
    return pass(principal.ref, `${who} has no privilege-escalation path${ignored}`);
  }
  if (v.verdict === "unknown") {
    return { status: "unknown", resource: principal.ref, reason: v.unknown.reason, message: `${who}: ${v.why} (${v.unknown.detail || v.unknown.reason})` };
  }
  const ok = approved(principal, o);
  const approval = principal.kind === "group" ? `listed in approvedAdminGroups` : `tagged ${o.approvedAdminTagKey}=${o.approvedAdminTagValue}`;
  if (isUnknown(ok)) return notAssessed(principal.ref, `whether ${who} is an approved administrator`, ok);
  if (ok) return pass(principal.ref, `${who} can escalate its privileges and is ${approval} (approved administrator)`);
  return fail(principal.ref, `${who} can escalate its privileges but is not ${approval}: ${findingsText(v.findings, 3)}`);
}

export const privilegeEscalationLimitedToApprovedAdmins = defineRule<Options>({
  id: "CDG-IAM-003",
  slug: "privilege-escalation-limited-to-approved-admins",
  title: "Only approved administrators can escalate their own privileges",
  pillar: "iam",
  severity: "high",
  scope: "stack",
  reads: ["iam", "resourcePolicies"],
  frameworks: {
    gdpr: [CONTROLS.gdprByDesign, CONTROLS.gdprConfidentiality],
    "pci-dss-4.0": [CONTROLS.pciLeastPrivilege, CONTROLS.pciPrivilegesApproved, CONTROLS.pciSystemAccounts],
    hipaa: [CONTROLS.hipaaAccessManagement, CONTROLS.hipaaAccessControl],
  },
  rationale:
    "A principal that can attach or write policies, create access keys or login profiles for others, " +
    "pass a role to a service it controls (iam:PassRole with ec2:RunInstances, lambda:CreateFunction...), " +
    "rewrite trust policies or run code as other roles can grant itself any permission, so every " +
    "other least-privilege control over customer data is void for it. Escalation paths often span " +
    "several policies, so all of a principal's inline and attached policies (and, for a user, its " +
    "groups') are judged together, which needs the whole stack. AWS managed policies are judged " +
    "from a verified list when their documents are not loaded; others make the verdict 'not assessed'.",
  remediation:
    "Remove the escalation actions, or limit them: iam:PassRole to named roles with an " +
    "`iam:PassedToService` condition, IAM write actions to named resources, ideally under a " +
    "permissions boundary. If the principal is a deliberate administrator, tag it " +
    "`cdguard:approved-admin=true` (groups, which cannot be tagged: list them in `approvedAdminGroups`).",
  links: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html",
    "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/",
  ],
  options: {
    approvedAdminTagKey: { type: "string", default: "cdguard:approved-admin", description: "Tag key marking a role or user as an approved administrator." },
    approvedAdminTagValue: { type: "string", default: "true", description: "Value of that tag that approves (compared case-insensitively)." },
    approvedAdminGroups: {
      type: "array",
      items: { type: "string" },
      default: [],
      description: "Names of IAM groups approved as administrators (groups cannot carry tags).",
    },
  },
  evaluate(inventory, ctx): Outcome[] {
    const iam = iamOf(inventory);
    const outcomes = iam.principals.map((p) => judge(p, escalationVerdict(principalSources(p, iam)), ctx.options));
    // An inline policy of a principal outside the stack: whether that principal is approved is not known.
    for (const policy of iam.inlinePolicies) {
      if (policy.principal.principalRef !== undefined) continue;
      const v = escalationVerdict([{ kind: "document", label: describe(policy.ref), document: policy.document }]);
      if (v.verdict !== "escalates") continue;
      const who = isUnknown(policy.principal.name) || policy.principal.name === undefined ? `its ${policy.principal.kind}` : `${policy.principal.kind} '${policy.principal.name}'`;
      outcomes.push({
        status: "unknown",
        resource: policy.ref,
        reason: "not-fetched",
        message:
          `${describe(policy.ref)}: it allows privilege escalation (${findingsText(v.findings, 2)}) but ` +
          `${who} is not part of the stack, so whether it is an approved administrator is not known`,
      });
    }
    return outcomes;
  },
});
