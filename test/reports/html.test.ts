// The HTML report as text: golden files, escaping of hostile report texts, the embedded data and the
// Content-Security-Policy. What it looks like and does in a browser: html-browser.test.ts.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { renderHtml, htmlRenderer } from "../../src/reports/render/html";
import { DECODE_REPORT, embedReport, type EmbeddedReport } from "../../src/reports/render/html/embedded-report";
import type { CanonicalReport } from "../../src/reports/report";
import { describeGoldenFiles } from "./golden/golden-files";
import { largeReport, SAMPLE_PREVIEW_REPORT, SAMPLE_SCAN_REPORT } from "./sample-report";

/** The text between `opening` and the next `closing`. */
function contentOf(page: string, opening: string, closing: string): string {
  const start = page.indexOf(opening);
  expect(start, opening).toBeGreaterThanOrEqual(0);
  const end = page.indexOf(closing, start + opening.length);
  return page.slice(start + opening.length, end);
}

function decode(embedded: EmbeddedReport): CanonicalReport {
  const decodeReport = new Function(`${DECODE_REPORT}\nreturn decodeReport;`)() as (data: EmbeddedReport) => CanonicalReport;
  return decodeReport(embedded);
}

const HOSTILE = `</script><script>window.pwned = 1</script><!-- <img src=x onerror="window.pwned = 2"> & ' "`;

/** Hostile text in every field the page shows, static or scripted. */
function hostileReport(): CanonicalReport {
  const base = SAMPLE_SCAN_REPORT;
  return {
    ...base,
    tool: { ...base.tool, version: HOSTILE },
    scope: { front: "aws", accounts: [HOSTILE], regions: [HOSTILE], regionsNotEnabled: [HOSTILE] },
    rules: base.rules.map((r) => ({ ...r, title: HOSTILE, rationale: HOSTILE, remediation: HOSTILE, links: [`javascript:alert(1)`, HOSTILE] })),
    findings: base.findings.map((f) => ({ ...f, message: HOSTILE, resource: { ...f.resource, name: HOSTILE, account: HOSTILE } })),
    gaps: base.gaps.map((g) => ({ ...g, what: HOSTILE, detail: HOSTILE, action: HOSTILE })),
  };
}

describeGoldenFiles(htmlRenderer);

describe("HTML report: one self-contained, safe page", () => {
  it("is the html format of the renderer interface, and deterministic", () => {
    expect(htmlRenderer.format).toBe("html");
    expect(htmlRenderer.extension).toBe(".html");
    expect(htmlRenderer.render(SAMPLE_SCAN_REPORT)).toBe(renderHtml(structuredClone(SAMPLE_SCAN_REPORT)));
  });

  it("loads nothing from elsewhere: no external scripts, styles, fonts, images or frames", () => {
    const page = renderHtml(SAMPLE_SCAN_REPORT);
    expect(page).not.toMatch(/<(link|iframe|img|object|embed|base)\b/i);
    expect(page).not.toMatch(/\s(src|srcset)=/i);
    expect(page).not.toMatch(/@import|url\(/i);
    expect(page.match(/<script\b[^>]*>/g)).toEqual(['<script type="application/json" id="report-data">', "<script>"]);
    expect(page.match(/<style\b/g)).toHaveLength(1);
    expect(page).not.toMatch(/\sstyle=/);
    expect(page).not.toMatch(/\son[a-z]+=/i);
  });

  it("allows by hash exactly its own style sheet and script, and nothing else", () => {
    const page = renderHtml(SAMPLE_SCAN_REPORT);
    const csp = contentOf(page, '<meta http-equiv="Content-Security-Policy" content="', '"').replace(/&#39;/g, "'");
    const hash = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
    const directives = Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));
    expect(directives["default-src"]).toEqual(["'none'"]);
    expect(directives["script-src"]).toEqual([hash(contentOf(page, "<script>", "</script>"))]);
    expect(directives["style-src"]).toEqual([hash(contentOf(page, "<style>", "</style>"))]);
    expect(csp).not.toContain("unsafe");
    expect(page.indexOf("Content-Security-Policy")).toBeLessThan(page.indexOf("<style>"));
  });

  it("embeds the report once, and the page's own decoder gives the canonical report back", () => {
    for (const report of [SAMPLE_SCAN_REPORT, SAMPLE_PREVIEW_REPORT, largeReport(500)]) {
      const page = renderHtml(report);
      const json = contentOf(page, '<script type="application/json" id="report-data">', "</script>");
      expect(decode(JSON.parse(json) as EmbeddedReport)).toEqual(report);
    }
  });

  it("writes each repeated value once: the page of 50,000 findings is less than half the canonical JSON", () => {
    const report = largeReport(50_000);
    const embedded = JSON.stringify(embedReport(report));
    expect(embedded.length).toBeLessThan(JSON.stringify(report).length / 2);
  });

  it("escapes hostile report text everywhere: no markup, no end of the data block, no script", () => {
    const report = hostileReport();
    const page = renderHtml(report);
    // The only script and style elements are the page's own; no image or comment came from the report.
    expect(page.match(/<script\b/g)).toHaveLength(2);
    expect(page.match(/<\/script>/g)).toHaveLength(2);
    expect(page).not.toMatch(/<img|<!--/i);
    const json = contentOf(page, '<script type="application/json" id="report-data">', "</script>");
    expect(json).not.toMatch(/[<>]/);
    expect(decode(JSON.parse(json) as EmbeddedReport)).toEqual(report);
    // In the static parts, the text is there as entities.
    expect(page).toContain("&lt;/script&gt;&lt;script&gt;window.pwned = 1&lt;/script&gt;&lt;!-- &lt;img src=x onerror=&quot;window.pwned = 2&quot;&gt; &amp; &#39; &quot;");
  });
});
