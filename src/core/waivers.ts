import type { Tags } from "./classification";
import type { GuardConfig } from "./config";

export interface Waiver {
  readonly ruleId: string;
  readonly reason: string;
  /** ISO date (YYYY-MM-DD) after which the waiver no longer applies. */
  readonly until?: string;
  readonly owner?: string;
  /** Where it came from: "tag" or the waivers file. */
  readonly source: string;
}

export type WaiverState =
  | { readonly kind: "none" }
  | { readonly kind: "active"; readonly waiver: Waiver }
  | { readonly kind: "expired"; readonly waiver: Waiver }
  | { readonly kind: "invalid"; readonly problem: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A waiver tag `cdguard:waive:<rule-id>` = `<reason>[; until=YYYY-MM-DD]`, judged on `today` (YYYY-MM-DD). */
export function waiverFromTags(tags: Tags | undefined, ruleId: string, config: GuardConfig, today: string): WaiverState {
  const key = `${config.tagKeys.waiverPrefix}${ruleId}`;
  const raw = tags?.[key];
  if (raw === undefined) return { kind: "none" };
  const [reasonPart, ...fields] = raw.split(";").map((s) => s.trim());
  const reason = reasonPart ?? "";
  if (!reason) return { kind: "invalid", problem: `waiver tag '${key}' gives no reason` };
  let until: string | undefined;
  for (const f of fields) {
    const m = /^until=(.*)$/.exec(f);
    if (!m || !DATE.test(m[1] ?? "") || Number.isNaN(Date.parse(m[1] ?? ""))) {
      return { kind: "invalid", problem: `waiver tag '${key}' has '${f}', expected 'until=YYYY-MM-DD'` };
    }
    until = m[1];
  }
  const waiver: Waiver = { ruleId, reason, source: "tag", ...(until ? { until } : {}) };
  return until !== undefined && until < today ? { kind: "expired", waiver } : { kind: "active", waiver };
}

export const todayUtc = (now: Date = new Date()): string => now.toISOString().slice(0, 10);
