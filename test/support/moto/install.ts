// Installs a pinned moto (AWS emulator) into a virtualenv the project owns, once per machine.
//
// The venv lives at $CDG_MOTO_VENV or ~/.cache/cdguard-moto/venv-<MOTO_VERSION>. It is built in a
// temp dir beside the target and renamed into place, so a killed install never leaves a half venv;
// a mkdir-based lock (with stale detection) keeps concurrent vitest runs from installing twice.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const MOTO_VERSION = "5.2.5";

/** Marker written into the venv as the last step before the rename; its absence means "not ours / incomplete". */
const MARKER = ".cdguard-moto-complete";
const LOCK_WAIT_MS = 15 * 60_000;
/** A lock whose owner we cannot identify is considered stale after this long. */
const LOCK_ANONYMOUS_STALE_MS = 60_000;
/** Any lock older than this is considered stale whatever its owner says (pid reuse, other host). */
const LOCK_MAX_AGE_MS = 30 * 60_000;
const INSTALL_TIMEOUT_MS = 15 * 60_000;

export function motoVenvDir(): string {
  return process.env.CDG_MOTO_VENV ?? path.join(os.homedir(), ".cache", "cdguard-moto", `venv-${MOTO_VERSION}`);
}

function motoServerPath(venv: string): string {
  return path.join(venv, "bin", "moto_server");
}

function isComplete(venv: string): boolean {
  try {
    return (
      fs.readFileSync(path.join(venv, MARKER), "utf8").trim() === MOTO_VERSION &&
      fs.statSync(motoServerPath(venv)).isFile()
    );
  } catch {
    return false;
  }
}

/** Returns the path of a `moto_server` executable from a venv holding moto[server]==MOTO_VERSION, installing it if needed. */
export async function ensureMoto(): Promise<string> {
  const venv = path.resolve(motoVenvDir());
  if (isComplete(venv)) return motoServerPath(venv);

  fs.mkdirSync(path.dirname(venv), { recursive: true });
  const release = await acquireLock(`${venv}.lock`);
  try {
    // Someone else may have finished while we waited for the lock.
    if (isComplete(venv)) return motoServerPath(venv);
    await install(venv);
    return motoServerPath(venv);
  } finally {
    release();
  }
}

