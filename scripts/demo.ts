// `npm run demo [-- [--known] [--inventory] [--stack NAME] <program>...]`: the compiled default pack, started as the Pulumi
// CLI starts it, judging Pulumi TypeScript programs recorded under @pulumi/pulumi mocks (the bundled examples
// when no program is named): each finding, then counts by pillar and severity.
import { join, relative } from "node:path";
import { Command, CommanderError } from "commander";
import { analyzeProgram } from "../src/engine-client/analyze-program";
import { BUNDLED_EXAMPLES } from "../src/engine-client/bundled-examples";
import { demoInventoryMarkdown } from "../src/engine-client/demo-inventory";
import { passedFindings } from "../src/engine-client/demo-passes";
import { locateProgram, ProgramPathError, type ProgramLocation } from "../src/engine-client/demo-program";
import { demoItems, renderItem, renderTally, tallies } from "../src/engine-client/demo-report";
import { startPack } from "../src/engine-client/harness";
import { ALL_RULES } from "../src/rules";

const root = join(__dirname, "..", "..");

interface DemoOptions {
  readonly known: boolean;
  readonly stack: string;
  readonly inventory: boolean;
}

async function run(programs: readonly ProgramLocation[], opts: DemoOptions): Promise<number> {
  const pack = await startPack(root);
  let blocking = 0;
  try {
    await pack.configure({});
    for (const p of programs) {
      const analysis = await analyzeProgram(pack, p.dir, opts.stack, !opts.known, p.entry);
      const items = demoItems(analysis, ALL_RULES);
      const shown = relative(process.cwd(), join(p.dir, p.entry)) || p.entry;
      const mode = opts.known ? "every value known (an existing stack)" : "preview of a new stack";
      console.log(`\n${shown}: ${analysis.resourceCount} resources, ${mode}`);
      for (const item of items) console.log(`\n${renderItem(item)}`);
      const { byPillar, bySeverity } = tallies(items, passedFindings(ALL_RULES, analysis.resources), ALL_RULES);
      console.log(`\n${renderTally("pillar", byPillar)}\n\n${renderTally("severity", bySeverity)}`);
      const blocks = items.filter((i) => i.blocking).length;
      console.log(`\n${blocks === 0 ? "nothing would block" : `${blocks} mandatory finding(s) would block`} \`pulumi preview\``);
      if (opts.inventory) console.log(`\n${demoInventoryMarkdown(analysis.resources, shown)}`);
      blocking += blocks;
    }
  } finally {
    await pack.close();
  }
  console.log("\n(passed: counted by the same rules run in process; the engine reports no passes)");
  return blocking;
}

async function main(argv: readonly string[]): Promise<number> {
  const cli = new Command("demo")
    .description("run the customer-data-guard pack on Pulumi TypeScript programs under mocks")
    .argument("[programs...]", "Pulumi project directories or program files (default: the bundled examples)")
    .option("--known", "judge with every value known, as for an existing stack (default: a new stack's preview)", false)
    .option("--stack <name>", "stack name the program runs as", "dev")
    .option("--inventory", "also print the Markdown data inventory of each program's resources (with --known: as an existing stack's)", false)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  cli.parse(argv, { from: "user" });
  const named = cli.args;
  const opts = cli.opts<DemoOptions>();
  const programs = named.length > 0 ? named.map(locateProgram) : BUNDLED_EXAMPLES.map((e) => ({ dir: join(root, "examples", e), entry: "index.ts" }));
  const blocking = await run(programs, opts);
  // The bundled violation examples are meant to fail; a user's own program fails the run like a preview would.
  return named.length > 0 && blocking > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    const missing = /Cannot find module '([^']+)'/.exec(message)?.[1];
    const hint =
      err instanceof ProgramPathError ? "" : missing ? `\nthe program needs ${missing}: install its dependencies (npm install in its directory; for the bundled examples, npm ci)` : "";
    console.error(`demo failed: ${message.split("\n")[0]}${hint}`);
    process.exitCode = 2;
  },
);
