import type { FindingStatus } from "../../../core/finding";
import type { CanonicalReport, ReportCoverage } from "../../report";
import { REASON_EXPLANATIONS, STATUS_LABELS } from "./labels";
import { html, type SafeHtml } from "./safe-html";
import { STATUSES, type ReportSummary, type Tally } from "./summary";

/** Deterministic grouping (no locale): 50000 -> "50,000". */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export function formatTime(iso: string): string {
  return iso.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC");
}

export function formatDuration(startedAt: string, finishedAt: string): string | undefined {
  const ms = Date.parse(finishedAt) - Date.parse(startedAt);
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

function list(values: readonly string[]): string {
  return values.length === 0 ? "none" : values.join(", ");
}

function scopeRows(report: CanonicalReport): SafeHtml[] {
  const scope = report.scope;
  if (scope.front === "aws") {
    return [
      html`<dt>Scope</dt><dd>AWS scan</dd>`,
      html`<dt>Accounts</dt><dd>${list(scope.accounts)}</dd>`,
      html`<dt>Regions</dt><dd>${list(scope.regions)}</dd>`,
      scope.regionsNotEnabled.length > 0 ? html`<dt>Regions not enabled</dt><dd>${list(scope.regionsNotEnabled)}</dd>` : html``,
    ];
  }
  return [
    html`<dt>Scope</dt><dd>Pulumi ${scope.operation}</dd>`,
    html`<dt>Project</dt><dd>${scope.project}</dd>`,
    html`<dt>Stack</dt><dd>${scope.stack}</dd>`,
  ];
}

function verdict(summary: ReportSummary): SafeHtml {
  const s = summary.byStatus;
  const notAssessed = s["not-assessed"] > 0 ? `, ${formatCount(s["not-assessed"])} not assessed` : "";
  const text =
    s.fail > 0
      ? `${plural(s.fail, "failing finding", "failing findings")}${notAssessed}`
      : s["not-assessed"] > 0
        ? "No failures, but not everything could be assessed"
        : "No failures";
  const kind = s.fail > 0 ? "fail" : s["not-assessed"] > 0 ? "not-assessed" : "pass";
  return html`<p class="verdict verdict-${kind}">${text}</p>`;
}

export function headerSection(report: CanonicalReport, summary: ReportSummary): SafeHtml {
  const duration = formatDuration(report.startedAt, report.finishedAt);
  const stats = report.stats;
  return html`<header class="page-header">
<h1>Customer data compliance report</h1>
${verdict(summary)}
<dl class="meta">
${scopeRows(report)}
<dt>Started</dt><dd><time datetime="${report.startedAt}">${formatTime(report.startedAt)}</time></dd>
<dt>Finished</dt><dd><time datetime="${report.finishedAt}">${formatTime(report.finishedAt)}</time>${duration ? ` (${duration})` : ""}</dd>
<dt>Tool</dt><dd>${report.tool.name} ${report.tool.version}</dd>
<dt>IAM data</dt><dd>${report.tool.iamDataVersion}</dd>
<dt>Report schema</dt><dd>${report.schemaVersion}</dd>
${stats ? html`<dt>Resources</dt><dd>${formatCount(stats.resources)}</dd><dt>API calls</dt><dd>${formatCount(stats.apiCalls)} (${plural(stats.retries, "retry", "retries")})</dd>` : ""}
</dl>
</header>`;
}

function statusCards(summary: ReportSummary): SafeHtml {
  const cards = STATUSES.map((status) => {
    const note =
      status === "fail" && summary.expiredWaivers > 0
        ? html`<span class="card-note">${plural(summary.expiredWaivers, "with an expired waiver", "with expired waivers")}</span>`
        : status === "fail" && summary.waiverProblems > 0
          ? html`<span class="card-note">${plural(summary.waiverProblems, "waiver problem", "waiver problems")}</span>`
          : "";
    return html`<li class="card status-${status}" data-status="${status}"><span class="card-count">${formatCount(summary.byStatus[status])}</span> <span class="card-label">${STATUS_LABELS[status]}</span>${note}</li>`;
  });
  return html`<ul class="cards" aria-label="Findings by status">${cards}</ul>`;
}

function countCell(count: number, status: FindingStatus): SafeHtml {
  return html`<td class="num${count > 0 ? ` has-${status}` : ""}">${formatCount(count)}</td>`;
}

function tallyTable(id: string, caption: string, heading: string, rows: readonly Tally[]): SafeHtml {
  if (rows.length === 0) return html`<p class="empty" id="${id}">${caption}: no findings.</p>`;
  return html`<table class="tally" id="${id}">
<caption>${caption}</caption>
<thead><tr><th scope="col">${heading}</th>${STATUSES.map((s) => html`<th scope="col" class="num">${STATUS_LABELS[s]}</th>`)}<th scope="col" class="num">Total</th></tr></thead>
<tbody>
${rows.map((r) => html`<tr><th scope="row">${r.label}</th>${STATUSES.map((s) => countCell(r.counts[s], s))}<td class="num">${formatCount(r.total)}</td></tr>\n`)}</tbody>
</table>`;
}

export function summarySection(summary: ReportSummary): SafeHtml {
  return html`<section id="summary" aria-labelledby="summary-title">
<h2 id="summary-title">Summary</h2>
${statusCards(summary)}
<div class="tallies">
${tallyTable("by-severity", "By severity", "Severity", summary.bySeverity)}
${tallyTable("by-pillar", "By pillar", "Pillar", summary.byPillar)}
${tallyTable("by-account", "By account", "Account", summary.byAccount)}
${tallyTable("by-control", "By framework control", "Control", summary.byControl)}
</div>
</section>`;
}

/** Not assessed is never a pass: this section comes before the summary and is always shown. */
export function notAssessedSection(report: CanonicalReport, summary: ReportSummary): SafeHtml {
  const notAssessed = summary.byStatus["not-assessed"];
  const gaps = report.gaps;
  if (notAssessed === 0 && gaps.length === 0) {
    return html`<section id="not-assessed" class="assessed-all" aria-labelledby="not-assessed-title">
<h2 id="not-assessed-title">Not assessed</h2>
<p>Every finding was assessed and every listing succeeded.</p>
</section>`;
  }
  const gapTable =
    gaps.length === 0
      ? html`<p>Every listing succeeded.</p>`
      : html`<table id="gaps">
<caption>Coverage gaps: listings that could not be made; the resources behind them were not judged</caption>
<thead><tr><th scope="col">What</th><th scope="col">Region</th><th scope="col">Call</th><th scope="col">Reason</th><th scope="col">Detail</th></tr></thead>
<tbody>
${gaps.map((g) => html`<tr><td>${g.what}</td><td>${g.region}</td><td><code>${g.action}</code></td><td><span class="badge status-not-assessed">${g.reason}</span> ${REASON_EXPLANATIONS[g.reason] ?? ""}</td><td>${g.detail}</td></tr>\n`)}</tbody>
</table>`;
  return html`<section id="not-assessed" class="alert" aria-labelledby="not-assessed-title">
<h2 id="not-assessed-title">Not assessed: ${plural(notAssessed, "finding", "findings")}, ${plural(gaps.length, "coverage gap", "coverage gaps")}</h2>
<p>These resources were not judged: they are neither passes nor failures. Filter the findings by the status "Not assessed" to see each one with its reason.</p>
${gapTable}
</section>`;
}

function coverageRow(coverage: ReportCoverage, title: string, severity: string): SafeHtml {
  return html`<tr><th scope="row">${coverage.ruleId}</th><td>${title}</td><td><span class="badge severity-${severity}">${severity}</span></td>
<td class="num">${formatCount(coverage.evaluated)}</td><td class="num">${formatCount(coverage.pass)}</td>${countCell(coverage.fail, "fail")}${countCell(coverage.waived, "waived")}${countCell(coverage.notAssessed, "not-assessed")}</tr>\n`;
}

export function coverageSection(report: CanonicalReport): SafeHtml {
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  return html`<section id="coverage" aria-labelledby="coverage-title">
<h2 id="coverage-title">Coverage per rule</h2>
<table class="coverage">
<caption>Resources each rule judged (evaluated = pass + fail + waived) and could not judge</caption>
<thead><tr><th scope="col">Rule</th><th scope="col">Title</th><th scope="col">Severity</th><th scope="col" class="num">Evaluated</th><th scope="col" class="num">Pass</th><th scope="col" class="num">Fail</th><th scope="col" class="num">Waived</th><th scope="col" class="num">Not assessed</th></tr></thead>
<tbody>
${report.coverage.map((c) => coverageRow(c, rules.get(c.ruleId)?.title ?? "", rules.get(c.ruleId)?.severity ?? "unknown"))}</tbody>
</table>
</section>`;
}

/** The table's skeleton; the page script fills the rows from the embedded report, one page at a time. */
export function findingsSection(): SafeHtml {
  const select = (id: string, label: string) =>
    html`<div class="field"><label for="filter-${id}">${label}</label><select id="filter-${id}" data-filter="${id}"><option value="">All</option></select></div>`;
  return html`<section id="findings" aria-labelledby="findings-title">
<h2 id="findings-title">Findings</h2>
<form id="filters" class="filters" role="search" aria-label="Filter findings">
<div class="field field-search"><label for="search">Search</label><input id="search" type="search" autocomplete="off" spellcheck="false" placeholder="message, resource, rule, owner…"></div>
${select("status", "Status")}
${select("severity", "Severity")}
${select("pillar", "Pillar")}
${select("rule", "Rule")}
${select("account", "Account")}
${select("framework", "Framework")}
<div class="field"><label for="sort">Order</label><select id="sort"><option value="serious">Most serious first</option><option value="report">Rule, then resource</option></select></div>
<div class="field field-buttons"><button type="button" id="reset">Clear filters</button></div>
</form>
<nav class="pager" aria-label="Pages of findings">
<p id="result-count" aria-live="polite">Loading findings…</p>
<button type="button" id="expand-page">Expand all on this page</button>
<button type="button" id="prev-page">Previous page</button>
<span id="page-number"></span>
<button type="button" id="next-page">Next page</button>
</nav>
<table id="findings-table" class="findings">
<caption class="visually-hidden">Findings matching the filters, one page at a time</caption>
<thead><tr><th scope="col" class="col-toggle"><span class="visually-hidden">Details</span></th><th scope="col" class="col-status">Status</th><th scope="col" class="col-severity">Severity</th><th scope="col" class="col-rule">Rule</th><th scope="col" class="col-resource">Resource</th><th scope="col" class="col-account">Account</th><th scope="col" class="col-region">Region</th><th scope="col">Message</th></tr></thead>
<tbody id="finding-rows"></tbody>
</table>
<noscript><p class="alert">The findings table needs JavaScript. The summary above is complete, and the whole report is embedded in this file as JSON (the script element with the id "report-data").</p></noscript>
</section>`;
}
