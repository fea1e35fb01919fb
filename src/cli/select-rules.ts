import { closest } from "fastest-levenshtein";
import { PILLARS, type AnyRule, type PillarKey, type Severity } from "../core/rule";

const SEVERITIES: readonly Severity[] = ["low", "medium", "high", "critical"];

/** A flag whose value cannot be used: the message names the flag and the nearest valid value. */
export class UsageError extends Error {}

export interface RuleSelection {
  /** Rule ids or policy names (slugs). */
  readonly rules?: readonly string[];
  /** Pillar keys (`encryption`) or tags (`encryption-at-rest`). */
  readonly pillars?: readonly string[];
  /** The lowest severity to run. */
  readonly severity?: string;
}

/** The rules `--rules`, `--pillars` and `--severity` select, all three applying together. */
export function selectRules(all: readonly AnyRule[], sel: RuleSelection): AnyRule[] {
  const names = new Set(all.flatMap((r) => [r.id, r.slug]));
  for (const n of sel.rules ?? []) if (!names.has(n)) throw new UsageError(`--rules: '${n}' is no rule (did you mean '${closest(n, [...names])}'?)`);
  const pillarNames = [...Object.keys(PILLARS), ...Object.values(PILLARS)];
  for (const p of sel.pillars ?? []) if (!pillarNames.includes(p)) throw new UsageError(`--pillars: '${p}' is no pillar (one of ${Object.keys(PILLARS).join(", ")})`);
  const floor = sel.severity === undefined ? 0 : SEVERITIES.indexOf(sel.severity as Severity);
  if (floor < 0) throw new UsageError(`--severity: '${sel.severity}' is not one of ${SEVERITIES.join(", ")}`);
  const pillarKeys = new Set((sel.pillars ?? []).map((p) => (p in PILLARS ? p : Object.entries(PILLARS).find(([, tag]) => tag === p)?.[0])));
  return all.filter(
    (r) =>
      (sel.rules === undefined || sel.rules.includes(r.id) || sel.rules.includes(r.slug)) &&
      (sel.pillars === undefined || pillarKeys.has(r.pillar as PillarKey)) &&
      SEVERITIES.indexOf(r.severity) >= floor,
  );
}

export function severityRank(s: string): number {
  return SEVERITIES.indexOf(s as Severity);
}

export { SEVERITIES };
