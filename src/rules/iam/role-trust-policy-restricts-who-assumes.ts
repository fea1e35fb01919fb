import { describe } from "../../core/outcome";
import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { CONTROLS } from "../frameworks";
import { iamOf } from "./iam-inventory-facts";
import { accountOfArn, ACCOUNT_OPTIONS, judgePrincipalDocument, ownAccounts, principalOptions, type AccountOptions } from "./principal-policy-facts";

export const roleTrustPolicyRestrictsWhoAssumes = defineRule<AccountOptions>({
  id: "CDG-IAM-006",
  slug: "role-trust-policy-restricts-who-assumes",
  title:
    "Role trust policies let in no one at large, no foreign account without sts:ExternalId or aws:PrincipalOrgID, no OIDC subject at large, and no AWS service without its source",
  pillar: "iam",
  severity: "high",
  scope: "resource",
  reads: ["iam", "resourcePolicies", "ownAccountIds"],
  frameworks: {
    gdpr: [CONTROLS.gdprByDesign, CONTROLS.gdprConfidentiality],
    "pci-dss-4.0": [CONTROLS.pciAccessControlModel, CONTROLS.pciSystemAccounts],
    hipaa: [CONTROLS.hipaaAccessManagement, CONTROLS.hipaaAccessControl],
  },
  rationale:
    "Whoever a trust policy admits gets the role's permissions. `Principal: \"*\"` (or an account " +
    "wildcard) admits every AWS account unless a condition names an identity (aws:PrincipalOrgID, " +
    "aws:PrincipalAccount, aws:PrincipalArn, aws:SourceAccount...): `sts:ExternalId` is a shared secret, " +
    "not an identity, and does not close it. Another account's principals " +
    "need `sts:ExternalId` (against the confused deputy) or `aws:PrincipalOrgID` unless the account is " +
    "the role's own or listed as trusted. A web-identity principal (e.g. GitHub's " +
    "token.actions.githubusercontent.com) without a condition on its `:sub` claim admits every " +
    "repository or workload of that provider. A service AWS recommends tying to its source " +
    "(CloudTrail, Config, CloudWatch Logs) without `aws:SourceArn`/`aws:SourceAccount` can be made to " +
    "assume the role for another account (confused deputy). The role's own accounts come from its " +
    "ARN, any known ARN of the stack, the stack tag `cdguard:account-ids`, the AWS provider's " +
    "allowedAccountIds or the `ownAccountIds` option (the scanner knows the account it scans); until " +
    "one of those tells, named accounts are not assessed (\"own account unknown\").",
  remediation:
    "Name the principals that need the role. For another account add a `StringEquals` condition on " +
    "`sts:ExternalId` or `aws:PrincipalOrgID`; for GitHub Actions add `StringEquals`/`StringLike` on " +
    "`token.actions.githubusercontent.com:sub`, e.g. `repo:acme/shop:ref:refs/heads/main`. Replace " +
    "`Principal: \"*\"` by the principals, or add `aws:PrincipalOrgID`. For a service add " +
    "`aws:SourceAccount` (your account) or `aws:SourceArn` (the trail, recorder or log group). Tell the " +
    "pack the stack's accounts with the stack tag `cdguard:account-ids` (e.g. `111122223333`) or the " +
    "`ownAccountIds` option.",
  links: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html",
    "https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html#cross-service-confused-deputy-prevention",
  ],
  options: ACCOUNT_OPTIONS,
  evaluate(inventory, ctx): Outcome[] {
    const roles = iamOf(inventory).principals.filter((p) => p.kind === "role" && p.trustPolicy !== undefined);
    const learned = roles.length === 0 ? undefined : inventory.ownAccountIds;
    return roles.flatMap((role) => {
      if (role.trustPolicy === undefined) return [];
      const options = principalOptions(ownAccounts(accountOfArn(role.arn), learned, ctx.options), ctx.options, "trust");
      return [
        judgePrincipalDocument(
          role.ref,
          `${describe(role.ref)} trust policy`,
          "its trust policy",
          role.trustPolicy,
          options,
          ["public-principal", "cross-account-without-condition", "web-identity-unrestricted-subject", "not-principal-allow"],
          "admits only named principals, trusted accounts, conditioned subjects or services tied to their source",
          "trust",
        ),
      ];
    });
  },
});
