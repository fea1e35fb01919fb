// The diff as Markdown for a pull-request comment: counts, then a table per list (persisting ones folded).
import type { DiffEntry, ReportDiff } from "./diff";
import { countsLine, runLine } from "./diff-text";

/** Rows of one table; a comment has a size limit (65,536 characters on GitHub), the JSON diff has every row. */
const ROWS_SHOWN = 100;

export function renderDiffMarkdown(diff: ReportDiff): string {
  const out = ["## cdguard diff", "", cell(countsLine(diff)), "", `- OLD: ${cell(runLine(diff.scope.old, diff.runs.old))}`, `- NEW: ${cell(runLine(diff.scope.new, diff.runs.new))}`];
  if (diff.scope.changed) out.push("", `> **Scope changed:** ${cell(diff.scope.differences.join("; "))}`);
  const section = (title: string, entries: readonly DiffEntry[], statusHeading?: string, status?: (e: DiffEntry) => string): void => {
    if (entries.length > 0) out.push("", `### ${title} (${entries.length})`, "", ...table(entries, statusHeading, status));
  };
  section("New failures", diff.new, "Was", (e) => e.oldStatus);
  section("Resolved", diff.resolved, "Now", (e) => (e.newStatus === "absent" ? "gone" : e.newStatus));
  section("Status changed", diff.changed, "Status", (e) => `${e.oldStatus} → ${e.newStatus}`);
  section("Unverified (failing in OLD; NEW did not run the rule)", diff.unverified);
  if (diff.persisting.length > 0) out.push("", `<details><summary>Persisting (${diff.persisting.length})</summary>`, "", ...table(diff.persisting), "", "</details>");
  return `${out.join("\n")}\n`;
}

function table(entries: readonly DiffEntry[], statusHeading?: string, status?: (e: DiffEntry) => string): string[] {
  const headings = ["Severity", "Rule", "Resource", "Finding", ...(statusHeading ? [statusHeading] : [])];
  const rows = entries.slice(0, ROWS_SHOWN).map((e) => {
    const cells = [e.severity, e.ruleId, cell(`${e.resource.label} '${e.resource.name}'`), cell(e.message), ...(status ? [status(e)] : [])];
    return `| ${cells.join(" | ")} |`;
  });
  const more = entries.length > ROWS_SHOWN ? ["", `…and ${entries.length - ROWS_SHOWN} more (the JSON diff lists every one).`] : [];
  return [`| ${headings.join(" | ")} |`, `|${headings.map(() => "---").join("|")}|`, ...rows, ...more];
}

/**
 * Text safe in a Markdown table cell: HTML escaped, pipes and Markdown punctuation backslash-escaped, new
 * lines as <br>, and `@` written as an entity so a name in a message never mentions anyone.
 */
export function cell(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|~#])/g, "\\$1")
    .replace(/@/g, "&#64;")
    .replace(/\r?\n/g, "<br>");
}
