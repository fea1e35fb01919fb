// What `npm run bench` writes to BENCHMARKS.md (and prints): machine, versions, the ratios against the
// targets, and every measurement of the three packs.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { cpus, release, totalmem, type as osType } from "node:os";
import { dirname, join } from "node:path";
import { summarize, type CompareResults, type PackSummary } from "./compare";
import type { DiagnosticTally } from "./measure";
import type { PackKey, PackSet } from "./pack-set";
import { repoRoot } from "../src/engine-client/repo-root";
import type { BenchResult } from "./stats";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
}

export function machineInfo(): Machine {
  let cpu = cpus()[0]?.model ?? "unknown";
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux: os.cpus() it is
  }
  let os = `${osType()} ${release()}`;
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readFileSync("/etc/os-release", "utf8"))?.[1];
    if (pretty) os = `${pretty} (${osType()} ${release()})`;
  } catch {
    // no /etc/os-release
  }
  return { cpu, cores: cpus().length, memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10, node: process.version, os };
}

/** The version of package `name` as Node would resolve it from `from` (walking up node_modules). */
function packageVersion(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, "node_modules", name, "package.json");
    if (existsSync(manifest)) return String((JSON.parse(readFileSync(manifest, "utf8")) as { version?: string }).version ?? "?").replace(/^v/, "");
    if (dirname(dir) === dir) return undefined;
  }
}

function packageDir(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const d = join(dir, "node_modules", name);
    if (existsSync(join(d, "package.json"))) return realpathSync(d);
    if (dirname(dir) === dir) return undefined;
  }
}

