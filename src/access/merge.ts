import type { AccessPrincipal, DataInventory, ShadowStores } from "./model";
import { byStorePrincipalLevel, principalSummaries, sortGaps, storeSummaries } from "./summaries";

/**
 * One inventory from several (an organization scan: one per account). Stores, principals and edges
 * are kept once by id; a principal is foreign only when it belongs to none of the merged accounts;
 * summaries are recomputed over the whole.
 */
export function mergeDataInventories(parts: readonly DataInventory[], name: string): DataInventory {
  const accounts = [...new Set(parts.flatMap((p) => p.source.accounts))].sort();
  const stores = uniqueBy(parts.flatMap((p) => p.stores), (s) => s.id).sort((a, b) => a.id.localeCompare(b.id));
  const principals = mergePrincipals(parts.flatMap((p) => p.principals), accounts);
  const access = uniqueBy(parts.flatMap((p) => p.access), (e) => `${e.store}\u0000${e.principal}\u0000${e.level}`).sort(byStorePrincipalLevel);
  const shadow = mergeShadow(parts.map((p) => p.shadow).filter((s) => s !== undefined));
  return {
    source: { front: parts[0]?.source.front ?? "scan", name, accounts },
    stores,
    principals,
    access,
    storeSummaries: storeSummaries(stores, access),
    principalSummaries: principalSummaries(stores, principals, access),
    gaps: sortGaps(parts.flatMap((p) => p.gaps)),
    ...(shadow ? { shadow } : {}),
  };
}

function uniqueBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  const out = new Map<string, T>();
  for (const t of items) if (!out.has(key(t))) out.set(key(t), t);
  return [...out.values()];
}

function mergePrincipals(all: readonly AccessPrincipal[], accounts: readonly string[]): AccessPrincipal[] {
  const byId = new Map<string, AccessPrincipal>();
  for (const p of all) {
    const seen = byId.get(p.id);
    byId.set(p.id, seen ? { ...seen, foreign: seen.foreign && p.foreign } : p);
  }
  return [...byId.values()]
    .map((p) => (p.foreign && p.account && accounts.includes(p.account) ? { ...p, foreign: false } : p))
    .sort((a, b) => a.id.localeCompare(b.id));
}

function mergeShadow(parts: readonly ShadowStores[]): ShadowStores | undefined {
  if (parts.length === 0) return undefined;
  return {
    stateFiles: [...new Set(parts.flatMap((p) => p.stateFiles))],
    unmanaged: uniqueBy(parts.flatMap((p) => p.unmanaged), (u) => u.store).sort((a, b) => a.store.localeCompare(b.store)),
    drifted: uniqueBy(parts.flatMap((p) => p.drifted), (d) => d.store).sort((a, b) => a.store.localeCompare(b.store)),
  };
}

