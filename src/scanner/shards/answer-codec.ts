/**
 * JSON for the fetchers' raw answers, which hold what JSON alone loses: Dates, Maps and Sets (the SDK's
 * timestamps, per-name look-ups). A shard file keeps answers this way so that the merge adapts exactly
 * what an unsharded scan adapts. Tagged values are `{"$cdg": tag, "v": ...}`; a plain object that has a
 * `$cdg` key of its own is wrapped, so no answer can be mistaken for a tag.
 */
const TAG = "$cdg";

type Tagged = { [TAG]: "date" | "map" | "set" | "bytes" | "bigint" | "object"; v: unknown };

export function encodeAnswer(value: unknown): unknown {
  if (value === null || typeof value !== "object") return typeof value === "bigint" ? tag("bigint", value.toString()) : value;
  if (value instanceof Date) return tag("date", Number.isNaN(value.getTime()) ? null : value.toISOString());
  if (value instanceof Map) return tag("map", [...value].map(([k, v]) => [encodeAnswer(k), encodeAnswer(v)]));
  if (value instanceof Set) return tag("set", [...value].map(encodeAnswer));
  if (value instanceof Uint8Array) return tag("bytes", Buffer.from(value).toString("base64"));
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : encodeAnswer(v)));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined && typeof v !== "function") out[k] = encodeAnswer(v);
  return TAG in out ? tag("object", out) : out;
}

export function decodeAnswer(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(decodeAnswer);
  const o = value as Record<string, unknown>;
  if (typeof o[TAG] === "string" && Object.keys(o).length === 2 && "v" in o) return decodeTagged(o as Tagged);
  return decodeFields(o);
}

function decodeTagged(t: Tagged): unknown {
  switch (t[TAG]) {
    case "date":
      return t.v === null ? new Date(NaN) : new Date(String(t.v));
    case "map":
      return new Map((t.v as [unknown, unknown][]).map(([k, v]) => [decodeAnswer(k), decodeAnswer(v)]));
    case "set":
      return new Set((t.v as unknown[]).map(decodeAnswer));
    case "bytes":
      return new Uint8Array(Buffer.from(String(t.v), "base64"));
    case "bigint":
      return BigInt(String(t.v));
    case "object":
      return decodeFields(t.v as Record<string, unknown>);
    default:
      throw new Error(`unknown tag ${JSON.stringify(t[TAG])} in a shard file's answer`);
  }
}

function decodeFields(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = decodeAnswer(v);
  return out;
}

const tag = (t: Tagged[typeof TAG], v: unknown): Tagged => ({ [TAG]: t, v });
