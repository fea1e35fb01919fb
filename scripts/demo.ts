// `npm run demo`: the compiled default pack, started as the Pulumi CLI starts it, judging the bundled
// example programs (recorded in preview under @pulumi/pulumi mocks). Prints what `pulumi preview` would.
import { join } from "node:path";
import { analyzeProgram } from "../src/engine-client/analyze-program";
import { startPack, type Diagnostic } from "../src/engine-client/harness";

const root = join(__dirname, "..", "..");
const EXAMPLES = ["encryption-compliant", "encryption-violations", "segments-compliant", "segments-violations"];

const nameOf = (urn: string): string => urn.split("::").pop() ?? urn;

function show(d: Diagnostic): string {
  const lines = d.message.split("\n");
  const detail = lines.length > 1 ? lines.slice(1).join(" ") : lines[0];
  return `  ${d.enforcementLevel.padEnd(9)} ${d.policyName}  (${nameOf(d.urn)})\n            ${detail}`;
}

async function main(): Promise<void> {
  const pack = await startPack(root);
  let mandatory = 0;
  try {
    await pack.configure({});
    for (const example of EXAMPLES) {
      const result = await analyzeProgram(pack, join(root, "examples", example));
      console.log(`\nexamples/${example}: ${result.resourceCount} resources, ${result.diagnostics.length} violations`);
      for (const d of result.diagnostics) console.log(show(d));
      const notAssessed = result.notApplicable.filter((n) => n.reason.startsWith("not assessed"));
      for (const n of notAssessed) console.log(`  not assessed ${n.policyName}: ${n.reason.replace(/^not assessed:?\s*/, "")}`);
      mandatory += result.diagnostics.filter((d) => d.enforcementLevel === "mandatory").length;
    }
  } finally {
    await pack.close();
  }
  console.log(`\n${mandatory} mandatory violations would block \`pulumi preview\` (expected: only the two violations examples).`);
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  // `npm ci --omit=dev` installs the pack without @pulumi/aws, which only the example programs use.
  const hint = /Cannot find module '@pulumi\/aws'/.test(message) ? "\nthe example programs need the dev dependencies: run `npm ci` (without --omit=dev)" : "";
  console.error(`demo failed: ${message}${hint}`);
  process.exitCode = 1;
});
