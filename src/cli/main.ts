#!/usr/bin/env node
import { listRules } from "./rules";

const USAGE = `usage: cdguard <command>

commands:
  rules            list every rule (id, policy name, pillar, severity, scope)
  help             show this text`;

async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  switch (command) {
    case "rules":
      process.stdout.write(listRules());
      return 0;
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`cdguard: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
