// Cold start of the policy pack: from spawning `run-policy-pack` (as the CLI does) to the gRPC port on
// stdout, and to the end of the engine's startup calls (Handshake, ConfigureStack, GetAnalyzerInfo,
// Configure), i.e. ready for the first Analyze. Every `pulumi preview --policy-pack` pays this once.
// One pack alone; `npm run bench` (run.ts) measures it side by side with AWSGuard and the floor.
import { startPack } from "../src/engine-client/harness";
import { repoRoot } from "../src/engine-client/repo-root";
import { median, round, type BenchResult } from "./stats";

export type { BenchResult } from "./stats";

export interface ColdStartOptions {
  /** Pack directory; default the repository root (the real pack). */
  packDir?: string;
  /** Number of starts; the median is reported. Default 10. */
  runs?: number;
}

export async function benchPackColdStart(opts: ColdStartOptions = {}): Promise<BenchResult[]> {
  const packDir = opts.packDir ?? repoRoot(__dirname);
  const runs = opts.runs ?? 10;
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a positive integer, got ${runs}`);
  const toPort: number[] = [];
  const toReady: number[] = [];
  for (let i = 0; i < runs; i++) {
    const pack = await startPack(packDir);
    toPort.push(pack.timings.spawnToPortMs);
    toReady.push(pack.timings.spawnToReadyMs);
    await pack.close();
  }
  return [
    { name: "pack-cold-start.spawn-to-port.median", value: round(median(toPort)), unit: "ms" },
    { name: "pack-cold-start.spawn-to-ready.median", value: round(median(toReady)), unit: "ms" },
  ];
}

if (require.main === module) {
  const [packDir, runs] = process.argv.slice(2);
  benchPackColdStart({ ...(packDir ? { packDir } : {}), ...(runs ? { runs: Number(runs) } : {}) }).then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
