// The side-by-side run: our pack, AWSGuard and the floor on the same synthetic stacks, interleaved
// (round-robin within every repetition, the starting pack rotating from one round to the next) so that
// machine noise and thermal drift hit all three alike.
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { generateStack } from "./generate-resources";
import {
  analyzeSequentially, commandLine, cpuMs, encodeAnalyzeRequests, encodeAnalyzeStackRequest, openPack, peakRssMiB, tallyTotal,
  timedWithCpu, type DiagnosticTally, type RunningPack,
} from "./measure";
import type { BenchPack, PackKey, PackSet } from "./pack-set";
import { median, sleep } from "./stats";

export interface CompareOptions {
  /** Starts per pack for the cold-start medians. */
  coldRuns: number;
  /** Sequential Analyze calls per pass (one per resource, as a preview makes them). */
  analyzeCount: number;
  /** Passes of `analyzeCount` calls, each in a freshly started pack; the median is reported. */
  analyzeRepeats: number;
  /** Stack sizes for AnalyzeStack, all three packs. */
  stackSizes: number[];
  /** AnalyzeStack runs per size and pack, in one long-lived process per pack; the median is reported. */
  stackRepeats: number;
  /** The large stack (0 to skip), each run in a fresh pack process whose peak RSS is read afterwards. */
  bigSize: number;
  bigRepeats: number;
  bigPacks: PackKey[];
  /** Progress lines (stderr). */
  log: (message: string) => void;
}

export interface PolicyCounts {
  name: string;
  resource: number;
  stack: number;
}

export interface StackRuns {
  ms: number[];
  /** CPU time of the pack process per run (all threads), where /proc has it. */
  cpuMs: number[];
  diagnostics: number;
}

export interface BigRun {
  size: number;
  ms: number;
  cpuMs: number | undefined;
  diagnostics: number;
  peakRssMiB: number | undefined;
  /** The largest regular size, sent to the same fresh process just before the big stack: the linearity baseline. */
  regular: { size: number; ms: number; cpuMs: number | undefined };
}

export interface PackResults {
  key: PackKey;
  label: string;
  dir: string;
  policies: PolicyCounts | undefined;
  /** `readyCpuMs`: CPU time the pack process used from spawn to ready. */
  coldStart: { toPortMs: number[]; toReadyMs: number[]; readyCpuMs: number[] };
  /** Per-call wall and CPU milliseconds of each fresh-process pass. */
  analyze: { perCallMs: number[]; perCallCpuMs: number[]; diagnostics: DiagnosticTally };
  stack: Record<number, StackRuns>;
  /** Diagnostics per policy at the largest regular stack size. */
  stackDiagnostics: DiagnosticTally;
  /** VmHWM of the long-lived process after every AnalyzeStack run. */
  stackPeakRssMiB: number | undefined;
  big: BigRun[];
  errors: string[];
}

export interface CompareResults {
  options: Omit<CompareOptions, "log">;
  packs: Record<PackKey, PackResults>;
  /** Wall time of the whole comparison. */
  elapsedMs: number;
  /** The machine's 1-minute load average, sampled at every progress line: other work skews wall times. */
  loadAverages: number[];
}

/** The packs in round-robin order for round `i`: each round starts one pack later. */
const rotate = <T>(xs: readonly T[], i: number): T[] => xs.map((_, j) => xs[(i + j) % xs.length] as T);