function gitDescribe(dir: string): string | undefined {
  const git = (...args: string[]): string =>
    execFileSync("git", ["--no-optional-locks", "-C", dir, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  try {
    const commit = git("rev-parse", "--short", "HEAD");
    const dirty = git("status", "--porcelain", "--untracked-files=no") !== "";
    return dirty ? `${commit} + uncommitted changes` : commit;
  } catch {
    return undefined;
  }
}

export interface Versions {
  ours: { name: string; version: string; commit: string | undefined; dir: string };
  policy: string | undefined;
  pulumi: string | undefined;
  awsguard: string | undefined;
  awsguardAws: string | undefined;
  awsguardPolicy: string | undefined;
  awsguardPulumi: string | undefined;
}

export function versionsOf(set: PackSet): Versions {
  const manifest = JSON.parse(readFileSync(join(set.ours.dir, "package.json"), "utf8")) as { name?: string; version?: string };
  const awsguardPkg = packageDir("@pulumi/awsguard", set.awsguard.dir);
  return {
    ours: { name: manifest.name ?? "?", version: manifest.version ?? "?", commit: gitDescribe(set.ours.dir), dir: set.ours.dir },
    policy: packageVersion("@pulumi/policy", set.ours.dir),
    pulumi: packageVersion("@pulumi/pulumi", set.ours.dir),
    awsguard: packageVersion("@pulumi/awsguard", set.awsguard.dir),
    awsguardAws: awsguardPkg && packageVersion("@pulumi/aws", awsguardPkg),
    awsguardPolicy: awsguardPkg && packageVersion("@pulumi/policy", awsguardPkg),
    awsguardPulumi: awsguardPkg && packageVersion("@pulumi/pulumi", awsguardPkg),
  };
}

export type Verdict = "met" | "missed" | "info" | "n/a";

export interface Ratio {
  measure: string;
  /** The ratio of wall times (what the verdict is on). */
  value: number | undefined;
  /** The same ratio of the pack processes' CPU times, which other work on the machine hardly moves. */
  cpu?: number | undefined;
  target: string;
  verdict: Verdict;
  note?: string;
}

const div = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined || b === undefined || b === 0 ? undefined : a / b;

/** Per-resource time at the big size over per-resource time at the largest regular size. */
export const LINEAR_WITHIN = 1.25;
export const PEAK_LIMIT_MIB = 1024;
const FLOOR_CLAUSE = 1.3;

/** The ratios the issue asks for, each against its target. */
export function ratios(results: CompareResults): Ratio[] {
  const s = Object.fromEntries(Object.entries(results.packs).map(([k, r]) => [k, summarize(r)])) as Record<PackKey, PackSummary>;
  const { ours, awsguard, floor } = s;
  const out: Ratio[] = [];
  const atMost = (measure: string, value: number | undefined, cpu: number | undefined, limit: number): void => {
    out.push({ measure, value, cpu, target: `≤ ${limit}×`, verdict: value === undefined ? "n/a" : value <= limit ? "met" : "missed" });
  };
  const info = (measure: string, value: number | undefined, cpu: number | undefined, target: string): void => {
    out.push({ measure, value, cpu, target, verdict: "info" });
  };
  atMost("Cold start, spawn → port: ours / AWSGuard", div(ours.coldToPortMs, awsguard.coldToPortMs), undefined, 0.5);
  atMost("Cold start, spawn → ready: ours / AWSGuard", div(ours.coldToReadyMs, awsguard.coldToReadyMs), div(ours.coldReadyCpuMs, awsguard.coldReadyCpuMs), 0.5);
  info("Cold start, spawn → ready: floor / AWSGuard", div(floor.coldToReadyMs, awsguard.coldToReadyMs), div(floor.coldReadyCpuMs, awsguard.coldReadyCpuMs), "(what @pulumi/policy alone costs)");
  atMost("Analyze per resource: ours / AWSGuard", div(ours.analyzePerCallMs, awsguard.analyzePerCallMs), div(ours.analyzePerCallCpuMs, awsguard.analyzePerCallCpuMs), 1);
  info("Analyze per resource: floor / AWSGuard", div(floor.analyzePerCallMs, awsguard.analyzePerCallMs), div(floor.analyzePerCallCpuMs, awsguard.analyzePerCallCpuMs), "(what @pulumi/policy alone costs)");

  const sizes = results.options.stackSizes;
  const judged = sizes.some((n) => n >= 5000) ? sizes.filter((n) => n >= 5000) : sizes;
  for (const n of sizes) {
    const vsAws = div(ours.stackMs[n], awsguard.stackMs[n]);
    const floorVsAws = div(floor.stackMs[n], awsguard.stackMs[n]);
    const vsFloor = div(ours.stackMs[n], floor.stackMs[n]);
    const cpu = {
      vsAws: div(ours.stackCpuMs[n], awsguard.stackCpuMs[n]),
      floorVsAws: div(floor.stackCpuMs[n], awsguard.stackCpuMs[n]),
      vsFloor: div(ours.stackCpuMs[n], floor.stackCpuMs[n]),
    };
    const size = n.toLocaleString("en-US");
    if (!judged.includes(n)) {
      info(`AnalyzeStack ${size}: ours / AWSGuard`, vsAws, cpu.vsAws, "(not a target size)");
      info(`AnalyzeStack ${size}: ours / floor`, vsFloor, cpu.vsFloor, "(not a target size)");
      continue;
    }
    let verdict: Verdict = "n/a";
    let note: string | undefined;
    if (vsAws !== undefined) {
      if (vsAws <= 2) verdict = "met";
      else if (floorVsAws !== undefined && floorVsAws > 2 && vsFloor !== undefined) {
        verdict = vsFloor <= FLOOR_CLAUSE ? "met" : "missed";
        note = `the floor alone is ${floorVsAws.toFixed(2)}× AWSGuard, so the target is ours ≤ ${FLOOR_CLAUSE}× floor`;
      } else verdict = "missed";
    }
    out.push({ measure: `AnalyzeStack ${size}: ours / AWSGuard`, value: vsAws, cpu: cpu.vsAws, target: `≤ 2×, or ≤ ${FLOOR_CLAUSE}× floor if floor > 2× AWSGuard`, verdict, ...(note ? { note } : {}) });
    info(`AnalyzeStack ${size}: floor / AWSGuard`, floorVsAws, cpu.floorVsAws, "(decides the floor clause)");
    const floorApplies = floorVsAws !== undefined && floorVsAws > 2;
    out.push({
      measure: `AnalyzeStack ${size}: ours / floor`,
      value: vsFloor,
      cpu: cpu.vsFloor,
      target: `≤ ${FLOOR_CLAUSE}× (when floor > 2× AWSGuard)`,
      verdict: vsFloor === undefined ? "n/a" : floorApplies ? (vsFloor <= FLOOR_CLAUSE ? "met" : "missed") : "info",
    });
  }

  const big = results.options.bigSize;
  if (big > 0) {
    const largest = Math.max(...sizes);
    const perResource = (x: PackSummary): number | undefined => div(div(x.bigMs, big), div(x.stackMs[largest], largest));
    const perResourceCpu = (x: PackSummary): number | undefined => div(div(x.bigCpuMs, big), div(x.stackCpuMs[largest], largest));
    for (const [key, label] of [["ours", "ours"], ["floor", "floor"]] as const) {
      const x = s[key];
      if (x.bigMs === undefined) continue;
      const lin = x.bigLinearity;
      out.push({
        measure: `AnalyzeStack ${big.toLocaleString("en-US")} / ${largest.toLocaleString("en-US")}, per resource, same fresh process (${label})`,
        value: lin,
        cpu: x.bigLinearityCpu,
        target: `≤ ${LINEAR_WITHIN}× (linear)`,
        verdict: key === "ours" ? (lin === undefined ? "n/a" : lin <= LINEAR_WITHIN ? "met" : "missed") : "info",
      });
      info(
        `AnalyzeStack ${big.toLocaleString("en-US")} (fresh process) / ${largest.toLocaleString("en-US")} (long-lived median), per resource (${label})`,
        perResource(x),
        perResourceCpu(x),
        "(includes the warm-up a long-lived process has had)",
      );
    }
    if (ours.bigMs !== undefined || results.packs.ours.errors.some((e) => e.startsWith(`AnalyzeStack ${big}`))) {
      const peak = ours.bigPeakRssMiB;
      out.push({
        measure: `Peak RSS of our pack at ${big.toLocaleString("en-US")} resources (MiB)`,
        value: peak,
        target: `< ${PEAK_LIMIT_MIB} MiB`,
        verdict: peak === undefined ? "missed" : peak < PEAK_LIMIT_MIB ? "met" : "missed",
      });
      if (floor.bigPeakRssMiB !== undefined) {
        info(`Peak RSS at ${big.toLocaleString("en-US")}: ours / floor`, div(peak, floor.bigPeakRssMiB), undefined, "(what our rules add)");
      }
    }
  }
  return out;
}

export interface Report {
  date: string;
  machine: Machine;
  versions: Versions;
  results: CompareResults;
  ratios: Ratio[];
  floorPolicies: { resource: number; stack: number };
  iam?: BenchResult[];
  command: string;
}

const n0 = (x: number): string => Math.round(x).toLocaleString("en-US");

function ms(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return "—";
  if (x < 10) return x.toFixed(2);
  if (x < 100) return x.toFixed(1);
  return n0(x);
}

const mib = (x: number | undefined): string => (x === undefined ? "—" : n0(x));
const count = (x: number | undefined): string => (x === undefined ? "—" : n0(x));
const ratio = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? "—" : `${x.toFixed(2)}×`);
const VERDICT: Record<Verdict, string> = { met: "✅ met", missed: "❌ missed", info: "", "n/a": "not measured" };

/** A Markdown table; `align` has one letter per column, "l" or "r" (default: first left, the rest right). */
function table(header: string[], rows: string[][], align = `l${"r".repeat(header.length - 1)}`): string {
  const line = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map((_, i) => (align[i] === "r" ? "---:" : "---"))), ...rows.map(line)].join("\n");
}

