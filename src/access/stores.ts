import { describeClassification } from "../core/classification";
import type { GuardConfig } from "../core/config";
import { isUnknown } from "../core/value";
import { parseArn } from "../iam/arn";
import type { DataStore } from "../models/data-store";
import type { Inventory } from "../models/inventory";
import { classifyStore, storeFacts } from "../models/store-kind-facts";
import { storeSegments } from "../rules/segregation/segment-facts";
import type { AccessEdge, AccessPrincipal, Fact, InventoryStore, StoreClassification } from "./model";
import { ownerTags } from "./owner-tags";
import { storeEncryption } from "./store-encryption";
import { BACKUP_RULES, factFromFindings, failText, failureOf, INTERNET_PATH_RULES, openOf, PUBLIC_RULES, RETENTION_RULES, type FindingIndex } from "./store-verdicts";

/** What describing one store reads besides the store. */
export interface StoreContext {
  readonly inventory: Inventory;
  readonly config: GuardConfig;
  readonly ownAccounts: readonly string[];
  readonly findings: FindingIndex;
  /** The access map's edges to this store. */
  readonly edges: readonly AccessEdge[];
  readonly principals: ReadonlyMap<string, AccessPrincipal>;
}

const API_ONLY = { state: "no", detail: "no network path: the store is reached only through its service's API, as the access map shows" } as const;

export function inventoryStore(store: DataStore, ctx: StoreContext): InventoryStore {
  const arn = storeArn(store);
  const fromArn = arn ? parseArn(arn) : undefined;
  const account = store.ref.account ?? (fromArn?.account || undefined);
  const region = store.ref.region ?? (fromArn?.region || undefined);
  const classification = storeClassification(store, ctx.config);
  const notJudged = classification.customerData === false ? "not judged: the store does not hold customer data" : "not judged for this kind of store";
  return {
    id: store.ref.id,
    kind: store.kind,
    label: storeFacts(store.kind, store.variant).label,
    name: store.physicalName ?? store.ref.name,
    ...(arn ? { arn } : {}),
    ...(account ? { account } : {}),
    ...(region ? { region } : {}),
    classification,
    ...segmentOf(store, ctx.config),
    encryption: storeEncryption(store, ctx.inventory.keys, ctx.ownAccounts),
    exposure: {
      public: publicFact(store, ctx),
      internetPath: factFromFindings(ctx.findings, store.ref.id, INTERNET_PATH_RULES, { onFail: "yes", none: storeFacts(store.kind).apiOnly ? API_ONLY : notJudged }),
      crossAccount: crossAccounts(store, ctx),
    },
    backups: factFromFindings(ctx.findings, store.ref.id, BACKUP_RULES, { onFail: "no", none: notJudged }),
    retention: factFromFindings(ctx.findings, store.ref.id, RETENTION_RULES, { onFail: "no", none: notJudged }),
    owner: ownerTags(store.tags),
  };
}

/** The ARN when known; else the model id when it is an ARN (the scanner's ids are). */
function storeArn(store: DataStore): string | undefined {
  const arn = store.arn;
  if (arn !== undefined && !isUnknown(arn) && arn.length > 0) return arn;
  return parseArn(store.ref.id) ? store.ref.id : undefined;
}

export function storeClassification(store: DataStore, config: GuardConfig): StoreClassification {
  const c = classifyStore(store, config);
  if (isUnknown(c)) return { basis: "unknown", customerData: "unknown", detail: `classification not known: ${c.detail}` };
  const basis = c.basis === "default" ? "assumed" : c.basis;
  return { level: c.level, basis, customerData: c.customerData, detail: describeClassification(c, config) };
}

/** Several segments on one store are kept as the tag says them, comma-separated. */
function segmentOf(store: DataStore, config: GuardConfig): Pick<InventoryStore, "segment" | "segmentState"> {
  const all = storeSegments(store, config);
  if (isUnknown(all)) return { segment: "unknown", segmentState: "unknown" };
  return all.length === 0 ? { segmentState: "untagged" } : { segment: all.join(", "), segmentState: "tagged" };
}

const reaches = (e: AccessEdge): boolean => e.status === "allowed" || e.status === "conditional";

/**
 * Public: the access map grants the `public` principal a level, or a rule found a public endpoint,
 * ACL or policy; unknown when either side could not tell.
 */
function publicFact(store: DataStore, ctx: StoreContext): Fact {
  const publicEdges = ctx.edges.filter((e) => e.principal === "public");
  const granted = publicEdges.filter(reaches);
  if (granted.length > 0) return { state: "yes", detail: granted.map(grantText).join("; ") };
  const failed = failureOf(ctx.findings, store.ref.id, PUBLIC_RULES);
  if (failed) return { state: "yes", detail: failText(failed) };
  const unknownEdges = publicEdges.filter((e) => e.status === "unknown");
  const open = openOf(ctx.findings, store.ref.id, PUBLIC_RULES);
  if (unknownEdges.length > 0 || open.length > 0) {
    const why = [...unknownEdges.map((e) => `${e.level} access of everyone: ${e.reason ?? "not known"}`), ...open.map((f) => f.message)];
    return { state: "unknown", detail: [...new Set(why)].join("; ") };
  }
  return { state: "no", detail: "no grant to everyone and no public endpoint found" };
}

function grantText(e: AccessEdge): string {
  const g = e.grants[0];
  const how = e.status === "conditional" ? ` under conditions${g && g.conditions.length > 0 ? ` (${g.conditions.join(", ")})` : ""}` : "";
  return g ? `${e.level} granted to everyone by ${g.policy}, ${g.statement}${how}` : `${e.level} granted to everyone${how}`;
}

/** Foreign accounts (and their roles and users) the access map lets reach the store, and accounts its snapshots are shared with. */
function crossAccounts(store: DataStore, ctx: StoreContext): string[] {
  const out = new Set<string>();
  for (const e of ctx.edges) {
    if (!reaches(e)) continue;
    const p = ctx.principals.get(e.principal);
    if (!p?.foreign) continue;
    const account = p.account ?? (p.id.startsWith("account:") ? p.id.slice("account:".length) : undefined);
    if (account) out.add(account);
  }
  for (const share of ctx.inventory.exposures?.get(store.ref.id)?.shares ?? []) {
    const g = share.grantee;
    if (!isUnknown(g) && g.kind === "account" && !ctx.ownAccounts.includes(g.account)) out.add(g.account);
  }
  return [...out].sort();
}
