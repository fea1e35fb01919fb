import { contentSecurityPolicy } from "./html/content-security-policy";
import type { CanonicalReport } from "../report";
import { embedReport } from "./html/embedded-report";
import { PAGE_SCRIPT } from "./html/page-script";
import { PAGE_STYLE } from "./html/page-style";
import { html, jsonForScriptBlock, SafeHtml } from "./html/safe-html";
import { coverageSection, findingsSection, headerSection, notAssessedSection, summarySection } from "./html/sections";
import { summarizeReport } from "./html/summary";
import type { Renderer } from "./renderer";

function pageTitle(report: CanonicalReport): string {
  const scope = report.scope;
  const what = scope.front === "aws" ? `AWS ${scope.accounts.join(", ") || "(no account)"}` : `Pulumi ${scope.project}/${scope.stack}`;
  return `${report.tool.name} report: ${what}`;
}

/** The whole report as one self-contained HTML file that works offline from file://. */
export function renderHtml(report: CanonicalReport): string {
  const summary = summarizeReport(report);
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(PAGE_STYLE, PAGE_SCRIPT)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${pageTitle(report)}</title>
<style>${new SafeHtml(PAGE_STYLE)}</style>
</head>
<body>
${headerSection(report, summary)}
<main>
${notAssessedSection(report, summary)}
${summarySection(summary)}
${coverageSection(report)}
${findingsSection()}
</main>
<footer><p>Written by ${report.tool.name} ${report.tool.version}. The whole report (schema ${report.schemaVersion}) is embedded in this file as JSON, in the script element with the id "report-data", each repeated value written once.</p></footer>
<script type="application/json" id="report-data">${new SafeHtml(jsonForScriptBlock(embedReport(report)))}</script>
<script>${new SafeHtml(PAGE_SCRIPT)}</script>
</body>
</html>
`;
  return page.markup;
}

export const htmlRenderer: Renderer = {
  format: "html",
  extension: ".html",
  description: "one self-contained HTML page (offline): summary, coverage, filterable findings",
  render: renderHtml,
};
