// The Markdown summary for pull-request comments and CI job summaries: golden files, the size budget,
// the order of findings and the escaping of report texts.
import { describe, expect, it } from "vitest";
import { createMarkdownRenderer, DEFAULT_MARKDOWN_BUDGET, markdownRenderer, MIN_MARKDOWN_BUDGET, renderMarkdown } from "../../src/reports/render/markdown";
import { escapeMarkdown } from "../../src/reports/render/markdown-escape";
import type { CanonicalReport, ReportFinding } from "../../src/reports/report";
import { describeGoldenFiles } from "./golden/golden-files";
import { largeReport, SAMPLE_SCAN_REPORT } from "./sample-report";

describeGoldenFiles(markdownRenderer);

/** The cells of a GFM table row, split on the pipes that are not escaped. */
function cells(row: string): string[] {
  return row.slice(2, -2).split(/(?<!\\) \| /);
}

function findingRows(markdown: string): string[] {
  return markdown.split("\n").filter((line) => /^\| (❌|⚠️|💤|✅) [a-z ]+ \| (critical|high|medium|low|\?) \|/.test(line));
}

function withFindings(findings: readonly ReportFinding[]): CanonicalReport {
  return { ...SAMPLE_SCAN_REPORT, findings };
}

describe("Markdown: size budget", () => {
  it("keeps 50,000 findings under the default budget and says how many were left out", () => {
    const report = largeReport(50_000);
    const markdown = markdownRenderer.render(report);
    expect(markdown.length).toBeLessThanOrEqual(DEFAULT_MARKDOWN_BUDGET);
    expect(markdown.length).toBeGreaterThan(DEFAULT_MARKDOWN_BUDGET - 1_000);
    const listed = report.findings.filter((f) => f.status !== "pass").length;
    const shown = findingRows(markdown).length;
    const note = /_([\d,]+) of ([\d,]+) findings are not listed \(([^)]*)\), to keep this under 60,000 characters/.exec(markdown);
    expect(note, "the note of what was left out").not.toBeNull();
    expect(Number(note?.[1]?.replace(/,/g, ""))).toBe(listed - shown);
    expect(Number(note?.[2]?.replace(/,/g, ""))).toBe(listed);
    expect(note?.[3]).toMatch(/❌ fail, 10,000 ⚠️ not assessed, 10,000 💤 waived$/);
    // The block is closed and the note comes after it: nothing is cut in the middle.
    expect(markdown.indexOf("</details>")).toBeGreaterThan(markdown.indexOf("<details>"));
    expect(markdown.indexOf("</details>")).toBeLessThan(markdown.indexOf("findings are not listed"));
  });

  it("holds any budget from the minimum up, with rows whole and the block closed", () => {
    const report = largeReport(2_000);
    for (const budget of [MIN_MARKDOWN_BUDGET, 15_000, 20_001, 33_333]) {
      const markdown = renderMarkdown(report, { budget });
      expect(markdown.length, `budget ${budget}`).toBeLessThanOrEqual(budget);
      for (const row of findingRows(markdown)) expect(cells(row)).toHaveLength(7);
      expect(markdown.split("<details>").length).toBe(markdown.split("</details>").length);
    }
    expect(() => renderMarkdown(report, { budget: MIN_MARKDOWN_BUDGET - 1 })).toThrow(RangeError);
    expect(createMarkdownRenderer({ budget: 20_000 }).render(report).length).toBeLessThanOrEqual(20_000);
  });

  it("lists everything, with no note, when it fits", () => {
    const markdown = markdownRenderer.render(SAMPLE_SCAN_REPORT);
    expect(findingRows(markdown)).toHaveLength(5);
    expect(markdown).not.toContain("not listed (");
    expect(markdown).toContain("Passing findings (1) are counted above, not listed.");
  });
});