/** The error on one line, the pack's stderr included (cut short). */
function message(e: unknown): string {
  const text = (e instanceof Error ? e.message : String(e)).split("\n").map((l) => l.trim()).filter(Boolean).join(" ⏎ ");
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

export async function runComparison(set: PackSet, opts: CompareOptions): Promise<CompareResults> {
  const started = performance.now();
  const loadAverages: number[] = [];
  const say = (m: string): void => {
    const load = loadavg()[0] ?? 0;
    loadAverages.push(load);
    opts.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s, load ${load.toFixed(1)}] ${m}`);
  };
  const results = {} as Record<PackKey, PackResults>;
  for (const p of set.all) {
    results[p.key] = {
      key: p.key, label: p.label, dir: p.dir, policies: undefined,
      coldStart: { toPortMs: [], toReadyMs: [], readyCpuMs: [] },
      analyze: { perCallMs: [], perCallCpuMs: [], diagnostics: {} },
      stack: {}, stackDiagnostics: {}, stackPeakRssMiB: undefined, big: [], errors: [],
    };
  }
  const attempt = async (p: BenchPack, what: string, f: () => Promise<void>): Promise<void> => {
    try {
      await f();
    } catch (e) {
      results[p.key].errors.push(`${what}: ${message(e)}`);
      say(`${p.label}: ${what} FAILED: ${message(e)}`);
    }
  };

  // Warm-up: one untimed start per pack (file cache), which also reads its policy list and checks
  // that the pid the harness reports is the pack's own Node process.
  for (const p of set.all) {
    await attempt(p, "start", async () => {
      const pack = await openPack(p.dir);
      try {
        const info = await pack.client.getAnalyzerInfo();
        const cmd = commandLine(pack.client.pid);
        if (cmd !== undefined && !cmd.includes("run-policy-pack")) throw new Error(`pid ${pack.client.pid} is not the pack: ${cmd}`);
        results[p.key].policies = {
          name: info.name,
          resource: info.policies.filter((x) => x.policyType === "resource").length,
          stack: info.policies.filter((x) => x.policyType === "stack").length,
        };
      } finally {
        await pack.close();
      }
    });
  }
  const packs = set.all.filter((p) => results[p.key].errors.length === 0);

  say(`cold start: ${opts.coldRuns} starts per pack`);
  for (let round = 0; round < opts.coldRuns; round++) {
    for (const p of rotate(packs, round)) {
      await attempt(p, "cold start", async () => {
        const pack = await openPack(p.dir);
        const cpu = cpuMs(pack.client.pid);
        results[p.key].coldStart.toPortMs.push(pack.client.timings.spawnToPortMs);
        results[p.key].coldStart.toReadyMs.push(pack.client.timings.spawnToReadyMs);
        if (cpu !== undefined) results[p.key].coldStart.readyCpuMs.push(cpu);
        await pack.close();
      });
    }
  }

  say(`Analyze: ${opts.analyzeRepeats} fresh-process passes of ${opts.analyzeCount} sequential calls per pack`);
  const analyzeRequests = encodeAnalyzeRequests(generateStack(opts.analyzeCount));
  for (let round = 0; round < opts.analyzeRepeats; round++) {
    for (const p of rotate(packs, round)) {
      await attempt(p, "Analyze", async () => {
        const pack = await openPack(p.dir);
        try {
          const cpu0 = cpuMs(pack.client.pid);
          const run = await analyzeSequentially(pack, analyzeRequests);
          const cpu1 = cpuMs(pack.client.pid);
          results[p.key].analyze.perCallMs.push(run.ms / analyzeRequests.length);
          if (cpu0 !== undefined && cpu1 !== undefined) results[p.key].analyze.perCallCpuMs.push((cpu1 - cpu0) / analyzeRequests.length);
          if (round === 0) results[p.key].analyze.diagnostics = run.value;
        } finally {
          await pack.close();
        }
      });
    }
  }

  say(`AnalyzeStack: sizes ${opts.stackSizes.join(", ")}, ${opts.stackRepeats} runs each per pack`);
  const stackRequests = new Map(opts.stackSizes.map((n) => [n, encodeAnalyzeStackRequest(generateStack(n))]));
  const largest = Math.max(...opts.stackSizes);
  const running = new Map<PackKey, RunningPack>();
  try {
    for (const p of packs) await attempt(p, "AnalyzeStack start", async () => void running.set(p.key, await openPack(p.dir)));
    for (let round = 0; round < opts.stackRepeats; round++) {
      for (const n of opts.stackSizes) {
        for (const p of rotate(packs, round)) {
          const pack = running.get(p.key);
          if (!pack) continue;
          await attempt(p, `AnalyzeStack ${n}`, async () => {
            const run = await timedWithCpu(pack.client.pid, () => pack.analyzeStack(stackRequests.get(n) as Uint8Array));
            const slot = (results[p.key].stack[n] ??= { ms: [], cpuMs: [], diagnostics: 0 });
            slot.ms.push(run.ms);
            if (run.cpuMs !== undefined) slot.cpuMs.push(run.cpuMs);
            slot.diagnostics = tallyTotal(run.value);
            if (n === largest) results[p.key].stackDiagnostics = run.value;
          });
          await sleep(50);
        }
      }
      say(`AnalyzeStack round ${round + 1}/${opts.stackRepeats} done`);
    }
    for (const [key, pack] of running) results[key].stackPeakRssMiB = peakRssMiB(pack.client.pid);
  } finally {
    for (const pack of running.values()) await pack.close();
  }
  const regularRequest = stackRequests.get(largest) as Uint8Array;
  stackRequests.clear();

  if (opts.bigSize > 0 && opts.bigRepeats > 0) {
    const bigPacks = packs.filter((p) => opts.bigPacks.includes(p.key));
    say(`AnalyzeStack at ${opts.bigSize}: ${opts.bigRepeats} run(s) per pack (${bigPacks.map((p) => p.label).join(", ")}), fresh process each`);
    const warmup = encodeAnalyzeStackRequest(generateStack(Math.min(1000, opts.bigSize)));
    const big = encodeAnalyzeStackRequest(generateStack(opts.bigSize));
    say(`${opts.bigSize}-resource request: ${(big.byteLength / 1024 / 1024).toFixed(1)} MiB`);
    for (let round = 0; round < opts.bigRepeats; round++) {
      for (const p of rotate(bigPacks, round)) {
        await attempt(p, `AnalyzeStack ${opts.bigSize}`, async () => {
          const pack = await openPack(p.dir);
          try {
            await pack.analyzeStack(warmup); // JIT warm-up, as the preview's Analyze calls would have done
            // The same process's time at the largest regular size: linearity compares like with like (a
            // long-lived process's median has had many more runs to optimize than one fresh process).
            const regular = await timedWithCpu(pack.client.pid, () => pack.analyzeStack(regularRequest));
            await sleep(50);
            const run = await timedWithCpu(pack.client.pid, () => pack.analyzeStack(big));
            const peak = peakRssMiB(pack.client.pid);
            results[p.key].big.push({
              size: opts.bigSize,
              ms: run.ms,
              cpuMs: run.cpuMs,
              diagnostics: tallyTotal(run.value),
              peakRssMiB: peak,
              regular: { size: largest, ms: regular.ms, cpuMs: regular.cpuMs },
            });
            say(`${p.label}: ${largest} resources in ${(regular.ms / 1000).toFixed(1)} s, then`);
            say(`${p.label}: ${opts.bigSize} resources in ${(run.ms / 1000).toFixed(1)} s (CPU ${((run.cpuMs ?? NaN) / 1000).toFixed(1)} s), peak RSS ${peak?.toFixed(0) ?? "?"} MiB`);
          } finally {
            await pack.close();
          }
        });
      }
    }
  }

  const { log: _log, ...options } = opts;
  say("done");
  return { options, packs: results, elapsedMs: performance.now() - started, loadAverages };
}

/** Medians of a pack's results, undefined where nothing was measured. */
export interface PackSummary {
  coldToPortMs?: number;
  coldToReadyMs?: number;
  coldReadyCpuMs?: number;
  analyzePerCallMs?: number;
  analyzePerCallCpuMs?: number;
  analyzeDiagnostics: number;
  stackMs: Record<number, number | undefined>;
  stackCpuMs: Record<number, number | undefined>;
  stackDiagnostics: Record<number, number | undefined>;
  stackPeakRssMiB?: number;
  bigMs?: number;
  bigCpuMs?: number;
  bigPeakRssMiB?: number;
  bigDiagnostics?: number;
  /** Median over big runs of (big time per resource) / (the same process's regular-size time per resource). */
  bigLinearity?: number;
  bigLinearityCpu?: number;
}

const med = (xs: readonly number[]): number | undefined => (xs.length > 0 ? median(xs) : undefined);

export function summarize(r: PackResults): PackSummary {
  const stackMs: Record<number, number | undefined> = {};
  const stackCpuMs: Record<number, number | undefined> = {};
  const stackDiagnostics: Record<number, number | undefined> = {};
  for (const [n, runs] of Object.entries(r.stack)) {
    stackMs[Number(n)] = med(runs.ms);
    stackCpuMs[Number(n)] = med(runs.cpuMs);
    stackDiagnostics[Number(n)] = runs.diagnostics;
  }
  const peaks = r.big.map((b) => b.peakRssMiB).filter((x): x is number => x !== undefined);
  const s: PackSummary = { analyzeDiagnostics: tallyTotal(r.analyze.diagnostics), stackMs, stackCpuMs, stackDiagnostics };
  const put = <K extends keyof PackSummary>(k: K, v: PackSummary[K] | undefined): void => {
    if (v !== undefined) s[k] = v;
  };
  put("coldToPortMs", med(r.coldStart.toPortMs));
  put("coldToReadyMs", med(r.coldStart.toReadyMs));
  put("coldReadyCpuMs", med(r.coldStart.readyCpuMs));
  put("analyzePerCallMs", med(r.analyze.perCallMs));
  put("analyzePerCallCpuMs", med(r.analyze.perCallCpuMs));
  put("stackPeakRssMiB", r.stackPeakRssMiB);
  put("bigMs", med(r.big.map((b) => b.ms)));
  put("bigCpuMs", med(r.big.map((b) => b.cpuMs).filter((x): x is number => x !== undefined)));
  put("bigPeakRssMiB", peaks.length > 0 ? Math.max(...peaks) : undefined);
  put("bigDiagnostics", r.big[0]?.diagnostics);
  const ratio = (big: number | undefined, b: BigRun, regular: number | undefined): number | undefined =>
    big === undefined || regular === undefined || regular === 0 ? undefined : big / regular / (b.size / b.regular.size);
  const lin = r.big.map((b) => ratio(b.ms, b, b.regular.ms)).filter((x): x is number => x !== undefined);
  const linCpu = r.big.map((b) => ratio(b.cpuMs, b, b.regular.cpuMs)).filter((x): x is number => x !== undefined);
  put("bigLinearity", med(lin));
  put("bigLinearityCpu", med(linCpu));
  return s;
}