async function install(venv: string): Promise<void> {
  const parent = path.dirname(venv);
  const base = path.basename(venv);
  // We hold the lock, so any temp dir left beside the venv belongs to a dead install. Best effort:
  // a pip orphaned on another platform (no PR_SET_PDEATHSIG) may still be writing into it.
  for (const entry of fs.readdirSync(parent)) {
    if (!entry.startsWith(`${base}.tmp-`)) continue;
    try {
      fs.rmSync(path.join(parent, entry), { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch {
      // left for the next install to clean up
    }
  }
  // A venv dir without the marker (interrupted by something other than us, or a different version) is replaced.
  if (fs.existsSync(venv)) fs.rmSync(venv, { recursive: true, force: true });

  const tmp = path.join(parent, `${base}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  const python = process.env.CDG_MOTO_PYTHON ?? "python3";
  try {
    await run(python, ["-m", "venv", tmp]);
    await run(path.join(tmp, "bin", "pip"), [
      "install",
      "--disable-pip-version-check",
      "--no-input",
      "--quiet",
      `moto[server]==${MOTO_VERSION}`,
    ]);
    const check = await run(path.join(tmp, "bin", "python"), ["-c", "import moto, flask, flask_cors; print(moto.__version__)"]);
    if (check.stdout.trim() !== MOTO_VERSION) {
      throw new Error(`moto install in ${tmp} reports version ${JSON.stringify(check.stdout.trim())}, expected ${MOTO_VERSION}`);
    }
    // venv scripts carry absolute shebangs (#!<tmp>/bin/python); point them at the final location before the rename.
    relocateScripts(tmp, venv);
    fs.writeFileSync(path.join(tmp, MARKER), `${MOTO_VERSION}\n`);
    fs.renameSync(tmp, venv);
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

function relocateScripts(from: string, to: string): void {
  const bin = path.join(from, "bin");
  for (const entry of fs.readdirSync(bin)) {
    const file = path.join(bin, entry);
    const st = fs.lstatSync(file);
    if (!st.isFile() || st.size > 1_000_000) continue;
    const buf = fs.readFileSync(file);
    if (buf.includes(0)) continue; // binary
    const text = buf.toString("utf8");
    if (!text.includes(from)) continue;
    fs.writeFileSync(file, text.split(from).join(to), { mode: st.mode });
  }
  const cfg = path.join(from, "pyvenv.cfg");
  if (fs.existsSync(cfg)) fs.writeFileSync(cfg, fs.readFileSync(cfg, "utf8").split(from).join(to));
}

interface RunResult {
  stdout: string;
  stderr: string;
}

function tail(text: string, lines = 30): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

/**
 * Python that sets PR_SET_PDEATHSIG (Linux; a no-op elsewhere), exits if its parent is already gone,
 * then execs argv[2:] — so the child dies with the Node process even when that is SIGKILLed.
 * Usage: python -c PDEATHSIG_EXEC <parent pid> <program> [args...]
 */
export const PDEATHSIG_EXEC = `
import ctypes, os, signal, sys
try:
    ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG
except Exception:
    pass
if os.getppid() != int(sys.argv[1]):
    sys.exit(3)
os.execvp(sys.argv[2], sys.argv[2:])
`;

function run(cmd: string, args: string[]): Promise<RunResult> {
  const shown = [cmd, ...args].map((a) => (/[\s"'[\]]/.test(a) ? JSON.stringify(a) : a)).join(" ");
  const python = process.env.CDG_MOTO_PYTHON ?? "python3";
  return new Promise((resolve, reject) => {
    const child = spawn(python, ["-c", PDEATHSIG_EXEC, String(process.pid), cmd, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: "1" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), INSTALL_TIMEOUT_MS);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(new Error(`moto install: could not run \`${shown}\`: ${err.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve({ stdout, stderr });
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const out = tail(stderr) || tail(stdout);
      reject(new Error(`moto install: \`${shown}\` ${how}${out ? `; output tail:\n${out}` : ""}`));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// mkdir lock: `<venv>.lock/` holds `owner.json` = {pid, host, at}. A lock is stale when its owner
// is a dead process on this host, when it has no owner file for LOCK_ANONYMOUS_STALE_MS, or when
// it is older than LOCK_MAX_AGE_MS.

interface LockOwner {
  pid: number;
  host: string;
  at: number;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function lockIsStale(lock: string): boolean {
  let ageMs: number;
  try {
    ageMs = Date.now() - fs.statSync(lock).mtimeMs;
  } catch {
    return false; // vanished: not stale, just retry
  }
  if (ageMs > LOCK_MAX_AGE_MS) return true;
  let owner: LockOwner;
  try {
    owner = JSON.parse(fs.readFileSync(path.join(lock, "owner.json"), "utf8")) as LockOwner;
  } catch {
    return ageMs > LOCK_ANONYMOUS_STALE_MS;
  }
  return owner.host === os.hostname() && !pidAlive(owner.pid);
}

async function acquireLock(lock: string): Promise<() => void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      const owner: LockOwner = { pid: process.pid, host: os.hostname(), at: Date.now() };
      fs.writeFileSync(path.join(lock, "owner.json"), JSON.stringify(owner));
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        process.removeListener("exit", release);
        fs.rmSync(lock, { recursive: true, force: true });
      };
      process.on("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    if (lockIsStale(lock)) {
      // Rename first so two waiters cannot both delete a fresh lock taken between check and removal.
      const grave = `${lock}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
      try {
        fs.renameSync(lock, grave);
      } catch {
        continue; // someone else cleaned it up
      }
      if (lockIsStale(grave)) fs.rmSync(grave, { recursive: true, force: true });
      else {
        // Lost a race: a live lock was taken between our check and the rename. Put it back.
        try {
          fs.renameSync(grave, lock);
        } catch {
          fs.rmSync(grave, { recursive: true, force: true });
        }
      }
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`moto install: timed out after ${LOCK_WAIT_MS / 1000}s waiting for lock ${lock} (remove it if no install is running)`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
