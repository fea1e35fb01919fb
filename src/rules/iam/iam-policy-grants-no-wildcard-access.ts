import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import type { GrantFinding } from "../../iam";
import { CONTROLS } from "../frameworks";
import { DATA_SERVICES_OPTION, isDataService } from "./customer-data-services-facts";
import { judgeIdentityDocument, statementsText, withContext, type KindCheck } from "./grant-outcome-facts";
import { iamOf, identityDocuments, listed } from "./iam-inventory-facts";

interface Options {
  dataServices: string[];
}

/** Services whose every action is administrator access, whatever the configured data services: `iam:*` grants itself anything. */
const ADMIN_EQUIVALENT_SERVICES: ReadonlySet<string> = new Set(["iam"]);

/**
 * A `service:*` finding narrowed to the customer-data services; undefined when none is left, or
 * when the statement already allows everything (full admin, NotAction) and says so.
 */
function dataServiceWildcards(f: GrantFinding, all: readonly GrantFinding[], dataServices: readonly string[]): string | undefined {
  const index = f.statements[0]?.index;
  const broader = all.some((g) => (g.kind === "full-admin" || g.kind === "not-action-allow") && g.statements[0]?.index === index);
  if (broader) return undefined;
  const services = (f.services ?? []).filter((s) => ADMIN_EQUIVALENT_SERVICES.has(s) || isDataService(s, dataServices));
  if (services.length === 0) return undefined;
  return withContext(f, `${statementsText(f.statements.map(({ index }) => ({ index })))} allows every action of ${listed(services)}`);
}

export const iamPolicyGrantsNoWildcardAccess = defineRule<Options>({
  id: "CDG-IAM-001",
  slug: "iam-policy-grants-no-wildcard-access",
  title: "IAM policies grant no wildcard admin, whole customer-data services, NotAction or NotResource",
  pillar: "iam",
  severity: "high",
  scope: "resource",
  reads: ["iam", "resourcePolicies"],
  frameworks: {
    gdpr: [CONTROLS.gdprByDesign, CONTROLS.gdprConfidentiality],
    "pci-dss-4.0": [CONTROLS.pciAccessControlModel, CONTROLS.pciLeastPrivilege, CONTROLS.pciSystemAccounts],
    hipaa: [CONTROLS.hipaaAccessManagement, CONTROLS.hipaaAccessControl],
    "cis-aws-3.0": ["1.16"],
  },
  rationale:
    'An Allow of `"Action": "*"` on every resource is full administrator access; `s3:*`, `kms:*` or ' +
    "`dynamodb:*` hands over every present and future action of a service holding customer data " +
    "(reading, deleting, re-sharing, changing its resource policy); an Allow with `NotAction` or " +
    "`NotResource` grants everything not listed, including services and resources created later; " +
    "`iam:*` is administrator access whatever the services configured. " +
    "Each is judged per inline policy, per customer managed policy and per attachment of an AWS " +
    "managed policy (by its document), after Deny statements in the same document.",
  remediation:
    "List the actions the workload calls (IAM Access Analyzer can generate them from CloudTrail) and " +
    "the resources it needs, e.g. `s3:GetObject` on `arn:aws:s3:::orders-bucket/*`, instead of `*`, " +
    "`service:*`, `NotAction` or `NotResource`.",
  links: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html",
  ],
  options: { dataServices: DATA_SERVICES_OPTION },
  evaluate(inventory, ctx): Outcome[] {
    const checks: KindCheck[] = [
      { kind: "full-admin" },
      { kind: "service-wildcard", describe: (f, all) => dataServiceWildcards(f, all, ctx.options.dataServices) },
      { kind: "not-action-allow" },
      { kind: "not-resource-allow" },
    ];
    return identityDocuments(iamOf(inventory)).map((doc) =>
      judgeIdentityDocument(doc, checks, "grants no wildcard admin, whole customer-data service, NotAction or NotResource"),
    );
  },
});
