import { isUnknown, unknown, type Unknown, type Val } from "../../../core/value";
import type { Props } from "../props";

/** Models of one kind a property may refer to, found by URN (dependencies) or by a known value. */
export interface ModelLookup {
  has(urn: string): boolean;
  /** The model a configured value names: a URN, an ARN or a name. */
  byValue(value: string): string | undefined;
}

/** One reference as configured, and the model it joins when one is found. */
export interface Reference {
  readonly value: Val<string | undefined>;
  readonly joined?: string;
}

/** The references of a list property; `unknownList` when the list itself is not known. */
export interface ListReference {
  readonly items: readonly Reference[];
  readonly unknownList?: Unknown;
}

/**
 * A property naming one model: its dependencies decide first (they exist in preview, when names
 * and ARNs are not known yet), then its known value.
 */
export function singleReference(p: Props, property: string, lookup: ModelLookup): Reference {
  const value = p.str(property);
  const byDependency = p.dependenciesOf(property).find((urn) => lookup.has(urn));
  if (byDependency !== undefined) return { value, joined: byDependency };
  const byValue = typeof value === "string" ? lookup.byValue(value) : undefined;
  return byValue === undefined ? { value } : { value, joined: byValue };
}

/**
 * A list property naming models. Elements with known values join by value; the property's
 * dependencies (one list for all elements) then account for the elements that did not join,
 * unknown ones first.
 */
export function listReference(p: Props, property: string, lookup: ModelLookup): ListReference {
  const raw = p.get(property);
  const fromDependencies = [...new Set(p.dependenciesOf(property).filter((urn) => lookup.has(urn)))];
  if (isUnknown(raw)) {
    if (fromDependencies.length === 0) return { items: [], unknownList: raw };
    return { items: fromDependencies.map((joined) => ({ value: raw, joined })) };
  }
  if (raw === undefined || raw === null) return { items: [] };
  const paths = Array.isArray(raw) ? raw.map((_v, i) => `${property}.${i}`) : [property];
  const items: Reference[] = paths.map((path) => {
    const value = p.str(path);
    const joined = typeof value === "string" ? lookup.byValue(value) : undefined;
    return joined === undefined ? { value } : { value, joined };
  });
  const taken = new Set(items.flatMap((i) => (i.joined === undefined ? [] : [i.joined])));
  const spare = fromDependencies.filter((urn) => !taken.has(urn));
  const order = [...items.keys()].sort((a, b) => rank(items[a]) - rank(items[b]));
  for (const i of order) {
    const item = items[i];
    if (spare.length === 0 || item === undefined || item.joined !== undefined) continue;
    items[i] = { value: item.value, joined: spare.shift() as string };
  }
  for (const joined of spare) items.push({ value: unknown("preview", `an element of ${property} of ${p.resource.name} is computed during the update`), joined });
  return { items };
}

/** Unknown elements take dependencies before known values that named nothing. */
function rank(item: Reference | undefined): number {
  return item !== undefined && isUnknown(item.value) ? 0 : 1;
}
