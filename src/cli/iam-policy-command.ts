import { Command } from "commander";
import { scannerIamPolicy, scannerOrgIamPolicy } from "../scanner/iam-policy";
import { ALL_SOURCES } from "../scanner/sources";
import { ORG_DEFAULTS } from "./org-flags";

export function iamPolicyCommand(): Command {
  return new Command("iam-policy")
    .description("print the scanner's own least-privilege IAM policy (read-only, no data-plane reads); with --org, what the principal running `scan --org` needs beside it")
    .option("--org", "the organization statements: list the accounts, assume the scan role in each")
    .option("--org-role-name <name>", "with --org: the role `scan --org` assumes", ORG_DEFAULTS.roleName)
    .action((flags: { org?: boolean; orgRoleName: string }) => {
      const policy = flags.org ? scannerOrgIamPolicy(flags.orgRoleName) : scannerIamPolicy(ALL_SOURCES);
      process.stdout.write(`${JSON.stringify(policy, null, 2)}\n`);
    });
}
