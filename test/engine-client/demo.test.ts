// `npm run demo`: its report of one program (per finding, then counts), and pointing it at a user's program.
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeProgram, type ProgramAnalysis } from "../../src/engine-client/analyze-program";
import { passedFindings } from "../../src/engine-client/demo-passes";
import { locateProgram, ProgramPathError } from "../../src/engine-client/demo-program";
import { demoItems, renderItem, renderTally, tallies } from "../../src/engine-client/demo-report";
import { startPack, type PackClient } from "../../src/engine-client/harness";
import { repoRoot } from "../../src/engine-client/repo-root";
import { ALL_RULES, dataStoreEncryptedAtRest } from "../../src/rules";

const root = repoRoot(__dirname);
let pack: PackClient;
let violations: ProgramAnalysis;

beforeAll(async () => {
  pack = await startPack(root);
  await pack.configure({});
  violations = await analyzeProgram(pack, join(root, "examples", "encryption-violations"));
});
afterAll(async () => {
  await pack?.close();
});

describe("the demo's report of a program", () => {
  it("gives each finding its severity, rule, resource, what was found and the fix", () => {
    const items = demoItems(violations, ALL_RULES);
    const scratch = items.find((i) => i.rule === dataStoreEncryptedAtRest && i.name === "scratch");
    expect(scratch).toMatchObject({ status: "failed", type: "aws:ebs/volume:Volume", blocking: true });
    expect(scratch?.found).toMatch(/^EBS volume 'scratch' is not encrypted at rest/);
    const text = renderItem(scratch!);
    expect(text).toContain("HIGH");
    expect(text).toContain("CDG-ENC-001  Every data store is encrypted at rest");
    expect(text).toContain("resource: aws:ebs/volume:Volume 'scratch'");
    expect(text).toContain(`fix:      ${dataStoreEncryptedAtRest.remediation}`);
    expect(text).toContain(`see:      ${dataStoreEncryptedAtRest.links[0]}`);
    expect(text).not.toContain("[CDG-ENC-001]");
  });

  it("shows waived findings with their waiver, never as blocking", () => {
    const waived = demoItems(violations, ALL_RULES).filter((i) => i.status === "waived");
    expect(waived.map((i) => `${i.rule.id} ${i.name}`)).toEqual(["CDG-ENC-002 legacy-import"]);
    expect(waived[0]?.blocking).toBe(false);
    expect(renderItem(waived[0]!)).toMatch(/waived: {3}until 2027-03-31: migrating to the orders key/);
  });

  it("counts every diagnostic once, by pillar and by severity, with the passes of the in-process run", () => {
    const items = demoItems(violations, ALL_RULES);
    expect(items).toHaveLength(violations.diagnostics.length + violations.notAssessed.length);
    const passes = passedFindings(ALL_RULES, violations.resources);
    // S3 encrypts every bucket by default: it passes encryption at rest; the unencrypted volume never does.
    expect(passes.some((p) => p.rule.id === "CDG-ENC-001" && p.resource.name === "customer-exports")).toBe(true);
    expect(passes.some((p) => p.rule.id === "CDG-ENC-001" && p.resource.name === "scratch")).toBe(false);
    const { byPillar, bySeverity } = tallies(items, passes, ALL_RULES);
    const sum = (t: typeof byPillar, c: "passed" | "failed" | "waived" | "not assessed") => [...t.values()].reduce((n, r) => n + r[c], 0);
    for (const t of [byPillar, bySeverity]) {
      expect(sum(t, "failed")).toBe(items.filter((i) => i.status === "failed").length);
      expect(sum(t, "waived")).toBe(1);
      expect(sum(t, "not assessed")).toBe(violations.notAssessed.length);
      expect(sum(t, "passed")).toBe(passes.length);
    }
    expect(byPillar.get("encryption-at-rest")?.waived).toBe(1);
    const table = renderTally("pillar", byPillar);
    expect(table.split("\n")[0]).toMatch(/^pillar\s+passed\s+failed\s+waived\s+not assessed$/);
    expect(table).toMatch(/\ntotal\s+\d+\s+\d+\s+1\s+\d+$/);
  });
});

describe("pointing the demo at a program", () => {
  const dir = mkdtempSync(join(tmpdir(), "cdg-demo-"));

  it("finds a project's entry from its Pulumi.yaml, or takes a program file", () => {
    const project = join(dir, "shop");
    mkdirSync(join(project, "src"), { recursive: true });
    writeFileSync(join(project, "Pulumi.yaml"), "name: shop\nruntime: nodejs\nmain: src\n");
    writeFileSync(join(project, "src", "index.ts"), "export {};\n");
    expect(locateProgram(project)).toEqual({ dir: project, entry: join("src", "index.ts") });
    expect(locateProgram(join(root, "examples", "encryption-violations", "index.ts"))).toEqual({
      dir: join(root, "examples", "encryption-violations"),
      entry: "index.ts",
    });
  });

  it.each([
    ["a path that does not exist", "nowhere", /nowhere does not exist/],
    ["a directory without Pulumi.yaml", ".", /has no Pulumi\.yaml/],
    ["a file that is not TypeScript", "Pulumi.yaml", /is not a TypeScript file/],
  ])("names the problem with %s", (_what, path, message) => {
    const at = path === "." ? dir : join(dir, path);
    if (path === "Pulumi.yaml") writeFileSync(at, "name: x\n");
    expect(() => locateProgram(at)).toThrow(ProgramPathError);
    expect(() => locateProgram(at)).toThrow(message);
  });

  it("runs the compiled demo on a named program: findings, counts, and exit 1 when something would block", () => {
    const run = spawnSync(process.execPath, [join(root, "dist", "scripts", "demo.js"), "--known", join(root, "examples", "segments-violations")], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("every value known (an existing stack)");
    expect(run.stdout).toMatch(/CDG-SEG-003 {2}No network path/);
    expect(run.stdout).toMatch(/\npillar\s+passed\s+failed\s+waived\s+not assessed\n/);
    expect(run.stdout).toMatch(/\nseverity\s+passed/);
  });

  it("fails with a clear message, not a stack trace, on a bad path", () => {
    const run = spawnSync(process.execPath, [join(root, "dist", "scripts", "demo.js"), join(dir, "missing")], { encoding: "utf8", timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(`demo failed: ${join(dir, "missing")} does not exist`);
  });
});
