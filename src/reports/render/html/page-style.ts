// The page's only style sheet, inlined (the Content-Security-Policy allows it by its hash).
export const PAGE_STYLE = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --panel: #f6f8fa; --focus: #0969da;
  --fail: #b42318; --fail-bg: #fee4e2; --na: #8a4b00; --na-bg: #fff1c2; --waived: #3e4c9a; --waived-bg: #e0e7ff;
  --pass: #116329; --pass-bg: #dafbe1; --expired: #7a1a8c; --expired-bg: #f7e1fb;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9da7b3; --line: #30363d; --panel: #161b22; --focus: #58a6ff;
    --fail: #ffa198; --fail-bg: #4c1512; --na: #f2cc60; --na-bg: #3d2e00; --waived: #a5b4fc; --waived-bg: #1e2550;
    --pass: #7ee787; --pass-bg: #0f2d17; --expired: #e7a8f5; --expired-bg: #3a1342;
  }
}
* { box-sizing: border-box; }
body { margin: 0; padding: 1rem 1.5rem 3rem; background: var(--bg); color: var(--fg);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .92em; }
a { color: var(--focus); }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.verdict { font-size: 1.1rem; font-weight: 600; margin: .25rem 0 .75rem; padding: .4rem .75rem; border-radius: 6px; display: inline-block; }
.verdict-fail { color: var(--fail); background: var(--fail-bg); }
.verdict-not-assessed { color: var(--na); background: var(--na-bg); }
.verdict-pass { color: var(--pass); background: var(--pass-bg); }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.alert { border: 2px solid var(--na); background: var(--na-bg); border-radius: 8px; padding: .25rem 1rem .75rem; margin-top: 1rem; }
.alert h2 { color: var(--na); margin-top: .5rem; }
.assessed-all { border: 1px solid var(--line); border-radius: 8px; padding: .25rem 1rem; margin-top: 1rem; }
.cards { list-style: none; padding: 0; margin: 0 0 1rem; display: flex; flex-wrap: wrap; gap: .75rem; }
.card { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: .5rem 1rem; min-width: 10rem; background: var(--panel); }
.card-count { font-size: 1.6rem; font-weight: 700; }
.card-note { display: block; font-size: .85em; color: var(--muted); }
.card.status-fail { border-left-color: var(--fail); }
.card.status-not-assessed { border-left-color: var(--na); }
.card.status-waived { border-left-color: var(--waived); }
.card.status-pass { border-left-color: var(--pass); }
.tallies { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; }
table { border-collapse: collapse; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--panel); }
.findings thead th { position: sticky; top: 0; z-index: 1; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.has-fail { color: var(--fail); font-weight: 600; }
td.has-not-assessed { color: var(--na); font-weight: 700; background: var(--na-bg); }
td.has-waived { color: var(--waived); }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 999px; font-size: .85em; font-weight: 600; white-space: nowrap; border: 1px solid currentColor; }
.status-fail.badge { color: var(--fail); background: var(--fail-bg); }
.status-not-assessed.badge { color: var(--na); background: var(--na-bg); }
.status-waived.badge { color: var(--waived); background: var(--waived-bg); }
.status-pass.badge { color: var(--pass); background: var(--pass-bg); }
.badge.expired { color: var(--expired); background: var(--expired-bg); }
.severity-critical { color: var(--fail); } .severity-critical.badge { background: var(--fail-bg); } .severity-high { color: var(--fail); }
.severity-medium { color: var(--na); } .severity-low { color: var(--muted); }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: flex-end; padding: .75rem; background: var(--panel);
  border: 1px solid var(--line); border-radius: 8px; }
.field { display: flex; flex-direction: column; gap: .15rem; }
.field label { font-size: .85em; color: var(--muted); }
.field-search input { width: 20rem; max-width: 80vw; }
input, select, button { font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: .25rem .5rem; }
select { max-width: 16rem; }
button { cursor: pointer; }
button:disabled { cursor: default; opacity: .5; }
.pager { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; margin: .75rem 0; }
.pager p { margin: 0; flex: 1 1 auto; }
/* Fixed layout: the widths come from the header, so a new page of rows is laid out without measuring every cell. */
.findings { width: 100%; table-layout: fixed; }
.findings .col-toggle { width: 2.75em; } .findings .col-status { width: 8em; } .findings .col-severity { width: 5.5em; }
.findings .col-rule { width: 7.5em; } .findings .col-resource { width: 13em; } .findings .col-account { width: 8em; }
.findings .col-region { width: 7.5em; }
@media (max-width: 1000px) { .findings { table-layout: auto; } }
.findings td.message { white-space: pre-wrap; overflow-wrap: anywhere; min-width: 16rem; }
.findings td.resource { overflow-wrap: anywhere; }
.findings td.nowrap { white-space: nowrap; }
.expander { width: 2rem; padding: 0 .3rem; line-height: 1.4; }
.expander[aria-expanded="true"] .chevron { display: inline-block; transform: rotate(90deg); }
tr.detail > td { background: var(--panel); padding: .5rem 1rem 1rem 2.5rem; }
.detail dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 0; }
.detail dt { color: var(--muted); font-weight: 600; }
.detail dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.detail ul { margin: 0; padding-left: 1.2rem; }
.waiver-expired { color: var(--expired); font-weight: 600; }
.detail dd.status-not-assessed { color: var(--na); font-weight: 600; }
.empty-row td { text-align: center; color: var(--muted); padding: 1rem; }
footer { margin-top: 2rem; color: var(--muted); font-size: .85em; }
@media print {
  body { padding: 0; font-size: 11px; }
  .filters, .pager button, .expander, #sort { display: none; }
  .findings thead th { position: static; }
  tr, .card { break-inside: avoid; }
  .alert { border-width: 2px; }
  a { color: inherit; }
}
`;
