// `cdguard scan` against Prowler on the same moto account: seeds a fresh moto server per size, runs the
// built CLI (dist/src/cli/main.js) and Prowler on it as child processes, and measures wall time, peak
// memory and AWS calls. Part of `npm run bench` (bench/run.ts); `npm run bench:scan` runs it alone.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../../src/engine-client/repo-root";
import { machineInfo, type Machine } from "../report";
import { median } from "../stats";
import { ensureMotoServer, MOTO_VERSION, startMoto, type MotoProcess } from "./moto-process";
import { ensureProwler, PROWLER_VERSION, prowlerArgs, prowlerEnv, prowlerFindings, prowlerServices, s3ControlChecks } from "./prowler";
import { MIX, seedAccount, type Kind, type Seeded } from "./seed";
import { memoryMethod, timed, type Timed } from "./timed";

export interface ScanBenchOptions {
  /** Resources to seed, one fresh moto per size. */
  sizes: number[];
  /** Timed runs of our scan at the default concurrency per size below LARGE (the median is reported); 1 from LARGE up. */
  repeats: number;
  /** Also one run with --concurrency 16. */
  concurrency16: boolean;
  prowler: boolean;
  /** The built CLI; default dist/src/cli/main.js of this checkout. */
  cli?: string;
  log: (m: string) => void;
}

export interface ToolRun {
  wallMs: number;
  peakRssMiB: number | undefined;
  cpuS: number | undefined;
  /** Requests moto logged during the run. */
  motoCalls: number;
  /** From our report's stats. */
  apiCalls?: number;
  resources?: number;
  retries?: number;
  /** Findings in the tool's report. */
  findings?: number;
  /** Ours: the report's stats.callsPerService. */
  callsPerService?: Record<string, number>;
  /** The 1-minute load average when the run started. */
  load: number;
  error?: string;
}

export interface SizeResult {
  requested: number;
  seeded: Seeded;
  seedCalls: number;
  ours: ToolRun[];
  oursC16?: ToolRun;
  prowler?: ToolRun;
  oursServices: string[];
}

export interface ScanBenchResults {
  date: string;
  elapsedMs: number;
  options: { sizes: number[]; repeats: number; concurrency16: boolean; prowler: boolean };
  machine: Machine;
  versions: Record<string, string>;
  memoryMethod: string;
  prowlerCommand?: string;
  prowlerExcluded: string[];
  prowlerError?: string;
  sizes: SizeResult[];
  errors: string[];
  /** 1-minute load averages when each measured run started. */
  loadAverages: number[];
}

const RUN_TIMEOUT_MS = 30 * 60_000;
/**
 * From this many resources up: one timed run of ours, and no untimed run before it (moto's backends are
 * built by the seeding and the first calls, a negligible share of such a run; and it only slows ours).
 */
export const LARGE = 5000;

/** The scanner's environment in the benchmarks: the emulator's credentials and nothing of the caller's AWS setup. */
export function ourEnv(): NodeJS.ProcessEnv {
  const { PATH, HOME, LANG, TMPDIR } = process.env;
  return {
    ...(PATH ? { PATH } : {}),
    ...(HOME ? { HOME } : {}),
    ...(LANG ? { LANG } : {}),
    ...(TMPDIR ? { TMPDIR } : {}),
    AWS_ACCESS_KEY_ID: "testing",
    AWS_SECRET_ACCESS_KEY: "testing",
    AWS_EC2_METADATA_DISABLED: "true",
  };
}

interface OurReport {
  stats: { apiCalls: number; retries: number; resources: number; callsPerService: Record<string, number> };
  findings: unknown[];
}

async function runOurs(cli: string, moto: MotoProcess, concurrency: number | undefined, work: string): Promise<{ run: ToolRun; services: string[] }> {
  const out = join(work, `ours-${Date.now()}.json`);
  const args = [cli, "scan", "--endpoint-url", moto.endpoint, "--regions", "us-east-1", "--out", out, "--quiet", ...(concurrency ? ["--concurrency", String(concurrency)] : [])];
  const before = moto.requests();
  const load = loadavg()[0] ?? 0;
  const t = await timed(process.execPath, args, { env: ourEnv(), timeoutMs: RUN_TIMEOUT_MS });
  const run = base(t, moto.requests() - before, load);
  // 0: no failure at --fail-on; 1: failures found. Anything else is an error.
  if ((t.code !== 0 && t.code !== 1) || !existsSync(out)) {
    return { run: { ...run, error: `exit ${t.code}: ${lastLines(t.stderr)}` }, services: [] };
  }
  const report = JSON.parse(readFileSync(out, "utf8")) as OurReport;
  rmSync(out, { force: true });
  return {
    run: {
      ...run,
      apiCalls: report.stats.apiCalls,
      resources: report.stats.resources,
      retries: report.stats.retries,
      findings: report.findings.length,
      callsPerService: report.stats.callsPerService,
    },
    services: Object.keys(report.stats.callsPerService),
  };
}

