// The pack benchmarks run (small) against the tiny pack, their resource generator is sound, and the
// side-by-side run (`npm run bench`) starts AWSGuard and the floor and reports on all three.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runComparison } from "../../bench/compare";
import { benchPackAnalyze } from "../../bench/pack-analyze";
import { benchPackColdStart } from "../../bench/pack-cold-start";
import { generateStack } from "../../bench/generate-resources";
import { peakRssMiB } from "../../bench/measure";
import { preparePacks } from "../../bench/pack-set";
import { machineInfo, ratios, renderMarkdown, versionsOf } from "../../bench/report";
import { startPack } from "../../src/engine-client/harness";
import { repoRoot } from "../../src/engine-client/repo-root";

const TINY_PACK = join(__dirname, "fixtures", "tiny-pack");

describe("generateStack", () => {
  it("is deterministic, exact in size, and mixes the data stores", () => {
    const a = generateStack(300);
    expect(a).toHaveLength(300);
    expect(generateStack(300)).toEqual(a);
    const types = new Set(a.map((r) => r.type));
    for (const t of ["aws:s3/bucket:Bucket", "aws:rds/instance:Instance", "aws:dynamodb/table:Table", "aws:kms/key:Key"]) {
      expect(types).toContain(t);
    }
    expect(new Set(a.map((r) => r.urn)).size).toBe(300);
  });

  it("only refers to resources of the same stack when it ends on a whole group", () => {
    const rs = generateStack(2 + 3 * 9);
    const urns = new Set(rs.map((r) => r.urn));
    for (const r of rs) for (const d of r.dependencies) expect(urns).toContain(d);
  });
});

describe("benchmarks", () => {
  it("default to the repository root as the pack directory", () => {
    expect(repoRoot(join(__dirname, "..", "..", "bench"))).toBe(join(__dirname, "..", ".."));
  });

  it("measure cold start", async () => {
    const r = await benchPackColdStart({ packDir: TINY_PACK, runs: 2 });
    expect(r.map((x) => [x.name, x.unit])).toEqual([
      ["pack-cold-start.spawn-to-port.median", "ms"],
      ["pack-cold-start.spawn-to-ready.median", "ms"],
    ]);
    expect(r[0]?.value).toBeGreaterThan(0);
    expect(r[1]?.value).toBeGreaterThanOrEqual(r[0]?.value ?? Infinity);
  }, 60_000);

  it("measure Analyze and AnalyzeStack", async () => {
    const r = await benchPackAnalyze({ packDir: TINY_PACK, analyzeCount: 20, stackSizes: [50] });
    expect(r.map((x) => x.name)).toEqual([
      "pack-analyze.sequential-20.total", "pack-analyze.sequential-20.per-call",
      "pack-analyze.sequential-20.diagnostics", "pack-analyze.sequential-20.client-encode",
      "pack-analyze-stack.50.median", "pack-analyze-stack.50.diagnostics", "pack-analyze-stack.50.client-encode",
    ]);
    expect(r.every((x) => Number.isFinite(x.value) && x.value >= 0)).toBe(true);
  }, 60_000);
});

describe("the side-by-side run", () => {
  const ROOT = repoRoot(__dirname);

  it("reads a process's peak RSS", () => {
    expect(peakRssMiB(process.pid)).toBeGreaterThan(0);
  });

  it("makes a floor with our pack's policy names, types and levels, and AWSGuard with every policy mandatory", async () => {
    const set = preparePacks(ROOT);
    try {
      const shape = async (dir: string) => {
        const pack = await startPack(dir);
        try {
          const info = await pack.getAnalyzerInfo();
          return { policies: info.policies.map((p) => [p.name, p.policyType, p.enforcementLevel]), config: await pack.configure({}) };
        } finally {
          await pack.close();
        }
      };
      const [ours, floor, awsguard] = [await shape(ROOT), await shape(set.floor.dir), await shape(set.awsguard.dir)];
      expect(floor.policies).toEqual(ours.policies);
      expect(awsguard.policies.length).toBeGreaterThan(20);
      const levels = Object.entries(awsguard.config).filter(([name]) => name !== "all").map(([, c]) => c.enforcementLevel);
      expect(new Set(levels)).toEqual(new Set(["mandatory"]));
    } finally {
      set.cleanup();
    }
  }, 120_000);

  it("measures all three packs and renders the report", async () => {
    const set = preparePacks(ROOT);
    try {
      const results = await runComparison(set, {
        coldRuns: 1, analyzeCount: 5, analyzeRepeats: 1, stackSizes: [20], stackRepeats: 1,
        bigSize: 40, bigRepeats: 1, bigPacks: ["ours", "floor"], log: () => {},
      });
      for (const r of Object.values(results.packs)) {
        expect(r.errors).toEqual([]);
        expect(r.coldStart.toReadyMs).toHaveLength(1);
        expect(r.analyze.perCallMs).toHaveLength(1);
        expect(r.stack[20]?.ms).toHaveLength(1);
      }
      expect(results.packs.ours.big[0]?.peakRssMiB).toBeGreaterThan(0);
      // Linearity's baseline is the largest regular size, timed in the same fresh process as the big stack.
      expect(results.packs.ours.big[0]?.regular.size).toBe(20);
      expect(results.packs.ours.big[0]?.regular.ms).toBeGreaterThan(0);
      expect(results.packs.awsguard.big).toEqual([]);
      const markdown = renderMarkdown({
        date: "2026-01-01T00:00:00Z", machine: machineInfo(), versions: versionsOf(set), results, ratios: ratios(results),
        floorPolicies: { resource: 1, stack: 1 }, command: "npm run bench",
      });
      expect(markdown).toMatch(/^<!-- Generated by `npm run bench`/);
      expect(markdown).toContain("Cold start, spawn → ready: ours / AWSGuard");
      expect(markdown).toContain("| Peak RSS of our pack at 40 resources (MiB) |");
      expect(markdown).toContain("AnalyzeStack 40 / 20, per resource, same fresh process (ours)");
    } finally {
      set.cleanup();
    }
  }, 300_000);
});