function tallyRows(t: DiagnosticTally): string {
  const entries = Object.entries(t).sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
  if (entries.length === 0) return "none";
  return entries.map(([k, v]) => `${k} ${n0(v.count)}${v.cantRun > 0 ? ` (${n0(v.cantRun)} "can't run during preview")` : ""}`).join(", ");
}

function loadRange(loads: readonly number[], cores: number): string {
  if (loads.length === 0) return "—";
  const range = `${Math.min(...loads).toFixed(1)} to ${Math.max(...loads).toFixed(1)}`;
  // The bench and the measured pack account for about 1.
  const busy = Math.max(...loads) > Math.max(1.5, cores * 0.75);
  return busy ? `${range} (the bench itself is about 1: other work was running, wall times are noisy; see the CPU ratios)` : range;
}

export function renderMarkdown(r: Report): string {
  const { results, machine, versions } = r;
  const o = results.options;
  const keys: PackKey[] = ["ours", "awsguard", "floor"];
  const s = Object.fromEntries(keys.map((k) => [k, summarize(results.packs[k])])) as Record<PackKey, PackSummary>;
  const row = (label: string, f: (x: PackSummary, k: PackKey) => string): string[] => [label, ...keys.map((k) => f(s[k], k))];
  const polCount = (k: PackKey): string => {
    const p = results.packs[k].policies;
    return p ? `${p.resource + p.stack} (${p.resource} resource, ${p.stack} stack)` : "—";
  };

  const measurements: string[][] = [
    ["Policies", ...keys.map(polCount)],
    row(`Cold start, spawn → port (median of ${o.coldRuns})`, (x) => ms(x.coldToPortMs)),
    row(`Cold start, spawn → ready (median of ${o.coldRuns})`, (x) => ms(x.coldToReadyMs)),
    row("Cold start, CPU time to ready", (x) => ms(x.coldReadyCpuMs)),
    row(`Analyze, per resource (${n0(o.analyzeCount)} sequential calls, median of ${o.analyzeRepeats} fresh processes)`, (x) => ms(x.analyzePerCallMs)),
    row("Analyze, CPU time per resource", (x) => ms(x.analyzePerCallCpuMs)),
    row(`Analyze, diagnostics over ${n0(o.analyzeCount)} resources`, (x) => count(x.analyzeDiagnostics)),
    ...o.stackSizes.map((n) => row(`AnalyzeStack ${n0(n)} resources (median of ${o.stackRepeats})`, (x) => ms(x.stackMs[n]))),
    ...o.stackSizes.map((n) => row(`AnalyzeStack ${n0(n)}, CPU time`, (x) => ms(x.stackCpuMs[n]))),
    ...o.stackSizes.map((n) => row(`AnalyzeStack ${n0(n)}, diagnostics`, (x) => count(x.stackDiagnostics[n]))),
    row("Peak RSS after the AnalyzeStack runs (MiB)", (x) => mib(x.stackPeakRssMiB)),
  ];
  if (o.bigSize > 0) {
    const big = n0(o.bigSize);
    const ran = (k: PackKey): boolean => o.bigPacks.includes(k);
    measurements.push(
      row(`AnalyzeStack ${big} resources (${o.bigRepeats === 1 ? "1 run" : `median of ${o.bigRepeats}`}, fresh process)`, (x, k) => (ran(k) ? ms(x.bigMs) : "not run")),
      row(`AnalyzeStack ${big}, CPU time`, (x, k) => (ran(k) ? ms(x.bigCpuMs) : "not run")),
      row(`Peak RSS of the pack process at ${big} (MiB, VmHWM)`, (x, k) => (ran(k) ? mib(x.bigPeakRssMiB) : "not run")),
      row(`AnalyzeStack ${big}, diagnostics`, (x, k) => (ran(k) ? count(x.bigDiagnostics) : "not run")),
    );
  }

  const errors = keys.flatMap((k) => results.packs[k].errors.map((e) => `- ${results.packs[k].label}: ${e}`));
  const largest = Math.max(...o.stackSizes);
  const mins = (results.elapsedMs / 60_000).toFixed(1);

  return `<!-- Generated by \`npm run bench\` (bench/run.ts). Do not edit by hand; regenerate with \`npm run bench\`. -->
# Benchmarks

**Generated** by \`npm run bench\` (bench/run.ts) on ${r.date}, in ${mins} min: \`${r.command}\`.
Regenerate with \`npm run bench\` (about 15 minutes on 2 cores; \`npm run bench -- --help\` lists the options,
\`npm run bench -- --quick\` is a smoke run that leaves this file alone).

customer-data-guard against the incumbent, AWSGuard (\`@pulumi/awsguard\`, every policy mandatory), and the
**floor**: our own policy list (same names, scopes and levels) with empty bodies, i.e. what \`@pulumi/policy\`
itself costs for it. All three packs get the same synthetic stacks (bench/generate-resources.ts: S3, RDS,
DynamoDB, KMS and security-group resources of \`@pulumi/aws\` v7 as the engine sends them in preview), and
are measured interleaved, round-robin, so machine noise hits all three alike.

## Machine

${table(["", ""], [
    ["CPU", machine.cpu],
    ["Cores", String(machine.cores)],
    ["Memory", `${machine.memoryGiB} GiB`],
    ["Node.js", machine.node],
    ["OS", machine.os],
    ["1-min load average during the run", loadRange(results.loadAverages, machine.cores)],
  ], "ll")}

## Versions

${table(["", ""], [
    [versions.ours.name, `${versions.ours.version}${versions.ours.commit ? ` (commit ${versions.ours.commit})` : ""}`],
    ...(versions.ours.dir !== repoRoot(__dirname) ? [["measured pack (--pack)", `\`${versions.ours.dir}\``]] : []),
    ["@pulumi/policy (ours, floor)", versions.policy ?? "?"],
    ["@pulumi/pulumi (ours, floor)", versions.pulumi ?? "?"],
    ["@pulumi/awsguard", versions.awsguard ?? "?"],
    ["@pulumi/aws (AWSGuard's own)", versions.awsguardAws ?? "?"],
    ["@pulumi/policy, @pulumi/pulumi (AWSGuard's)", `${versions.awsguardPolicy ?? "?"}, ${versions.awsguardPulumi ?? "?"}`],
  ], "ll")}

