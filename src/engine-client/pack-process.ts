// Starts a local Node.js policy pack the way the Pulumi CLI does (pulumi/pulumi
// sdk/go/common/resource/plugin/analyzer_plugin.go, NewPolicyAnalyzer, and the `pulumi-analyzer-policy`
// shim): read <packDir>/PulumiPolicy.yaml, resolve `@pulumi/pulumi/cmd/run-policy-pack` from the pack
// directory, run `node <run-policy-pack> <engine-address> . [-option=value...]` with the pack directory
// as working directory, and read the gRPC port from the first line of stdout.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { parse as parseYaml } from "yaml";

export interface PackProcessOptions {
  /** Passed as the engine address argument; run-policy-pack discards it (see harness.ts). */
  engineAddress?: string;
  /** Added to the inherited environment, as the CLI adds PULUMI_CONFIG and friends. */
  env?: Record<string, string>;
  /** How long to wait for the port on stdout. Default 30 s. */
  startTimeoutMs?: number;
}

export interface PackProcess {
  readonly pid: number;
  readonly port: number;
  /** Milliseconds from spawn to the port line on stdout. */
  readonly spawnToPortMs: number;
  /** Version from PulumiPolicy.yaml; the engine prefers it over the pack's own. */
  readonly manifestVersion: string | undefined;
  /** Everything the pack printed on stdout after its port line. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the combined output once `pattern` appears on stdout or stderr. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** True once the process has exited. */
  exited(): boolean;
  /** Resolves true once the process has exited, false if it is still running after `timeoutMs`. */
  waitForExit(timeoutMs: number): Promise<boolean>;
  kill(): Promise<void>;
}

const live = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

interface Manifest {
  args: string[];
  version: string | undefined;
}

function readManifest(packDir: string): Manifest {
  const file = join(packDir, "PulumiPolicy.yaml");
  if (!existsSync(file)) {
    throw new Error(`failed to load Pulumi policy project located at "${packDir}": ${file} does not exist`);
  }
  const doc = (parseYaml(readFileSync(file, "utf8")) ?? {}) as Record<string, unknown>;
  const runtime = doc.runtime;
  const name = typeof runtime === "object" && runtime !== null ? (runtime as Record<string, unknown>).name : runtime;
  if (name !== "nodejs") throw new Error(`${file}: runtime ${JSON.stringify(name)} is not supported (nodejs only)`);
  const options = typeof runtime === "object" && runtime !== null ? (runtime as Record<string, unknown>).options : undefined;
  const args = Object.entries((options ?? {}) as Record<string, unknown>)
    .filter(([, v]) => `${String(v)}` !== "")
    .map(([k, v]) => `-${k}=${String(v)}`);
  return { args, version: typeof doc.version === "string" ? doc.version : undefined };
}

function resolveRunPolicyPack(packDir: string): string {
  try {
    return require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
  } catch {
    throw new Error(
      `it looks like the policy pack's dependencies are not installed; try running npm install in "${packDir}"`,
    );
  }
}

export function spawnPack(packDirInput: string, opts: PackProcessOptions = {}): Promise<PackProcess> {
  const packDir = resolve(packDirInput);
  const manifest = readManifest(packDir);
  const script = resolveRunPolicyPack(packDir);
  const args = [script, opts.engineAddress ?? "127.0.0.1:0", ".", ...manifest.args];
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: packDir,
    env: { ...process.env, ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);
  let out = "";
  let err = "";
  let afterPort = "";
  let portSeen = false;
  const listeners = new Set<() => void>();
  const notify = (): void => listeners.forEach((l) => l());
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    if (portSeen) afterPort += chunk;
    else out += chunk;
    notify();
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    err += chunk;
    notify();
  });
  // "close" (not "exit") so that stdout and stderr are complete when we report them.
  let closed = false;
  const exit = new Promise<void>((done) => child.once("close", () => {
    closed = true;
    live.delete(child);
    notify();
    done();
  }));
  child.on("error", (e) => {
    err += `\n[harness] process error: ${e.message}\n`;
    notify();
  });
  const describe = (): string => `policy pack at ${packDir} (pid ${child.pid ?? "?"})`;

  const kill = async (): Promise<void> => {
    if (closed) return;
    child.kill("SIGTERM");
    const force = setTimeout(() => child.kill("SIGKILL"), 3000);
    await exit;
    clearTimeout(force);
  };

  const waitForOutput = (pattern: RegExp, timeoutMs = 10_000): Promise<string> =>
    new Promise((ok, fail) => {
      const check = (): void => {
        const all = `${afterPort}\n${err}`;
        if (pattern.test(all)) finish(() => ok(all));
        else if (closed) {
          finish(() => fail(new Error(`${describe()} exited before printing ${pattern}; stdout:\n${afterPort}\nstderr:\n${err}`)));
        }
      };
      const timer = setTimeout(() => finish(() => fail(new Error(
        `${describe()} did not print ${pattern} within ${timeoutMs} ms; stdout:\n${afterPort}\nstderr:\n${err}`))), timeoutMs);
      const finish = (f: () => void): void => {
        clearTimeout(timer);
        listeners.delete(check);
        f();
      };
      listeners.add(check);
      check();
    });

  return new Promise<PackProcess>((ok, fail) => {
    const timeoutMs = opts.startTimeoutMs ?? 30_000;
    const finish = (f: () => void): void => {
      clearTimeout(timer);
      listeners.delete(check);
      f();
    };
    const failWith = (why: string, stop = kill): void => finish(() => {
      void stop().then(() => fail(new Error(`${describe()} ${why}; stderr:\n${err}`)));
    });
    const timer = setTimeout(() => failWith(`did not print its port within ${timeoutMs} ms`), timeoutMs);
    const check = (): void => {
      const newline = out.indexOf("\n");
      if (newline >= 0) {
        const line = out.slice(0, newline).trim();
        if (!/^\d+$/.test(line)) return failWith(`printed ${JSON.stringify(line)} where its port was expected`);
        const spawnToPortMs = performance.now() - started;
        portSeen = true;
        afterPort = out.slice(newline + 1);
        return finish(() => ok({
          pid: child.pid ?? -1,
          port: Number(line),
          spawnToPortMs,
          manifestVersion: manifest.version,
          stdout: () => afterPort,
          stderr: () => err,
          waitForOutput,
          exited: () => closed,
          waitForExit: (ms: number) => new Promise<boolean>((done) => {
            const timer = setTimeout(() => done(closed), ms);
            void exit.then(() => {
              clearTimeout(timer);
              done(true);
            });
          }),
          kill,
        }));
      }
      if (closed) {
        failWith(`exited (code ${child.exitCode}, signal ${child.signalCode}) before printing its port`);
      }
    };
    // A spawn failure emits "error" and maybe no "close": report it without waiting for an exit.
    child.once("error", (e) => failWith(`could not be started: ${e.message}`, async () => {
      live.delete(child);
    }));
    listeners.add(check);
  });
}
