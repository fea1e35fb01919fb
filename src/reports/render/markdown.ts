import type { CanonicalReport, ReportFinding, ReportRule } from "../report";
import { REASON_EXPLANATIONS } from "./html/labels";
import { formatCount } from "./html/sections";
import { SEVERITIES, summarizeReport } from "./html/summary";
import { markdownText } from "./markdown-escape";
import { MAX_TEXT, STATUS_MARKS, summaryMarkdown } from "./markdown-summary";
import type { Renderer } from "./renderer";

export interface MarkdownOptions {
  /** Most characters the output may have (GitHub comments take 65,536). Default 60,000. */
  readonly budget?: number;
  /** Findings in the visible table; the rest go in a collapsed block. Default 20. */
  readonly topFindings?: number;
}

export const DEFAULT_MARKDOWN_BUDGET = 60_000;
export const DEFAULT_TOP_FINDINGS = 20;
/** Room for the verdict, the counts and the not-assessed section with its bounded lists. */
export const MIN_MARKDOWN_BUDGET = 12_000;

const TABLE_HEADER = "| status | severity | rule | resource | account, region | finding | waiver, reason |\n|---|---|---|---|---|---|---|\n";
const DETAILS_CLOSE = "\n</details>\n";

// Failures first (an expired waiver fails), most severe first; then not assessed; then waived. Passes are
// counted, not listed. Ties keep the report's order (rule, resource).
const STATUS_RANK: Readonly<Record<string, number>> = { fail: 0, "not-assessed": 1, waived: 2 };

function listedFindings(report: CanonicalReport, rules: ReadonlyMap<string, ReportRule>): ReportFinding[] {
  const severityRank = (f: ReportFinding) => {
    const at = SEVERITIES.indexOf(rules.get(f.ruleId)?.severity ?? "low");
    return at < 0 ? SEVERITIES.length : at;
  };
  return report.findings
    .map((finding, index) => ({ finding, index }))
    .filter(({ finding }) => finding.status in STATUS_RANK)
    .sort((a, b) => (STATUS_RANK[a.finding.status] ?? 3) - (STATUS_RANK[b.finding.status] ?? 3) || severityRank(a.finding) - severityRank(b.finding) || a.index - b.index)
    .map(({ finding }) => finding);
}

function notes(f: ReportFinding): string {
  const parts: string[] = [];
  if (f.status === "not-assessed") {
    const reason = f.reason ?? "error";
    parts.push(`${markdownText(reason, 40)}: ${REASON_EXPLANATIONS[reason] ?? ""}`);
  }
  const w = f.waiver;
  if (w) {
    const state = w.state === "expired" ? `**waiver expired**${w.expires ? ` ${markdownText(w.expires, 20)}` : ""}` : `waived${w.expires ? ` until ${markdownText(w.expires, 20)}` : ""}`;
    const owner = w.owner ? `, owner ${markdownText(w.owner, 100)}` : ", no owner";
    parts.push(`${state}${owner}: ${markdownText(w.reason, MAX_TEXT)}`);
  }
  if (f.waiverProblem !== undefined) parts.push(`waiver problem: ${markdownText(f.waiverProblem, MAX_TEXT)}`);
  return parts.join("<br>");
}

function findingRow(f: ReportFinding, rule: ReportRule | undefined): string {
  const r = f.resource;
  const where = [r.account, r.region].filter((v): v is string => v !== undefined).map((v) => markdownText(v, 40)).join(", ");
  return `| ${STATUS_MARKS[f.status] ?? markdownText(f.status, 20)} | ${markdownText(rule?.severity ?? "?", 20)} | ${markdownText(f.ruleId, 40)} | ${markdownText(r.label === r.name ? r.name : `${r.label} ${r.name}`, 200)} | ${where} | ${markdownText(f.message, MAX_TEXT)} | ${notes(f)} |\n`;
}

function leftOutNote(left: readonly ReportFinding[], listed: number, budget: number): string {
  const byStatus = Object.keys(STATUS_RANK)
    .map((status) => [status, left.filter((f) => f.status === status).length] as const)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${formatCount(n)} ${STATUS_MARKS[status] ?? status}`);
  return `\n_${formatCount(left.length)} of ${formatCount(listed)} findings are not listed (${byStatus.join(", ")}), to keep this under ${formatCount(budget)} characters: the full report (JSON or HTML) has every finding._\n`;
}

function detailsOpen(count: number): string {
  return `\n<details><summary>${formatCount(count)} more ${count === 1 ? "finding" : "findings"}</summary>\n\n${TABLE_HEADER}`;
}

/**
 * A summary sized for a pull-request comment or a CI job summary: the verdict, counts, what was not
 * assessed, the most serious findings, and the others in a collapsed block, all under `budget`
 * characters. What does not fit is counted in a closing note, never cut mid-row.
 */
export function renderMarkdown(report: CanonicalReport, options: MarkdownOptions = {}): string {
  const budget = options.budget ?? DEFAULT_MARKDOWN_BUDGET;
  const top = options.topFindings ?? DEFAULT_TOP_FINDINGS;
  if (!Number.isInteger(budget) || budget < MIN_MARKDOWN_BUDGET) throw new RangeError(`the Markdown budget must be an integer of at least ${MIN_MARKDOWN_BUDGET} characters (got ${budget})`);
  if (!Number.isInteger(top) || top < 0) throw new RangeError(`topFindings must be a non-negative integer (got ${top})`);

  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const summary = summarizeReport(report);
  const listed = listedFindings(report, rules);
  const passes = summary.byStatus.pass;
  const intro = `${summaryMarkdown(report, summary)}\n### Findings\n\n${
    listed.length === 0 ? "No failing, not-assessed or waived findings.\n" : `Failures first, most severe first; then not assessed; then waived.`
  }${passes > 0 ? ` Passing findings (${formatCount(passes)}) are counted above, not listed.` : ""}\n`;

  // Room is counted down with the worst case of everything that may still be written after the rows.
  let room = budget - intro.length - leftOutNote(listed, listed.length, budget).length;
  const fits = (length: number): boolean => {
    if (length > room) return false;
    room -= length;
    return true;
  };
  const rows = listed.map((f) => findingRow(f, rules.get(f.ruleId)));
  const visible: string[] = [];
  const collapsed: string[] = [];
  for (const [i, row] of rows.entries()) {
    const opensTable = i === 0 && top > 0 ? `\n${TABLE_HEADER}`.length : 0;
    const opensDetails = i === top ? detailsOpen(rows.length).length + DETAILS_CLOSE.length : 0;
    if (!fits(opensTable + opensDetails + row.length)) break;
    (i < top ? visible : collapsed).push(row);
  }
  const left = listed.slice(visible.length + collapsed.length);
  return [
    intro,
    visible.length > 0 ? `\n${TABLE_HEADER}${visible.join("")}` : "",
    collapsed.length > 0 ? `${detailsOpen(collapsed.length)}${collapsed.join("")}${DETAILS_CLOSE}` : "",
    left.length > 0 ? leftOutNote(left, rows.length, budget) : "",
  ].join("");
}

export function createMarkdownRenderer(options: MarkdownOptions = {}): Renderer {
  return {
    format: "markdown",
    extension: ".md",
    description: `a summary for pull-request comments and CI job summaries (at most ${formatCount(options.budget ?? DEFAULT_MARKDOWN_BUDGET)} characters)`,
    render: (report) => renderMarkdown(report, options),
  };
}

export const markdownRenderer: Renderer = createMarkdownRenderer();
