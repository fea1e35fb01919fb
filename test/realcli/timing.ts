// Time from command start to first diagnostic: the real CLI (`pulumi policy analyze --file --json`, from
// spawn to the first `policyEvent` line on stdout) against the project's harness (from `startPack` to the
// first Analyze or AnalyzeStack response with a diagnostic, sending the state file's resources as the CLI
// does), runs interleaved, medians. Used by examples.test.ts when CDG_REALCLI_TIMING=<runs> is set.
import { performance } from "node:perf_hooks";
import { startPack } from "../../src/engine-client/harness";
import { analyzerResourcesOf, type StateFile } from "../../src/engine-client/state-file";
import { analyzeStateFile, type RealCli } from "./cli";

export interface Timing {
  example: string;
  runs: number;
  cliFirstMs: number[];
  cliTotalMs: number[];
  harnessFirstMs: number[];
  harnessTotalMs: number[];
}

async function harnessRun(root: string, state: StateFile): Promise<{ first: number; total: number }> {
  const start = performance.now();
  let first = Number.NaN;
  const p = await startPack(root);
  try {
    await p.configure({});
    for (const r of analyzerResourcesOf(state, "analyze")) {
      const d = await p.analyze(r);
      if (Number.isNaN(first) && d.diagnostics.length > 0) first = performance.now() - start;
    }
    const d = await p.analyzeStack(analyzerResourcesOf(state, "analyzeStack"));
    if (Number.isNaN(first) && d.diagnostics.length > 0) first = performance.now() - start;
  } finally {
    await p.close();
  }
  return { first, total: performance.now() - start };
}

export async function measure(
  cli: RealCli, root: string, states: { example: string; file: string; state: StateFile }[], runs: number,
): Promise<Timing[]> {
  const out: Timing[] = states.map((s) => ({ example: s.example, runs, cliFirstMs: [], cliTotalMs: [], harnessFirstMs: [], harnessTotalMs: [] }));
  for (let i = 0; i < runs; i++) {
    for (const [j, s] of states.entries()) {
      const t = out[j] as Timing;
      const c = await analyzeStateFile(cli, { stateFile: s.file, packDir: root, json: true });
      t.cliFirstMs.push(c.firstDiagnosticMs ?? Number.NaN);
      t.cliTotalMs.push(c.totalMs);
      const h = await harnessRun(root, s.state);
      t.harnessFirstMs.push(h.first);
      t.harnessTotalMs.push(h.total);
    }
  }
  return out;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

export function timingTable(ts: Timing[]): string {
  const r = (x: number): string => (Number.isNaN(x) ? "-" : String(Math.round(x)));
  return [
    "median ms over interleaved runs | CLI first diagnostic | CLI exit | harness first diagnostic | harness done",
    ...ts.map((t) => `${t.example} (${t.runs} runs) | ${r(median(t.cliFirstMs))} | ${r(median(t.cliTotalMs))} | ${r(median(t.harnessFirstMs))} | ${r(median(t.harnessTotalMs))}`),
  ].join("\n");
}
