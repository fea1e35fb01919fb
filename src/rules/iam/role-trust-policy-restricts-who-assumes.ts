import { describe } from "../../core/outcome";
import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { CONTROLS } from "../frameworks";
import { iamOf } from "./iam-inventory-facts";
import { accountOfArn, ACCOUNT_OPTIONS, judgePrincipalDocument, principalOptions, type AccountOptions } from "./principal-policy-facts";

export const roleTrustPolicyRestrictsWhoAssumes = defineRule<AccountOptions>({
  id: "CDG-IAM-006",
  slug: "role-trust-policy-restricts-who-assumes",
  title: "Role trust policies let in no one at large, no foreign account without sts:ExternalId or aws:PrincipalOrgID, and no OIDC subject at large",
  pillar: "iam",
  severity: "high",
  scope: "resource",
  reads: ["iam", "resourcePolicies"],
  frameworks: {
    gdpr: [CONTROLS.gdprByDesign, CONTROLS.gdprConfidentiality],
    "pci-dss-4.0": [CONTROLS.pciAccessControlModel, CONTROLS.pciSystemAccounts],
    hipaa: [CONTROLS.hipaaAccessManagement, CONTROLS.hipaaAccessControl],
  },
  rationale:
    "Whoever a trust policy admits gets the role's permissions. `Principal: \"*\"` (or an account " +
    "wildcard) without a scoping condition admits every AWS account. Another account's principals " +
    "need `sts:ExternalId` (against the confused deputy) or `aws:PrincipalOrgID` unless the account is " +
    "the role's own or listed as trusted. A web-identity principal (e.g. GitHub's " +
    "token.actions.githubusercontent.com) without a condition on its `:sub` claim admits every " +
    "repository or workload of that provider. The role's own account comes from its ARN once " +
    "known, else from the `ownAccountIds` option; until then such principals are not assessed.",
  remediation:
    "Name the principals that need the role. For another account add a `StringEquals` condition on " +
    "`sts:ExternalId` or `aws:PrincipalOrgID`; for GitHub Actions add `StringEquals`/`StringLike` on " +
    "`token.actions.githubusercontent.com:sub`, e.g. `repo:acme/shop:ref:refs/heads/main`.",
  links: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html",
    "https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services",
  ],
  options: ACCOUNT_OPTIONS,
  evaluate(inventory, ctx): Outcome[] {
    return iamOf(inventory).principals.flatMap((role) => {
      if (role.kind !== "role" || role.trustPolicy === undefined) return [];
      const options = principalOptions(accountOfArn(role.arn), ctx.options, "trust");
      return [
        judgePrincipalDocument(
          role.ref,
          `${describe(role.ref)} trust policy`,
          "its trust policy",
          role.trustPolicy,
          options,
          ["public-principal", "cross-account-without-condition", "web-identity-unrestricted-subject", "not-principal-allow"],
          "admits only named principals, trusted accounts or conditioned subjects",
        ),
      ];
    });
  },
});
