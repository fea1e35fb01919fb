import { resolve } from "node:path";
import type { ConfigEntries } from "../core/pack-config";
import { packConfigProblems, waiversFileSetting } from "../core/pack-config";
import type { AnyRule } from "../core/rule";
import type * as WaiverFile from "../core/waiver-file";
import { hookAddService, policyServerGrpc } from "./policy-server-hooks";

/**
 * @pulumi/policy accepts any configuration at Configure and lets a bad option surface mid-analysis as a
 * thrown error (a stack trace after the display already printed results). Its server has no hook for
 * checking configuration, so this wraps the Configure handler it registers with gRPC: every mistake the
 * pack can see (an unknown policy, an unknown option, a bad value) fails Configure, before any analysis,
 * with a message naming the entry, the key and the nearest valid name. The entries of the last accepted
 * Configure are kept for the policies, which see only their own entry through `getConfig()`, and so are
 * the waivers of the file `waiversFile` names, read once per Configure (a bad file fails it, by line).
 */
let entries: ConfigEntries = {};
let waivers: readonly WaiverFile.FileWaiver[] = [];
let installed = false;

/** The configuration entries (properties by name, `all` and the pack-wide entry included) last accepted. */
export const configuredEntries = (): ConfigEntries => entries;

/** The waivers file's entries of the last accepted Configure. */
export const configuredWaivers = (): readonly WaiverFile.FileWaiver[] => waivers;

interface ConfigureRequest {
  getPolicyconfigMap(): { entries(): Iterable<[string, { getProperties(): { toJavaScript(): Record<string, unknown> } | undefined }]> };
}
type Callback = (error: unknown, response?: unknown) => void;
type Handler = (call: { request: ConfigureRequest }, callback: Callback) => unknown;

export function installConfigureCheck(rules: readonly AnyRule[]): boolean {
  if (installed) return true;
  const grpc = policyServerGrpc();
  if (!grpc) return false;
  installed = hookAddService((service, implementation) => {
    const configure = implementation.configure as Handler | undefined;
    if (typeof configure !== "function") return { service, implementation };
    const checked: Handler = function (this: unknown, call, callback) {
      let given: ConfigEntries;
      try {
        given = decode(call.request);
      } catch (e) {
        return callback({ code: grpc.status.INVALID_ARGUMENT, details: `invalid policy config: ${e instanceof Error ? e.message : String(e)}` });
      }
      const problems = packConfigProblems(given, rules);
      let loaded: readonly WaiverFile.FileWaiver[] = [];
      const waiversFile = waiversFileSetting(given);
      if (problems.length === 0 && waiversFile !== undefined) {
        // Loaded only when a file is named: its YAML reader would add tens of milliseconds to every cold start.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { loadWaiversFile, WaiversFileError } = require("../core/waiver-file") as typeof WaiverFile;
        try {
          // The pack runs in its own directory: the engine tells it nothing of the program's.
          loaded = loadWaiversFile(resolve(waiversFile), rules).waivers;
        } catch (e) {
          const lines = e instanceof WaiversFileError ? e.message.split("\n") : [`${waiversFile}: ${e instanceof Error ? e.message : String(e)}`];
          problems.push(...lines.map((line) => `'waiversFile': ${line}`));
        }
      }
      if (problems.length > 0) {
        return callback({ code: grpc.status.INVALID_ARGUMENT, details: `invalid policy config:\n${problems.map((p) => `  - ${p}`).join("\n")}` });
      }
      entries = given;
      waivers = loaded;
      return configure.call(this, call, callback);
    };
    return { service, implementation: { ...implementation, configure: checked } };
  });
  return installed;
}

function decode(request: ConfigureRequest): ConfigEntries {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, config] of request.getPolicyconfigMap().entries()) out[name] = config.getProperties()?.toJavaScript() ?? {};
  return out;
}
