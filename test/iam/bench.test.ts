import { describe, expect, it } from "vitest";
import { largePolicyDocument } from "../../bench/iam-documents";
import { benchIamScaling } from "../../bench/iam-scaling";
import { benchIamThroughput } from "../../bench/iam-throughput";
import { analyzePolicy, parsePolicy } from "../../src/iam";

describe("benchIamThroughput", () => {
  it("reports documents per second over the managed-policy corpus", async () => {
    const results = await benchIamThroughput({ seconds: 0.2, warmupPasses: 1 });
    const rate = results.find((r) => r.unit === "docs/s");
    expect(rate?.value).toBeGreaterThan(0);
    expect(rate?.name).toMatch(/median of \d+ passes/);
    expect(results.find((r) => r.unit === "ms")?.value).toBeGreaterThan(0);
  });
});

describe("benchIamScaling", () => {
  it("times one analyzePolicy call per document size", () => {
    const results = benchIamScaling({ sizes: [100, 300], analyzePolicy });
    expect(results.map((r) => r.name)).toEqual([
      "iam: analyzePolicy on 100 statements (one run)",
      "iam: analyzePolicy on 300 statements (one run)",
    ]);
    for (const r of results) {
      expect(r.unit).toBe("ms");
      expect(r.value).toBeGreaterThanOrEqual(0);
    }
  });

  it("generates well-formed documents of the size asked, the same for a seed", () => {
    const d = largePolicyDocument({ statements: 500 });
    expect(d.Statement).toHaveLength(500);
    expect(largePolicyDocument({ statements: 500 })).toEqual(d);
    expect(parsePolicy(d, { kind: "identity" }).problems).toEqual([]);
    expect(parsePolicy(largePolicyDocument({ statements: 200, principals: true }), { kind: "resource" }).problems).toEqual([]);
    const effects = new Set(d.Statement.map((s) => s.Effect));
    expect([...effects].sort()).toEqual(["Allow", "Deny"]);
    expect(d.Statement.some((s) => "NotAction" in s)).toBe(true);
    expect(d.Statement.some((s) => "NotResource" in s)).toBe(true);
    expect(d.Statement.some((s) => "Condition" in s)).toBe(true);
  });
});
