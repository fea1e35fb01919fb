// `npm run bench`: every benchmark, one after the other, printed as a table (and JSON with --json).
import { benchPackAnalyze } from "./pack-analyze";
import { benchPackColdStart } from "./pack-cold-start";

interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

type Bench = [string, () => Promise<BenchResult[]>];

async function optionalIamBench(): Promise<Bench[]> {
  try {
    const { benchIamThroughput } = (await import("./iam-throughput")) as { benchIamThroughput: () => Promise<BenchResult[]> };
    return [["IAM analyzer throughput", benchIamThroughput]];
  } catch (e) {
    console.error(`skipping the IAM benchmark: ${e instanceof Error ? e.message : String(e)}`);
    return [];
  }
}

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const benches: Bench[] = [
    ["pack cold start", () => benchPackColdStart({ runs: 10 })],
    ["pack Analyze / AnalyzeStack", () => benchPackAnalyze({ analyzeCount: 1000, stackSizes: [1000, 5000, 10000], repeats: 5 })],
    ...(await optionalIamBench()),
  ];
  const all: BenchResult[] = [];
  for (const [label, run] of benches) {
    if (!json) console.log(`\n== ${label}`);
    const results = await run();
    all.push(...results);
    if (!json) for (const r of results) console.log(`${r.name.padEnd(52)} ${String(r.value).padStart(10)} ${r.unit}`);
  }
  if (json) console.log(JSON.stringify(all, null, 2));
}

main().catch((e: unknown) => {
  console.error(`bench failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
