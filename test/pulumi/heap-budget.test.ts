import { getHeapStatistics } from "node:v8";
import { describe, expect, it } from "vitest";
import { collectOverBudget } from "../../src/pulumi/heap-budget";

const garbage = (n: number): number => Array.from({ length: n }, (_, i) => ({ i, text: `resource ${i}` })).length;

describe("the heap budget of large AnalyzeStack requests", () => {
  it("does nothing while the heap is within the budget", () => {
    expect(collectOverBudget(Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it("collects garbage once the heap holds more than the budget, then waits for it to grow again", () => {
    expect(garbage(200_000)).toBe(200_000);
    const withGarbage = getHeapStatistics().used_heap_size;
    const budget = withGarbage / 2;
    expect(collectOverBudget(budget)).toBe(true);
    const afterCollection = getHeapStatistics().used_heap_size;
    expect(afterCollection).toBeLessThan(withGarbage - 5 * 1024 * 1024);
    // Over the budget still (it is tiny), but not grown by a quarter of it since: no second collection.
    expect(collectOverBudget(Math.min(budget, afterCollection - 1))).toBe(false);
  });
});
