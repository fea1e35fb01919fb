// The pack benchmarks run (small) against the tiny pack, and their resource generator is sound.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { benchPackAnalyze } from "../../bench/pack-analyze";
import { benchPackColdStart } from "../../bench/pack-cold-start";
import { generateStack } from "../../bench/generate-resources";
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
