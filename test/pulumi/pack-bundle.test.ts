// The pack as `npm run build` leaves it (scripts/bundle-packs.ts): package.json `main` is one file that
// needs only the runtime dependencies, and loads as the tsc-emitted modules did.
import { execFileSync } from "node:child_process";
import { builtinModules } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const root = resolve(__dirname, "..", "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { main: string; dependencies: Record<string, string> };
const main = join(root, pkg.main);

const requiredNames = (code: string): string[] => [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!))];
const packageOf = (name: string): string => name.split("/").slice(0, name.startsWith("@") ? 2 : 1).join("/");

describe("the bundled default pack", () => {
  let code = "";
  beforeAll(() => {
    if (!existsSync(main)) throw new Error(`${pkg.main} is not built: run \`npm run build\` (npm ci builds it) before this suite`);
    code = readFileSync(main, "utf8");
  });

  it("is one file: it requires no module of this repository", () => {
    const relative = requiredNames(code).filter((n) => n.startsWith("."));
    expect(relative).toEqual([]);
    expect(requiredNames(code).length).toBeGreaterThan(5);
  });

  it("requires only Node.js built-ins and runtime dependencies, which npm ci --omit=dev installs", () => {
    const builtins = new Set(builtinModules);
    const outside = requiredNames(code).filter((n) => !n.startsWith("node:") && !builtins.has(n) && !(packageOf(n) in pkg.dependencies));
    expect(outside).toEqual([]);
  });

  it("maps its stack frames back to src/ through its source map", () => {
    expect(code.trimEnd().endsWith("//# sourceMappingURL=index.js.map")).toBe(true);
    const map = JSON.parse(readFileSync(`${main}.map`, "utf8")) as { sources: string[] };
    expect(map.sources).toEqual(expect.arrayContaining(["../../../packs/default/index.ts", "../../../src/pulumi/policy.ts", "../../../src/rules/index.ts"]));
  });

  it("still defers the SDK modules a pack never uses at start, and loads nothing else of dist/", () => {
    const script = `
      require(${JSON.stringify(main)});
      setTimeout(() => {
        const files = Object.keys(require.cache);
        const loaded = (part) => files.some((f) => f.includes(part));
        console.log(JSON.stringify({
          arborist: loaded("/@npmcli/arborist/lib/arborist/"),
          automation: loaded("/@pulumi/pulumi/automation/stack.js"),
          ours: files.filter((f) => f.startsWith(${JSON.stringify(join(root, "dist"))})).map((f) => f.slice(${JSON.stringify(root.length + 1)})),
        }));
        process.exit(0);
      }, 500);`;
    const out = execFileSync(process.execPath, ["-e", script], { encoding: "utf8", cwd: root, timeout: 60_000 });
    // The pack prints its gRPC port first, as the engine expects.
    const lines = out.trim().split("\n");
    expect(lines[0]).toMatch(/^\d+$/);
    expect(JSON.parse(lines[lines.length - 1]!)).toEqual({ arborist: false, automation: false, ours: [pkg.main] });
  });
});
