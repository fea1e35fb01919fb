// `npm run bench -- --only fanout`: how the organization scan's wall time falls with shards. One fresh moto
// holds an organization of M seeded members; for N = 1, 2, 4, 8, N `cdguard scan --org --shard i/N`
// processes run at once, then `cdguard merge` of their files; an unsharded `cdguard scan --org` is the
// reference, and every merged report must have its findings. The measured per-resource costs feed the
// estimate of a 500-account × 17-region organization on Fargate (fanout-estimate.ts).
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { repoRoot } from "../../src/engine-client/repo-root";
import { machineInfo, type Machine } from "../report";
import { median } from "../stats";
import { fitLine, renderEstimate, type Measured } from "./fanout-estimate";
import { SCAN_ROLE, seedOrganization, type SeededOrganization } from "./fanout-org";
import { processCpuS, runAtOnce, type CliRun } from "./fanout-run";
import { ensureMotoServer, MOTO_VERSION, startMoto, type MotoProcess } from "./moto-process";
import { MIX, type Kind } from "./seed";

export interface FanoutOptions {
  /** Member accounts of the organization (the management account is scanned too). */
  members: number;
  /** Resources seeded per member. */
  resourcesPerMember: number;
  /** Shard counts to run, each `repeats` times. */
  shardCounts: number[];
  repeats: number;
  cli?: string;
  log: (m: string) => void;
}

/** One process of a run: a shard, the unsharded scan, or the merge. */
export interface ProcessFigures {
  wallMs: number;
  cpuS: number | undefined;
  peakRssMiB: number | undefined;
  /** From the shard file's end line, or the report's stats. */
  apiCalls?: number;
  retries?: number;
  bytes?: number;
}

export interface FanoutRun {
  /** 0: the unsharded `cdguard scan --org`. */
  shards: number;
  repeat: number;
  /** First spawn to last exit of the scan processes. */
  wallMs: number;
  processes: ProcessFigures[];
  merge?: ProcessFigures;
  /** moto's CPU seconds and served requests during the scan processes (the merge reads local files). */
  motoCpuS: number | undefined;
  motoCalls: number;
  apiCalls: number;
  findings: number;
  /** 1-minute load average when the run started. */
  load: number;
}

export interface FanoutResults {
  date: string;
  elapsedMs: number;
  options: Omit<FanoutOptions, "log" | "cli">;
  machine: Machine;
  moto: string;
  org: SeededOrganization;
  /** The unsharded report's stats and size. */
  resources: number;
  reportBytes: number;
  callsPerService: Record<string, number>;
  /** CPU seconds of `cdguard merge --help` (median of 3): the start-up a merge pays before its work. */
  startupCpuS: number;
  runs: FanoutRun[];
}

interface Report {
  findings: unknown[];
  stats: { apiCalls: number; retries: number; resources: number; callsPerService: Record<string, number> };
}

const orgScanArgs = (endpoint: string, ...more: string[]): string[] => ["scan", "--org", "--org-role-name", SCAN_ROLE, "--regions", "us-east-1", "--endpoint-url", endpoint, "--quiet", ...more];
const lastLines = (s: string, n = 6): string => s.trimEnd().split("\n").slice(-n).join("\n");

function figures(r: CliRun): ProcessFigures {
  return { wallMs: r.wallMs, cpuS: r.usage?.cpuS, peakRssMiB: r.usage?.peakRssMiB };
}

function checkExit(r: CliRun, what: string, ok: readonly number[]): void {
  if (r.code === null || !ok.includes(r.code)) throw new Error(`${what} exited ${r.code}: ${lastLines(r.stderr)}`);
}

function shardEnd(file: string): { apiCalls: number; retries: number } {
  const lines = readFileSync(file, "utf8").trimEnd().split("\n");
  const end = JSON.parse(lines[lines.length - 1] ?? "{}") as { kind?: string; stats?: { requests: Record<string, number>; retries: Record<string, number> } };
  if (end.kind !== "end" || !end.stats) throw new Error(`${file}: no end line`);
  const sum = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);
  return { apiCalls: sum(end.stats.requests), retries: sum(end.stats.retries) };
}

