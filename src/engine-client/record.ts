// Records the resources a real Pulumi TypeScript program registers, in the form the engine sends them
// to an analyzer, by running the program under @pulumi/pulumi's mocks.
//
// Each program runs in its own Node process (the Pulumi runtime keeps process-wide state), with its
// directory as working directory, as `pulumi preview` runs it. TypeScript is transpiled on load without
// type checking (the repository's `tsc` covers the programs). The child entry is record-child.ts.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import type { ChildMessage, ChildRequest } from "./record-child";
import { toRecordedResources, type RecordedResource } from "./record-encode";

export type { RecordedResource } from "./record-encode";

export interface RecordOptions {
  stack: string;
  /** Default: the `name` in the Pulumi.yaml beside the program, as the engine takes it. */
  project?: string;
  /** true: `pulumi preview` of a new stack (ids and computed outputs unknown); false: `pulumi up`. */
  preview: boolean;
  /** Stack config, fully qualified: {"aws:region": "eu-west-1", "<project>:owner": "x"}. */
  config?: Record<string, string>;
  /** Which config keys are secrets. */
  secretConfigKeys?: string[];
  organization?: string;
  /** Default 120 s. */
  timeoutMs?: number;
}

// Registers a require hook for .ts files (transpile only), then loads the child entry.
const BOOTSTRAP = `
const ts = require(process.env.CDG_RECORD_TS);
const fs = require("fs");
require.extensions[".ts"] = (module, filename) => {
  const out = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, inlineSourceMap: true },
  });
  module._compile(out.outputText, filename);
};
require(process.env.CDG_RECORD_CHILD);
`;

/** The program's own TypeScript compiler when it has one (as `pulumi preview` would use), else this package's. */
function typescriptFor(program: string): string {
  try {
    return createRequire(program).resolve("typescript");
  } catch {
    return require.resolve("typescript");
  }
}

/** The project a program belongs to, as the engine names it: the `name` in its directory's Pulumi.yaml (or .yml). */
export function projectName(programDir: string): string {
  const file = ["Pulumi.yaml", "Pulumi.yml"].map((f) => join(programDir, f)).find((f) => existsSync(f));
  if (!file) throw new Error(`${programDir} has no Pulumi.yaml`);
  const doc = parseYaml(readFileSync(file, "utf8")) as { name?: unknown } | null;
  if (typeof doc?.name !== "string" || doc.name === "") throw new Error(`${file} has no project name`);
  return doc.name;
}

export function recordProgram(programModulePath: string, opts: RecordOptions): Promise<RecordedResource[]> {
  const program = resolve(programModulePath);
  const config = opts.config ?? {};
  const secretConfigKeys = opts.secretConfigKeys ?? [];
  const project = opts.project ?? projectName(dirname(program));
  const request: ChildRequest = {
    program,
    project,
    stack: opts.stack,
    organization: opts.organization ?? "",
    preview: opts.preview,
    region: config["aws:region"] ?? "us-east-1",
  };
  const child = spawn(process.execPath, ["-e", BOOTSTRAP], {
    cwd: dirname(program),
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    env: {
      ...process.env,
      CDG_RECORD_TS: typescriptFor(program),
      CDG_RECORD_CHILD: join(__dirname, `record-child${extname(__filename)}`),
      CDG_RECORD_REQUEST: JSON.stringify(request),
      PULUMI_CONFIG: JSON.stringify(config),
      PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(secretConfigKeys),
    },
  });
  let output = "";
  child.stdout?.setEncoding("utf8").on("data", (c: string) => (output += c));
  child.stderr?.setEncoding("utf8").on("data", (c: string) => (output += c));
  let message: ChildMessage | undefined;
  child.on("message", (m) => (message = m as ChildMessage));

  return new Promise<RecordedResource[]>((ok, fail) => {
    const timeoutMs = opts.timeoutMs ?? 120_000;
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    const failWith = (why: string): void => fail(new Error(`recording ${program} ${why}\noutput:\n${output}`));
    child.once("error", (e) => {
      clearTimeout(timer);
      failWith(`could not start: ${e.message}`);
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      if (signal === "SIGKILL" && !message) return failWith(`timed out after ${timeoutMs} ms`);
      if (!message) return failWith(`ended (code ${code}, signal ${signal}) without a result`);
      if (!message.ok) return failWith(`failed: ${message.error}`);
      try {
        ok(toRecordedResources(message.registrations, {
          project, stack: opts.stack, config, secretConfigKeys, preview: opts.preview,
        }));
      } catch (e) {
        failWith(`produced registrations the recorder cannot convert: ${(e as Error).message}`);
      }
    });
  });
}
