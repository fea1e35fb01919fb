import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { CONTROLS } from "../frameworks";
import { judgeIdentityDocument, type KindCheck } from "./grant-outcome-facts";
import { iamOf, identityDocuments } from "./iam-inventory-facts";

const CHECKS: readonly KindCheck[] = [{ kind: "privilege-escalation" }];

export const iamPolicyGrantsNoPrivilegeEscalation = defineRule({
  id: "CDG-IAM-008",
  slug: "iam-policy-grants-no-privilege-escalation",
  title: "No IAM policy document on its own lets its holder escalate privileges",
  pillar: "iam",
  severity: "high",
  scope: "resource",
  reads: ["iam", "resourcePolicies"],
  frameworks: {
    gdpr: [CONTROLS.gdprByDesign, CONTROLS.gdprConfidentiality],
    "pci-dss-4.0": [CONTROLS.pciLeastPrivilege, CONTROLS.pciPrivilegesApproved, CONTROLS.pciSystemAccounts],
    hipaa: [CONTROLS.hipaaAccessManagement, CONTROLS.hipaaAccessControl],
  },
  rationale:
    "A policy that allows a known privilege-escalation path (iam:PassRole with a compute or " +
    "orchestration launch such as ec2:RunInstances or lambda:CreateFunction, iam:CreatePolicyVersion, " +
    "iam:SetDefaultPolicyVersion, iam:Put*Policy, iam:Attach*Policy, iam:UpdateAssumeRolePolicy, " +
    "iam:CreateAccessKey, iam:CreateLoginProfile, iam:AddUserToGroup, lambda:UpdateFunctionCode, " +
    "ssm:SendCommand...) hands whoever holds it every permission of the account, whether or not it " +
    "is attached yet, and however it is written (`*`, `iam:*`, `iam:*Policy*`, NotAction). Each inline " +
    "policy, customer managed policy and attachment of an AWS managed policy is judged on its own " +
    "document, so a policy is stopped before anyone holds it; paths split over several policies of " +
    "one principal are CDG-IAM-003's. A Resource that can only name AWS managed policies " +
    "(`arn:aws:iam::aws:policy/*`) makes a policy-rewriting action harmless; one matching customer " +
    "policies (`arn:aws:iam::*:policy/*`) does not.",
  remediation:
    "Remove the escalation actions, or limit them: iam:PassRole to named roles with an " +
    "`iam:PassedToService` condition, IAM write actions to named resources under a permissions " +
    "boundary. Give deliberate administrator policies a waiver (`cdguard:waive:CDG-IAM-008`) naming " +
    "who approved them.",
  links: [
    "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html",
  ],
  evaluate(inventory): Outcome[] {
    return identityDocuments(iamOf(inventory)).map((doc) => judgeIdentityDocument(doc, CHECKS, "allows no privilege-escalation path on its own"));
  },
});
