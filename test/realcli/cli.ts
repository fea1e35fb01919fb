// The real Pulumi CLI, built (or reused from its cache) by ../shared/realcli/build-pulumi-cli.sh, run as
// ../shared/realcli/README.md shows: the folder's Node language-host stand-in first on PATH, a throwaway
// PULUMI_HOME, no update check, no plugin downloads, `--non-interactive`.
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";

export interface RealCli {
  /** The `pulumi` binary. */
  readonly bin: string;
  /** The folder holding the language-host stand-in. */
  readonly realcliDir: string;
  readonly env: Record<string, string>;
  dispose(): void;
}

/** `../shared/realcli` from the repository root, as CI lays the repositories out. */
export const realcliDirOf = (repoRoot: string): string => resolve(repoRoot, "..", "shared", "realcli");

/**
 * Runs the build script (instant when the CLI is cached; 10-20 minutes otherwise) and returns the CLI.
 * Fails, never skips: without the script, or without go and a cached binary, the suite cannot run.
 */
export async function ensureCli(repoRoot: string): Promise<RealCli> {
  const realcliDir = realcliDirOf(repoRoot);
  const script = join(realcliDir, "build-pulumi-cli.sh");
  if (!existsSync(script)) {
    throw new Error(`the real-CLI suite needs ${script} (the shared realcli folder beside the repository); it is missing`);
  }
  const bin = await new Promise<string>((ok, fail) => {
    execFile("bash", [script], { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) {
        return fail(new Error(`${script} failed (${err.message.split("\n")[0]}); it needs go, or a cached CLI:\n${stderr.slice(-4000)}`));
      }
      const path = stdout.trim().split("\n").pop() ?? "";
      if (!existsSync(path)) return fail(new Error(`${script} printed ${JSON.stringify(path)}, which is not a file`));
      ok(path);
    });
  });
  const home = mkdtempSync(join(tmpdir(), "cdg-realcli-home-"));
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PATH: `${realcliDir}:${dirname(bin)}:${process.env.PATH ?? ""}`,
    PULUMI_HOME: home,
    PULUMI_SKIP_UPDATE_CHECK: "1",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    REALCLI_MODULES_FROM: repoRoot,
  };
  for (const k of ["PULUMI_CONFIG", "PULUMI_CONFIG_SECRET_KEYS", "PULUMI_ACCESS_TOKEN", "PULUMI_BACKEND_URL"]) delete env[k];
  return { bin, realcliDir, env, dispose: () => rmSync(home, { recursive: true, force: true }) };
}

export interface AnalyzeRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** From spawn to exit. */
  totalMs: number;
  /** From spawn to the first stdout line that holds a policy event (JSON) or a "[mandatory]"/"[advisory]" line. */
  firstDiagnosticMs: number | undefined;
}

export interface AnalyzeArgs {
  stateFile: string;
  packDir: string;
  json: boolean;
  policyPackConfig?: string;
  /** Default 120 s. */
  timeoutMs?: number;
  env?: Record<string, string>;
}

/** `pulumi policy analyze --file STATE --policy-pack DIR --non-interactive [--json] [--policy-pack-config C]`. */
export function analyzeStateFile(cli: RealCli, a: AnalyzeArgs): Promise<AnalyzeRun> {
  const args = ["policy", "analyze", "--file", a.stateFile, "--policy-pack", a.packDir, "--non-interactive"];
  if (a.json) args.push("--json");
  if (a.policyPackConfig) args.push("--policy-pack-config", a.policyPackConfig);
  const start = performance.now();
  const child = spawn(cli.bin, args, { cwd: a.packDir, env: { ...cli.env, ...a.env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let firstDiagnosticMs: number | undefined;
  const diagnosticLine = a.json ? /"policyEvent"/ : /\[(mandatory|advisory|remediate)\]/;
  child.stdout.setEncoding("utf8").on("data", (c: string) => {
    stdout += c;
    if (firstDiagnosticMs === undefined && diagnosticLine.test(stdout)) firstDiagnosticMs = performance.now() - start;
  });
  child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
  return new Promise<AnalyzeRun>((ok, fail) => {
    const timeoutMs = a.timeoutMs ?? 120_000;
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", (e) => {
      clearTimeout(timer);
      fail(new Error(`could not run ${cli.bin}: ${e.message}`));
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      if (signal) return fail(new Error(`pulumi policy analyze ended by ${signal} (timeout ${timeoutMs} ms)\nstdout:\n${stdout}\nstderr:\n${stderr}`));
      ok({ code, stdout, stderr, totalMs: performance.now() - start, firstDiagnosticMs });
    });
  });
}

/** One `policyEvent` of `--json` output. */
export interface PolicyEvent {
  resourceUrn: string;
  message: string;
  policyName: string;
  policyPackName: string;
  policyPackVersion: string;
  enforcementLevel: string;
  severity: string;
  /** Policy exceptions of a version 2 `--policy-pack-config` file that match: the violation does not fail the run. */
  exceptions?: { id: string; reason: string }[];
}

/** A mandatory violation no policy exception covers: it fails the run (deploy.AnalyzeSnapshot). */
export const blocks = (e: PolicyEvent): boolean => e.enforcementLevel === "mandatory" && !(e.exceptions?.length);

export interface JsonOutput {
  policyEvents: PolicyEvent[];
  summary: { result?: string; PolicyPacks?: Record<string, string> } | undefined;
  /** Events of other kinds, by kind. */
  other: string[];
}

/** Parses `--json` output: one engine event per line. */
export function parseJsonEvents(stdout: string): JsonOutput {
  const out: JsonOutput = { policyEvents: [], summary: undefined, other: [] };
  for (const line of stdout.split("\n")) {
    if (line.trim() === "") continue;
    let event: Record<string, unknown>;
    try {
      event = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new Error(`--json output holds a line that is not JSON: ${line.slice(0, 200)}`);
    }
    if (event.policyEvent) out.policyEvents.push(event.policyEvent as PolicyEvent);
    else if (event.summaryEvent) out.summary = event.summaryEvent as JsonOutput["summary"];
    else out.other.push(Object.keys(event).filter((k) => k !== "sequence" && k !== "timestamp").join(","));
  }
  return out;
}

/** Suites that run the compiled pack fail first, and clearly, when it is not built. */
export function assertPackBuilt(root: string): void {
  if (!existsSync(join(root, "dist", "packs", "default", "index.js"))) {
    throw new Error("the pack is not built: run `npm run build` (npm ci builds it) before this suite");
  }
}
