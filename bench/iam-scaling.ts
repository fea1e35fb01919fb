// How the IAM analyzer scales with a document's statements: one analyzePolicy call per size on a large
// generated document (Allow and Deny, wildcards, conditions, NotAction, NotResource), after a warm-up
// that loads the whole action catalogue. Like iam-throughput.ts, it measures the pack's compiled
// analyzer (<pack>/dist/src/iam), so that `--pack` measures the same checkout as the pack benchmarks.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../src/engine-client/repo-root";
import { largePolicyDocument } from "./iam-documents";
import { round, type BenchResult } from "./stats";

export type { BenchResult } from "./stats";

type Analyze = (document: unknown, options: { kind: "identity" }) => unknown;

export interface IamScalingOptions {
  /** Statements per document, one timed call each (default 1,000, 2,000 and 10,000). */
  readonly sizes?: readonly number[];
  /** The built checkout whose analyzer is measured; default this repository. */
  readonly packDir?: string;
  /** The analyzer to measure instead of a built pack's (tests pass the source one). */
  readonly analyzePolicy?: Analyze;
}

function loadAnalyzer(packDir: string): Analyze {
  const file = join(packDir, "dist", "src", "iam", "index.js");
  if (!existsSync(file)) throw new Error(`${file} does not exist; run npm run build in ${packDir}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(file) as { analyzePolicy: Analyze }).analyzePolicy;
}

/** Milliseconds of one analyzePolicy call on a fresh document of each size (the analyzer memoizes per document). */
export function benchIamScaling(options: IamScalingOptions = {}): BenchResult[] {
  const analyze = options.analyzePolicy ?? loadAnalyzer(options.packDir ?? repoRoot(__dirname));
  // Warm-up: NotAction and `*` load every service of the catalogue, which a preview pays once.
  analyze({ Version: "2012-10-17", Statement: [{ Effect: "Allow", NotAction: "s3:GetObject", Resource: "*" }] }, { kind: "identity" });
  analyze(largePolicyDocument({ statements: 200, seed: 7 }), { kind: "identity" });
  return (options.sizes ?? [1_000, 2_000, 10_000]).map((statements) => {
    const document = largePolicyDocument({ statements });
    const start = performance.now();
    analyze(document, { kind: "identity" });
    const ms = performance.now() - start;
    return { name: `iam: analyzePolicy on ${statements.toLocaleString("en-US")} statements (one run)`, value: round(ms), unit: "ms" };
  });
}
