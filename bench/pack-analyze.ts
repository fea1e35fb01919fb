// Analyzer throughput of the policy pack over gRPC: 1,000 sequential Analyze calls (as a preview of a
// 1,000-resource stack makes them, one per resource) and one AnalyzeStack per stack size. Resources are
// a deterministic mix of S3, RDS, DynamoDB, KMS and security-group resources as sent in preview.
// The pack is started once and has run the engine's startup calls; nothing else is warmed up.
// Timings include the harness's own protobuf encoding (JS, slower than the engine's Go); the
// `.client-encode` entries measure that encoding alone, so pack time is roughly the difference.
import { performance } from "node:perf_hooks";
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import { toAnalyzeRequest, toStackResource } from "../src/engine-client/analyzer-convert";
import type { AnalyzerResourceInput } from "../src/engine-client/analyzer-types";
import { generateStack } from "./generate-resources";
import { startPack } from "../src/engine-client/harness";
import { repoRoot } from "../src/engine-client/repo-root";

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

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

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

const round = (ms: number): number => Math.round(ms * 10) / 10;

function timed(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

const encodeEach = (rs: AnalyzerResourceInput[]): number =>
  timed(() => rs.forEach((r) => toAnalyzeRequest(r).serializeBinary()));

const encodeStack = (rs: AnalyzerResourceInput[]): number => timed(() => {
  const req = new pb.AnalyzeStackRequest();
  req.setResourcesList(rs.map(toStackResource));
  req.serializeBinary();
});

export async function benchPackAnalyze(opts: AnalyzeBenchOptions = {}): Promise<BenchResult[]> {
  const packDir = opts.packDir ?? repoRoot(__dirname);
  const count = opts.analyzeCount ?? 1000;
  const sizes = opts.stackSizes ?? [1000, 5000, 10000];
  const pack = await startPack(packDir);
  try {
    const results: BenchResult[] = [];
    const resources = generateStack(count);
    let diagnostics = 0;
    const start = performance.now();
    for (const r of resources) diagnostics += (await pack.analyze(r)).diagnostics.length;
    const total = performance.now() - start;
    results.push(
      { name: `pack-analyze.sequential-${count}.total`, value: round(total), unit: "ms" },
      { name: `pack-analyze.sequential-${count}.per-call`, value: round(total / count), unit: "ms" },
      { name: `pack-analyze.sequential-${count}.diagnostics`, value: diagnostics, unit: "count" },
      { name: `pack-analyze.sequential-${count}.client-encode`, value: round(encodeEach(resources)), unit: "ms" },
    );
    for (const n of sizes) {
      const stack = generateStack(n);
      const times: number[] = [];
      let found = 0;
      for (let i = 0; i < (opts.repeats ?? 3); i++) {
        const t0 = performance.now();
        found = (await pack.analyzeStack(stack)).diagnostics.length;
        times.push(performance.now() - t0);
      }
      results.push(
        { name: `pack-analyze-stack.${n}.median`, value: round(median(times)), unit: "ms" },
        { name: `pack-analyze-stack.${n}.diagnostics`, value: found, unit: "count" },
        { name: `pack-analyze-stack.${n}.client-encode`, value: round(encodeStack(stack)), unit: "ms" },
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
