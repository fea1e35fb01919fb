#!/usr/bin/env node
import { checkConfigFile } from "./config-check";
import { listRules } from "./rules";

const USAGE = `usage: cdguard <command>

commands:
  rules              list every rule (id, policy name, pillar, severity, scope)
  config check FILE  check a --policy-pack-config file (JSON or YAML) against the pack: unknown policies,
                     unknown options and bad values, each with the nearest valid name; exit 1 if any
  help               show this text`;

async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  switch (command) {
    case "rules":
      process.stdout.write(listRules());
      return 0;
    case "config":
      return configCommand(argv.slice(1));
    case undefined:
    case "help":
    case "--help":
    case "-h":
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      console.error(`cdguard: unknown command '${command}'\n\n${USAGE}`);
      return 2;
  }
}

function configCommand(args: string[]): number {
  const [sub, file, ...extra] = args;
  if (sub !== "check" || file === undefined || extra.length > 0) {
    console.error(`cdguard: usage: cdguard config check FILE`);
    return 2;
  }
  const { problems, entries } = checkConfigFile(file);
  if (problems.length === 0) {
    console.log(`${file}: ${entries} entries, no problems`);
    return 0;
  }
  console.error(`${file}: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`cdguard: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 2;
  },
);