/** Runs the scan processes of one measured run and returns its figures and report. */
async function measuredRun(cli: string, moto: MotoProcess, shards: number, repeat: number, work: string): Promise<{ run: FanoutRun; report: Report }> {
  const dir = mkdtempSync(join(work, `n${shards}-`));
  const load = loadavg()[0] ?? 0;
  const motoBefore = processCpuS(moto.pid);
  const callsBefore = moto.requests();
  const files = shards === 0 ? [join(dir, "report.json")] : Array.from({ length: shards }, (_, i) => join(dir, `shard-${i + 1}.jsonl`));
  const argvs = shards === 0 ? [orgScanArgs(moto.endpoint, "--out", files[0] as string)] : files.map((f, i) => orgScanArgs(moto.endpoint, "--shard", `${i + 1}/${shards}`, "--out", f));
  const batch = await runAtOnce(cli, argvs, dir);
  const motoAfter = processCpuS(moto.pid);
  const motoCalls = moto.requests() - callsBefore;
  const processes: ProcessFigures[] = batch.runs.map((r, i) => {
    checkExit(r, shards === 0 ? "the unsharded scan" : `shard ${i + 1}/${shards}`, shards === 0 ? [0, 1] : [0]);
    const file = files[i] as string;
    return { ...figures(r), bytes: statSync(file).size, ...(shards === 0 ? {} : shardEnd(file)) };
  });
  let report: Report;
  let merge: ProcessFigures | undefined;
  if (shards === 0) {
    report = JSON.parse(readFileSync(files[0] as string, "utf8")) as Report;
    Object.assign(processes[0] as ProcessFigures, { apiCalls: report.stats.apiCalls, retries: report.stats.retries });
  } else {
    const out = join(dir, "merged.json");
    const merged = await runAtOnce(cli, [["merge", ...files, "--out", out, "--quiet"]], dir);
    const m = merged.runs[0] as CliRun;
    checkExit(m, `merge of ${shards} shards`, [0, 1]);
    merge = { ...figures(m), wallMs: merged.wallMs };
    report = JSON.parse(readFileSync(out, "utf8")) as Report;
  }
  rmSync(dir, { recursive: true, force: true });
  const apiCalls = processes.reduce((n, p) => n + (p.apiCalls ?? 0), 0);
  const run: FanoutRun = {
    shards,
    repeat,
    wallMs: batch.wallMs,
    processes,
    ...(merge ? { merge } : {}),
    motoCpuS: motoBefore === undefined || motoAfter === undefined ? undefined : motoAfter - motoBefore,
    motoCalls,
    apiCalls,
    findings: report.findings.length,
    load,
  };
  return { run, report };
}

