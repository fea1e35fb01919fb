// `npm run bench`: customer-data-guard side by side with AWSGuard and the floor (compare.ts), plus the
// IAM analyzer's throughput; prints the tables (or JSON with --json) and writes BENCHMARKS.md.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { repoRoot } from "../src/engine-client/repo-root";
import { runComparison, summarize, type CompareOptions } from "./compare";
import { benchIamThroughput } from "./iam-throughput";
import { benchIamScaling } from "./iam-scaling";
import { preparePacks, type PackKey } from "./pack-set";
import { machineInfo, ratios, renderMarkdown, versionsOf, type Report } from "./report";
import type { BenchResult } from "./stats";
import { fanoutSectionOf, renderFanoutFailure, renderFanoutSection, runFanoutBench, spliceFanoutSection, type FanoutOptions, type FanoutResults } from "./scan/fanout";
import { accessMapSectionOf, renderAccessMapSection, runAccessMapBench, spliceAccessMapSection } from "./access-map";
import { renderScanFailure, renderScanSection, runScanBench, scanSectionOf, spliceSection, type ScanBenchOptions, type ScanBenchResults } from "./scan/scan-bench";

const USAGE = `usage: npm run bench -- [options]

Runs customer-data-guard, AWSGuard (@pulumi/awsguard, all policies mandatory) and the floor (our policies
with empty bodies) on the same synthetic stacks, interleaved, and writes BENCHMARKS.md.

  --pack DIR             our pack: a built customer-data-guard checkout (default: this repository)
  --quick                smoke run: small sizes, few repeats; does not write BENCHMARKS.md
  --json                 print the results as JSON instead of tables
  --out FILE             write the Markdown report to FILE (default BENCHMARKS.md, only for a full run
                         of this repository's pack)
  --no-write             do not write any report file
  --cold-runs N          starts per pack for the cold-start median (default 15)
  --analyze-count N      sequential Analyze calls per pass (default 1000)
  --analyze-repeats N    fresh-process Analyze passes per pack (default 5)
  --sizes A,B,...        AnalyzeStack stack sizes (default 1000,5000,10000)
  --repeats N            AnalyzeStack runs per size and pack (default 7)
  --big N                the large AnalyzeStack with peak memory; 0 skips it (default 50000)
  --big-repeats N        runs of the large stack per pack (default 1)
  --big-packs LIST       packs for the large stack, of ours,floor,awsguard (default all three)
  --no-iam               skip the IAM analyzer throughput
  --iam-seconds N        timed seconds for the IAM analyzer (default 5)

\`cdguard scan\` against Prowler on a seeded moto account (bench/scan/; needs python3; installs moto and
Prowler into ~/.cache on first use), run after the benchmarks above:
  --only scan            run only the scan benchmark (\`npm run bench:scan\`); replaces only its section of
                         BENCHMARKS.md (or of --out FILE)
  --no-scan              skip the scan benchmark (the report keeps the scan section it already has)
  --scan-sizes A,B,...   resources to seed, a fresh moto each (default 1000,10000; --quick: 300)
  --scan-repeats N       timed runs of our scan per size below 5,000, the median reported (default 3;
                         --quick: 1); one run from 5,000 up
  --no-prowler           do not install or run Prowler

The organization scan's fan-out (bench/scan/fanout.ts): N \`cdguard scan --org --shard i/N\` processes at
once on a seeded moto organization, for N = 1, 2, 4, 8, then \`cdguard merge\`; and the 500-account estimate:
  --only fanout          run only this; replaces only its section of BENCHMARKS.md (or of --out FILE);
                         with --quick, a small smoke run that writes nothing
  --fanout-members M     member accounts (default 16; --quick: 2)
  --fanout-resources R   resources seeded per member (default 150; --quick: 20)
  --fanout-repeats K     runs per N, the median reported (default 2; --quick: 1)

The access map (bench/access-map.ts): buildAccessMap on a seeded 1,000 principals x 1,000 stores account:
  --only access-map      run only this; replaces only its section of BENCHMARKS.md (or of --out FILE);
                         with --quick, 200 x 200 and nothing written
`;

