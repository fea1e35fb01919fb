// A moto server (AWS emulator) for the scan benchmark: one fresh process per seeded account.
//
// It runs from the virtualenv the test suite installs (test/support/moto/install.ts: `npm test`, or
// `npx vitest run test/support`, builds ~/.cache/cdguard-moto/venv-<MOTO_VERSION>, or $CDG_MOTO_VENV).
// When that venv is missing, this installs it the same way (python3 -m venv, then pip), without the
// test installer's locking: run one bench at a time.
//
// moto logs every request it serves (werkzeug's access log on stderr); `requests()` counts them, so
// the bench counts each tool's AWS calls the same way, whatever the tool says about itself.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { homedir } from "node:os";
import { join } from "node:path";
import { sleep } from "../stats";

export const MOTO_VERSION = "5.2.5";
/** The marker test/support/moto/install.ts writes last; its installs and ours are interchangeable. */
const MARKER = ".cdguard-moto-complete";

export const motoVenv = (): string => process.env.CDG_MOTO_VENV ?? join(homedir(), ".cache", "cdguard-moto", `venv-${MOTO_VERSION}`);

/** The venv's `moto_server`, installing moto[server]==MOTO_VERSION first when the venv is missing. */
export function ensureMotoServer(log: (m: string) => void): string {
  const venv = motoVenv();
  const server = join(venv, "bin", "moto_server");
  if (existsSync(join(venv, MARKER)) && existsSync(server)) return server;
  log(`installing moto[server]==${MOTO_VERSION} into ${venv} (a few minutes, once)`);
  rmSync(venv, { recursive: true, force: true });
  // venv scripts have absolute shebangs: install in place, mark complete last.
  execFileSync(process.env.CDG_MOTO_PYTHON ?? "python3", ["-m", "venv", venv], { stdio: "inherit" });
  execFileSync(join(venv, "bin", "pip"), ["install", "--disable-pip-version-check", "--no-input", "--quiet", `moto[server]==${MOTO_VERSION}`], { stdio: "inherit" });
  writeFileSync(join(venv, MARKER), `${MOTO_VERSION}\n`);
  return server;
}

export interface MotoProcess {
  /** e.g. http://127.0.0.1:40123 */
  readonly endpoint: string;
  readonly pid: number;
  /** AWS requests moto has logged so far (its own /moto-api/ calls left out). */
  requests(): number;
  /** Peak resident memory of the moto process so far (MiB, VmHWM). */
  peakRssMiB(): number | undefined;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => (port > 0 ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

// werkzeug: 127.0.0.1 - - [30/Nov/2026 02:31:00] "POST / HTTP/1.1" 200 -, in ANSI colours for 3xx-5xx.
const ACCESS_LINE = /"[A-Z]+ (\S+) HTTP\/1\.[01]" \d{3}/g;
const ANSI = /\x1b\[[0-9;]*m/g;

/**
 * Python that sets PR_SET_PDEATHSIG, exits if its parent is already gone, then execs argv[2:]: moto
 * dies with the bench even when the bench is SIGKILLed. Usage: python -c PDEATHSIG_EXEC <ppid> <program> [args...]
 */
const PDEATHSIG_EXEC = `
import ctypes, os, signal, sys
try:
    ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGTERM))
except Exception:
    pass
if os.getppid() != int(sys.argv[1]):
    sys.exit(3)
os.execvp(sys.argv[2], sys.argv[2:])
`;

/** Starts moto_server on a free loopback port and waits until it answers. */
export async function startMoto(server: string): Promise<MotoProcess> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const python = join(server, "..", "python");
  const child = spawn(python, ["-c", PDEATHSIG_EXEC, String(process.pid), server, "-H", "127.0.0.1", "-p", String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PYTHONUNBUFFERED: "1",
      // An account as AWS lists it: no thousand AWS managed policies, no AMI catalogue.
      MOTO_IAM_LOAD_MANAGED_POLICIES: "false",
      MOTO_EC2_LOAD_DEFAULT_AMIS: "false",
    },
  });
  let count = 0;
  let tail = "";
  let partial = "";
  const onData = (d: string): void => {
    const text = partial + d;
    const cut = text.lastIndexOf("\n");
    partial = cut < 0 ? text : text.slice(cut + 1);
    const whole = cut < 0 ? "" : text.slice(0, cut).replace(ANSI, "");
    for (const m of whole.matchAll(ACCESS_LINE)) if (!(m[1] ?? "").startsWith("/moto-api")) count++;
    tail = (tail + d).slice(-4000);
  };
  child.stdout.setEncoding("utf8").on("data", onData);
  child.stderr.setEncoding("utf8").on("data", onData);
  let exited = false;
  const done = new Promise<void>((resolve) => child.on("exit", () => ((exited = true), resolve())));
  const kill = (): void => void (exited || child.kill("SIGKILL"));
  process.on("exit", kill);

  const stop = async (): Promise<void> => {
    process.removeListener("exit", kill);
    if (exited) return;
    child.kill("SIGTERM");
    await Promise.race([done, sleep(5000)]);
    kill();
    await done;
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`moto_server exited at start:\n${tail}`);
    try {
      const res = await fetch(`${endpoint}/moto-api/`);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`moto_server did not answer on ${endpoint} within 60 s:\n${tail}`);
    }
    await sleep(100);
  }
  return {
    endpoint,
    pid: child.pid ?? -1,
    requests: () => count,
    peakRssMiB: () => vmHwmMiB(child.pid),
    stop,
  };
}

export function vmHwmMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}
