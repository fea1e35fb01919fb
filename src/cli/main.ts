#!/usr/bin/env node
import { Command, CommanderError } from "commander";
import { checkConfigFile } from "./config-check";
import { iamPolicyCommand } from "./iam-policy-command";
import { diffCommand } from "./diff-command";
import { inventoryCommand } from "./inventory-command";
import { mergeCommand } from "./merge-command";
import { previewReportCommand } from "./preview-report-command";
import { reportCommand, schemaCommand } from "./report-command";
import { listRules } from "./rules";
import { scanCommand } from "./scan-command";
import { UsageError } from "./select-rules";
import { TOOL } from "./tool";

function program(): Command {
  const cdguard = new Command("cdguard")
    .description("customer-data-guard: keep customers' data safe on AWS")
    .version(TOOL.version)
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  cdguard
    .command("rules")
    .description("list every rule (id, policy name, pillar, severity, scope)")
    .action(() => {
      process.stdout.write(listRules());
    });
  cdguard
    .command("config")
    .description("work with policy-pack config files")
    .command("check")
    .argument("<file>", "a --policy-pack-config file (JSON or YAML)")
    .description("check a config file against the pack: unknown policies, options, bad values; exit 1 if any")
    .action((file: string) => {
      process.exitCode = configCheck(file);
    });
  cdguard.addCommand(scanCommand());
  cdguard.addCommand(iamPolicyCommand());
  cdguard.addCommand(reportCommand());
  cdguard.addCommand(schemaCommand());
  cdguard.addCommand(previewReportCommand());
  cdguard.addCommand(diffCommand());
  cdguard.addCommand(mergeCommand());
  cdguard.addCommand(inventoryCommand());
  cdguard.on("command:*", (operands: string[]) => {
    throw new UsageError(`unknown command '${operands[0]}'\n\n${cdguard.helpInformation()}`);
  });
  for (const c of cdguard.commands) c.exitOverride();
  return cdguard;
}

function configCheck(file: string): number {
  const { problems, entries } = checkConfigFile(file);
  if (problems.length === 0) {
    console.log(`${file}: ${entries} entries, no problems`);
    return 0;
  }
  console.error(`${file}: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  return 1;
}

async function main(argv: string[]): Promise<number> {
  const cli = program();
  if (argv.length === 0) {
    process.stderr.write(cli.helpInformation());
    return 2;
  }
  await cli.parseAsync(argv, { from: "user" });
  return typeof process.exitCode === "number" ? process.exitCode : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof CommanderError) {
      // Commander printed its message already; help and version are not errors.
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    const debug = process.argv.includes("--debug");
    const text = debug && err instanceof Error && !(err instanceof UsageError) ? (err.stack ?? err.message) : err instanceof Error ? err.message : String(err);
    console.error(`cdguard: ${text}`);
    process.exitCode = 2;
  },
);
