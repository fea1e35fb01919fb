/**
 * Which property values of the current request are secret.
 *
 * The engine sends a secret as an envelope `{<SIG_KEY>: <SECRET_SIG>, value}` inside the resource's
 * protobuf Struct (pulumi/pulumi sdk/go/common/resource/plugin/rpc.go, KeepSecrets). @pulumi/policy
 * unwraps the envelopes before any policy runs, so a policy cannot tell a secret from a plain value;
 * the pack reads them in the decoding step (shared-deserialization.ts) and records here every text
 * a secret could be printed as. Messages leaving the pack are redacted against the texts of their
 * request (safe-message.ts).
 *
 * Scope: @pulumi/policy's server decodes every resource of a request before it runs a policy, and
 * runs all the policies of a request within one macrotask (it awaits only settled promises); another
 * request starts from a later I/O callback. The texts recorded are kept until the next macrotask
 * (`setImmediate`), like the request inventory, so a stack policy's messages, which name many
 * resources, are redacted against every resource of its request. Two requests sharing a macrotask
 * would only redact more, never less.
 */

/** The engine's signature key and secret signature (sdk/go/common/resource/sig). */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** An output value (`{sig, value, secret, dependencies}`), secret when its `secret` is true. */
const OUTPUT_VALUE_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

/**
 * Keys of a secret object that are the grammar of the document, never data: printing them says
 * nothing about the secret (IAM policy elements, principal types, condition operators).
 */
const GRAMMAR_KEYS: ReadonlySet<string> = new Set([
  "Version", "Id", "Statement", "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
  "Resource", "NotResource", "Condition", "AWS", "Service", "Federated", "CanonicalUser",
]);
const CONDITION_OPERATOR =
  /^(?:ForAllValues:|ForAnyValue:)?(?:String|Numeric|Date|Bool|Binary|IpAddress|NotIpAddress|Arn|Null)[A-Za-z]*$/;

/** Parts of a secret string printed apart: the pieces of `a; b=c`, at most this many. */
const MAX_PIECES = 64;
/** A secret string longer than this is not split into pieces nor parsed as JSON (its prefix is still found). */
const MAX_SPLIT_LENGTH = 4096;
const MAX_JSON_LENGTH = 4 * 1024 * 1024;
const MIN_PIECE = 4;

/**
 * Every text a secret in `wire` (a decoded Struct, envelopes intact) could be printed as: each secret
 * leaf (numbers and booleans as text), the JSON text of a secret object or list, the keys inside a
 * secret object, and forms derived from a secret string (trimmed, JSON-escaped, the values and keys
 * of a JSON document it holds, the account, resource and name of an ARN, the pieces of `a; b=c`).
 */
export function secretTextsOfWire(wire: unknown): string[] {
  const out = new Set<string>();
  walk(wire, false, out, 0);
  return [...out];
}

function walk(v: unknown, secret: boolean, out: Set<string>, depth: number): void {
  if (v === null || v === undefined) return;
  if (typeof v === "string") {
    if (secret) addString(v, out, depth);
    return;
  }
  if (typeof v === "number" || typeof v === "boolean") {
    if (secret) out.add(String(v));
    return;
  }
  if (typeof v !== "object") return;
  if (Array.isArray(v)) {
    for (const x of v) walk(x, secret, out, depth);
    if (secret) addJsonText(v, out);
    return;
  }
  const o = v as Record<string, unknown>;
  const sig = o[SIG_KEY];
  if (sig === SECRET_SIG || (sig === OUTPUT_VALUE_SIG && o.secret === true)) {
    walk(o.value, true, out, depth);
    if (!secret && typeof o.value === "object" && o.value !== null) addJsonText(o.value, out);
    return;
  }
  for (const [k, x] of Object.entries(o)) {
    if (secret && k !== SIG_KEY && !GRAMMAR_KEYS.has(k) && !CONDITION_OPERATOR.test(k)) addString(k, out, depth);
    walk(x, secret, out, depth);
  }
  if (secret) addJsonText(o, out);
}

/** The JSON text of a secret object or list as a policy could print it (envelopes removed). */
function addJsonText(v: unknown, out: Set<string>): void {
  try {
    const text = JSON.stringify(unwrap(v));
    if (text !== undefined && text.length > 2) out.add(text);
  } catch {
    // Cyclic or exotic: a Struct never decodes to one.
  }
}

function unwrap(v: unknown): unknown {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) return v.map(unwrap);
  const o = v as Record<string, unknown>;
  if (o[SIG_KEY] === SECRET_SIG || o[SIG_KEY] === OUTPUT_VALUE_SIG) return unwrap(o.value);
  const copy: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) copy[k] = unwrap(x);
  return copy;
}

const ARN = /^arn:[^:]*:[^:]*:[^:]*:([^:]*):(.+)$/s;

function addString(s: string, out: Set<string>, depth: number): void {
  if (s === "") return;
  out.add(s);
  const trimmed = s.trim();
  if (trimmed !== s && trimmed !== "") out.add(trimmed);
  const escaped = JSON.stringify(s).slice(1, -1);
  if (escaped !== s) out.add(escaped);
  const arn = ARN.exec(trimmed);
  if (arn) {
    const [, account, resource] = arn as unknown as [string, string, string];
    if (account !== "" && account !== "aws") out.add(account);
    out.add(resource);
    const name = resource.split(/[/:]/).pop();
    if (name) out.add(name);
  }
  if (depth < 3 && trimmed.length <= MAX_JSON_LENGTH && (trimmed.startsWith("{") || trimmed.startsWith("["))) {
    try {
      // A policy document given as a secret JSON string: its Sids, ARNs and keys are printed apart.
      walk(JSON.parse(trimmed), true, out, depth + 1);
    } catch {
      // Not JSON: the text itself is recorded.
    }
  }
  if (s.length <= MAX_SPLIT_LENGTH && /[;,=|\r\n\t]/.test(s)) {
    let n = 0;
    for (const piece of s.split(/[;,=|\r\n\t]/)) {
      const p = piece.trim();
      if (p.length >= MIN_PIECE && p !== s && n++ < MAX_PIECES) out.add(p);
    }
  }
}

/** The texts recorded for the current request, by the list each decoded Struct contributed. */
let current: Set<readonly string[]> | undefined;
let compiled: { from: number; needles: unknown } | undefined;

/** Records the secret texts of one decoded resource for the current request. */
export function noteRequestSecrets(texts: readonly string[]): void {
  if (texts.length === 0) return;
  if (current === undefined) {
    current = new Set();
    setImmediate(() => {
      current = undefined;
      compiled = undefined;
    });
  }
  if (!current.has(texts)) {
    current.add(texts);
    compiled = undefined;
  }
}

/** Every secret text of the current request. */
export function requestSecretTexts(): string[] {
  if (current === undefined) return [];
  const all = new Set<string>();
  for (const list of current) for (const t of list) all.add(t);
  return [...all];
}

/** A value derived from the current request's texts, rebuilt only when they change. */
export function withRequestSecrets<T>(build: (texts: readonly string[]) => T): T {
  const size = current?.size ?? 0;
  if (compiled === undefined || compiled.from !== size) compiled = { from: size, needles: build(requestSecretTexts()) };
  return compiled.needles as T;
}

/** How the pack learns which values are secret; "none" when neither decoding hook could be installed. */
export type SecretTracking = "decoder" | "struct" | "none";
let tracking: SecretTracking = "none";

export const secretTracking = (): SecretTracking => tracking;
export function setSecretTracking(t: SecretTracking): void {
  tracking = t;
}