export async function runFanoutBench(opts: FanoutOptions): Promise<FanoutResults> {
  const started = Date.now();
  const { log } = opts;
  const root = repoRoot(__dirname);
  const cli = opts.cli ?? join(root, "dist", "src", "cli", "main.js");
  if (!existsSync(cli)) throw new Error(`${cli} does not exist: build first (npm run build)`);
  const motoServer = ensureMotoServer(log);
  const moto = await startMoto(motoServer);
  const work = mkdtempSync(join(tmpdir(), "cdg-fanout-bench-"));
  try {
    log(`fan-out bench: an organization of ${opts.members} members × about ${opts.resourcesPerMember} resources in moto at ${moto.endpoint} (pid ${moto.pid})`);
    const org = await seedOrganization(moto.endpoint, opts.members, opts.resourcesPerMember, log);
    log(`  seeded ${org.total} resources in ${org.members.length} members (${moto.requests()} calls) in ${(org.ms / 1000).toFixed(1)} s`);
    // Untimed: moto builds some backends on first use; no measured run should pay for that.
    const warm = await measuredRun(cli, moto, 0, 0, work);
    const reference = warm.report;
    log(`  warm-up unsharded scan: ${(warm.run.wallMs / 1000).toFixed(1)} s, ${reference.stats.apiCalls} calls, ${reference.stats.resources} resources, ${reference.findings.length} findings`);
    const startups: number[] = [];
    for (let i = 0; i < 3; i++) {
      const help = (await runAtOnce(cli, [["merge", "--help"]], work)).runs[0] as CliRun;
      checkExit(help, "cdguard merge --help", [0]);
      if (help.usage) startups.push(help.usage.cpuS);
    }
    const runs: FanoutRun[] = [];
    const mismatches: string[] = [];
    const measure = async (shards: number, repeat: number): Promise<void> => {
      const { run, report } = await measuredRun(cli, moto, shards, repeat, work);
      runs.push(run);
      const same = isDeepStrictEqual(report.findings, reference.findings);
      if (!same) mismatches.push(`N=${shards} (repeat ${repeat}): ${report.findings.length} findings, the unsharded scan ${reference.findings.length}`);
      const cpu = run.processes.reduce((n, p) => n + (p.cpuS ?? 0), 0);
      log(`  N=${shards} #${repeat}: wall ${(run.wallMs / 1000).toFixed(1)} s${run.merge ? ` + merge ${(run.merge.wallMs / 1000).toFixed(1)} s` : ""}, scanner CPU ${cpu.toFixed(1)} s, moto CPU ${run.motoCpuS?.toFixed(1)} s, ${run.apiCalls} calls, findings ${same ? "= unsharded" : "DIFFER"}`);
    };
    await measure(0, 1);
    // Interleaved, so that a burst of other work on the machine does not land on one N only.
    for (let r = 1; r <= opts.repeats; r++) for (const n of opts.shardCounts) await measure(n, r);
    if (mismatches.length > 0) throw new Error(`merged findings differ from the unsharded scan's: ${mismatches.join("; ")}`);
    return {
      date: new Date(started).toISOString().replace(/\.\d+Z$/, "Z"),
      elapsedMs: Date.now() - started,
      options: { members: opts.members, resourcesPerMember: opts.resourcesPerMember, shardCounts: opts.shardCounts, repeats: opts.repeats },
      machine: machineInfo(),
      moto: MOTO_VERSION,
      org,
      resources: reference.stats.resources,
      reportBytes: warm.run.processes[0]?.bytes ?? NaN,
      callsPerService: reference.stats.callsPerService,
      startupCpuS: median(startups),
      runs,
    };
  } finally {
    await moto.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Report

export const FANOUT_START = "<!-- fanout-bench:start -->";
export const FANOUT_END = "<!-- fanout-bench:end -->";
const SCAN_END = "<!-- scan-bench:end -->";

const sum = (xs: readonly (number | undefined)[]): number => xs.reduce<number>((a, b) => a + (b ?? 0), 0);
const max = (xs: readonly (number | undefined)[]): number => Math.max(0, ...xs.filter((x): x is number => x !== undefined));
const s1 = (ms: number): string => (ms / 1000).toFixed(1);
const n0 = (x: number): string => Math.round(x).toLocaleString("en-US");

/** Per N, the median over repeats of each figure. */
export interface CurvePoint {
  shards: number;
  runs: number;
  wallMs: number;
  mergeMs: number | undefined;
  scannerCpuS: number;
  mergeCpuS: number | undefined;
  motoCpuS: number | undefined;
  maxShardRssMiB: number;
  mergeRssMiB: number | undefined;
  apiCalls: number;
  retries: number;
  motoCalls: number;
  bytes: number;
  load: number;
}

export function curve(r: FanoutResults): CurvePoint[] {
  const ns = [...new Set(r.runs.map((x) => x.shards))].sort((a, b) => a - b);
  return ns.map((shards) => {
    const of = r.runs.filter((x) => x.shards === shards);
    const med = (f: (x: FanoutRun) => number | undefined): number | undefined => {
      const xs = of.map(f).filter((x): x is number => x !== undefined);
      return xs.length === 0 ? undefined : median(xs);
    };
    return {
      shards,
      runs: of.length,
      wallMs: med((x) => x.wallMs) ?? NaN,
      mergeMs: med((x) => x.merge?.wallMs),
      scannerCpuS: med((x) => sum(x.processes.map((p) => p.cpuS))) ?? NaN,
      mergeCpuS: med((x) => x.merge?.cpuS),
      motoCpuS: med((x) => x.motoCpuS),
      maxShardRssMiB: med((x) => max(x.processes.map((p) => p.peakRssMiB))) ?? NaN,
      mergeRssMiB: med((x) => x.merge?.peakRssMiB),
      apiCalls: med((x) => x.apiCalls) ?? NaN,
      retries: med((x) => sum(x.processes.map((p) => p.retries))) ?? 0,
      motoCalls: med((x) => x.motoCalls) ?? NaN,
      bytes: med((x) => sum(x.processes.map((p) => p.bytes))) ?? NaN,
      load: med((x) => x.load) ?? NaN,
    };
  });
}

/** The per-resource costs the estimate needs, from the curve. */
export function measuredCosts(r: FanoutResults, points: readonly CurvePoint[]): { measured: Measured; notes: string[] } {
  const notes: string[] = [];
  const sharded = points.filter((p) => p.shards > 0);
  const unsharded = points.find((p) => p.shards === 0);
  const calls = r.callsPerService;
  const total = Object.values(calls).reduce((a, b) => a + b, 0);
  const [busiest, busiestCalls] = Object.entries(calls).sort((a, b) => b[1] - a[1])[0] ?? ["?", 0];
  const one = sharded.find((p) => p.shards === 1) ?? sharded[0];
  const shardCalls = one?.apiCalls ?? unsharded?.apiCalls ?? total;
  // Total shard CPU = work + N·(per-process part): the slope is what a process costs however little it does.
  const cpuFit = fitLine(sharded.map((p) => [p.shards, p.scannerCpuS]));
  let cpuPerCallS: number;
  let cpuPerProcessS: number;
  if (cpuFit && cpuFit.a > 0 && cpuFit.b >= 0) {
    cpuPerCallS = cpuFit.a / shardCalls;
    cpuPerProcessS = cpuFit.b;
  } else {
    cpuPerCallS = (one?.scannerCpuS ?? NaN) / shardCalls;
    cpuPerProcessS = 0;
    notes.push("The fit of shard CPU against N was not usable (noise): CPU per call is N=1's total over its calls, start-up included.");
  }
  const rssFit = fitLine(sharded.map((p) => [r.resources / p.shards, p.maxShardRssMiB]));
  const rssBase = rssFit && rssFit.b >= 0 ? rssFit.a : one?.maxShardRssMiB ?? NaN;
  const rssPer = rssFit && rssFit.b >= 0 ? rssFit.b : 0;
  if (!rssFit || rssFit.b < 0) notes.push("Shard memory did not grow with the shard's resources here: the estimate uses N=1's peak as a flat figure.");
  const mergeCpu = median(sharded.map((p) => p.mergeCpuS).filter((x): x is number => x !== undefined));
  return {
    measured: {
      callsPerResource: total / r.resources,
      busiestServiceShare: total === 0 ? NaN : busiestCalls / total,
      busiestService: busiest,
      cpuPerCallS,
      cpuPerProcessS,
      mergeCpuPerResourceS: Math.max(0, mergeCpu - r.startupCpuS) / r.resources,
      shardBytesPerResource: (one?.bytes ?? NaN) / r.resources,
      reportBytesPerResource: r.reportBytes / r.resources,
      largestShardMeasured: r.resources / Math.max(1, Math.min(...sharded.map((p) => p.shards))),
      shardRssBaseMiB: rssBase,
      shardRssPerResourceMiB: rssPer,
    },
    notes,
  };
}

/** What the curve says, in a sentence or two, from its own figures. */
function curveReading(points: readonly CurvePoint[]): string {
  const sharded = points.filter((p) => p.shards > 0);
  const first = sharded[0];
  const last = sharded[sharded.length - 1];
  if (!first || !last || first === last) return "";
  const grew = last.wallMs > first.wallMs;
  const extraCpu = last.scannerCpuS - first.scannerCpuS;
  return `
From N = ${first.shards} to N = ${last.shards} the scan wall ${grew ? "grew" : "fell"} from ${s1(first.wallMs)} s to ${s1(last.wallMs)} s. ${grew ? `The machine is the bottleneck, not the scanner's parallelism: the runs got about ${((first.scannerCpuS + (first.motoCpuS ?? 0)) / (first.wallMs / 1000)).toFixed(1)} to ${((last.scannerCpuS + (last.motoCpuS ?? 0)) / (last.wallMs / 1000)).toFixed(1)} of the machine's cores (other work ran beside them), moto used ${span((first.motoCpuS ?? NaN).toFixed(0), (last.motoCpuS ?? NaN).toFixed(0))} CPU seconds of it (about as much at every N: its work is the calls, not the processes), and each extra process added its own start-up and organization planning (${extraCpu.toFixed(1)} s more scanner CPU in all at N = ${last.shards}). On AWS each shard gets its own vCPU and AWS answers in parallel, so neither limit applies; the per-resource costs below are what carries over.` : "Sharding paid off even with moto and the scanners sharing the machine."}
`;
}

function table(header: string[], rows: string[][], align = `l${"r".repeat(header.length - 1)}`): string {
  const line = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map((_, i) => (align[i] === "r" ? "---:" : "---"))), ...rows.map(line)].join("\n");
}

