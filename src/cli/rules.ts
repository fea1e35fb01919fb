import { pillarTag } from "../core/rule";
import { ALL_RULES } from "../rules";

export function listRules(): string {
  const rows = ALL_RULES.map((r) => [r.id, r.slug, pillarTag(r), r.severity, r.scope]);
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? "").length))) ?? [];
  return rows.map((row) => row.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd()).join("\n") + "\n";
}
