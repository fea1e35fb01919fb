import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * Keeps a very large AnalyzeStack within a memory budget. @pulumi/policy builds every resource's
 * wrapper objects again for each stack policy (server.js, makeAnalyzeStackRpcFun); at 50,000 resources
 * that is about 60 MB per policy, garbage as soon as the policy returns. V8 sizes its heap to the
 * allocation rate, not to what is live (a 4 GB limit on this machine), so the pack's resident memory
 * grew to twice what it really used. The pack cannot pass V8 flags (the CLI starts it), so before each
 * stack policy, when the heap holds more than the budget and has grown by a quarter of it since the
 * last collection, it asks V8 for a full collection. Small stacks never reach the budget and pay
 * nothing; a large one pays a collection every few policies, not one per policy (each full collection
 * walks everything live, so one per policy made the 50,000-resource stack 40 % slower per resource).
 *
 * The collector is reached as Node's own test tooling reaches it: `--expose-gc` set at run time, and
 * `gc` read from a fresh context. If that fails the pack runs as before.
 */
export const HEAP_BUDGET_BYTES = 512 * 1024 * 1024;

let collect: (() => void) | null | undefined;
/** Heap in use just after the last collection. */
let afterLast = 0;

function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  try {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as unknown;
    collect = typeof gc === "function" ? (gc as () => void) : null;
  } catch {
    collect = null;
  }
  return collect;
}

/**
 * Collects garbage when the heap holds more than `budget` bytes and has grown by a quarter of the
 * budget since the last collection; says whether it did.
 */
export function collectOverBudget(budget = HEAP_BUDGET_BYTES): boolean {
  const used = getHeapStatistics().used_heap_size;
  if (used <= budget || used - afterLast < budget / 4) return false;
  const gc = collector();
  if (!gc) return false;
  gc();
  afterLast = getHeapStatistics().used_heap_size;
  return true;
}