export function renderFanoutSection(r: FanoutResults, command: string): string {
  const points = curve(r);
  const one = points.find((p) => p.shards === 1);
  const { measured, notes } = measuredCosts(r, points);
  const accounts = r.org.members.length + 1;
  const loads = r.runs.map((x) => x.load);
  const loadText = loads.length === 0 ? "—" : `${Math.min(...loads).toFixed(1)} to ${Math.max(...loads).toFixed(1)}${Math.max(...loads) > r.machine.cores * 0.9 ? " (other work was running: wall times are noisy)" : ""}`;
  const curveRows = points.map((p) => [
    p.shards === 0 ? "unsharded (`scan --org`)" : String(p.shards),
    String(p.runs),
    s1(p.wallMs),
    p.mergeMs === undefined ? "—" : s1(p.mergeMs),
    s1(p.wallMs + (p.mergeMs ?? 0)),
    one && p.shards > 0 ? `${(one.wallMs / p.wallMs).toFixed(2)}×` : "—",
    p.scannerCpuS.toFixed(1),
    p.mergeCpuS === undefined ? "—" : p.mergeCpuS.toFixed(1),
    p.motoCpuS === undefined ? "—" : p.motoCpuS.toFixed(1),
    p.motoCpuS === undefined ? "—" : ((p.scannerCpuS + p.motoCpuS) / (p.wallMs / 1000)).toFixed(2),
    n0(p.maxShardRssMiB),
    p.mergeRssMiB === undefined ? "—" : n0(p.mergeRssMiB),
    `${n0(p.apiCalls)}${p.retries > 0 ? ` (${n0(p.retries)} retries)` : ""}${p.motoCalls !== p.apiCalls ? ` (moto: ${n0(p.motoCalls)})` : ""}`,
    n0(p.bytes / 1024),
    p.load.toFixed(1),
  ]);
  const runRows = r.runs.map((x) => [
    x.shards === 0 ? "0" : String(x.shards),
    String(x.repeat),
    s1(x.wallMs),
    x.processes.map((p) => s1(p.wallMs)).join(", "),
    x.processes.map((p) => (p.cpuS === undefined ? "?" : p.cpuS.toFixed(1))).join(", "),
    x.processes.map((p) => (p.peakRssMiB === undefined ? "?" : n0(p.peakRssMiB))).join(", "),
    x.merge ? `${s1(x.merge.wallMs)} / ${x.merge.cpuS?.toFixed(1) ?? "?"} / ${x.merge.peakRssMiB === undefined ? "?" : n0(x.merge.peakRssMiB)}` : "—",
    x.motoCpuS === undefined ? "—" : x.motoCpuS.toFixed(1),
    n0(x.findings),
    x.load.toFixed(1),
  ]);
  const mixRows = (Object.keys(MIX) as Kind[]).map((k) => [k, n0(r.org.counts[k] ?? 0)]);
  return `${FANOUT_START}
## Organization scan fan-out: \`cdguard scan --org --shard i/N\`, on moto

**Generated** by \`${command}\` (bench/scan/fanout*.ts) on ${r.date}, in ${(r.elapsedMs / 60_000).toFixed(1)} min; \`--only fanout\` replaces
only this section.

One fresh moto ${r.moto} server holds an AWS Organization: the management account (moto's default, scanned too,
nearly empty) and ${r.org.members.length} members, each seeded through its OrganizationAccountAccessRole session with about
${r.options.resourcesPerMember} resources of the scan bench's mix (bench/scan/seed.ts), ${n0(r.org.total)} in all, plus the scan role
\`${SCAN_ROLE}\` (moto runs without IAM enforcement). The report judged **${n0(r.resources)} resources** in ${accounts} accounts, region us-east-1
(${accounts * 2} units: each account's account-wide unit and its region).

| Machine | |
| --- | --- |
| CPU | ${r.machine.cpu} |
| Cores | ${r.machine.cores} |
| Memory | ${r.machine.memoryGiB} GiB |
| Node.js | ${r.machine.node} |
| 1-min load average before the measured runs | ${loadText} |

**Read this first:** moto is one Python process, and on this ${r.machine.cores}-core machine moto and the N scanner
processes share ${r.machine.cores} cores. The curve flattens for reasons AWS would not have: moto serves one request at a
time per core it gets, and N Node processes compete with it for the same cores. The *moto CPU* column shows how
much of each run was moto's. The per-call and per-resource costs below are the scanner's own CPU, which moto
does not inflate; the wall times are not a prediction for AWS.

### The curve (median of ${r.options.repeats} per N)

*Scan wall*: first spawn to last exit of the N processes run at once (each with the default \`--account-concurrency\`
and \`--concurrency\`). *Merge*: \`cdguard merge\` of the N files, timed after. *Scanner CPU*: user + system seconds
summed over the N processes (each reports \`process.cpuUsage()\` at exit); *peak memory* is the largest process's
(\`process.resourceUsage().maxRSS\`). *moto CPU*: the server's user + system seconds during the scan processes
(/proc/&lt;pid&gt;/stat). *API calls*: summed from the shard files' end lines (the unsharded report's stats for N = 0);
moto's access log counts are noted beside them: moto also logs the scanner's sts:AssumeRole calls (one per member
and process), which the scanner's stats leave out, while the stats count every retry, also of requests that may
not have reached moto's log. *Retries*: mostly moto's HTTP 500 to APIs it does not serve (16 per account), retried
with back-off; more of them with more processes. *Cores busy*: (scanner + moto CPU) / scan wall: how much of the
machine's ${r.machine.cores} cores the run got. *Output files*: the shard files' total size (N = 0: the report).

${table(["N", "Runs", "Scan wall (s)", "Merge (s)", "Scan + merge (s)", "Speed-up vs N=1 (scan)", "Scanner CPU (s)", "Merge CPU (s)", "moto CPU (s)", "Cores busy", "Peak memory, largest process (MiB)", "Merge peak memory (MiB)", "API calls", "Output files (KiB)", "Load"], curveRows)}

Every merged report's findings equal the unsharded scan's (checked for every run; the bench fails otherwise).
${curveReading(points)}
<details><summary>Every run</summary>

${table(["N", "Repeat", "Scan wall (s)", "Process wall (s)", "Process CPU (s)", "Process peak memory (MiB)", "Merge wall (s) / CPU (s) / MiB", "moto CPU (s)", "Findings", "Load"], runRows, "llrrrrrrrr")}

</details>

### Per-resource costs (measured)

${table(["Measure", "Value"], [
    ["API calls per resource (unsharded scan)", measured.callsPerResource.toFixed(2)],
    [`Busiest service (${measured.busiestService}): share of the calls`, `${(measured.busiestServiceShare * 100).toFixed(0)} %`],
    ["Shard process CPU per API call (fit of total shard CPU = work + N × per-process)", `${(measured.cpuPerCallS * 1000).toFixed(2)} ms`],
    ["Shard process CPU per resource", `${(measured.cpuPerCallS * measured.callsPerResource * 1000).toFixed(2)} ms`],
    ["Per-process CPU (start-up, org planning), from the same fit", `${measured.cpuPerProcessS.toFixed(2)} s`],
    [`Merge CPU per resource (median over the merges, less the ${r.startupCpuS.toFixed(2)} s of start-up that \`cdguard merge --help\` takes)`, `${(measured.mergeCpuPerResourceS * 1000).toFixed(2)} ms`],
    ["Shard file bytes per resource (N = 1)", n0(measured.shardBytesPerResource)],
    ["Shard peak memory: base + per resource in the shard (fit over N)", `${n0(measured.shardRssBaseMiB)} MiB + ${(measured.shardRssPerResourceMiB * 1024).toFixed(1)} KiB`],
  ], "lr")}
