import { isUnknown, unknown, type Val } from "../../../core/value";
import { isUnknownSentinel } from "../engine-resource";
import type { Props } from "../props";

/**
 * A policy document property as the IAM parser takes it: JSON text, or an object (v7 accepts
 * `PolicyDocument` objects) whose computed parts become Unknown("preview"). Unset or empty is
 * undefined: no policy.
 */
export function documentAt(p: Props, path: string): Val<unknown> {
  const v = p.get(path);
  if (v === undefined || v === null || v === "") return undefined;
  if (isUnknown(v)) return v;
  return withUnknowns(v, `${path} of ${p.resource.name}`);
}

function withUnknowns(v: unknown, where: string): unknown {
  if (isUnknownSentinel(v)) return unknown("preview", `part of ${where} is computed during the update`);
  if (Array.isArray(v)) return v.map((x) => withUnknowns(x, where));
  if (typeof v === "object" && v !== null) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withUnknowns(x, where)]));
  }
  return v;
}
