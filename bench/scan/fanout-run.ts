// Child processes of the fan-out bench: the built CLI run under fanout-preload (which reports its own CPU
// time and peak memory at exit), and the moto server's CPU time read from /proc.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { ProcessUsage } from "./fanout-preload";
import { ourEnv } from "./scan-bench";

export interface CliRun {
  readonly code: number | null;
  /** Spawn to exit. */
  readonly wallMs: number;
  /** When it started and ended, relative to the batch's first spawn. */
  readonly startMs: number;
  readonly endMs: number;
  readonly usage: ProcessUsage | undefined;
  readonly stderr: string;
}

const RUN_TIMEOUT_MS = 30 * 60_000;
const PRELOAD = join(__dirname, "fanout-preload.js");

export function cliEnv(): NodeJS.ProcessEnv {
  return { ...ourEnv(), AWS_REGION: "us-east-1", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", NO_COLOR: "1" };
}

/** Runs every argv at once (node CLI processes) and resolves when the last has exited. */
export async function runAtOnce(cli: string, argvs: readonly (readonly string[])[], work: string): Promise<{ wallMs: number; runs: CliRun[] }> {
  const t0 = performance.now();
  const runs = await Promise.all(argvs.map((argv, i) => runOne(cli, argv, join(work, `usage-${Date.now()}-${i}.json`), t0)));
  return { wallMs: performance.now() - t0, runs };
}

function runOne(cli: string, argv: readonly string[], usageFile: string, t0: number): Promise<CliRun> {
  rmSync(usageFile, { force: true });
  const startMs = performance.now() - t0;
  const child = spawn(process.execPath, ["--require", PRELOAD, cli, ...argv], { env: { ...cliEnv(), CDG_FANOUT_USAGE: usageFile }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => void (stderr = (stderr + d).slice(-20_000)));
  const killer = setTimeout(() => child.kill("SIGKILL"), RUN_TIMEOUT_MS);
  // The bench exits (or is interrupted, see bench/run.ts): the measured processes go with it.
  const orphan = (): void => void child.kill("SIGKILL");
  process.on("exit", orphan);
  return new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (c) => resolve(c));
  })
    .finally(() => {
      clearTimeout(killer);
      process.removeListener("exit", orphan);
    })
    .then((code) => {
      const endMs = performance.now() - t0;
      const usage = existsSync(usageFile) ? (JSON.parse(readFileSync(usageFile, "utf8")) as ProcessUsage) : undefined;
      rmSync(usageFile, { force: true });
      return { code, wallMs: endMs - startMs, startMs, endMs, usage, stderr };
    });
}

/** User + system CPU seconds a process has used so far (/proc/<pid>/stat, in clock ticks of 1/100 s on Linux). */
export function processCpuS(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return Number.isFinite(utime + stime) ? (utime + stime) / 100 : undefined;
  } catch {
    return undefined;
  }
}
