import { isUnknown } from "../../../core/value";
import type { Props } from "../props";

/**
 * The resource (of `candidates`) that `property` of `p` points at: by `propertyDependencies` first
 * (a new stack, where ARNs are unknown), else by a known value equal to one of `keys` of a candidate
 * (an existing stack). Undefined when none matches.
 */
export function joinedBy(p: Props, property: string, candidates: readonly Props[], keys: readonly string[]): Props | undefined {
  const deps = p.dependenciesOf(property);
  const byDependency = candidates.find((c) => deps.includes(c.resource.urn));
  if (byDependency) return byDependency;
  const value = p.str(property);
  if (typeof value !== "string") return undefined;
  return candidates.find((c) => keys.some((k) => c.str(k) === value));
}

/**
 * Whether two properties hold the same value: "yes" when they come from a common resource or their
 * known values are equal; "no" when known values differ, or both come from resources and none is
 * shared (two resources' ids); "maybe" when a value is unknown and that cannot be told.
 */
export function sameValue(a: Props, aPath: string, b: Props, bPath: string): "yes" | "no" | "maybe" {
  const aDeps = a.dependenciesOf(aPath);
  const bDeps = b.dependenciesOf(bPath);
  if (aDeps.some((d) => bDeps.includes(d))) return "yes";
  const av = a.str(aPath);
  const bv = b.str(bPath);
  if (typeof av === "string" && typeof bv === "string") return av === bv ? "yes" : "no";
  if (aDeps.length > 0 && bDeps.length > 0) return "no";
  return isUnknown(av) || isUnknown(bv) ? "maybe" : "no";
}

/** An enum value (a protocol, a policy keyword) for a message when it is one of `known`; anything else is not printed. */
export const enumText = (v: string, known: readonly string[]): string => (known.includes(v) ? v : "a value that is not one of " + known.join(", "));
