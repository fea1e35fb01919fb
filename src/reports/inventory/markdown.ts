import type { AccessEdge, DataInventory, InventoryStore } from "../../access/model";
import { markdownText } from "../render/markdown-escape";
import {
  classificationText,
  crossAccountText,
  encryptionText,
  factText,
  grantText,
  indexInventory,
  inventoryTotals,
  limitText,
  ownerText,
  principalLabel,
  segmentText,
  statusText,
  storeCountLine,
  type InventoryIndex,
} from "./describe";

/** Principals listed per store, and principals in the ranking; the rest are counted. */
export const MARKDOWN_LIST_LIMIT = 20;
const MAX_TEXT = 300;
const NO_DIFFERENCE = { setting: "(not listed)", stack: "", live: "" };

const md = (text: string, max = MAX_TEXT) => markdownText(text, max);
const cells = (values: readonly (string | number)[]) => `| ${values.join(" | ")} |\n`;
const separator = (n: number) => `|${"---|".repeat(n)}\n`;

function summary(doc: DataInventory): string {
  const t = inventoryTotals(doc);
  const accounts = doc.source.accounts.length === 0 ? "none" : doc.source.accounts.map((a) => md(a, 40)).join(", ");
  return (
    `# Customer-data inventory: ${md(doc.source.name, 200)}\n\n` +
    `Source: ${doc.source.front === "scan" ? "AWS scan" : "Pulumi stack"} · accounts: ${accounts}\n\n` +
    `- Stores: ${t.stores} (${t.customerDataStores} holding customer data, ${t.publicStores} public)\n` +
    `- Principals: ${t.principals}\n` +
    `- Access edges: ${doc.access.length} (${t.unknownEdges} unknown)\n` +
    `- Not assessed (gaps): ${t.gaps}\n`
  );
}

function storesTable(doc: DataInventory, index: InventoryIndex): string {
  const header = ["store", "kind", "classification", "segment", "encryption", "public", "internet path", "cross-account", "backups", "retention", "owner", "read", "write", "manage"];
  const rows = doc.stores.map((s) => {
    const c = index.storeCounts(s.id);
    return cells([
      md(s.name, 200),
      md(s.label, 60),
      md(classificationText(s), 80),
      md(segmentText(s), 80),
      md(encryptionText(s)),
      md(factText(s.exposure.public)),
      md(factText(s.exposure.internetPath)),
      md(crossAccountText(s)),
      md(factText(s.backups)),
      md(factText(s.retention)),
      md(ownerText(s)),
      c.read,
      c.write,
      c.manage,
    ]);
  });
  return `\n## Stores\n\n${doc.stores.length === 0 ? "No stores.\n" : cells(header) + separator(header.length) + rows.join("")}`;
}

/** "read allowed; write unknown: ... — via inline policy ..., Statement[0]: s3:GetObject". */
function edgeText(edge: AccessEdge): string {
  const grants = edge.grants.map(grantText).join("; ");
  const limits = edge.limits.map(limitText).join("; ");
  return `${edge.level} ${statusText(edge)}${grants ? ` (via ${grants})` : ""}${limits ? ` [${limits}]` : ""}`;
}

function reachOfStore(store: InventoryStore, index: InventoryIndex): string {
  const byPrincipal = new Map<string, AccessEdge[]>();
  for (const edge of index.edgesOfStore(store.id)) byPrincipal.set(edge.principal, [...(byPrincipal.get(edge.principal) ?? []), edge]);
  const entries = [...byPrincipal].slice(0, MARKDOWN_LIST_LIMIT).map(([id, edges]) => {
    const p = index.principal(id);
    return `- **${md(p ? principalLabel(p) : id, 200)}**: ${edges.map((e) => md(edgeText(e), 600)).join("; ")}\n`;
  });
  const more = byPrincipal.size - MARKDOWN_LIST_LIMIT;
  const list = byPrincipal.size === 0 ? "No principal reaches it.\n" : entries.join("") + (more > 0 ? `- … and ${more} more\n` : "");
  return `\n### ${md(store.name, 200)} (${md(store.label, 60)})\n\n${md(storeCountLine(store.name, index.storeCounts(store.id)), 400)}\n\n${list}`;
}

function ranking(index: InventoryIndex): string {
  const header = ["#", "principal", "kind", "foreign", "customer-data stores", "read", "write", "manage", "unknown", "segments"];
  const ranked = index.rankedPrincipals.filter((r) => r.summary !== undefined);
  const rows = ranked.slice(0, MARKDOWN_LIST_LIMIT).map(({ principal: p, summary: s }, i) =>
    cells([
      i + 1,
      md(p.name, 200),
      md(p.kind, 20),
      p.foreign ? `yes${p.account ? ` (${md(p.account, 40)})` : ""}` : "no",
      s?.customerDataStores ?? 0,
      s?.stores.read ?? 0,
      s?.stores.write ?? 0,
      s?.stores.manage ?? 0,
      s?.stores.unknown ?? 0,
      md(s && s.segments.length > 0 ? s.segments.join(", ") : "none"),
    ]),
  );
  const more = ranked.length - MARKDOWN_LIST_LIMIT;
  const body = ranked.length === 0 ? "No principal reaches a store.\n" : cells(header) + separator(header.length) + rows.join("") + (more > 0 ? `\n… and ${more} more\n` : "");
  return `\n## Widest-reaching principals\n\n${body}`;
}

function gaps(doc: DataInventory, index: InventoryIndex): string {
  if (doc.gaps.length === 0) return "\n## Not assessed\n\nEverything was assessed.\n";
  const name = (id: string) => index.store(id)?.name ?? index.principal(id)?.name ?? id;
  return `\n## Not assessed\n\n${doc.gaps.map((g) => `- ${md(name(g.subject), 200)}: ${md(g.reason)}\n`).join("")}`;
}

function shadow(doc: DataInventory, index: InventoryIndex): string {
  const s = doc.shadow;
  if (!s) return "";
  const name = (id: string) => {
    const store = index.store(id);
    return store ? `${md(store.name, 200)} (${md(store.label, 60)}, ${md(id, 300)})` : md(id, 300);
  };
  const files = s.stateFiles.map((f) => md(f, 200)).join(", ") || "none";
  const unmanaged = s.unmanaged.length === 0 ? "None.\n" : s.unmanaged.map((u) => `- ${name(u.store)}\n`).join("");
  const drifted =
    s.drifted.length === 0
      ? "None.\n"
      : cells(["store", "stack resource", "state file", "setting", "stack", "live"]) +
        separator(6) +
        s.drifted
          .flatMap((d) => (d.differences.length > 0 ? d.differences : [NO_DIFFERENCE]).map((diff) => cells([name(d.store), md(d.urn), md(d.stateFile, 200), md(diff.setting, 100), md(diff.stack), md(diff.live)])))
          .join("");
  return `\n## Shadow stores\n\nCompared with: ${files}\n\n### Unmanaged (no stack manages them)\n\n${unmanaged}\n### Drifted from the stack\n\n${drifted}`;
}

export function renderInventoryMarkdown(doc: DataInventory): string {
  const index = indexInventory(doc);
  return [
    summary(doc),
    storesTable(doc, index),
    `\n## Who can reach each store\n${doc.stores.map((s) => reachOfStore(s, index)).join("")}`,
    ranking(index),
    gaps(doc, index),
    shadow(doc, index),
  ].join("");
}
