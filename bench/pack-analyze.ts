// One pack alone: 1,000 sequential Analyze calls (as a preview of a 1,000-resource stack makes them,
// one per resource) and AnalyzeStack per stack size. `npm run bench` (run.ts) runs this side by side
// with AWSGuard and the floor (compare.ts); this entry point measures a single pack directory.
// Requests are encoded before timing (measure.ts); `.client-encode` is that encoding alone, in the
// harness's JavaScript encoder, for reference.
import { performance } from "node:perf_hooks";
import { generateStack } from "./generate-resources";
import { analyzeSequentially, encodeAnalyzeRequests, encodeAnalyzeStackRequest, openPack, tallyTotal, timed } from "./measure";
import { repoRoot } from "../src/engine-client/repo-root";
import { median, round, type BenchResult } from "./stats";

export type { BenchResult } from "./stats";

export interface AnalyzeBenchOptions {
  /** Pack directory; default the repository root (the real pack). */
  packDir?: string;
  /** Number of sequential Analyze calls. Default 1,000. */
  analyzeCount?: number;
  /** Stack sizes for AnalyzeStack. Default [1000, 5000, 10000]. */
  stackSizes?: number[];
  /** AnalyzeStack runs per size; the median is reported. Default 3. */
  repeats?: number;
}

function encodeTime<T>(f: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
}

export async function benchPackAnalyze(opts: AnalyzeBenchOptions = {}): Promise<BenchResult[]> {
  const packDir = opts.packDir ?? repoRoot(__dirname);
  const count = opts.analyzeCount ?? 1000;
  const sizes = opts.stackSizes ?? [1000, 5000, 10000];
  const pack = await openPack(packDir);
  try {
    const results: BenchResult[] = [];
    const requests = encodeTime(() => encodeAnalyzeRequests(generateStack(count)));
    const run = await analyzeSequentially(pack, requests.value);
    results.push(
      { name: `pack-analyze.sequential-${count}.total`, value: round(run.ms), unit: "ms" },
      { name: `pack-analyze.sequential-${count}.per-call`, value: round(run.ms / count), unit: "ms" },
      { name: `pack-analyze.sequential-${count}.diagnostics`, value: tallyTotal(run.value), unit: "count" },
      { name: `pack-analyze.sequential-${count}.client-encode`, value: round(requests.ms), unit: "ms" },
    );
    for (const n of sizes) {
      const stack = generateStack(n);
      const request = encodeTime(() => encodeAnalyzeStackRequest(stack));
      const times: number[] = [];
      let found = 0;
      for (let i = 0; i < (opts.repeats ?? 3); i++) {
        const r = await timed(() => pack.analyzeStack(request.value));
        times.push(r.ms);
        found = tallyTotal(r.value);
      }
      results.push(
        { name: `pack-analyze-stack.${n}.median`, value: round(median(times)), unit: "ms" },
        { name: `pack-analyze-stack.${n}.diagnostics`, value: found, unit: "count" },
        { name: `pack-analyze-stack.${n}.client-encode`, value: round(request.ms), unit: "ms" },
      );
    }
    return results;
  } finally {
    await pack.close();
  }
}

if (require.main === module) {
  const [packDir] = process.argv.slice(2);
  benchPackAnalyze(packDir ? { packDir } : {}).then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