${notes.length > 0 ? `\n${notes.map((n) => `- ${n}`).join("\n")}\n` : ""}
Seeded in the members, in all: ${mixRows.map(([k, v]) => `${k} ${v}`).join(", ")}.

${renderEstimate(measured)}
**Weak spots of the estimate:** the per-call CPU and memory are measured on moto's answers, which are smaller than
AWS's (fewer fields, no pagination at this size); the fixed calls of an almost empty account-region (lists that
return nothing) are spread over the measured resources, here ${r.options.resourcesPerMember} per account in one region, so calls per
resource are a little high for 300 per region; the latency model takes the busiest service of one unit as the
critical path and ignores pagination chains, throttling and retries; the merge's memory at millions of resources
is not measured (it holds every finding and one account's answers at a time); prices change.
${FANOUT_END}
`;
}

/** The section when the benchmark could not run. */
export function renderFanoutFailure(why: string, command: string): string {
  const date = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  return `${FANOUT_START}
## Organization scan fan-out: \`cdguard scan --org --shard i/N\`, on moto

\`${command}\` on ${date} could not run the fan-out benchmark: ${why.replace(/\n/g, " ")}
${FANOUT_END}
`;
}

/** The fan-out section of an existing report (markers included), or undefined. */
export function fanoutSectionOf(existing: string): string | undefined {
  const a = existing.indexOf(FANOUT_START);
  const b = existing.indexOf(FANOUT_END);
  return a >= 0 && b > a ? `${existing.slice(a, b + FANOUT_END.length)}\n` : undefined;
}

/** Replaces the fan-out section of BENCHMARKS.md, or puts it after the scan section (or at the end). */
export function spliceFanoutSection(existing: string, section: string): string {
  const a = existing.indexOf(FANOUT_START);
  const b = existing.indexOf(FANOUT_END);
  if (a >= 0 && b > a) return `${existing.slice(0, a)}${section}${existing.slice(b + FANOUT_END.length).replace(/^\n/, "")}`;
  const scanEnd = existing.indexOf(SCAN_END);
  if (scanEnd >= 0) {
    const cut = scanEnd + SCAN_END.length;
    const rest = existing.slice(cut).replace(/^\n+/, "");
    return `${existing.slice(0, cut)}\n\n${section}${rest === "" ? "" : `\n${rest}`}`;
  }
  return `${existing.trimEnd()}\n\n${section}`;
}

/** "a to b", or just "a" when both are the same. */
const span = (a: string, b: string): string => (a === b ? a : `${a} to ${b}`);
