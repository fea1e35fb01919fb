import { boundValue } from "../core/bounded-text";
import type { Setting } from "../models/hygiene";

/**
 * One S3 lifecycle rule as both fronts read it (Pulumi inline/split rules, GetBucketLifecycleConfiguration),
 * reduced to what bounds how long objects are kept. Pure: no SDK, no Pulumi shapes.
 */
export interface LifecycleRuleFacts {
  /** The rule's id, for messages. */
  readonly id?: string;
  readonly enabled: boolean;
  /** Undefined when the rule applies to every object; else what it is limited to ("prefix 'logs/'"). */
  readonly limitedTo?: string;
  /** `expiration.days` (0 or less is not set). */
  readonly expirationDays?: number;
  /** `expiration.date` (ISO 8601). */
  readonly expirationDate?: string;
  /** Days after which noncurrent versions expire. */
  readonly noncurrentDays?: number;
}

const DAY_MS = 86_400_000;

/** "1 day", "30 days". */
export const count = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** What a rule's filter limits it to, for `limitedTo` ("prefix 'logs/' and tag 'purpose'"); undefined: every object. */
export function describeLimits(prefix: string | undefined, tagKeys: readonly string[], sizeOver: number | undefined, sizeUnder: number | undefined): string | undefined {
  const parts = [
    prefix ? `prefix '${boundValue(prefix)}'` : undefined,
    tagKeys.length > 0 ? `tag${tagKeys.length > 1 ? "s" : ""} ${tagKeys.map((t) => `'${boundValue(t)}'`).join(", ")}` : undefined,
    sizeOver ? `size over ${sizeOver} bytes` : undefined,
    sizeUnder ? `size under ${sizeUnder} bytes` : undefined,
  ].filter((x): x is string => x !== undefined);
  return parts.length === 0 ? undefined : parts.join(" and ");
}

/** Days from `now` until `date` (0 once passed); undefined for a date that does not parse. */
function daysUntil(date: string, now: number): number | undefined {
  const at = Date.parse(date);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / DAY_MS));
}

const named = (r: LifecycleRuleFacts): string => (r.id ? `lifecycle rule '${boundValue(r.id)}'` : "a lifecycle rule");

/** When a rule's expiration is reached: "after 30 days", "on 2030-01-01". */
function expiryOf(r: LifecycleRuleFacts): string | undefined {
  if (r.expirationDays !== undefined && r.expirationDays > 0) return `after ${count(r.expirationDays, "day")}`;
  if (r.expirationDate !== undefined && r.expirationDate !== "") return `on ${boundValue(r.expirationDate)}`;
  return undefined;
}

/**
 * How long a bucket keeps its objects: the shortest expiration among the enabled rules that cover every
 * object. A rule limited by prefix, tag or size expires only part of the bucket, so it bounds nothing:
 * without a whole-bucket rule the bucket keeps data "forever" and `observed` says which part expires.
 * An `expiration.date` is a finite bound: the days from `now` until that date (0 once it has passed).
 * `rules` undefined: the bucket has no lifecycle configuration.
 */
export function retentionOfLifecycle(rules: readonly LifecycleRuleFacts[] | undefined, now: number = Date.now()): Setting<number | "forever"> {
  const enabled = (rules ?? []).filter((r) => r.enabled);
  const noncurrent = enabled.filter((r) => r.limitedTo === undefined && r.noncurrentDays !== undefined && r.noncurrentDays > 0);
  const noncurrentNote =
    noncurrent.length > 0 ? `; noncurrent versions expire after ${count(Math.min(...noncurrent.map((r) => r.noncurrentDays as number)), "day")}` : "";
  let best: { days: number; rule: LifecycleRuleFacts } | undefined;
  for (const r of enabled) {
    if (r.limitedTo !== undefined) continue;
    const days =
      r.expirationDays !== undefined && r.expirationDays > 0
        ? r.expirationDays
        : r.expirationDate
          ? daysUntil(r.expirationDate, now)
          : undefined;
    if (days !== undefined && (best === undefined || days < best.days)) best = { days, rule: r };
  }
  if (best) return { value: best.days, observed: `${named(best.rule)} expires every object ${expiryOf(best.rule) ?? ""}${noncurrentNote}` };
  if (rules === undefined || rules.length === 0) return { value: "forever", observed: "no lifecycle configuration: objects are kept until deleted" };
  const partial = enabled.filter((r) => r.limitedTo !== undefined && expiryOf(r) !== undefined);
  if (partial.length > 0) {
    const first = partial[0] as LifecycleRuleFacts;
    const more = partial.length > 1 ? ` (and ${partial.length - 1} more partial rule${partial.length > 2 ? "s" : ""})` : "";
    return {
      value: "forever",
      observed: `only objects with ${first.limitedTo} expire (${named(first)}, ${expiryOf(first)})${more}; the rest are kept until deleted${noncurrentNote}`,
    };
  }
  const what = enabled.length === 0 ? "every lifecycle rule is disabled" : "no enabled lifecycle rule expires current objects";
  return { value: "forever", observed: `${what}: objects are kept until deleted${noncurrentNote}` };
}
