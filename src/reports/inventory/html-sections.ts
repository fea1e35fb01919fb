import type { AccessEdge, AccessPrincipal, DataInventory, Fact, InventoryStore, PrincipalReachSummary } from "../../access/model";
import { html, type SafeHtml } from "../render/html/safe-html";
import {
  classificationText,
  crossAccountText,
  customerDataText,
  encryptionText,
  grantText,
  inventoryTotals,
  limitText,
  ownerText,
  principalCountLine,
  segmentText,
  statusText,
  storeCountLine,
  type InventoryIndex,
} from "./describe";

/** What the live search matches: lower-cased texts joined by newlines, so a term never spans two fields. */
function searchText(parts: readonly (string | undefined)[]): string {
  return parts
    .filter((p): p is string => p !== undefined && p !== "")
    .join("\n")
    .toLowerCase();
}

function list(items: readonly string[], empty: string): SafeHtml {
  return items.length === 0 ? html`<span class="muted">${empty}</span>` : html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`;
}

function statusBadge(edge: AccessEdge): SafeHtml {
  return html`<span class="badge status-${edge.status}" data-status="${edge.status}">${statusText(edge)}</span>`;
}

/** The fact in words; "yes" (exposed) and "unknown" are also marked, never by colour alone. */
function fact(f: Fact): SafeHtml {
  return html`<span class="fact-${f.state}">${f.state}</span>${f.detail ? html`: ${f.detail}` : ""}`;
}

export function headerSection(doc: DataInventory): SafeHtml {
  const t = inventoryTotals(doc);
  const card = (key: string, n: number, label: string) => html`<li class="card" data-total="${key}"><span class="card-count">${n}</span> ${label}</li>`;
  return html`<header>
<h1>Customer-data inventory and access map</h1>
<dl class="meta">
<dt>Source</dt><dd>${doc.source.front === "scan" ? "AWS scan" : "Pulumi stack"}: ${doc.source.name}</dd>
<dt>Accounts</dt><dd>${doc.source.accounts.length === 0 ? "none" : doc.source.accounts.join(", ")}</dd>
</dl>
<ul class="cards" aria-label="Totals">
${card("stores", t.stores, "stores")}
${card("customer-data-stores", t.customerDataStores, "hold customer data")}
${card("principals", t.principals, "principals")}
${card("public-stores", t.publicStores, "public stores")}
${card("unknown-edges", t.unknownEdges, "unknown access edges")}
${card("gaps", t.gaps, "not assessed")}
</ul>
</header>`;
}

function storeFacts(store: InventoryStore): SafeHtml {
  const c = store.classification;
  return html`<dl class="facts">
<dt>Id</dt><dd class="mono">${store.id}</dd>
${store.account || store.region ? html`<dt>Where</dt><dd>${[store.account, store.region].filter(Boolean).join(", ")}</dd>` : ""}
<dt>Classification</dt><dd>${classificationText(store)}; customer data: ${customerDataText(store)}${c.detail ? html` <span class="muted">(${c.detail})</span>` : ""}</dd>
<dt>Segment</dt><dd>${segmentText(store)}</dd>
<dt>Encryption</dt><dd>${encryptionText(store)}</dd>
<dt>Public</dt><dd>${fact(store.exposure.public)}</dd>
<dt>Internet path</dt><dd>${fact(store.exposure.internetPath)}</dd>
<dt>Cross-account</dt><dd>${crossAccountText(store)}</dd>
<dt>Backups</dt><dd>${fact(store.backups)}</dd>
<dt>Retention</dt><dd>${fact(store.retention)}</dd>
<dt>Owners</dt><dd>${ownerText(store)}</dd>
</dl>`;
}

/**
 * Rows shown per store or principal: a page stays usable at 1,000 principals x 1,000 stores (an administrator
 * reaches every store); the CSV and JSON list every edge. The most telling rows come first.
 */
export const HTML_ROW_LIMIT = 50;

/** The public, then other accounts, then what is not known, then the rest, each in the document's order. */
function byConcern(edges: readonly AccessEdge[], index: InventoryIndex): AccessEdge[] {
  const rank = (e: AccessEdge): number => {
    const p = index.principal(e.principal);
    if (p?.kind === "public") return 0;
    if (p?.foreign) return 1;
    return e.status === "unknown" ? 2 : 3;
  };
  return edges.map((e, i) => ({ e, i, r: rank(e) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.e);
}

function moreRow(shown: number, all: number, columns: number): SafeHtml {
  return all > shown ? html`<tr class="more"><td colspan="${String(columns)}">… and ${String(all - shown)} more (the CSV and JSON outputs list every one)</td></tr>
` : html``;
}

function storeEntry(store: InventoryStore, index: InventoryIndex): SafeHtml {
  const all = index.edgesOfStore(store.id);
  const edges = byConcern(all, index).slice(0, HTML_ROW_LIMIT);
  const principals = all.map((e) => index.principal(e.principal));
  const rows = edges.map((edge) => {
    const p = index.principal(edge.principal);
    return html`<tr data-principal="${edge.principal}"><td>${p?.name ?? edge.principal}<br><span class="mono muted">${p?.arn ?? edge.principal}</span></td><td>${p ? `${p.kind}${p.foreign ? ", foreign" : ""}` : "unknown"}</td><td>${edge.level}</td><td>${statusBadge(edge)}</td><td>${list(edge.grants.map(grantText), "none")}</td><td>${list(edge.limits.map(limitText), "none")}</td></tr>\n`;
  });
  const text = searchText([
    store.name,
    store.id,
    store.arn,
    store.kind,
    store.label,
    segmentText(store),
    classificationText(store),
    ...principals.flatMap((p, i) => [p?.name, p?.arn, all[i]?.principal]),
  ]);
  const table =
    all.length === 0
      ? html`<p class="muted">No principal reaches it.</p>`
      : html`<table><thead><tr><th scope="col">Principal</th><th scope="col">Kind</th><th scope="col">Level</th><th scope="col">Status</th><th scope="col">Granted by</th><th scope="col">Limits</th></tr></thead><tbody>
${rows}${moreRow(edges.length, all.length, 6)}</tbody></table>`;
  return html`<section class="entry store-entry" data-store="${store.id}" data-search="${text}">
<h3>${store.name} <span class="muted">${store.label}</span></h3>
<p class="count-line">${storeCountLine(store.name, index.storeCounts(store.id))}</p>
${storeFacts(store)}
${table}
</section>`;
}

function principalEntry(principal: AccessPrincipal, summary: PrincipalReachSummary | undefined, rank: number, index: InventoryIndex): SafeHtml {
  const all = index.edgesOfPrincipal(principal.id);
  const edges = all.slice(0, HTML_ROW_LIMIT);
  const stores = all.map((e) => index.store(e.store));
  const rows = edges.map((edge) => {
    const s = index.store(edge.store);
    return html`<tr data-store="${edge.store}"><td>${s?.name ?? edge.store}</td><td>${s?.label ?? "unknown"}</td><td>${s ? segmentText(s) : "unknown"}</td><td>${edge.level}</td><td>${statusBadge(edge)}</td><td>${list(edge.grants.map(grantText), "none")}</td><td>${list(edge.limits.map(limitText), "none")}</td></tr>\n`;
  });
  const segments = summary?.segments ?? [];
  const text = searchText([
    principal.name,
    principal.id,
    principal.arn,
    principal.kind,
    principal.account,
    ...segments,
    ...stores.flatMap((s) => [s?.name, s?.label, s ? segmentText(s) : undefined, s ? classificationText(s) : undefined]),
  ]);
  const table =
    all.length === 0
      ? html`<p class="muted">Reaches no store.</p>`
      : html`<table><thead><tr><th scope="col">Store</th><th scope="col">Kind</th><th scope="col">Segment</th><th scope="col">Level</th><th scope="col">Status</th><th scope="col">Granted by</th><th scope="col">Limits</th></tr></thead><tbody>
${rows}${moreRow(edges.length, all.length, 7)}</tbody></table>`;
  return html`<section class="entry principal-entry" data-principal="${principal.id}" data-search="${text}">
<h3><span class="muted">#${rank}</span> ${principal.name} <span class="muted">${principal.kind}</span>${principal.foreign ? html` <span class="badge status-conditional">foreign account${principal.account ? ` ${principal.account}` : ""}</span>` : ""}</h3>
<p class="count-line">${principalCountLine(summary)}</p>
<dl class="facts">
<dt>Id</dt><dd class="mono">${principal.arn ?? principal.id}</dd>
<dt>Segments reached</dt><dd>${segments.length === 0 ? "none" : segments.join(", ")}</dd>
</dl>
${table}
</section>`;
}

export function toolbar(): SafeHtml {
  return html`<div class="toolbar" id="toolbar" hidden>
<div role="tablist" aria-label="Views">
<button type="button" role="tab" id="tab-stores" aria-controls="view-stores" aria-selected="true">Stores → principals</button>
<button type="button" role="tab" id="tab-principals" aria-controls="view-principals" aria-selected="false">Principals → stores</button>
</div>
<form id="search-form" role="search"><label for="inventory-search">Search</label> <input id="inventory-search" type="search" autocomplete="off" spellcheck="false" placeholder="store, kind, segment, classification, principal, ARN…"></form>
</div>`;
}

export function storesView(doc: DataInventory, index: InventoryIndex): SafeHtml {
  return html`<section id="view-stores" role="tabpanel" aria-labelledby="tab-stores">
<h2>Stores → principals</h2>
<p id="store-count" aria-live="polite">${doc.stores.length} of ${doc.stores.length} stores shown</p>
${doc.stores.map((s) => storeEntry(s, index))}
</section>`;
}

export function principalsView(index: InventoryIndex): SafeHtml {
  const ranked = index.rankedPrincipals;
  return html`<section id="view-principals" role="tabpanel" aria-labelledby="tab-principals">
<h2>Principals → stores, widest-reaching first</h2>
<p id="principal-count" aria-live="polite">${ranked.length} of ${ranked.length} principals shown</p>
${ranked.map((r, i) => principalEntry(r.principal, r.summary, i + 1, index))}
</section>`;
}

export function gapsSection(doc: DataInventory, index: InventoryIndex): SafeHtml {
  if (doc.gaps.length === 0) return html`<section id="gaps"><h2>Not assessed</h2><p>Everything was assessed.</p></section>`;
  const name = (id: string) => index.store(id)?.name ?? index.principal(id)?.name ?? id;
  return html`<section id="gaps" class="alert"><h2>Not assessed: ${doc.gaps.length}</h2>
<p>These were not judged fully: their access is neither allowed nor denied here.</p>
<table><thead><tr><th scope="col">Subject</th><th scope="col">Reason</th></tr></thead><tbody>
${doc.gaps.map((g) => html`<tr><td>${name(g.subject)}<br><span class="mono muted">${g.subject}</span></td><td>${g.reason}</td></tr>\n`)}</tbody></table>
</section>`;
}

export function shadowSection(doc: DataInventory, index: InventoryIndex): SafeHtml {
  const s = doc.shadow;
  if (!s) return html``;
  const store = (id: string) => {
    const found = index.store(id);
    return html`${found ? html`${found.name} <span class="muted">${found.label}</span><br>` : ""}<span class="mono muted">${id}</span>`;
  };
  return html`<section id="shadow"><h2>Shadow stores</h2>
<p>Compared with: ${s.stateFiles.length === 0 ? "no state file" : s.stateFiles.join(", ")}</p>
<h3>Unmanaged: ${s.unmanaged.length} live ${s.unmanaged.length === 1 ? "store" : "stores"} no stack manages</h3>
${s.unmanaged.length === 0 ? html`<p>None.</p>` : html`<ul id="unmanaged">${s.unmanaged.map((u) => html`<li>${store(u.store)}</li>`)}</ul>`}
<h3>Drifted: ${s.drifted.length} stack-managed ${s.drifted.length === 1 ? "store differs" : "stores differ"} from the stack</h3>
${
  s.drifted.length === 0
    ? html`<p>None.</p>`
    : html`<table id="drifted"><thead><tr><th scope="col">Store</th><th scope="col">Stack resource</th><th scope="col">Differences (setting: stack → live)</th></tr></thead><tbody>
${s.drifted.map((d) => html`<tr><td>${store(d.store)}</td><td><span class="mono">${d.urn}</span><br><span class="muted">${d.stateFile}</span></td><td>${list(d.differences.map((x) => `${x.setting}: ${x.stack} → ${x.live}`), "not listed")}</td></tr>\n`)}</tbody></table>`
}
</section>`;
}