## Against the targets

Verdicts are on wall time; the CPU column is the same ratio of the pack processes' CPU time (user + system,
all threads), which other work on the machine hardly moves.

${table(["Measure", "Ratio (wall)", "Ratio (CPU)", "Target", ""], r.ratios.map((x) => [
    x.measure,
    x.measure.startsWith("Peak RSS of our pack") ? mib(x.value) : ratio(x.value),
    ratio(x.cpu),
    x.target,
    `${VERDICT[x.verdict]}${x.note ? ` (${x.note})` : ""}`,
  ]), "lrrll")}

## Measurements (milliseconds unless stated)

${table(["", "customer-data-guard", "AWSGuard", "floor"], measurements)}
${errors.length > 0 ? `\n**Errors:**\n\n${errors.join("\n")}\n` : ""}
### Diagnostics per policy

At ${n0(largest)} resources (AnalyzeStack):

${keys.map((k) => `- ${results.packs[k].label}: ${tallyRows(results.packs[k].stackDiagnostics)}`).join("\n")}

Over ${n0(o.analyzeCount)} Analyze calls:

${keys.map((k) => `- ${results.packs[k].label}: ${tallyRows(results.packs[k].analyze.diagnostics)}`).join("\n")}
${r.iam && r.iam.length > 0 ? `
## IAM analyzer (customer-data-guard only)

${table(["", ""], r.iam.map((x) => [x.name, `${n0(x.value)} ${x.unit}`]))}
` : ""}
## How it is measured