async function runProwler(prowler: string, moto: MotoProcess, services: string[], excluded: string[], work: string): Promise<ToolRun> {
  const outDir = mkdtempSync(join(work, "prowler-"));
  const before = moto.requests();
  const load = loadavg()[0] ?? 0;
  const t = await timed(prowler, prowlerArgs(services, excluded, outDir), { env: prowlerEnv(moto.endpoint), cwd: outDir, timeoutMs: RUN_TIMEOUT_MS });
  const run = base(t, moto.requests() - before, load);
  const found = prowlerFindings(outDir);
  rmSync(outDir, { recursive: true, force: true });
  if (t.code !== 0 || !found) return { ...run, error: `exit ${t.code}${found ? "" : ", no OCSF output"}: ${lastLines(t.stderr || t.stdout)}` };
  return { ...run, findings: found.findings, resources: found.resources };
}

const base = (t: Timed, motoCalls: number, load: number): ToolRun => ({ wallMs: t.wallMs, peakRssMiB: t.peakRssMiB, cpuS: t.cpuS, motoCalls, load });
const lastLines = (s: string, n = 8): string => s.trimEnd().split("\n").slice(-n).join("\n");

function gitDescribe(dir: string): string | undefined {
  try {
    const git = (...a: string[]): string => execFileSync("git", ["--no-optional-locks", "-C", dir, ...a], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return `${git("rev-parse", "--short", "HEAD")}${git("status", "--porcelain", "--untracked-files=no") === "" ? "" : " + uncommitted changes"}`;
  } catch {
    return undefined;
  }
}

function pyVersion(venvBin: string, module: string): string {
  try {
    return execFileSync(join(venvBin, "python"), ["-c", `import ${module}; print(${module}.__version__)`], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "?";
  }
}

export async function runScanBench(opts: ScanBenchOptions): Promise<ScanBenchResults> {
  const started = Date.now();
  const { log } = opts;
  const root = repoRoot(__dirname);
  const cli = opts.cli ?? join(root, "dist", "src", "cli", "main.js");
  if (!existsSync(cli)) throw new Error(`${cli} does not exist: build first (npm run build)`);
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string; version: string };
  const sdk = JSON.parse(readFileSync(join(root, "node_modules", "@aws-sdk", "client-s3", "package.json"), "utf8")) as { version: string };
  const motoServer = ensureMotoServer(log);
  const motoBin = join(motoServer, "..");
  const commit = gitDescribe(root);
  const versions: Record<string, string> = {
    [manifest.name]: `${manifest.version}${commit ? ` (commit ${commit})` : ""}`,
    "AWS SDK for JavaScript v3 (@aws-sdk/client-s3)": sdk.version,
    moto: `${pyVersion(motoBin, "moto")} (moto_server, \`${motoServer}\`)`,
    "Python (moto)": execFileSync(join(motoBin, "python"), ["--version"], { encoding: "utf8" }).trim().replace(/^Python /, ""),
  };
  if (versions.moto?.startsWith("?")) versions.moto = `${MOTO_VERSION}?`;

  const errors: string[] = [];
  let prowler: string | undefined;
  let prowlerError: string | undefined;
  let excluded: string[] = [];
  if (opts.prowler) {
    const p = ensureProwler(log);
    if (p instanceof Error) {
      prowlerError = p.message;
      log(`Prowler: ${p.message}`);
    } else {
      prowler = p;
      excluded = s3ControlChecks(p);
      const bin = join(p, "..");
      versions.Prowler = `${PROWLER_VERSION} (\`${join(bin, "..")}\`)`;
      versions["boto3, botocore (Prowler's)"] = `${pyVersion(bin, "boto3")}, ${pyVersion(bin, "botocore")}`;
      versions["Python (Prowler)"] = execFileSync(join(bin, "python"), ["--version"], { encoding: "utf8" }).trim().replace(/^Python /, "");
    }
  }

  const work = mkdtempSync(join(tmpdir(), "cdg-scan-bench-"));
  const sizes: SizeResult[] = [];
  let prowlerCommand: string | undefined;
  try {
    for (const size of opts.sizes) {
      const moto = await startMoto(motoServer);
      try {
        log(`scan bench: seeding about ${size.toLocaleString("en-US")} resources into moto at ${moto.endpoint}`);
        const seeded = await seedAccount(moto.endpoint, size, { log: (m) => log(`  ${m}`) });
        const seedCalls = moto.requests();
        log(`  seeded ${seeded.total} resources with ${seedCalls} calls in ${(seeded.ms / 1000).toFixed(1)} s`);
        const large = size >= LARGE;
        const result: SizeResult = { requested: size, seeded, seedCalls, ours: [], oursServices: [] };
        if (!large) {
          // Untimed: moto builds some of its backends on first use; neither tool should pay for that.
          const warm = await runOurs(cli, moto, undefined, work);
          if (warm.run.error) throw new Error(`our scan failed on ${size}: ${warm.run.error}`);
          result.oursServices = warm.services;
        }
        for (let r = 0; r < (large ? 1 : opts.repeats); r++) {
          const { run, services } = await runOurs(cli, moto, undefined, work);
          if (result.oursServices.length === 0) result.oursServices = services;
          log(`  ours (default concurrency): ${(run.wallMs / 1000).toFixed(2)} s, ${run.apiCalls} calls, ${run.peakRssMiB?.toFixed(0)} MiB${run.error ? `, ERROR ${run.error}` : ""}`);
          result.ours.push(run);
          if (run.error) errors.push(`ours at ${size}: ${run.error}`);
        }
        if (opts.concurrency16) {
          const { run } = await runOurs(cli, moto, 16, work);
          log(`  ours (--concurrency 16): ${(run.wallMs / 1000).toFixed(2)} s, ${run.apiCalls} calls, ${run.peakRssMiB?.toFixed(0)} MiB${run.error ? `, ERROR ${run.error}` : ""}`);
          result.oursC16 = run;
          if (run.error) errors.push(`ours --concurrency 16 at ${size}: ${run.error}`);
        }
        if (prowler && result.oursServices.length === 0) errors.push(`Prowler at ${size}: not run, as our scan failed (its services are those ours called)`);
        else if (prowler) {
          const services = prowlerServices(result.oursServices);
          prowlerCommand = `prowler ${prowlerArgs(services, excluded, "DIR").join(" ")}`;
          log(`  Prowler on ${services.join(" ")}`);
          const run = await runProwler(prowler, moto, services, excluded, work);
          log(`  Prowler: ${(run.wallMs / 1000).toFixed(2)} s, ${run.motoCalls} calls, ${run.peakRssMiB?.toFixed(0)} MiB${run.error ? `, ERROR ${run.error}` : ""}`);
          result.prowler = run;
          if (run.error) errors.push(`Prowler at ${size}: ${run.error}`);
        }
        sizes.push(result);
      } finally {
        await moto.stop();
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return {
    date: new Date(started).toISOString().replace(/\.\d+Z$/, "Z"),
    elapsedMs: Date.now() - started,
    options: { sizes: opts.sizes, repeats: opts.repeats, concurrency16: opts.concurrency16, prowler: opts.prowler },
    machine: machineInfo(),
    versions,
    memoryMethod: memoryMethod(),
    ...(prowlerCommand ? { prowlerCommand } : {}),
    prowlerExcluded: excluded,
    ...(prowlerError ? { prowlerError } : {}),
    sizes,
    errors,
    loadAverages: sizes.flatMap((s) => [...s.ours, ...(s.oursC16 ? [s.oursC16] : []), ...(s.prowler ? [s.prowler] : [])].map((x) => x.load)),
  };
}

// ---------------------------------------------------------------------------------------------
// Report

export const SECTION_START = "<!-- scan-bench:start -->";
export const SECTION_END = "<!-- scan-bench:end -->";
const CALLS_PER_RESOURCE = 2;
const FASTER = 5;

/** The median run (by wall time) of ours at one size. */
export function medianRun(runs: readonly ToolRun[]): ToolRun | undefined {
  const ok = runs.filter((r) => !r.error);
  if (ok.length === 0) return undefined;
  const m = median(ok.map((r) => r.wallMs));
  return ok.reduce((best, r) => (Math.abs(r.wallMs - m) < Math.abs(best.wallMs - m) ? r : best));
}

const n0 = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? "—" : Math.round(x).toLocaleString("en-US"));
const s2 = (ms: number | undefined): string => (ms === undefined ? "—" : (ms / 1000).toFixed(2));
const f2 = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? "—" : x.toFixed(2));
const div = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined || b === undefined || b === 0 ? undefined : a / b);

function loadRange(loads: readonly number[], cores: number): string {
  if (loads.length === 0) return "—";
  const range = `${Math.min(...loads).toFixed(1)} to ${Math.max(...loads).toFixed(1)}`;
  // moto and the measured tool account for about 1.5.
  return Math.max(...loads) > Math.max(2, cores * 0.9) ? `${range} (other work was running: wall times are noisy)` : range;
}

function table(header: string[], rows: string[][], align = `l${"r".repeat(header.length - 1)}`): string {
  const line = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map((_, i) => (align[i] === "r" ? "---:" : "---"))), ...rows.map(line)].join("\n");
}

