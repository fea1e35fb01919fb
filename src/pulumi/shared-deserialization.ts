import { createRequire } from "node:module";
import { noteRequestSecrets, secretTextsOfWire, secretTracking, setSecretTracking, type SecretTracking } from "./request-secrets";

/**
 * The pack's hook into how @pulumi/policy decodes a resource's properties, for two things:
 *
 * 1. Secrets (always). @pulumi/policy unwraps the engine's secret envelopes before a policy sees the
 *    properties, so which values were secret is visible only while decoding. The hook decodes each
 *    request Struct itself (`toJavaScript()`, envelopes intact), records the texts of its secrets for
 *    the request (request-secrets.ts), and hands the decoded value to @pulumi/policy's own decoder,
 *    so the Struct is still converted once per call.
 * 2. Sharing (an optimisation, on unless `share: false`). @pulumi/policy's server deserializes every
 *    resource's properties again for each policy it runs (server.js: Analyze and AnalyzeStack call
 *    `deserializeProperties` inside the per-policy loop), so a stack of N resources judged by P stack
 *    policies is decoded N × P times: that dominates AnalyzeStack. Decoding is a pure function of the
 *    request's Struct, and no policy of this pack mutates the properties it reads, so one decoded
 *    object per Struct is shared by every policy of a request. The Struct objects belong to the
 *    request, so the caches (weak) live as long as the request does.
 *
 * The secrets a Struct holds are recorded on every decoding of it, shared or not, so redaction never
 * depends on sharing. If a future @pulumi/policy no longer decodes through this module, the hook falls
 * back to google-protobuf's `Struct.prototype.toJavaScript` (the call @pulumi/policy decodes with) and
 * only secrets are tracked; if neither can be hooked, `secretTracking()` is "none" and the pack prints
 * no text taken from property values (safe-message.ts).
 */
type Deserialize = (struct: object, proxySecrets?: boolean) => unknown;
type Struct = { toJavaScript(): unknown };

export interface DecodingOptions {
  /** Share one decoded object per Struct among the policies of a request (default true). */
  readonly share?: boolean;
}

let installed: SecretTracking | undefined;
/** Read on every call, so sharing can be switched off after the hook is in place. */
let sharing = true;

/** Secret texts per Struct: a Struct decoded again (each policy) is not walked again. */
const textsByStruct = new WeakMap<object, readonly string[]>();

function noteSecretsOf(struct: object, decode: () => unknown): void {
  let texts = textsByStruct.get(struct);
  if (texts === undefined) textsByStruct.set(struct, (texts = secretTextsOfWire(decode())));
  noteRequestSecrets(texts);
}

/**
 * Installs the decoding hook into @pulumi/policy (once per process; safe-message.ts does it when the
 * pack's policies are loaded, before any request). Returns true when decoded properties are shared
 * per request Struct; `share: false` turns sharing off (secrets are tracked whatever it says).
 */
export function shareDeserialization(options: DecodingOptions = {}): boolean {
  if (options.share !== undefined) sharing = options.share;
  return installDecodingHooks() === "decoder" && sharing;
}

/** Installs the hooks once; says how secrets are tracked: "decoder", "struct" or "none". */
export function installDecodingHooks(): SecretTracking {
  if (installed === undefined) {
    installed = hookDecoder() ? "decoder" : hookStruct() ? "struct" : "none";
    setSecretTracking(installed);
  }
  return installed;
}

/** How secrets are tracked after `shareDeserialization()`: "decoder", "struct" or "none". */
export { secretTracking };

function hookDecoder(): boolean {
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
  const decodeWith = original as Deserialize;
  const decoded = new WeakMap<object, unknown>();
  /** Decodes the Struct once, records its secrets, and lets @pulumi/policy unwrap the result. */
  const decode = (struct: object, proxySecrets: boolean | undefined): unknown => {
    if (typeof (struct as Partial<Struct>).toJavaScript !== "function") return decodeWith(struct, proxySecrets);
    let wire: unknown;
    const read = (): unknown => (wire ??= (struct as Struct).toJavaScript());
    noteSecretsOf(struct, read);
    try {
      return decodeWith({ toJavaScript: read }, proxySecrets);
    } catch (e) {
      throw withoutQuotes(e);
    }
  };
  const hooked: Deserialize = (struct, proxySecrets) => {
    // Secret-preserving proxies (remediations only) are never shared.
    if (typeof struct !== "object" || struct === null) return decodeWith(struct, proxySecrets);
    if (!sharing || proxySecrets) return decode(struct, proxySecrets);
    let props = decoded.get(struct);
    if (props === undefined) decoded.set(struct, (props = decode(struct, proxySecrets)));
    else noteSecretsOf(struct, () => (struct as Struct).toJavaScript());
    return props;
  };
  mod.deserializeProperties = hooked;
  hookProxy();
  return true;
}

/**
 * With decoding shared, @pulumi/policy still wraps the shared object in a new unknown-checking proxy
 * for each policy (server.js, once per resource and its provider per policy): at 50,000 resources and
 * 16 stack policies that is 1.6 million proxies. The top-level proxy is a pure function of its target
 * (its handler keeps no state, its path starts empty), so one per target serves every policy.
 */
function hookProxy(): void {
  let mod: { unknownCheckingProxy?: unknown };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require("@pulumi/policy/proxy") as { unknownCheckingProxy?: unknown };
  } catch {
    return;
  }
  const original = mod.unknownCheckingProxy;
  const descriptor = Object.getOwnPropertyDescriptor(mod, "unknownCheckingProxy");
  if (typeof original !== "function" || descriptor?.writable !== true) return;
  const wrap = original as (target: unknown) => unknown;
  const proxies = new WeakMap<object, unknown>();
  mod.unknownCheckingProxy = (target: unknown): unknown => {
    if (!sharing || typeof target !== "object" || target === null) return wrap(target);
    let proxy = proxies.get(target);
    if (proxy === undefined) proxies.set(target, (proxy = wrap(target)));
    return proxy;
  };
}

/**
 * @pulumi/policy's decoding errors quote the offending value ("Unrecognized signature '<value>' when
 * unmarshaling resource property"), and the server hands the message to the engine as an error: the
 * quoted text, which may be a secret or 1 MB long, is left out.
 */
function withoutQuotes(e: unknown): Error {
  const message = e instanceof Error ? e.message : String(e);
  const shown = message.replace(/'[^']*'|"[^"]*"/g, "(a value)");
  return new Error(shown.length > 300 ? `${shown.slice(0, 300)}…` : shown);
}

/**
 * The fallback: google-protobuf's Struct as @pulumi/pulumi's protocol messages load it. Its
 * `toJavaScript` is recursive (nested Structs), so only the outermost call is read.
 */
function hookStruct(): boolean {
  let StructClass: { prototype: Struct } | undefined;
  try {
    const fromProto = createRequire(require.resolve("@pulumi/pulumi/proto/analyzer_pb"));
    StructClass = (fromProto("google-protobuf/google/protobuf/struct_pb.js") as { Struct?: { prototype: Struct } }).Struct;
  } catch {
    return false;
  }
  const proto = StructClass?.prototype;
  const original = proto?.toJavaScript;
  if (!proto || typeof original !== "function") return false;
  let depth = 0;
  const descriptor = Object.getOwnPropertyDescriptor(proto, "toJavaScript");
  if (descriptor?.writable !== true) return false;
  proto.toJavaScript = function (this: object) {
    depth++;
    let wire: unknown;
    try {
      wire = original.call(this);
    } finally {
      depth--;
    }
    if (depth === 0) noteSecretsOf(this, () => wire);
    return wire;
  };
  return true;
}

