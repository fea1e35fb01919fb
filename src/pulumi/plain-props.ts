import { UNKNOWN_SENTINELS } from "../adapters/pulumi/engine-resource";

const UNKNOWN = [...UNKNOWN_SENTINELS][2] as string;
/** @pulumi/policy's proxy key for its target (proxy.ts `getSpecialProxyTarget`). */
const PROXY_TARGET = "__getSpecialProxyTarget";

/**
 * Copies the properties @pulumi/policy hands a policy out of its unknown-checking proxy: a
 * property it refuses to read (unknown during preview) becomes the engine's unknown sentinel,
 * so adapters judge it as "not assessed" instead of the proxy throwing mid-rule.
 */
export function plainProps(props: unknown): Record<string, unknown> {
  // The proxy hands out its (freshly deserialized, plain) target on this key; reading that is
  // far cheaper than copying through the proxy. Unknowns there are the engine's sentinels.
  const target = (props as Record<string, unknown> | null)?.[PROXY_TARGET];
  if (typeof target === "object" && target !== null && !Array.isArray(target)) return target as Record<string, unknown>;
  const v = copy(props);
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function copy(v: unknown): unknown {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (let i = 0; i < v.length; i++) out.push(read(v, i));
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = read(v as Record<string, unknown>, k);
  return out;
}

function read(container: unknown, key: string | number): unknown {
  try {
    return copy((container as Record<string | number, unknown>)[key]);
  } catch {
    return UNKNOWN;
  }
}
