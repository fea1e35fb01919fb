import { fail, notAssessed, pass } from "../../core/outcome";
import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { reviewConditions } from "../../iam";
import { CONTROLS } from "../frameworks";
import { findingsText, malformedOutcome } from "./grant-outcome-facts";
import { iamOf, identityDocuments, type IdentityDocument } from "./iam-inventory-facts";

function judge(doc: IdentityDocument): Outcome {
  const review = reviewConditions(doc.document, { kind: "identity" });
  if (review.status === "malformed") return malformedOutcome(doc.ref, doc.subject, review.problems);
  if (review.status === "unknown") return notAssessed(doc.ref, doc.what, review.unknown);
  if (review.issues.length > 0) return fail(doc.ref, `${doc.subject}: ${findingsText(review.issues.map((i) => i.message), 3)}`);
  const open = review.unknowns[0];
  if (open !== undefined) return notAssessed(doc.ref, `the conditions of ${doc.what} (${open.path})`, open.unknown);
  return pass(doc.ref, `${doc.subject} uses only conditions that restrict what they test`);
}

export const iamPolicyConditionsRestrictAccess = defineRule({
  id: "CDG-IAM-009",
  slug: "iam-policy-conditions-restrict-access",
  title: "IAM policy conditions restrict what they appear to: no ForAllValues on single-valued keys, no match-everything values, none the analyzer cannot read",
  pillar: "iam",
  severity: "medium",
  scope: "resource",
  reads: ["iam", "resourcePolicies"],
  frameworks: {
    gdpr: [CONTROLS.gdprByDesign],
    "pci-dss-4.0": [CONTROLS.pciLeastPrivilege],
    hipaa: [CONTROLS.hipaaAccessControl],
  },
  rationale:
    "A condition reads as a restriction to a reviewer, but some restrict nothing: `ForAllValues:` on " +
    "a key a request carries at most once (aws:SourceVpce, aws:ResourceTag/...) is true when the key is " +
    "absent; `vpce-*`, `o-*` or an ARN of any account (`arn:aws:iam::*:role/*`) matches every value; " +
    "private aws:SourceIp ranges name no network of the account. A condition key AWS does not " +
    "document, or an operator that does not fit the key's type, cannot be judged at all: such a " +
    "statement is reported as needing review, never passed silently. The other IAM rules already " +
    "treat all of these as not scoping; this rule names the condition itself.",
  remediation:
    "Drop `ForAllValues:` for single-valued keys (use `StringEquals` etc., without IfExists), name the " +
    "endpoint, organisation, account or role in the value, and fix or remove keys AWS does not " +
    "document (see the Service Authorization Reference for each service's keys and their types).",
  links: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html",
  ],
  evaluate(inventory): Outcome[] {
    return identityDocuments(iamOf(inventory)).map(judge);
  },
});
