// Plain-text descriptions of inventory facts, shared by the HTML, CSV and Markdown renderers so the three
// say the same thing in the same words. Escaping is the caller's job (each format escapes differently).
import type {
  AccessEdge,
  AccessGrant,
  AccessLimit,
  AccessPrincipal,
  DataInventory,
  Fact,
  InventoryStore,
  LevelCounts,
  PrincipalReachSummary,
  StoreAccessSummary,
} from "../../access/model";

const NO_COUNTS: LevelCounts = { read: 0, write: 0, manage: 0, unknown: 0 };

/** Lookups by id over one document; a summary the document lacks reads as zero counts. */
export interface InventoryIndex {
  readonly store: (id: string) => InventoryStore | undefined;
  readonly principal: (id: string) => AccessPrincipal | undefined;
  readonly storeCounts: (id: string) => LevelCounts;
  readonly edgesOfStore: (id: string) => readonly AccessEdge[];
  readonly edgesOfPrincipal: (id: string) => readonly AccessEdge[];
  /** Principals widest-reaching first (the summaries' order), then any principal without a summary. */
  readonly rankedPrincipals: readonly { readonly principal: AccessPrincipal; readonly summary?: PrincipalReachSummary }[];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export function indexInventory(doc: DataInventory): InventoryIndex {
  const stores = new Map(doc.stores.map((s) => [s.id, s]));
  const principals = new Map(doc.principals.map((p) => [p.id, p]));
  const storeSummaries = new Map<string, StoreAccessSummary>(doc.storeSummaries.map((s) => [s.store, s]));
  const byStore = groupBy(doc.access, (e) => e.store);
  const byPrincipal = groupBy(doc.access, (e) => e.principal);
  const ranked: { principal: AccessPrincipal; summary?: PrincipalReachSummary }[] = [];
  const seen = new Set<string>();
  for (const summary of doc.principalSummaries) {
    const principal = principals.get(summary.principal);
    if (!principal || seen.has(principal.id)) continue;
    seen.add(principal.id);
    ranked.push({ principal, summary });
  }
  for (const principal of doc.principals) if (!seen.has(principal.id)) ranked.push({ principal });
  return {
    store: (id) => stores.get(id),
    principal: (id) => principals.get(id),
    storeCounts: (id) => storeSummaries.get(id)?.principals ?? NO_COUNTS,
    edgesOfStore: (id) => byStore.get(id) ?? [],
    edgesOfPrincipal: (id) => byPrincipal.get(id) ?? [],
    rankedPrincipals: ranked,
  };
}

export interface InventoryTotals {
  readonly stores: number;
  readonly customerDataStores: number;
  readonly principals: number;
  readonly publicStores: number;
  readonly unknownEdges: number;
  readonly gaps: number;
}

export function inventoryTotals(doc: DataInventory): InventoryTotals {
  return {
    stores: doc.stores.length,
    customerDataStores: doc.stores.filter((s) => s.classification.customerData === true).length,
    principals: doc.principals.length,
    publicStores: doc.stores.filter((s) => s.exposure.public.state === "yes").length,
    unknownEdges: doc.access.filter((e) => e.status === "unknown").length,
    gaps: doc.gaps.length,
  };
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "12 principals can read customer-db · 3 can write · 1 can manage" (+ "· 2 unknown" when some are). */
export function storeCountLine(storeName: string, counts: LevelCounts): string {
  const parts = [`${plural(counts.read, "principal", "principals")} can read ${storeName}`, `${counts.write} can write`, `${counts.manage} can manage`];
  if (counts.unknown > 0) parts.push(`${counts.unknown} unknown`);
  return parts.join(" · ");
}

/** "reaches 3 stores to read · 1 to write · 0 to manage (2 with customer data)". */
export function principalCountLine(summary: PrincipalReachSummary | undefined): string {
  if (!summary) return "reaches no store";
  const c = summary.stores;
  const parts = [`reaches ${plural(c.read, "store", "stores")} to read`, `${c.write} to write`, `${c.manage} to manage`];
  if (c.unknown > 0) parts.push(`${c.unknown} unknown`);
  return `${parts.join(" · ")} (${summary.customerDataStores} with customer data)`;
}

export function classificationText(store: InventoryStore): string {
  const c = store.classification;
  const basis = { tag: "tagged", assumed: "assumed", "unrecognized-tag": "unrecognized tag", unknown: "unknown" }[c.basis];
  return `${c.level ?? "unknown"} (${basis})`;
}

export function customerDataText(store: InventoryStore): string {
  const c = store.classification.customerData;
  return c === "unknown" ? "unknown" : c ? "yes" : "no";
}

export function segmentText(store: InventoryStore): string {
  if (store.segmentState === "unknown") return "unknown";
  return store.segment ?? "none";
}

export function encryptionText(store: InventoryStore): string {
  const e = store.encryption;
  if (e.state !== "encrypted") return e.detail ? `${e.state}: ${e.detail}` : e.state;
  const parts = [e.keyManager ? `${e.keyManager} key` : "encrypted"];
  if (e.key) parts.push(e.key);
  if (e.keyOwner) parts.push(`key owner ${e.keyOwner}`);
  return parts.join(", ");
}

export function factText(fact: Fact): string {
  return fact.detail ? `${fact.state}: ${fact.detail}` : fact.state;
}

export function crossAccountText(store: InventoryStore): string {
  return store.exposure.crossAccount.length === 0 ? "none" : store.exposure.crossAccount.join(", ");
}

export function ownerText(store: InventoryStore): string {
  const entries = Object.entries(store.owner);
  return entries.length === 0 ? "none" : entries.map(([k, v]) => `${k}=${v}`).join(", ");
}

export function actionsText(grant: AccessGrant): string {
  const more = grant.actionCount - grant.actions.length;
  return grant.actions.join(", ") + (more > 0 ? ` (+${more} more)` : "");
}

/** "inline policy 'x' of role y, statement S: s3:GetObject (if aws:SourceIp)". */
export function grantText(grant: AccessGrant): string {
  const conditions = grant.conditions.length > 0 ? ` (if ${grant.conditions.join(", ")})` : "";
  return `${grant.policy}, ${grant.statement}: ${actionsText(grant)}${conditions}`;
}

export function limitText(limit: AccessLimit): string {
  const where = limit.statement ? `${limit.policy}, ${limit.statement}` : limit.policy;
  const when = limit.unconditional ? "always" : `if ${limit.conditions.join(", ") || "conditions hold"}`;
  return `${limit.kind} by ${where} (${when})`;
}

/** "allowed", "conditional", "denied", "unknown: <reason>": the status in words, never colour alone. */
export function statusText(edge: AccessEdge): string {
  if (edge.status === "unknown") return `unknown: ${edge.reason ?? "no reason given"}`;
  return edge.reason && edge.status !== "allowed" ? `${edge.status}: ${edge.reason}` : edge.status;
}

/** "ops-admin (role)", "account 999988887777 (foreign account)", "the public": the kind only where the name lacks it. */
export function principalLabel(p: AccessPrincipal): string {
  if (p.kind === "public") return p.name;
  if (p.kind === "account") return p.foreign ? `${p.name} (foreign account)` : p.name;
  return p.foreign ? `${p.name} (${p.kind}, foreign account${p.account ? ` ${p.account}` : ""})` : `${p.name} (${p.kind})`;
}
