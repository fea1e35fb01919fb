// Installs the pack the way a CI job installs it (`npm ci --omit=dev` in a copy of the sources), then
// checks what users meet: no tests or benchmarks in the build, every `exports` subpath resolves, the pack
// starts and answers the engine, and the CLI runs.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPack } from "../../src/engine-client/harness";
import { repoRoot } from "../../src/engine-client/repo-root";

const root = repoRoot(__dirname);
const SOURCES = ["src", "packs", "scripts", "package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json", "PulumiPolicy.yaml", "README.md"];
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "cdg-install-"));
  for (const s of SOURCES) cpSync(join(root, s), join(dir, s), { recursive: true });
  execFileSync("npm", ["ci", "--omit=dev", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, stdio: "pipe", timeout: 600_000 });
}, 660_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("npm ci --omit=dev", () => {
  it("builds the pack, the CLI and the demo, and nothing from test/ or bench/", () => {
    expect(existsSync(join(dir, "dist", "packs", "default", "index.js"))).toBe(true);
    expect(existsSync(join(dir, "dist", "src", "cli", "main.js"))).toBe(true);
    expect(existsSync(join(dir, "dist", "scripts", "demo.js"))).toBe(true);
    expect(existsSync(join(dir, "dist", "test"))).toBe(false);
    expect(existsSync(join(dir, "dist", "bench"))).toBe(false);
    expect(existsSync(join(dir, "node_modules", "vitest"))).toBe(false);
  });

  it("resolves every exports subpath to a built file, and loads the library ones", () => {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { exports: Record<string, string> };
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      const specifier = subpath === "." ? "customer-data-guard" : `customer-data-guard/${subpath.slice(2)}`;
      const resolved = execFileSync(process.execPath, ["-p", `require.resolve(${JSON.stringify(specifier)})`], { cwd: dir, encoding: "utf8" }).trim();
      expect(resolved).toBe(join(dir, target));
      // "." is the pack entry, which serves a policy pack when loaded: resolving it is the check.
      if (subpath !== "." && subpath !== "./package.json") {
        execFileSync(process.execPath, ["-e", `require(${JSON.stringify(specifier)})`], { cwd: dir });
      }
    }
  });

  it("starts as the CLI starts it and offers every policy", async () => {
    const pack = await startPack(dir);
    try {
      const info = await pack.getAnalyzerInfo();
      expect(info.name).toBe("customer-data-guard");
      expect(info.policies.length).toBeGreaterThan(20);
    } finally {
      await pack.close();
    }
  }, 60_000);

  it("runs the cdguard command", () => {
    const out = execFileSync(process.execPath, [join(dir, "dist", "src", "cli", "main.js"), "rules"], { encoding: "utf8" });
    expect(out).toContain("CDG-ENC-001");
  });
});
