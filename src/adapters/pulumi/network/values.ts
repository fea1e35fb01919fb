import { typeName } from "../../../core/config";
import { isUnknown, unknown, type Unknown, type Val } from "../../../core/value";
import type { Props } from "../props";

/** The same wording as `Props` for a value of the wrong shape; never prints the value. */
export function malformed(p: Props, path: string, expected: string, got: unknown): Unknown {
  return unknown("error", `property '${path}' of ${p.resource.name} should be ${expected}, got ${typeName(got)}`);
}

/** A string property; the empty string (how the provider reports an unset nested field) is unset. */
export function optStr(p: Props, path: string): Val<string | undefined> {
  const v = p.str(path);
  return v === "" ? undefined : v;
}

/**
 * Whether the program set a property: known and non-empty, or unknown. (In planned state, `Props`
 * already reads an unknown no resource feeds, a provider-computed default, as not set.)
 */
export function isSet(p: Props, path: string): boolean {
  const v = p.get(path);
  if (isUnknown(v)) return v.reason === "preview";
  return v !== undefined && v !== null && v !== "";
}

/** A list of strings: each element read on its own so one unknown element stays one unknown. */
export function strList(p: Props, path: string): Val<readonly Val<string>[]> {
  const v = p.get(path);
  if (isUnknown(v)) return v;
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return malformed(p, path, "a list", v);
  const out: Val<string>[] = [];
  for (let i = 0; i < v.length; i++) {
    const s = p.str(`${path}.${i}`);
    if (isUnknown(s) && s.reason === "error") return s;
    if (s !== undefined && s !== "") out.push(s);
  }
  return out;
}

/**
 * Paths of the items of an inline block list (`routes`, `ingress`...). A list the provider
 * computes (unknown, and no dependency feeds it) holds no inline items: the program declared
 * none, and separate resources describe them. A list computed from other resources is Unknown.
 */
export function inlineItems(p: Props, path: string): Val<readonly string[]> {
  const n = p.count(path);
  if (isUnknown(n)) return n;
  return Array.from({ length: n }, (_, i) => p.itemPath(path, i));
}
