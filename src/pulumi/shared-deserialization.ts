/**
 * @pulumi/policy's server deserializes every resource's properties again for each policy it runs
 * (server.js: Analyze and AnalyzeStack call `deserializeProperties` inside the per-policy loop), so a
 * stack of N resources judged by P stack policies is decoded N × P times: that dominates AnalyzeStack.
 * Decoding is a pure function of the request's protobuf Struct, and no policy of this pack mutates the
 * properties it reads, so one decoded object per Struct is shared by every policy of a request. The
 * Struct objects belong to the request, so the cache (weak) lives as long as the request does.
 *
 * If a future @pulumi/policy changes this internal module, sharing is skipped and the pack behaves
 * exactly as without it, only slower.
 */
type Deserialize = (struct: object, proxySecrets?: boolean) => unknown;

let installed = false;

export function shareDeserialization(): boolean {
  if (installed) return true;
  let mod: { deserializeProperties?: unknown };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require("@pulumi/policy/deserialize") as { deserializeProperties?: unknown };
  } catch {
    return false;
  }
  const original = mod.deserializeProperties;
  const descriptor = Object.getOwnPropertyDescriptor(mod, "deserializeProperties");
  if (typeof original !== "function" || descriptor?.writable !== true) return false;
  const decoded = new WeakMap<object, unknown>();
  const shared: Deserialize = (struct, proxySecrets) => {
    // Secret-preserving proxies (remediations only) are not shared.
    if (proxySecrets || typeof struct !== "object" || struct === null) return (original as Deserialize)(struct, proxySecrets);
    let props = decoded.get(struct);
    if (props === undefined) decoded.set(struct, (props = (original as Deserialize)(struct, proxySecrets)));
    return props;
  };
  mod.deserializeProperties = shared;
  installed = true;
  return true;
}
