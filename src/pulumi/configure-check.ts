import type { ConfigEntries } from "../core/pack-config";
import { packConfigProblems } from "../core/pack-config";
import type { AnyRule } from "../core/rule";
import { hookAddService, policyServerGrpc } from "./policy-server-hooks";

/**
 * @pulumi/policy accepts any configuration at Configure and lets a bad option surface mid-analysis as a
 * thrown error (a stack trace after the display already printed results). Its server has no hook for
 * checking configuration, so this wraps the Configure handler it registers with gRPC: every mistake the
 * pack can see (an unknown policy, an unknown option, a bad value) fails Configure, before any analysis,
 * with a message naming the entry, the key and the nearest valid name. The entries of the last accepted
 * Configure are kept for the policies, which see only their own entry through `getConfig()`.
 */
let entries: ConfigEntries = {};
let installed = false;

/** The configuration entries (properties by name, `all` and the pack-wide entry included) last accepted. */
export const configuredEntries = (): ConfigEntries => entries;

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
      if (problems.length > 0) {
        return callback({ code: grpc.status.INVALID_ARGUMENT, details: `invalid policy config:\n${problems.map((p) => `  - ${p}`).join("\n")}` });
      }
      entries = given;
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
