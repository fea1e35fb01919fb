// Runs one command as a child process and measures its wall time and peak resident memory: through
// GNU time (`/usr/bin/time`, maximum RSS from wait4) when the machine has it, else by reading the
// child's VmHWM from /proc until it exits (the peak so far, so the last reading is the peak to within
// the polling interval).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { vmHwmMiB } from "./moto-process";

const GNU_TIME = "/usr/bin/time";

export interface Timed {
  readonly code: number | null;
  readonly wallMs: number;
  readonly peakRssMiB: number | undefined;
  /** User + system CPU seconds of the child (GNU time only). */
  readonly cpuS: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
  readonly how: "GNU time" | "/proc VmHWM";
}

export const memoryMethod = (): Timed["how"] => (existsSync(GNU_TIME) ? "GNU time" : "/proc VmHWM");

export async function timed(cmd: string, args: readonly string[], opts: { env: NodeJS.ProcessEnv; cwd?: string; timeoutMs: number }): Promise<Timed> {
  const gnu = existsSync(GNU_TIME);
  const dir = mkdtempSync(join(tmpdir(), "cdg-timed-"));
  const out = join(dir, "time.txt");
  const [file, argv] = gnu ? [GNU_TIME, ["-f", "%e %M %U %S", "-o", out, cmd, ...args]] : [cmd, [...args]];
  const started = performance.now();
  const child = spawn(file, argv, { env: opts.env, cwd: opts.cwd, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => void (stdout = (stdout + d).slice(-200_000)));
  child.stderr.setEncoding("utf8").on("data", (d: string) => void (stderr = (stderr + d).slice(-200_000)));
  let polled: number | undefined;
  const poll = gnu ? undefined : setInterval(() => void (polled = vmHwmMiB(child.pid) ?? polled), 20);
  const killer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs);
  // The bench exits (or is interrupted, see bench/run.ts): the measured tool goes with it.
  const orphan = (): void => void child.kill("SIGKILL");
  process.on("exit", orphan);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (c) => resolve(c));
  }).finally(() => {
    clearTimeout(killer);
    process.removeListener("exit", orphan);
    if (poll) clearInterval(poll);
  });
  const wallMs = performance.now() - started;
  let peakRssMiB = polled;
  let cpuS: number | undefined;
  if (gnu) {
    try {
      // GNU time prints "Command exited with non-zero status N" first when the command fails.
      const line = readFileSync(out, "utf8").trim().split("\n").pop() ?? "";
      const [, maxKb, user, sys] = line.split(" ").map(Number);
      if (maxKb !== undefined && Number.isFinite(maxKb)) peakRssMiB = maxKb / 1024;
      if (user !== undefined && sys !== undefined && Number.isFinite(user + sys)) cpuS = user + sys;
    } catch {
      // killed before GNU time wrote its line
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return { code, wallMs, peakRssMiB, cpuS, stdout, stderr, how: gnu ? "GNU time" : "/proc VmHWM" };
}
