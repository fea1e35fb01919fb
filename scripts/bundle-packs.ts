// `npm run build`, after tsc: each pack in packs/<name>/index.ts becomes one file, dist/packs/<name>/index.js.
//
// Why: `pulumi preview` starts the pack in a fresh Node.js process for every run. Loaded as tsc emits it,
// the pack is some 270 modules, and resolving, reading and compiling them one by one was a tenth of the
// pack's cold start. One minified file, with its dependencies left to node_modules, is one read and one
// compile. tsc still type-checks everything (`npm run typecheck`) and still emits src/ for the CLI and the
// library subpaths; esbuild only strips types, so the code that runs is the code tsc checked.
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { build, type Message } from "esbuild";

// Compiled to dist/scripts/; the repository root is two levels up.
const root = join(__dirname, "..", "..");

/** The packs to bundle: every packs/<name>/index.ts. */
export function packEntries(repo: string): string[] {
  const dir = join(repo, "packs");
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "index.ts")))
    .map((d) => join(dir, d.name, "index.ts"));
}

function describe(messages: readonly Message[]): string {
  return messages.map((m) => `  ${m.location ? `${m.location.file}:${m.location.line}: ` : ""}${m.text}`).join("\n");
}

export async function bundlePacks(repo: string): Promise<string[]> {
  const written: string[] = [];
  for (const entry of packEntries(repo)) {
    const outfile = join(repo, "dist", relative(repo, entry).replace(/\.ts$/, ".js"));
    const result = await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      // Dependencies stay in node_modules: the pack must share @pulumi/policy's copy of the SDK and gRPC.
      packages: "external",
      minify: true,
      // Names stay as written: error names and stack frames mean what they say.
      keepNames: true,
      // run-policy-pack installs source-map-support, so stack traces point at src/.
      sourcemap: "linked",
      sourcesContent: false,
      tsconfig: join(repo, "tsconfig.json"),
      logLevel: "silent",
    });
    // A warning (an import esbuild could not match, say) would be a pack that fails at run time.
    if (result.warnings.length > 0) throw new Error(`bundling ${relative(repo, entry)} gave warnings:\n${describe(result.warnings)}`);
    written.push(relative(repo, outfile));
  }
  return written;
}

if (require.main === module) {
  bundlePacks(root).then(
    (files) => files.forEach((f) => console.log(`bundled ${f}`)),
    (e: unknown) => {
      const errors = (e as { errors?: Message[] }).errors;
      console.error(`bundle-packs: ${errors ? `\n${describe(errors)}` : e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    },
  );
}