interface Args {
  pack: string;
  quick: boolean;
  json: boolean;
  out: string | undefined;
  write: boolean;
  iam: boolean;
  iamSeconds: number;
  compare: Omit<CompareOptions, "log">;
  /** Run the scan benchmark; `onlyScan` runs nothing else. */
  scan: boolean;
  onlyScan: boolean;
  scanOptions: Omit<ScanBenchOptions, "log">;
  /** `--only fanout`: the fan-out benchmark, nothing else. */
  onlyFanout: boolean;
  /** `--only access-map`: the access-map benchmark, nothing else. */
  onlyAccessMap: boolean;
  fanoutOptions: Omit<FanoutOptions, "log">;
}

function parseArgs(argv: string[]): Args {
  const quick = argv.includes("--quick");
  const args: Args = {
    pack: repoRoot(__dirname),
    quick,
    json: false,
    out: undefined,
    write: true,
    iam: true,
    iamSeconds: quick ? 1 : 5,
    compare: quick
      ? { coldRuns: 3, analyzeCount: 200, analyzeRepeats: 1, stackSizes: [500, 2000], stackRepeats: 2, bigSize: 5000, bigRepeats: 1, bigPacks: ["ours", "floor", "awsguard"] }
      : { coldRuns: 15, analyzeCount: 1000, analyzeRepeats: 5, stackSizes: [1000, 5000, 10000], stackRepeats: 7, bigSize: 50000, bigRepeats: 1, bigPacks: ["ours", "floor", "awsguard"] },
    scan: true,
    onlyScan: false,
    scanOptions: { sizes: quick ? [300] : [1000, 10000], repeats: quick ? 1 : 3, concurrency16: true, prowler: true },
    onlyFanout: false,
    onlyAccessMap: false,
    fanoutOptions: quick ? { members: 2, resourcesPerMember: 20, shardCounts: [1, 2], repeats: 1 } : { members: 16, resourcesPerMember: 150, shardCounts: [1, 2, 4, 8], repeats: 2 },
  };
  const int = (flag: string, v: string | undefined, min: number): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`${flag} needs an integer ≥ ${min}, got ${JSON.stringify(v)}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--quick": break;
      case "--json": args.json = true; break;
      case "--pack": args.pack = resolve(value()); break;
      case "--out": args.out = resolve(value()); break;
      case "--no-write": args.write = false; break;
      case "--no-iam": args.iam = false; break;
      case "--iam-seconds": args.iamSeconds = int(flag, value(), 1); break;
      case "--cold-runs": args.compare.coldRuns = int(flag, value(), 1); break;
      case "--analyze-count": args.compare.analyzeCount = int(flag, value(), 1); break;
      case "--analyze-repeats": args.compare.analyzeRepeats = int(flag, value(), 1); break;
      case "--sizes": args.compare.stackSizes = value().split(",").map((x) => int(flag, x, 1)); break;
      case "--repeats": args.compare.stackRepeats = int(flag, value(), 1); break;
      case "--big": args.compare.bigSize = int(flag, value(), 0); break;
      case "--big-repeats": args.compare.bigRepeats = int(flag, value(), 1); break;
      case "--big-packs": {
        const keys = value().split(",");
        for (const k of keys) if (!["ours", "floor", "awsguard"].includes(k)) throw new Error(`--big-packs: unknown pack ${k}`);
        args.compare.bigPacks = keys as PackKey[];
        break;
      }
      case "--only": {
        const what = value();
        if (what !== "scan" && what !== "fanout" && what !== "access-map") throw new Error(`--only: "scan", "fanout" or "access-map", got ${JSON.stringify(what)}`);
        if (what === "scan") args.onlyScan = true;
        else if (what === "access-map") args.onlyAccessMap = true;
        else args.onlyFanout = true;
        break;
      }
      case "--no-scan": args.scan = false; break;
      case "--scan-sizes": args.scanOptions.sizes = value().split(",").map((x) => int(flag, x, 10)); break;
      case "--scan-repeats": args.scanOptions.repeats = int(flag, value(), 1); break;
      case "--no-prowler": args.scanOptions.prowler = false; break;
      case "--fanout-members": args.fanoutOptions.members = int(flag, value(), 1); break;
      case "--fanout-resources": args.fanoutOptions.resourcesPerMember = int(flag, value(), 15); break;
      case "--fanout-repeats": args.fanoutOptions.repeats = int(flag, value(), 1); break;
      case "--help": case "-h": console.log(USAGE); process.exit(0); break;
      default: throw new Error(`unknown option ${flag}\n\n${USAGE}`);
    }
  }
  if (args.onlyScan && !args.scan) throw new Error("--only scan and --no-scan contradict each other");
  return args;
}

/** Where the Markdown goes: --out, else BENCHMARKS.md for a full run of this repository's pack. */
function reportFile(args: Args): string | undefined {
  if (!args.write) return undefined;
  if (args.out) return args.out;
  const root = repoRoot(__dirname);
  return !args.quick && resolve(args.pack) === root ? join(root, "BENCHMARKS.md") : undefined;
}

/** Flat name/value/unit list, the shape `--json` printed before the side-by-side run existed. */
function flatResults(report: Report): BenchResult[] {
  const out: BenchResult[] = [];
  for (const [key, r] of Object.entries(report.results.packs)) {
    const s = summarize(r);
    const put = (name: string, value: number | undefined, unit: string): void => {
      if (value !== undefined) out.push({ name: `${key}.${name}`, value: Math.round(value * 100) / 100, unit });
    };
    put("cold-start.spawn-to-port.median", s.coldToPortMs, "ms");
    put("cold-start.spawn-to-ready.median", s.coldToReadyMs, "ms");
    put(`analyze.sequential-${report.results.options.analyzeCount}.per-call.median`, s.analyzePerCallMs, "ms");
    for (const [n, v] of Object.entries(s.stackMs)) put(`analyze-stack.${n}.median`, v, "ms");
    put("analyze-stack.peak-rss", s.stackPeakRssMiB, "MiB");
    put(`analyze-stack.${report.results.options.bigSize}.median`, s.bigMs, "ms");
    put(`analyze-stack.${report.results.options.bigSize}.peak-rss`, s.bigPeakRssMiB, "MiB");
  }
  for (const r of report.ratios) if (r.value !== undefined) out.push({ name: `ratio: ${r.measure}`, value: Math.round(r.value * 1000) / 1000, unit: "×" });
  return [...out, ...(report.iam ?? [])];
}

const commandLine = (): string => ["npm run bench", ...(process.argv.length > 2 ? ["--", ...process.argv.slice(2)] : [])].join(" ");

/** The scan benchmark and its BENCHMARKS.md section; a failure becomes the section's text. */
async function scanBench(args: Args, log: (m: string) => void): Promise<{ results?: ScanBenchResults; section: string }> {
  const command = args.onlyScan && process.argv.slice(2).join(" ") === "--only scan" ? "npm run bench:scan" : commandLine();
  try {
    const results = await runScanBench({ ...args.scanOptions, log });
    return { results, section: renderScanSection(results, command) };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    log(`scan benchmark failed: ${why}`);
    process.exitCode = 1;
    return { section: renderScanFailure(why, command) };
  }
}

/** `--only scan`: the scan section goes into the existing report, replacing its older one. */
async function mainOnlyScan(args: Args, log: (m: string) => void): Promise<void> {
  // 'exit' handlers stop moto and the measured tool.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));
  const { results, section } = await scanBench(args, log);
  if (args.json) console.log(JSON.stringify({ scan: results }, null, 2));
  else console.log(section);
  const root = repoRoot(__dirname);
  const file = !args.write ? undefined : args.out ?? (args.quick ? undefined : join(root, "BENCHMARKS.md"));
  if (!file) {
    if (args.write) log("not writing BENCHMARKS.md (quick run); use --out FILE to keep the report");
    return;
  }
  writeFileSync(file, existsSync(file) ? spliceSection(readFileSync(file, "utf8"), section) : section);
  log(`wrote ${file}`);
  if (results && results.errors.length > 0) process.exitCode = 1;
}

/** `--only fanout`: the fan-out section goes into the existing report, replacing its older one. */
async function mainOnlyFanout(args: Args, log: (m: string) => void): Promise<void> {
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));
  const command = commandLine();
  let results: FanoutResults | undefined;
  let section: string;
  try {
    results = await runFanoutBench({ ...args.fanoutOptions, log });
    section = renderFanoutSection(results, command);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    log(`fan-out benchmark failed: ${why}`);
    process.exitCode = 1;
    section = renderFanoutFailure(why, command);
  }
  if (args.json) console.log(JSON.stringify({ fanout: results }, null, 2));
  else console.log(section);
  const file = !args.write ? undefined : args.out ?? (args.quick ? undefined : join(repoRoot(__dirname), "BENCHMARKS.md"));
  if (!file) {
    if (args.write) log("not writing BENCHMARKS.md (quick run); use --out FILE to keep the report");
    return;
  }
  writeFileSync(file, existsSync(file) ? spliceFanoutSection(readFileSync(file, "utf8"), section) : section);
  log(`wrote ${file}`);
}

/** `--only access-map`: the access-map section goes into the existing report, replacing its older one. */
function mainOnlyAccessMap(args: Args, log: (m: string) => void): void {
  const size = args.quick ? 200 : 1000;
  const results = runAccessMapBench({ principals: size, stores: size, repeats: args.quick ? 1 : 5, seed: 14, log });
  const section = renderAccessMapSection(results, commandLine());
  if (args.json) console.log(JSON.stringify({ accessMap: results }, null, 2));
  else console.log(section);
  const file = !args.write ? undefined : args.out ?? (args.quick ? undefined : join(repoRoot(__dirname), "BENCHMARKS.md"));
  if (!file) {
    if (args.write) log("not writing BENCHMARKS.md (quick run); use --out FILE to keep the report");
    return;
  }
  writeFileSync(file, existsSync(file) ? spliceAccessMapSection(readFileSync(file, "utf8"), section) : section);
  log(`wrote ${file}`);
}

function keptScanSection(file: string | undefined): string | undefined {
  return file && existsSync(file) ? scanSectionOf(readFileSync(file, "utf8")) : undefined;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = (m: string): void => void process.stderr.write(`${m}\n`);
  if (args.onlyScan && args.onlyFanout) throw new Error("--only: give one of scan, fanout");
  if (args.onlyScan) return mainOnlyScan(args, log);
  if (args.onlyFanout) return mainOnlyFanout(args, log);
  if (args.onlyAccessMap) return mainOnlyAccessMap(args, log);
  const set = preparePacks(args.pack);
  const onSignal = (): void => {
    set.cleanup();
    process.exit(130);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  let report: Report;
  try {
    log(`our pack: ${set.ours.dir}\nAWSGuard: ${set.awsguard.dir}\nfloor:    ${set.floor.dir}`);
    const date = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    const results = await runComparison(set, { ...args.compare, log });
    let iam: BenchResult[] | undefined;
    if (args.iam) {
      log("IAM analyzer throughput");
      try {
        iam = [...(await benchIamThroughput({ seconds: args.iamSeconds, packDir: set.ours.dir })), ...benchIamScaling({ packDir: set.ours.dir })];
      } catch (e) {
        log(`skipping the IAM benchmark: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    report = {
      date,
      machine: machineInfo(),
      versions: versionsOf(set),
      results,
      ratios: ratios(results),
      floorPolicies: {
        resource: set.floorPolicies.filter((p) => p.scope === "resource").length,
        stack: set.floorPolicies.filter((p) => p.scope === "stack").length,
      },
      ...(iam ? { iam } : {}),
      command: commandLine(),
    };
  } finally {
    set.cleanup();
  }
  const scan = args.scan ? await scanBench(args, log) : undefined;
  // --no-scan keeps the scan section the report file already has (the scan bench takes 20 minutes).
  const kept = !scan && args.write ? keptScanSection(reportFile(args)) : undefined;
  const section = scan?.section ?? kept;
  const withScan = section ? `${renderMarkdown(report).trimEnd()}\n\n${section}` : renderMarkdown(report);
  // The fan-out section is only written by --only fanout: a full run keeps it.
  const reportPath = reportFile(args);
  const fanout = reportPath && existsSync(reportPath) ? fanoutSectionOf(readFileSync(reportPath, "utf8")) : undefined;
  const withFanout = fanout ? spliceFanoutSection(withScan, fanout) : withScan;
  // Likewise the access-map section, written only by --only access-map.
  const accessMap = reportPath && existsSync(reportPath) ? accessMapSectionOf(readFileSync(reportPath, "utf8")) : undefined;
  const markdown = accessMap ? spliceAccessMapSection(withFanout, accessMap) : withFanout;
  if (args.json) console.log(JSON.stringify({ ...report, flat: flatResults(report), ...(scan ? { scan: scan.results } : {}) }, null, 2));
  else console.log(markdown);
  const file = reportFile(args);
  if (file) {
    writeFileSync(file, markdown);
    log(`wrote ${file}`);
  } else if (args.write) {
    log("not writing BENCHMARKS.md (quick run or another pack); use --out FILE to keep the report");
  }
  if (Object.values(report.results.packs).some((r) => r.errors.length > 0) || (scan?.results?.errors.length ?? 0) > 0) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(`bench failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
