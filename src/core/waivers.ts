import type { Tags } from "./classification";
import type { GuardConfig } from "./config";

export interface Waiver {
  readonly ruleId: string;
  readonly reason: string;
  /** Last day (YYYY-MM-DD, UTC) the waiver applies; from the next day on it is expired. */
  readonly until?: string;
  readonly owner?: string;
  /** Where it came from: "tag", or the path of the waivers file. */
  readonly source: string;
  /** Line of the waiver in its file. */
  readonly line?: number;
}

export type WaiverState =
  | { readonly kind: "none" }
  | { readonly kind: "active"; readonly waiver: Waiver }
  | { readonly kind: "expired"; readonly waiver: Waiver }
  | { readonly kind: "invalid"; readonly problem: string };

/**
 * The fields a waiver tag may carry besides its reason, each in a tag of its own:
 * `<prefix><rule-id>` = reason, `<prefix><rule-id>:until` = YYYY-MM-DD, `<prefix><rule-id>:owner` = who.
 */
export const WAIVER_TAG_FIELDS = ["until", "owner"] as const;
export type WaiverTagField = (typeof WAIVER_TAG_FIELDS)[number];

/** A real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whether a waiver lasting until `until` (inclusive) still applies on `today`. */
export const expiryState = (until: string | undefined, today: string): "active" | "expired" =>
  until !== undefined && until < today ? "expired" : "active";

/**
 * The waiver of `ruleId` that a resource's tags carry, judged on `today` (YYYY-MM-DD):
 * `<prefix><rule-id>` = `<reason>`, with optional `<prefix><rule-id>:until` = `YYYY-MM-DD` and
 * `<prefix><rule-id>:owner` = `<who>` (every value within the strictest AWS tag rules). The old form,
 * `<prefix><rule-id>` = `<reason>; until=YYYY-MM-DD`, is still read: a value holding `;` is in it.
 *
 * A tag's value is the program's text (it may be secret): problems name tags and positions, never values.
 */
export function waiverFromTags(tags: Tags | undefined, ruleId: string, config: GuardConfig, today: string): WaiverState {
  const key = `${config.tagKeys.waiverPrefix}${ruleId}`;
  const fieldKeys = Object.keys(tags ?? {}).filter((k) => k.startsWith(`${key}:`));
  const raw = tags?.[key];
  if (raw === undefined) {
    const [orphan] = fieldKeys;
    return orphan === undefined ? { kind: "none" } : invalid(`waiver tag '${orphan}' has no tag '${key}' beside it giving the reason`);
  }
  const main = raw.includes(";") ? legacyValue(raw, key) : { reason: raw.trim() };
  if ("problem" in main) return invalid(main.problem);
  if (!main.reason) return invalid(`waiver tag '${key}' gives no reason`);
  let until = main.until;
  let owner: string | undefined;
  for (const fieldKey of fieldKeys) {
    const field = fieldKey.slice(key.length + 1);
    const value = (tags?.[fieldKey] ?? "").trim();
    if (field === "until") {
      if (until !== undefined) return invalid(`waiver tag '${fieldKey}' repeats the date that '${key}' gives ('; until=')`);
      if (!isCalendarDate(value)) return invalid(`waiver tag '${fieldKey}' is not a date written YYYY-MM-DD`);
      until = value;
    } else if (field === "owner") {
      if (!value) return invalid(`waiver tag '${fieldKey}' names no owner`);
      owner = value;
    } else {
      return invalid(`waiver tag '${fieldKey}': '${field}' is not a waiver field (${WAIVER_TAG_FIELDS.join(", ")})`);
    }
  }
  const waiver: Waiver = { ruleId, reason: main.reason, source: "tag", ...(until ? { until } : {}), ...(owner ? { owner } : {}) };
  return { kind: expiryState(until, today), waiver };
}

const invalid = (problem: string): WaiverState => ({ kind: "invalid", problem });

/** The old form, `<reason>; until=YYYY-MM-DD` (`;` and `,` are refused by several services' tags). */
function legacyValue(raw: string, key: string): { reason: string; until?: string } | { problem: string } {
  const [reasonPart, ...fields] = raw.split(";").map((s) => s.trim());
  let until: string | undefined;
  for (const [i, f] of fields.entries()) {
    const m = /^until=(.*)$/.exec(f);
    if (!m || !isCalendarDate(m[1] ?? "")) {
      return { problem: `waiver tag '${key}': field ${i + 2} (fields are separated by ';') is not 'until=YYYY-MM-DD'` };
    }
    until = m[1];
  }
  return { reason: reasonPart ?? "", ...(until ? { until } : {}) };
}

let today: { day: string; until: number } | undefined;

/** Today's UTC date (YYYY-MM-DD); computed at most once a minute, since it is asked on every evaluation. */
export function todayUtc(now?: Date): string {
  if (now !== undefined) return now.toISOString().slice(0, 10);
  const t = Date.now();
  if (today === undefined || t >= today.until) today = { day: new Date(t).toISOString().slice(0, 10), until: t + 60_000 };
  return today.day;
}