- Packs are started as the Pulumi CLI starts them (\`node @pulumi/pulumi/cmd/run-policy-pack\` in the pack
  directory) by src/engine-client, which then makes the engine's startup calls (Handshake, ConfigureStack,
  GetAnalyzerInfo, Configure). *Spawn → port*: until the gRPC port is printed; *spawn → ready*: until the
  startup calls are done, i.e. ready for the first Analyze. One untimed start per pack comes first.
- Requests are encoded once, before timing, and sent as bytes: the engine encodes in Go, and the bench's
  JavaScript encoder must not count against a pack. Timings are gRPC round trips: transport, the pack's
  decoding and policies, and decoding the response. *CPU time* is the pack process's user + system time
  over the same span (/proc/<pid>/stat, all threads including the garbage collector's, 10 ms ticks).
- *Analyze per resource*: ${n0(o.analyzeCount)} sequential Analyze calls, one per resource as a preview makes them,
  each pass in a freshly started pack (as in a preview); the median pass over ${o.analyzeRepeats}.
- *AnalyzeStack*: one long-lived process per pack; every round sends each size to each pack in turn; the
  median over ${o.stackRepeats} rounds.${o.bigSize > 0 ? `
- *${n0(o.bigSize)} resources*: a fresh process per run, warmed up by one 1,000-resource AnalyzeStack; the peak
  RSS is the pack process's VmHWM (/proc/<pid>/status) afterwards. Linearity compares the time per resource
  with the same process's time per resource at ${n0(largest)} resources, sent just before (target ≤ ${LINEAR_WITHIN}×;
  median of the per-run ratios). The ratio to the long-lived process's ${n0(largest)} median is shown for reference.` : ""}
- The floor is written to a temporary directory whose node_modules links to our pack's, so it runs on the same
  \`@pulumi/policy\` and \`@pulumi/pulumi\`: ${r.floorPolicies.resource} resource and ${r.floorPolicies.stack} stack policies.
  \`@pulumi/policy\` decodes every resource again for each stack policy.
`;
}