export function renderScanSection(r: ScanBenchResults, command: string): string {
  const mins = (r.elapsedMs / 60_000).toFixed(1);
  const rows: string[][] = [];
  const targets: string[][] = [];
  const verdict = (ok: boolean | undefined): string => (ok === undefined ? "not measured" : ok ? "✅ met" : "❌ missed");
  for (const s of r.sizes) {
    const seeded = s.seeded.total;
    const size = n0(seeded);
    const ours = medianRun(s.ours);
    const add = (label: string, x: ToolRun | undefined, note = ""): void => {
      if (!x) return;
      if (x.error) {
        rows.push([size, label, "failed", "", "", "", "", "", "", x.load.toFixed(1)]);
        return;
      }
      const calls = x.apiCalls ?? x.motoCalls;
      rows.push([
        size,
        label + note,
        s2(x.wallMs),
        x.cpuS === undefined ? "—" : x.cpuS.toFixed(2),
        `${n0(calls)}${x.retries ? ` (${n0(x.retries)} retries)` : ""}${x.apiCalls !== undefined && x.apiCalls !== x.motoCalls ? ` (moto logged ${n0(x.motoCalls)})` : ""}`,
        x.resources === undefined ? "—" : n0(x.resources),
        f2(div(calls, x.resources)),
        f2(div(calls, seeded)),
        n0(x.peakRssMiB),
        x.load.toFixed(1),
      ]);
    };
    add("customer-data-guard", ours, s.ours.length > 1 ? ` (median of ${s.ours.length})` : "");
    add("customer-data-guard, --concurrency 16", s.oursC16);
    add("Prowler", s.prowler);
    if (ours) {
      const perReported = div(ours.apiCalls, ours.resources);
      const perSeeded = div(ours.apiCalls, seeded);
      targets.push([`${size}: API calls per resource (ours; report's resources)`, f2(perReported), `≤ ${CALLS_PER_RESOURCE}`, verdict(perReported === undefined ? undefined : perReported <= CALLS_PER_RESOURCE)]);
      targets.push([`${size}: API calls per seeded resource (ours)`, f2(perSeeded), `≤ ${CALLS_PER_RESOURCE}`, verdict(perSeeded === undefined ? undefined : perSeeded <= CALLS_PER_RESOURCE)]);
      const p = s.prowler && !s.prowler.error ? s.prowler : undefined;
      const speed = div(p?.wallMs, ours.wallMs);
      targets.push([`${size}: Prowler wall time / ours`, speed === undefined ? "—" : `${speed.toFixed(1)}×`, `≥ ${FASTER}×`, verdict(speed === undefined ? undefined : speed >= FASTER)]);
      const speed16 = div(p?.wallMs, s.oursC16 && !s.oursC16.error ? s.oursC16.wallMs : undefined);
      if (speed16 !== undefined) targets.push([`${size}: Prowler wall time / ours at --concurrency 16`, `${speed16.toFixed(1)}×`, "(information)", ""]);
      const cpu = div(p?.cpuS, ours.cpuS);
      if (cpu !== undefined) targets.push([`${size}: Prowler CPU time / ours`, `${cpu.toFixed(1)}×`, "(information: moto does not bound it)", ""]);
      const mem = div(ours.peakRssMiB, p?.peakRssMiB);
      targets.push([`${size}: peak memory, ours / Prowler`, mem === undefined ? "—" : `${mem.toFixed(2)}× (${n0(ours.peakRssMiB)} vs ${n0(p?.peakRssMiB)} MiB)`, "< 1×", verdict(mem === undefined ? undefined : mem < 1)]);
    }
  }
  const mixRows = (Object.keys(MIX) as Kind[]).map((k) => [k, ...r.sizes.map((s) => n0(s.seeded.counts[k]))]);
  mixRows.push(["**Total**", ...r.sizes.map((s) => `**${n0(s.seeded.total)}**`)]);
  mixRows.push(["Seeding: calls, seconds", ...r.sizes.map((s) => `${n0(s.seedCalls)}, ${(s.seeded.ms / 1000).toFixed(1)} s`)]);
  const first = r.sizes[0];
  const prowlerNote = r.prowlerError
    ? `\n**Prowler was not measured:** ${r.prowlerError}\n`
    : !r.options.prowler
      ? "\nProwler was not run (--no-prowler).\n"
      : "";

  return `${SECTION_START}
## \`cdguard scan\` against Prowler, on moto

**Generated** by \`${command}\` (bench/scan/) on ${r.date}, in ${mins} min. \`npm run bench\` runs it after the
policy-pack benchmarks; \`npm run bench:scan\` runs only this part and replaces only this section.

Both tools scan the same account: a fresh moto server (the AWS emulator, on 127.0.0.1) seeded per size with
the mix below through the AWS SDK v3 (bench/scan/seed.ts); region us-east-1. Each tool runs as a child process.

${table(["Machine", ""], [
    ["CPU", r.machine.cpu],
    ["Cores", String(r.machine.cores)],
    ["Memory", `${r.machine.memoryGiB} GiB`],
    ["Node.js", r.machine.node],
    ["OS", r.machine.os],
    ["1-min load average before the measured runs", loadRange(r.loadAverages, r.machine.cores)],
  ], "ll")}

${table(["Versions", ""], Object.entries(r.versions), "ll")}

### Seeded resources

${table(["Kind", ...r.sizes.map((s) => `about ${n0(s.requested)}`)], mixRows)}

A share of them is configured: S3 buckets with default encryption (half SSE-S3, half KMS), TLS-only or
cross-account bucket policies, tags, Block Public Access and BucketOwnerEnforced; KMS keys with rotation and
aliases; IAM users and roles with attached customer managed policies (one in five grants \`*:*\`), inline
user policies, cross-account and service trust policies; security groups with SSH open to 0.0.0.0/0 or HTTPS
from 10.0.0.0/8; EBS volumes, RDS instances, DynamoDB tables, SQS queues, SNS topics, secrets and log groups
encrypted with a customer managed key, with the AWS managed key, or not. moto also has its default VPC,
subnets and security group (not counted). IAM has no AWS managed policies loaded, as AWS lists only those attached.

### Results

Wall time in seconds, from spawn to exit; CPU is user + system seconds of the tool's process; peak memory is
its maximum resident set (MiB, ${r.memoryMethod === "GNU time" ? "GNU time's %M, i.e. wait4's ru_maxrss" : "VmHWM read from /proc while it runs"}). *API calls*: ours from the report's \`stats.apiCalls\`
(moto's access log agrees unless noted); Prowler's from moto's access log (the requests moto served while it
ran). *Resources* is ours: \`stats.resources\`, the resources the rules judged; Prowler: the distinct resources
in its findings. *Load*: the 1-minute load average when the run started (moto and the tool account for
about 1.5 of it; the run before counts in it too).

${table(["Seeded", "Tool", "Wall (s)", "CPU (s)", "API calls", "Resources", "Calls / resource", "Calls / seeded resource", "Peak memory (MiB)", "Load"], rows, "llrrrrrrrr")}
${prowlerNote}
Our API calls per service (the report's \`stats.callsPerService\`, the run in the table above):

${table(["Service", ...r.sizes.map((s) => `${n0(s.seeded.total)} seeded`)], serviceRows(r.sizes), "l" + "r".repeat(r.sizes.length))}

### Against the targets

${table(["Measure", "Value", "Target", ""], targets, "lrll")}
${r.errors.length > 0 ? `\n**Errors:**\n\n${r.errors.map((e) => `- ${e.replace(/\n/g, " ")}`).join("\n")}\n` : ""}
### How it is measured

- Ours: \`node dist/src/cli/main.js scan --endpoint-url <moto> --regions us-east-1 --out FILE --quiet\` (all
  rules, default \`--concurrency\` 4 per account, region and service; then once with \`--concurrency 16\`), with
  AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY=testing. Below ${n0(LARGE)} resources: one untimed run first (moto builds
  some backends on first use), then ${r.options.repeats} timed run${r.options.repeats === 1 ? "" : "s"}${r.options.repeats > 1 ? " (the table shows the median by wall time)" : ""}; from ${n0(LARGE)} up, one run
  and nothing before it, to keep the benchmark's time reasonable.
- Prowler ${r.versions.Prowler ? r.versions.Prowler.split(" ")[0] : PROWLER_VERSION} (PyPI, its own venv), once per size, after ours:
  ${r.prowlerCommand ? `\`${r.prowlerCommand.replace("DIR", "<dir>")}\`` : "not run"}, with AWS_ENDPOINT_URL=<moto> (boto3 sends every client
  there), AWS_MAX_ATTEMPTS=1, AWS_RETRY_MODE=standard and \`--aws-retries-max-attempts 0\`: retries off. Its services
  are those our scan called${first ? ` (${first.oursServices.join(", ")})` : ""}, in Prowler's names. Excluded: ${r.prowlerExcluded.length > 0 ? r.prowlerExcluded.map((c) => `\`${c}\``).join(", ") : "nothing"} —
  the S3 checks that read S3 Control, whose endpoint rules put the account id in front of the host even for a
  custom endpoint (\`123456789012.127.0.0.1\`): DNS look-ups off the machine, not requests to moto. (Ours asks
  S3 Control with the account prefix dropped for a loopback endpoint only.)
- Ours retries throttling and 5xx answers (the CLI's default); Prowler's retries are off. moto 5.2.5 answers
  HTTP 500 to a few APIs it does not serve (ElastiCache DescribeServerlessCaches, Redshift Serverless): our
  retries of those are in our call counts, and the report marks those models not assessed.
- Both run against the same moto process and the same seeded state; neither writes to it. moto serves
  requests from one Python process, so on ${r.machine.cores} cores its speed bounds both tools; a real account answers
  in parallel and slower per call.
`.concat(SECTION_END, "\n");
}

