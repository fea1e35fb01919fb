// The engine's wire encoding of property values, as the Pulumi engine marshals them for analyzers
// (pulumi/pulumi sdk/go/common/resource/plugin/rpc.go, MarshalOptions{KeepUnknowns, KeepSecrets,
// SkipInternalKeys}). Values are plain JSON inside a google.protobuf.Struct:
// - an unknown (computed) value is the string sentinel below;
// - a secret is an object {<SIG_KEY>: SECRET_SIG, value: <wire value>}.
// `UNKNOWN` and `secret()` produce exactly these shapes, so a resource written by hand and a resource
// recorded from a program share one representation and need no further encoding.

/** The engine's sentinel for an unknown value (`plugin.UnknownStringValue`). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The key that marks a special (signature-typed) object. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const RESOURCE_REFERENCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
export const OUTPUT_VALUE_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

/** A JSON value as it travels inside a protobuf Struct. */
export type WireValue = null | boolean | number | string | WireValue[] | { [key: string]: WireValue };
export type WireObject = { [key: string]: WireValue };

export type WireSecret = {
  [SIG_KEY]: typeof SECRET_SIG;
  value: WireValue;
};

/** Wraps a value as the engine sends a secret. */
export function secret(value: WireValue): WireSecret {
  return { [SIG_KEY]: SECRET_SIG, value };
}

export function isSecret(value: unknown): value is WireSecret {
  return isPlainObject(value) && value[SIG_KEY] === SECRET_SIG && "value" in value;
}

export function isUnknown(value: unknown): value is typeof UNKNOWN {
  return value === UNKNOWN;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks that `value` can travel in a protobuf Struct and returns it with `undefined` object entries
 * dropped (the engine treats an absent property and an undefined one alike). Throws on anything
 * else that JSON cannot carry (functions, symbols, bigints, non-finite numbers, class instances).
 */
export function toWireValue(value: unknown, path = "properties"): WireValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} cannot be sent over the wire`);
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => toWireValue(v === undefined ? null : v, `${path}[${i}]`));
  if (isPlainObject(value)) {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError(`${path}: only plain objects can be sent over the wire`);
    }
    const out: WireObject = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) out[k] = toWireValue(v, `${path}.${k}`);
    }
    return out;
  }
  throw new TypeError(`${path}: a ${typeof value} cannot be sent over the wire`);
}

export function toWireObject(value: Record<string, unknown>, path = "properties"): WireObject {
  const wire = toWireValue(value, path);
  if (!isPlainObject(wire)) throw new TypeError(`${path}: expected an object`);
  return wire as WireObject;
}
