// The inventory page's only style sheet and script, inlined; the Content-Security-Policy allows exactly
// these by their hashes.

export const INVENTORY_STYLE = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --panel: #f6f8fa; --focus: #0969da;
  --bad: #b42318; --bad-bg: #fee4e2; --warn: #8a4b00; --warn-bg: #fff1c2; --ok: #116329; --ok-bg: #dafbe1; --off: #3e4c9a; --off-bg: #e0e7ff;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9da7b3; --line: #30363d; --panel: #161b22; --focus: #58a6ff;
    --bad: #ffa198; --bad-bg: #4c1512; --warn: #f2cc60; --warn-bg: #3d2e00; --ok: #7ee787; --ok-bg: #0f2d17; --off: #a5b4fc; --off-bg: #1e2550;
  }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; padding: 1rem 1.5rem 3rem; background: var(--bg); color: var(--fg);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 0 0 .35rem; overflow-wrap: anywhere; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .92em; overflow-wrap: anywhere; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 .75rem; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.cards { list-style: none; padding: 0; margin: 0 0 1rem; display: flex; flex-wrap: wrap; gap: .75rem; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem; min-width: 9rem; background: var(--panel); }
.card-count { font-size: 1.5rem; font-weight: 700; display: block; }
.toolbar { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center;
  padding: .6rem .75rem; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; }
.toolbar input { width: 22rem; max-width: 80vw; }
input, button { font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: .25rem .6rem; }
button { cursor: pointer; }
[role=tab][aria-selected=true] { background: var(--focus); color: var(--bg); border-color: var(--focus); font-weight: 600; }
.entry { border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1rem; margin: .75rem 0; }
.count-line { font-weight: 600; margin: .35rem 0; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .25rem 0 .5rem; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: var(--panel); }
td ul { margin: 0; padding-left: 1.1rem; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 999px; font-size: .85em; font-weight: 600; border: 1px solid currentColor; }
.status-allowed { color: var(--ok); background: var(--ok-bg); }
.status-conditional { color: var(--warn); background: var(--warn-bg); }
.status-denied { color: var(--off); background: var(--off-bg); text-decoration: line-through; }
.status-unknown { color: var(--warn); background: var(--warn-bg); border-style: dashed; }
.fact-yes { color: var(--bad); font-weight: 600; }
.fact-unknown { color: var(--warn); font-weight: 600; }
.muted { color: var(--muted); }
.alert { border: 2px solid var(--warn); background: var(--warn-bg); border-radius: 8px; padding: .25rem 1rem .75rem; }
footer { margin-top: 2rem; color: var(--muted); font-size: .85em; }
@media print { .toolbar { display: none; } [role=tabpanel][hidden] { display: block !important; } .entry { break-inside: avoid; } }
`;

/**
 * Tabs and the live search. Everything is already in the page (rendered and escaped on the server side);
 * the script only hides and shows sections by their lower-cased `data-search` text, and writes counts with
 * textContent. Without JavaScript both views are simply shown one after the other.
 */
export const INVENTORY_SCRIPT = `"use strict";
(function () {
  var byId = function (id) { return document.getElementById(id); };
  var search = byId("inventory-search");
  var views = [
    { tab: byId("tab-stores"), panel: byId("view-stores"), count: byId("store-count"), noun: ["store", "stores"] },
    { tab: byId("tab-principals"), panel: byId("view-principals"), count: byId("principal-count"), noun: ["principal", "principals"] }
  ];

  function show(active) {
    views.forEach(function (v) {
      var on = v === active;
      v.tab.setAttribute("aria-selected", on ? "true" : "false");
      v.tab.tabIndex = on ? 0 : -1;
      v.panel.hidden = !on;
    });
  }

  function filter() {
    var terms = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    views.forEach(function (v) {
      var entries = v.panel.querySelectorAll(".entry");
      var shown = 0;
      entries.forEach(function (entry) {
        var text = entry.getAttribute("data-search") || "";
        var match = terms.every(function (t) { return text.indexOf(t) >= 0; });
        entry.hidden = !match;
        if (match) shown += 1;
      });
      v.count.textContent = shown + " of " + entries.length + " " + v.noun[entries.length === 1 ? 0 : 1] + " shown";
    });
  }

  views.forEach(function (v, i) {
    v.tab.addEventListener("click", function () { show(v); });
    v.tab.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
      var next = views[(i + 1) % views.length];
      show(next);
      next.tab.focus();
    });
  });
  byId("search-form").addEventListener("submit", function (event) { event.preventDefault(); });
  search.addEventListener("input", filter);
  byId("toolbar").hidden = false;
  show(views[0]);
  filter();
})();
`;
