import type { Tags } from "../../core/classification";
import { unknown, type Unknown, type Val } from "../../core/value";
import type { CallFailure, Fetched } from "../../fetchers/aws/fetched";
import type { CoverageGap } from "./contribution";

/** The Unknown a model holds where a call did not answer. */
export function unknownOf(f: CallFailure): Unknown {
  return unknown(f.reason, `${f.action} (${f.region}) did not answer: ${f.detail}`);
}

/** A fetched answer read by `read`, or the Unknown saying why there is none. */
export function readFetched<T, U>(f: Fetched<T>, read: (value: T) => Val<U>): Val<U> {
  return f.ok ? read(f.value) : unknownOf(f.failure);
}

/** The coverage gap left by a listing that did not answer. */
export function gapOf(f: CallFailure, what: string): CoverageGap {
  return { service: f.service, region: f.region, what, action: f.action, reason: f.reason, detail: f.detail };
}

/** AWS's `[{Key, Value}]` tag lists (any casing of the field names) as a tag map. */
export function tagsOfList(list: readonly { readonly Key?: string; readonly Value?: string }[] | undefined): Tags {
  const tags: Record<string, string> = {};
  for (const t of list ?? []) if (t.Key !== undefined) tags[t.Key] = t.Value ?? "";
  return tags;
}
