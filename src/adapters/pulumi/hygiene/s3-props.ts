import { boundValue } from "../../../core/bounded-text";
import { isUnknown, type Val } from "../../../core/value";
import type { Props } from "../props";

/** The first Unknown in the list, else the list with its `undefined`s dropped. */
export function known<T>(items: readonly Val<T | undefined>[]): Val<T[]> {
  const out: T[] = [];
  for (const v of items) {
    if (isUnknown(v)) return v;
    if (v !== undefined) out.push(v);
  }
  return out;
}

/** A number where 0 (how the provider reports an unset nested number) is unset. */
export function positive(p: Props, path: string): Val<number | undefined> {
  const v = p.num(path);
  return v === 0 ? undefined : v;
}

/** A string where "" (how the provider reports an unset nested string) is unset. */
export function text(p: Props, path: string): Val<string | undefined> {
  const v = p.str(path);
  return v === "" ? undefined : v;
}

/** Tag keys of a `tags` map. */
export function tagKeys(p: Props, path: string): Val<string[]> {
  const tags = p.tags(path);
  if (isUnknown(tags)) return tags;
  return Object.keys(tags ?? {});
}

/**
 * The path of the first of several property names (a singular object or a plural list, across
 * provider versions) that is set under `base` ("" for top-level), or undefined when none is.
 */
export function objPath(p: Props, base: string, names: readonly string[]): Val<string | undefined> {
  for (const name of names) {
    const path = base ? `${base}.${name}` : name;
    const v = p.obj(path);
    if (isUnknown(v)) return v;
    if (v !== undefined) return p.itemPath(path, 0);
  }
  return undefined;
}

/** The resource name in a URN (its last `::` part). */
const nameOfUrn = (urn: string): string => urn.slice(urn.lastIndexOf("::") + 2);

/**
 * How a message names the bucket a property points to: its known name, else the Pulumi resource it
 * comes from (preview), else "a bucket known after the update".
 */
export function bucketNamed(p: Props, path: string, property: string): string {
  const name = p.str(path);
  if (typeof name === "string" && name !== "") return `bucket '${boundValue(name)}'`;
  const from = p.dependenciesOf(property)[0];
  return from ? `the bucket of resource '${nameOfUrn(from)}'` : "a bucket known after the update";
}