function serviceRows(sizes: readonly SizeResult[]): string[][] {
  const per = sizes.map((s) => medianRun(s.ours)?.callsPerService ?? {});
  const services = [...new Set(per.flatMap((p) => Object.keys(p)))];
  const total = (svc: string): number => per.reduce((n, p) => n + (p[svc] ?? 0), 0);
  return services.sort((a, b) => total(b) - total(a) || a.localeCompare(b)).map((svc) => [svc, ...per.map((p) => n0(p[svc]))]);
}

/** The section when the benchmark could not run at all. */
export function renderScanFailure(why: string, command: string): string {
  const date = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  return `${SECTION_START}
## \`cdguard scan\` against Prowler, on moto

\`${command}\` on ${date} could not run the scan benchmark: ${why.replace(/\n/g, " ")}
${SECTION_END}
`;
}

/** Puts the section into an existing BENCHMARKS.md, replacing an older one, or appends it. */
/** The scan section of an existing report (markers included), or undefined when it has none. */
export function scanSectionOf(existing: string): string | undefined {
  const a = existing.indexOf(SECTION_START);
  const b = existing.indexOf(SECTION_END);
  return a >= 0 && b > a ? `${existing.slice(a, b + SECTION_END.length)}\n` : undefined;
}

export function spliceSection(existing: string, section: string): string {
  const a = existing.indexOf(SECTION_START);
  const b = existing.indexOf(SECTION_END);
  if (a >= 0 && b > a) {
    const rest = existing.slice(b + SECTION_END.length).replace(/^\n/, "");
    return `${existing.slice(0, a)}${section}${rest}`;
  }
  return `${existing.trimEnd()}\n\n${section}`;
}
