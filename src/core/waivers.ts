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
  for (const [i, f] of fields.entries()) {
    const m = /^until=(.*)$/.exec(f);
    if (!m || !DATE.test(m[1] ?? "") || Number.isNaN(Date.parse(m[1] ?? ""))) {
      // The tag's value is the program's text (it may be secret): the problem names its position only.
      return { kind: "invalid", problem: `waiver tag '${key}': field ${i + 2} (fields are separated by ';') is not 'until=YYYY-MM-DD'` };
    }
    until = m[1];
  }
  const waiver: Waiver = { ruleId, reason, source: "tag", ...(until ? { until } : {}) };
  return until !== undefined && until < today ? { kind: "expired", waiver } : { kind: "active", waiver };
}

let today: { day: string; until: number } | undefined;

/** Today's UTC date (YYYY-MM-DD); computed at most once a minute, since it is asked on every evaluation. */
export function todayUtc(now?: Date): string {
  if (now !== undefined) return now.toISOString().slice(0, 10);
  const t = Date.now();
  if (today === undefined || t >= today.until) today = { day: new Date(t).toISOString().slice(0, 10), until: t + 60_000 };
  return today.day;
}
