import { getHeapStatistics } from "node:v8";
import { describe, expect, it } from "vitest";
import { collectOverBudget } from "../../src/pulumi/heap-budget";

describe("the heap budget of large AnalyzeStack requests", () => {
  it("does nothing while the heap is within the budget", () => {
    expect(collectOverBudget(Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it("collects garbage once the heap holds more than the budget", () => {
    let garbage: unknown[] | undefined = Array.from({ length: 200_000 }, (_, i) => ({ i, text: `resource ${i}` }));
    const withGarbage = getHeapStatistics().used_heap_size;
    expect(garbage.length).toBe(200_000);
    garbage = undefined;
    expect(collectOverBudget(withGarbage / 2)).toBe(true);
    expect(getHeapStatistics().used_heap_size).toBeLessThan(withGarbage - 5 * 1024 * 1024);
  });
});