describe("Markdown: content and order", () => {
  it("leads with the verdict, the counts, what was not assessed and the coverage gaps", () => {
    const markdown = markdownRenderer.render(SAMPLE_SCAN_REPORT);
    expect(markdown.split("\n")[0]).toBe("## ❌ customer-data-guard: 3 failing findings (1 critical, 1 high, 1 medium), 1 not assessed");
    expect(markdown).toContain("| ⚠️ not assessed | 1 |");
    expect(markdown).toContain("### ⚠️ Not assessed: 1 finding, 1 coverage gap");
    expect(markdown).toContain("- DynamoDB tables in us-east-1 could not be listed (dynamodb:ListTables, access-denied");
  });

  it("never calls a run with findings not assessed a clean pass", () => {
    const findings = SAMPLE_SCAN_REPORT.findings.filter((f) => f.status !== "fail");
    expect(markdownRenderer.render(withFindings(findings)).split("\n")[0]).toBe(
      "## ⚠️ customer-data-guard: no failures, but not everything was assessed (1 not assessed, 1 coverage gap)",
    );
    const clean = { ...withFindings(findings.filter((f) => f.status === "pass")), gaps: [] };
    expect(markdownRenderer.render(clean).split("\n")[0]).toBe("## ✅ customer-data-guard: no failures");
  });

  it("orders failures by severity, then not assessed, then waived, and collapses the rest", () => {
    const markdown = renderMarkdown(SAMPLE_SCAN_REPORT, { topFindings: 2 });
    const [top, collapsed] = markdown.split("<details>");
    expect(findingRows(top ?? "").map((r) => cells(r).slice(0, 3).join(" "))).toEqual(["❌ fail critical CDG-NET-002", "❌ fail high CDG-ENC-001"]);
    expect(collapsed).toMatch(/^<summary>3 more findings<\/summary>/);
    expect(findingRows(collapsed ?? "").map((r) => cells(r).slice(0, 3).join(" "))).toEqual([
      "❌ fail medium CDG-IAM-001",
      "⚠️ not assessed high CDG-ENC-001",
      "💤 waived high CDG-ENC-001",
    ]);
  });

  it("shows waivers with owner and expiry, expired ones marked, waiver problems and not-assessed reasons", () => {
    const rows = findingRows(markdownRenderer.render(SAMPLE_SCAN_REPORT)).map(cells);
    const notes = (rule: string, status: string) => rows.find((c) => c[2] === rule && c[0]?.includes(status))?.[6];
    expect(notes("CDG-NET-002", "fail")).toBe("**waiver expired** 2026-01-31, owner dba-team: Migration window");
    expect(notes("CDG-ENC-001", "waived")).toBe("waived until 2027-03-31, owner data-platform@&#8203;example.com: Holds only synthetic test data");
    expect(notes("CDG-IAM-001", "fail")).toBe("waiver problem: waiver tag 'cdguard:waive:CDG-IAM-001' gives no reason");
    expect(notes("CDG-ENC-001", "not assessed")).toBe("access-denied: the call that reads it was denied");
  });
});

describe("Markdown: escaping", () => {
  it.each([
    ["a | b", "a \\| b"],
    ["`rm -rf`", "\\`rm -rf\\`"],
    ["<admin> & <script>alert(1)</script>", "&lt;admin&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;"],
    ["*bold* _em_ ~~gone~~", "\\*bold\\* \\_em\\_ \\~\\~gone\\~\\~"],
    ["[click](javascript:alert(1)) ![x](y)", "\\[click\\](javascript:alert(1)) !\\[x\\](y)"],
    ["line one\nline two\r\nthree", "line one<br>line two<br>three"],
    ["$x^2$ and #1 and back\\slash", "\\$x^2\\$ and \\#1 and back\\\\slash"],
    ["ping @octocat and @org/team", "ping @&#8203;octocat and @&#8203;org/team"],
    ["<!-- hidden -->", "&lt;!-- hidden --&gt;"],
    ["bell\u0007 tab\there", "bell tab here"],
  ])("%j", (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });

  it("keeps a hostile message inside its table cell", () => {
    const hostile = "x | y\n| --- |\n<img src=x onerror=alert(1)> `code` [a](b)";
    const first = SAMPLE_SCAN_REPORT.findings[0];
    if (!first) throw new Error("the sample report has findings");
    const markdown = markdownRenderer.render(withFindings([{ ...first, message: hostile, resource: { ...first.resource, name: "a|b" } }]));
    const rows = findingRows(markdown);
    expect(rows).toHaveLength(1);
    expect(cells(rows[0] ?? "")).toHaveLength(7);
    expect(markdown).not.toContain("<img");
    expect(markdown).not.toMatch(/^\| --- \|$/m);
  });
});
