import * as rulesModule from "../src/rules";
import { ALL_RULES } from "../src/rules";
import { scannerIamPolicy, scannerOrgIamPolicy } from "../src/scanner/iam-policy";
import { ORG_DEFAULTS } from "../src/cli/org-flags";
import { ALL_SOURCES } from "../src/scanner/sources";
import { ruleCoverage, ruleExportNames } from "./rule-coverage";
import { renderRulesMarkdown } from "./rules-markdown";

/** Every generated document, path (from the repository root) -> content; `npm run docs` writes them. */
export function docsFiles(root: string): Map<string, string> {
  const coverage = ruleCoverage(root, ALL_RULES, ruleExportNames(rulesModule as Record<string, unknown>, ALL_RULES));
  return new Map([
    ["RULES.md", renderRulesMarkdown(ALL_RULES, coverage)],
    ["scanner-iam-policy.json", `${JSON.stringify(scannerIamPolicy(ALL_SOURCES), null, 2)}\n`],
    ["scanner-org-iam-policy.json", `${JSON.stringify(scannerOrgIamPolicy(ORG_DEFAULTS.roleName), null, 2)}\n`],
  ]);
}

