// What `npm run demo` prints for one program: each finding the pack reported (severity, rule, resource, what
// was found, the fix), then counts by pillar and by severity of passed, failed, waived and not assessed.
import { PILLARS, type AnyRule, type PillarKey, type Severity } from "../core/rule";
import type { Finding } from "../core/finding";
import { readPackMessage } from "../reports/preview/pack-message";
import type { ProgramAnalysis } from "./analyze-program";
import type { Diagnostic } from "./harness";

export type DemoStatus = "failed" | "waived" | "not assessed";
export const COUNTED = ["passed", "failed", "waived", "not assessed"] as const;
export type Counted = (typeof COUNTED)[number];

export interface DemoItem {
  readonly rule: AnyRule;
  readonly status: DemoStatus;
  /** The resource's Pulumi type and name, from the URN the pack reported against. */
  readonly type: string;
  readonly name: string;
  /** What the pack found, without the rule id, the waiver or the "not assessed" prefix. */
  readonly found: string;
  readonly waiver?: string;
  /** A mandatory violation: `pulumi preview` fails on it. */
  readonly blocking: boolean;
}

const SEVERITY_ORDER: readonly Severity[] = ["critical", "high", "medium", "low"];
const STATUS_ORDER: readonly DemoStatus[] = ["failed", "waived", "not assessed"];

function urnParts(urn: string): { type: string; name: string } {
  const parts = urn.split("::");
  const types = parts[2] ?? "";
  return { type: types.split("$").pop() ?? types, name: parts[3] ?? urn };
}

/** The pack's diagnostics of one program as demo items; a diagnostic of a policy that is no rule is skipped. */
export function demoItems(analysis: Pick<ProgramAnalysis, "diagnostics" | "notAssessed">, rules: readonly AnyRule[]): DemoItem[] {
  const bySlug = new Map(rules.map((r) => [r.slug, r]));
  const items: DemoItem[] = [];
  for (const d of [...analysis.diagnostics, ...analysis.notAssessed]) {
    const rule = bySlug.get(d.policyName);
    if (rule) items.push(itemOf(d, rule));
  }
  return items.sort(
    (a, b) =>
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
      SEVERITY_ORDER.indexOf(a.rule.severity) - SEVERITY_ORDER.indexOf(b.rule.severity) ||
      a.rule.id.localeCompare(b.rule.id) ||
      a.name.localeCompare(b.name),
  );
}

function itemOf(d: Diagnostic, rule: AnyRule): DemoItem {
  const read = readPackMessage(d.message, rule.id);
  const status: DemoStatus = read.status === "waived" ? "waived" : read.status === "not-assessed" ? "not assessed" : "failed";
  const waiver = read.waiver?.state === "active" ? [read.waiver.until ? `until ${read.waiver.until}` : "", read.waiver.reason ?? ""].filter(Boolean).join(": ") : undefined;
  return {
    rule,
    status,
    ...urnParts(d.urn),
    found: read.message,
    ...(waiver ? { waiver } : {}),
    blocking: status === "failed" && d.enforcementLevel === "mandatory",
  };
}

/** One finding as a few lines a security engineer can act on. */
export function renderItem(item: DemoItem): string {
  const head = `${item.status === "failed" ? item.rule.severity.toUpperCase() : item.status.toUpperCase()}`;
  const lines = [
    `${head.padEnd(13)}${item.rule.id}  ${item.rule.title}`,
    `${"".padEnd(13)}resource: ${item.type} '${item.name}'`,
    `${"".padEnd(13)}found:    ${item.found}`,
  ];
  if (item.status === "waived") lines.push(`${"".padEnd(13)}waived:   ${item.waiver ?? "(no reason given)"}`);
  if (item.status !== "not assessed") {
    lines.push(`${"".padEnd(13)}fix:      ${item.rule.remediation}`);
    if (item.rule.links[0]) lines.push(`${"".padEnd(13)}see:      ${item.rule.links[0]}`);
  }
  if (item.blocking) lines.push(`${"".padEnd(13)}blocks \`pulumi preview\` (mandatory)`);
  return lines.join("\n");
}

export type Tally = Map<string, Record<Counted, number>>;

const zero = (): Record<Counted, number> => ({ passed: 0, failed: 0, waived: 0, "not assessed": 0 });

function add(tally: Tally, key: string, what: Counted): void {
  const row = tally.get(key) ?? zero();
  row[what]++;
  tally.set(key, row);
}

/** Counts by pillar and by severity: the pack's items, and the passes of the in-process run. */
export function tallies(items: readonly DemoItem[], passes: readonly Finding[], rules: readonly AnyRule[]): { byPillar: Tally; bySeverity: Tally } {
  const byPillar: Tally = new Map((Object.keys(PILLARS) as PillarKey[]).filter((p) => rules.some((r) => r.pillar === p)).map((p) => [PILLARS[p], zero()]));
  const bySeverity: Tally = new Map(SEVERITY_ORDER.map((s) => [s, zero()]));
  const ruleOf = new Map(rules.map((r) => [r.id, r]));
  const count = (rule: AnyRule, what: Counted): void => {
    add(byPillar, PILLARS[rule.pillar], what);
    add(bySeverity, rule.severity, what);
  };
  for (const i of items) count(i.rule, i.status);
  for (const p of passes) {
    const rule = ruleOf.get(p.rule.id);
    if (rule) count(rule, "passed");
  }
  return { byPillar, bySeverity };
}

/** A plain-text table: one row per key, one column per count, and a total row. */
export function renderTally(title: string, tally: Tally): string {
  const rows = [...tally.entries()];
  const total = zero();
  for (const [, r] of rows) for (const c of COUNTED) total[c] += r[c];
  const width = Math.max(title.length, ...rows.map(([k]) => k.length), 5) + 2;
  const line = (label: string, r: Record<Counted, number>): string => label.padEnd(width) + COUNTED.map((c) => String(r[c]).padStart(c.length + 2)).join("");
  return [title.padEnd(width) + COUNTED.map((c) => c.padStart(c.length + 2)).join(""), ...rows.map(([k, r]) => line(k, r)), line("total", total)].join("\n");
}
