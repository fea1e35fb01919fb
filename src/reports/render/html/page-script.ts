import { DECODE_REPORT } from "./embedded-report";
import { FRAMEWORK_LABELS, PILLAR_LABELS, REASON_EXPLANATIONS, STATUS_LABELS } from "./labels";
import { jsonForScriptBlock } from "./safe-html";

/** Rows in the table at once: the DOM never holds more, whatever the report's size. */
export const PAGE_SIZE = 100;

const TEXT = jsonForScriptBlock({
  statusLabels: STATUS_LABELS,
  frameworkLabels: FRAMEWORK_LABELS,
  pillarLabels: PILLAR_LABELS,
  reasons: REASON_EXPLANATIONS,
  pageSize: PAGE_SIZE,
});

/**
 * The findings table: reads the report from the JSON block, filters and searches it in memory, and renders
 * one page of rows. Report texts are only ever assigned to textContent or to attributes; hrefs only when
 * http(s). Plain ES2020 in a string: the page must not depend on a bundler or on how tsc emits.
 */
export const PAGE_SCRIPT = `"use strict";
(function () {
  var TEXT = ${TEXT};
  ${DECODE_REPORT}
  var STATUS_ORDER = ["fail", "not-assessed", "waived", "pass"];
  var SEVERITY_ORDER = ["critical", "high", "medium", "low"];
  var NO_ACCOUNT = "(no account)";
  var hasOwn = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };
  var byId = function (id) { return document.getElementById(id); };
  var count = function (n) { return n.toLocaleString("en-US"); };

  var countLine = byId("result-count");
  var report;
  try {
    report = decodeReport(JSON.parse(byId("report-data").textContent));
  } catch (e) {
    countLine.textContent = "The embedded report could not be read: " + e;
    return;
  }
  var findings = report.findings;
  var total = findings.length;
  var rulesById = new Map();
  report.rules.forEach(function (r) { rulesById.set(r.id, r); });
  var ruleOf = findings.map(function (f) { return rulesById.get(f.ruleId); });
  var accountOf = function (f) { return f.resource.account || NO_ACCOUNT; };

  // Most serious first: status, then severity, then the report's own order (rule, resource).
  var rank = new Int16Array(total);
  for (var i = 0; i < total; i++) {
    var sev = ruleOf[i] ? SEVERITY_ORDER.indexOf(ruleOf[i].severity) : -1;
    rank[i] = STATUS_ORDER.indexOf(findings[i].status) * 8 + (sev < 0 ? 7 : sev);
  }
  var reportOrder = new Int32Array(total);
  for (var j = 0; j < total; j++) reportOrder[j] = j;
  var seriousOrder = reportOrder.slice().sort(function (a, b) { return rank[a] - rank[b] || a - b; });

  // Lower-cased text per finding, built on the first search; fields joined by newlines, which no search
  // term contains, so a term never matches across two fields.
  var searchTexts = null;
  function buildSearchTexts() {
    searchTexts = findings.map(function (f, k) {
      var r = ruleOf[k] || {};
      var w = f.waiver || {};
      var res = f.resource;
      return [f.message, f.id, f.ruleId, r.slug, r.title, res.id, res.name, res.label, res.type, res.account, res.region,
        TEXT.statusLabels[f.status], f.reason, w.reason, w.owner, w.expires, f.waiver ? "waiver " + w.state : "", f.waiverProblem]
        .filter(Boolean).join("\\n").toLowerCase();
    });
  }

  var controls = {
    status: byId("filter-status"), severity: byId("filter-severity"), pillar: byId("filter-pillar"),
    rule: byId("filter-rule"), account: byId("filter-account"), framework: byId("filter-framework"),
  };
  var search = byId("search");
  var sort = byId("sort");
  var tbody = byId("finding-rows");
  var pageNumber = byId("page-number");
  var prev = byId("prev-page");
  var next = byId("next-page");
  var expandPage = byId("expand-page");

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function addOptions(select, entries) {
    entries.forEach(function (entry) {
      var option = element("option", "", entry[1] + " (" + count(entry[2]) + ")");
      option.value = entry[0];
      select.appendChild(option);
    });
  }

  function tallyBy(key) {
    var tally = new Map();
    for (var k = 0; k < total; k++) {
      var keys = key(findings[k], ruleOf[k]);
      for (var m = 0; m < keys.length; m++) tally.set(keys[m], (tally.get(keys[m]) || 0) + 1);
    }
    return tally;
  }

  function fillFilters() {
    var statuses = tallyBy(function (f) { return [f.status]; });
    addOptions(controls.status, STATUS_ORDER.filter(function (s) { return statuses.has(s); })
      .map(function (s) { return [s, TEXT.statusLabels[s], statuses.get(s)]; }));
    var severities = tallyBy(function (f, r) { return r ? [r.severity] : []; });
    addOptions(controls.severity, SEVERITY_ORDER.filter(function (s) { return severities.has(s); })
      .map(function (s) { return [s, s, severities.get(s)]; }));
    var pillars = tallyBy(function (f, r) { return r ? [r.pillar] : []; });
    addOptions(controls.pillar, Object.keys(TEXT.pillarLabels).filter(function (p) { return pillars.has(p); })
      .map(function (p) { return [p, TEXT.pillarLabels[p], pillars.get(p)]; }));
    var rules = tallyBy(function (f) { return [f.ruleId]; });
    addOptions(controls.rule, report.rules.filter(function (r) { return rules.has(r.id); })
      .map(function (r) { return [r.id, r.id + " " + r.title, rules.get(r.id)]; }));
    var accounts = tallyBy(function (f) { return [accountOf(f)]; });
    addOptions(controls.account, Array.from(accounts.keys()).sort()
      .map(function (a) { return [a, a, accounts.get(a)]; }));
    var frameworks = tallyBy(function (f, r) {
      return r ? Object.keys(r.frameworks).filter(function (k) { return r.frameworks[k].length > 0; }) : [];
    });
    addOptions(controls.framework, Array.from(frameworks.keys()).sort()
      .map(function (fw) { return [fw, hasOwn(TEXT.frameworkLabels, fw) ? TEXT.frameworkLabels[fw] : fw, frameworks.get(fw)]; }));
  }

  var matches = [];
  var page = 0;
  var expanded = new Set();

  function applyFilters() {
    var want = {};
    Object.keys(controls).forEach(function (k) { want[k] = controls[k].value; });
    var terms = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    if (terms.length > 0 && searchTexts === null) buildSearchTexts();
    var order = sort.value === "report" ? reportOrder : seriousOrder;
    var out = [];
    for (var k = 0; k < order.length; k++) {
      var i = order[k];
      var f = findings[i];
      var r = ruleOf[i];
      if (want.status && f.status !== want.status) continue;
      if (want.severity && !(r && r.severity === want.severity)) continue;
      if (want.pillar && !(r && r.pillar === want.pillar)) continue;
      if (want.rule && f.ruleId !== want.rule) continue;
      if (want.account && accountOf(f) !== want.account) continue;
      if (want.framework && !(r && hasOwn(r.frameworks, want.framework) && r.frameworks[want.framework].length > 0)) continue;
      if (terms.length > 0) {
        var text = searchTexts[i];
        var all = true;
        for (var t = 0; t < terms.length && all; t++) all = text.indexOf(terms[t]) >= 0;
        if (!all) continue;
      }
      out.push(i);
    }
    matches = out;
    page = 0;
    render();
  }

  function badge(kind, text) {
    return element("span", "badge " + kind, text);
  }

  function cell(tr, content, className) {
    var td = element("td", className);
    if (content instanceof Node) td.appendChild(content);
    else if (content !== undefined && content !== null) td.textContent = String(content);
    tr.appendChild(td);
    return td;
  }

  function findingRow(i) {
    var f = findings[i];
    var r = ruleOf[i];
    var tr = element("tr", "finding");
    tr.id = "finding-" + i;
    tr.dataset.status = f.status;
    var toggle = element("button", "expander");
    toggle.type = "button";
    toggle.dataset.index = String(i);
    toggle.setAttribute("aria-expanded", expanded.has(i) ? "true" : "false");
    toggle.setAttribute("aria-controls", "detail-" + i);
    var chevron = element("span", "chevron", "\\u25b8");
    chevron.setAttribute("aria-hidden", "true");
    toggle.append(chevron, element("span", "visually-hidden", "Details of " + f.ruleId + " on " + f.resource.name));
    cell(tr, toggle);
    var status = element("span");
    status.appendChild(badge("status-" + f.status, TEXT.statusLabels[f.status] || f.status));
    if (f.waiver && f.waiver.state === "expired") status.append(" ", badge("expired", "waiver expired"));
    if (f.waiverProblem) status.append(" ", badge("status-fail", "waiver problem"));
    cell(tr, status);
    cell(tr, r ? badge("severity-" + r.severity, r.severity) : "?");
    var ruleCell = cell(tr, f.ruleId, "mono nowrap");
    if (r) ruleCell.title = r.title;
    var resourceCell = cell(tr, f.resource.label === f.resource.name ? f.resource.name : f.resource.label + " " + f.resource.name, "resource");
    resourceCell.title = f.resource.id;
    cell(tr, f.resource.account || "", "nowrap");
    cell(tr, f.resource.region || "", "nowrap");
    cell(tr, f.message, "message");
    return tr;
  }

  function addTerm(dl, term, content, className) {
    dl.appendChild(element("dt", "", term));
    var dd = element("dd", className);
    if (content instanceof Node) dd.appendChild(content);
    else dd.textContent = String(content);
    dl.appendChild(dd);
    return dd;
  }

  function linkList(links) {
    var ul = element("ul");
    links.forEach(function (link) {
      var li = element("li");
      if (/^https?:\\/\\//i.test(link)) {
        var a = element("a", "", link);
        a.href = link;
        a.rel = "noopener noreferrer";
        li.appendChild(a);
      } else {
        li.textContent = link;
      }
      ul.appendChild(li);
    });
    return ul;
  }

  function frameworkList(frameworks) {
    var ul = element("ul");
    Object.keys(frameworks).forEach(function (fw) {
      if (frameworks[fw].length === 0) return;
      var label = hasOwn(TEXT.frameworkLabels, fw) ? TEXT.frameworkLabels[fw] : fw;
      ul.appendChild(element("li", "", label + ": " + frameworks[fw].join(", ")));
    });
    return ul.childElementCount > 0 ? ul : "none";
  }

  function waiverTerms(dl, w) {
    var head = element("span");
    if (w.state === "expired") head.append(badge("expired", "EXPIRED"), " no longer waives this finding: it fails again. ");
    else head.append(badge("status-waived", "active"), " ");
    head.append(element("span", "", w.reason));
    addTerm(dl, "Waiver", head);
    addTerm(dl, "Waiver owner", w.owner || "not named");
    if (w.expires) addTerm(dl, w.state === "expired" ? "Waiver expired" : "Waiver expires", w.expires, w.state === "expired" ? "waiver-expired" : "");
    addTerm(dl, "Waiver source", w.source + (w.line ? ", line " + w.line : ""), "mono");
  }

  function detailRow(i) {
    var f = findings[i];
    var r = ruleOf[i];
    var tr = element("tr", "detail");
    tr.id = "detail-" + i;
    var td = element("td");
    td.colSpan = 8;
    var dl = element("dl");
    if (f.status === "not-assessed") {
      var why = f.reason ? f.reason + ": " + (TEXT.reasons[f.reason] || "") : "no reason given";
      addTerm(dl, "Not assessed because", why, "status-not-assessed");
    }
    if (f.waiver) waiverTerms(dl, f.waiver);
    if (f.waiverProblem) addTerm(dl, "Waiver problem", f.waiverProblem);
    if (r) {
      addTerm(dl, "Rule", r.id + " " + r.slug + ": " + r.title);
      addTerm(dl, "Pillar", TEXT.pillarLabels[r.pillar] || r.pillar);
      addTerm(dl, "Rationale", r.rationale);
      addTerm(dl, "Remediation", r.remediation);
      if (r.links.length > 0) addTerm(dl, "Links", linkList(r.links));
      addTerm(dl, "Frameworks", frameworkList(r.frameworks));
    } else {
      addTerm(dl, "Rule", f.ruleId + " (not described in this report)");
    }
    addTerm(dl, "Resource", f.resource.id, "mono");
    addTerm(dl, "Resource type", f.resource.label + " (" + f.resource.type + ")");
    if (f.resource.account) addTerm(dl, "Account", f.resource.account);
    if (f.resource.region) addTerm(dl, "Region", f.resource.region);
    addTerm(dl, "Message", f.message);
    addTerm(dl, "Finding id", f.id, "mono");
    td.appendChild(dl);
    tr.appendChild(td);
    return tr;
  }

  function pageRange() {
    var start = page * TEXT.pageSize;
    return [start, Math.min(matches.length, start + TEXT.pageSize)];
  }

  function render() {
    var pages = Math.max(1, Math.ceil(matches.length / TEXT.pageSize));
    if (page > pages - 1) page = pages - 1;
    var range = pageRange();
    var rows = document.createDocumentFragment();
    for (var k = range[0]; k < range[1]; k++) {
      var i = matches[k];
      rows.appendChild(findingRow(i));
      if (expanded.has(i)) rows.appendChild(detailRow(i));
    }
    if (matches.length === 0) {
      var empty = element("tr", "empty-row");
      var td = element("td", "", "No finding matches the filters.");
      td.colSpan = 8;
      empty.appendChild(td);
      rows.appendChild(empty);
    }
    tbody.replaceChildren(rows);
    countLine.textContent = matches.length === 0
      ? "No finding matches the filters (" + count(total) + " in the report)."
      : "Showing " + count(range[0] + 1) + "\\u2013" + count(range[1]) + " of " + count(matches.length) +
        " matching findings (" + count(total) + " in the report).";
    pageNumber.textContent = "Page " + count(page + 1) + " of " + count(pages);
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
    expandPage.textContent = pageFullyExpanded() ? "Collapse all on this page" : "Expand all on this page";
    expandPage.disabled = matches.length === 0;
  }

  function pageFullyExpanded() {
    var range = pageRange();
    if (range[0] >= range[1]) return false;
    for (var k = range[0]; k < range[1]; k++) if (!expanded.has(matches[k])) return false;
    return true;
  }

  function toggle(button) {
    var i = Number(button.dataset.index);
    var row = byId("finding-" + i);
    if (expanded.has(i)) {
      expanded.delete(i);
      var detail = byId("detail-" + i);
      if (detail) detail.remove();
    } else {
      expanded.add(i);
      row.after(detailRow(i));
    }
    button.setAttribute("aria-expanded", expanded.has(i) ? "true" : "false");
    expandPage.textContent = pageFullyExpanded() ? "Collapse all on this page" : "Expand all on this page";
  }

  tbody.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest("button.expander") : null;
    if (button) toggle(button);
  });
  byId("filters").addEventListener("submit", function (event) { event.preventDefault(); });
  search.addEventListener("input", applyFilters);
  sort.addEventListener("change", applyFilters);
  Object.keys(controls).forEach(function (k) { controls[k].addEventListener("change", applyFilters); });
  byId("reset").addEventListener("click", function () {
    search.value = "";
    Object.keys(controls).forEach(function (k) { controls[k].value = ""; });
    applyFilters();
  });
  prev.addEventListener("click", function () { page -= 1; render(); });
  next.addEventListener("click", function () { page += 1; render(); });
  expandPage.addEventListener("click", function () {
    var collapse = pageFullyExpanded();
    var range = pageRange();
    for (var k = range[0]; k < range[1]; k++) {
      if (collapse) expanded.delete(matches[k]);
      else expanded.add(matches[k]);
    }
    render();
  });

  fillFilters();
  applyFilters();
  // The first search would otherwise pay for the search texts; build them once the first page is shown.
  var whenIdle = window.requestIdleCallback || function (fn) { return setTimeout(fn, 50); };
  whenIdle(function () { if (searchTexts === null) buildSearchTexts(); });
})();
`;
