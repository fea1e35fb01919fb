import { ACCESS_LEVELS, type AccessEdge, type AccessPrincipal, type InventoryGap, type InventoryStore, type LevelCounts, type PrincipalReachSummary, type StoreAccessSummary } from "./model";

const reaches = (e: AccessEdge): boolean => e.status === "allowed" || e.status === "conditional";

/** Distinct `other` ids per level (allowed or conditional) and with an unknown edge. */
function countBy(edges: readonly AccessEdge[], other: (e: AccessEdge) => string): LevelCounts {
  const sets = { read: new Set<string>(), write: new Set<string>(), manage: new Set<string>(), unknown: new Set<string>() };
  for (const e of edges) {
    if (reaches(e)) sets[e.level].add(other(e));
    else if (e.status === "unknown") sets.unknown.add(other(e));
  }
  return { read: sets.read.size, write: sets.write.size, manage: sets.manage.size, unknown: sets.unknown.size };
}

function groupBy(edges: readonly AccessEdge[], key: (e: AccessEdge) => string): Map<string, AccessEdge[]> {
  const out = new Map<string, AccessEdge[]>();
  for (const e of edges) out.set(key(e), [...(out.get(key(e)) ?? []), e]);
  return out;
}

/** Per store (in the stores' order): principals per level; public when everyone is granted a level. */
export function storeSummaries(stores: readonly InventoryStore[], access: readonly AccessEdge[]): StoreAccessSummary[] {
  const byStore = groupBy(access, (e) => e.store);
  return stores.map((s) => {
    const edges = byStore.get(s.id) ?? [];
    return { store: s.id, principals: countBy(edges, (e) => e.principal), public: edges.some((e) => e.principal === "public" && reaches(e)) };
  });
}

/** Per principal: stores reached per level, customer-data stores and segments reached; widest first. */
export function principalSummaries(stores: readonly InventoryStore[], principals: readonly AccessPrincipal[], access: readonly AccessEdge[]): PrincipalReachSummary[] {
  const storeById = new Map(stores.map((s) => [s.id, s]));
  const byPrincipal = groupBy(access, (e) => e.principal);
  const rows = principals.map((p) => {
    const edges = byPrincipal.get(p.id) ?? [];
    const reached = [...new Set(edges.filter(reaches).map((e) => e.store))];
    const reachedStores = reached.map((id) => storeById.get(id)).filter((s) => s !== undefined);
    const segments = new Set(reachedStores.flatMap((s) => (s.segmentState === "tagged" && s.segment ? s.segment.split(", ") : [])));
    return {
      summary: {
        principal: p.id,
        stores: countBy(edges, (e) => e.store),
        customerDataStores: reachedStores.filter((s) => s.classification.customerData === true).length,
        segments: [...segments].sort(),
      },
      total: reached.length,
    };
  });
  rows.sort((a, b) => b.summary.customerDataStores - a.summary.customerDataStores || b.total - a.total || a.summary.principal.localeCompare(b.summary.principal));
  return rows.map((r) => r.summary);
}

const LEVEL_ORDER = new Map(ACCESS_LEVELS.map((l, i) => [l, i]));

/** Edges by store, principal, level. */
export const byStorePrincipalLevel = (a: AccessEdge, b: AccessEdge): number =>
  a.store.localeCompare(b.store) || a.principal.localeCompare(b.principal) || (LEVEL_ORDER.get(a.level) ?? 0) - (LEVEL_ORDER.get(b.level) ?? 0);

/** Sorted by subject and reason, each once. */
export function sortGaps(gaps: readonly InventoryGap[]): InventoryGap[] {
  const seen = new Map(gaps.map((g) => [`${g.subject}\u0000${g.reason}`, g]));
  return [...seen.values()].sort((a, b) => a.subject.localeCompare(b.subject) || a.reason.localeCompare(b.reason));
}
