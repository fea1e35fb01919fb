import { Command } from "commander";
import { scannerIamPolicy } from "../scanner/iam-policy";
import { ALL_SOURCES } from "../scanner/sources";

export function iamPolicyCommand(): Command {
  return new Command("iam-policy")
    .description("print the scanner's own least-privilege IAM policy (read-only, no data-plane reads)")
    .action(() => {
      process.stdout.write(`${JSON.stringify(scannerIamPolicy(ALL_SOURCES), null, 2)}\n`);
    });
}
