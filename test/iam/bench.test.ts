import { describe, expect, it } from "vitest";
import { benchIamThroughput } from "../../bench/iam-throughput";

describe("benchIamThroughput", () => {
  it("reports documents per second over the managed-policy corpus", async () => {
    const results = await benchIamThroughput({ seconds: 0.2, warmupPasses: 1 });
    const rate = results.find((r) => r.unit === "docs/s");
    expect(rate?.value).toBeGreaterThan(0);
    expect(rate?.name).toMatch(/median of \d+ passes/);
    expect(results.find((r) => r.unit === "ms")?.value).toBeGreaterThan(0);
  });
});
