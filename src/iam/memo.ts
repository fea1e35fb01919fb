/** How many JSON-text documents a memo keeps per kind; objects are held weakly and need no bound. */
const MAX_TEXT_ENTRIES = 4096;

/**
 * Memoizes a pure function of a policy document and its kind. Every rule reading the same document
 * (an inventory's principals, their attachments, the stack's resource policies) then shares one
 * parse and one analysis. Results are shared: callers must not mutate them.
 */
export function memoByDocument<R>(fn: (input: unknown, kind: string | undefined) => R): (input: unknown, kind: string | undefined) => R {
  const byObject = new Map<string | undefined, WeakMap<object, R>>();
  const byText = new Map<string | undefined, Map<string, R>>();
  return (input, kind) => {
    if (typeof input === "object" && input !== null) {
      let cache = byObject.get(kind);
      if (!cache) byObject.set(kind, (cache = new WeakMap()));
      let hit = cache.get(input);
      if (hit === undefined) cache.set(input, (hit = fn(input, kind)));
      return hit;
    }
    if (typeof input !== "string") return fn(input, kind);
    let cache = byText.get(kind);
    if (!cache) byText.set(kind, (cache = new Map()));
    let hit = cache.get(input);
    if (hit === undefined) {
      hit = fn(input, kind);
      if (cache.size >= MAX_TEXT_ENTRIES) cache.delete(cache.keys().next().value as string);
      cache.set(input, hit);
    }
    return hit;
  };
}
