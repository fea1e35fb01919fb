import { isUnknown, type Val } from "../../../core/value";
import { describeLimits, type LifecycleRuleFacts } from "../../../hygiene/s3-lifecycle-retention";
import type { Props } from "../props";
import { known, objPath, positive, tagKeys, text } from "./s3-props";

function limits(prefix: Val<string | undefined>, tags: Val<string[]>, sizeOver: Val<number | undefined>, sizeUnder: Val<number | undefined>): Val<string | undefined> {
  for (const v of [prefix, tags, sizeOver, sizeUnder]) if (isUnknown(v)) return v;
  return describeLimits(prefix as string | undefined, tags as string[], sizeOver as number | undefined, sizeUnder as number | undefined);
}

function facts(
  id: Val<string | undefined>,
  enabled: Val<boolean>,
  limitedTo: Val<string | undefined>,
  expiration: Val<string | undefined>,
  noncurrent: Val<string | undefined>,
  p: Props,
  noncurrentDaysName: string,
): Val<LifecycleRuleFacts> {
  for (const v of [id, enabled, limitedTo, expiration, noncurrent]) if (isUnknown(v)) return v;
  const days = typeof expiration === "string" ? positive(p, `${expiration}.days`) : undefined;
  const date = typeof expiration === "string" ? text(p, `${expiration}.date`) : undefined;
  const noncurrentDays = typeof noncurrent === "string" ? positive(p, `${noncurrent}.${noncurrentDaysName}`) : undefined;
  for (const v of [days, date, noncurrentDays]) if (isUnknown(v)) return v;
  return {
    ...(typeof id === "string" && id !== "" ? { id } : {}),
    enabled: enabled === true,
    ...(typeof limitedTo === "string" ? { limitedTo } : {}),
    ...(typeof days === "number" ? { expirationDays: days } : {}),
    ...(typeof date === "string" ? { expirationDate: date } : {}),
    ...(typeof noncurrentDays === "number" ? { noncurrentDays } : {}),
  };
}

/** Inline `lifecycleRules` of a v6/v7 `Bucket` (singular blocks) or v6 `BucketV2` (plural lists); undefined when none. */
export function inlineLifecycle(p: Props): Val<LifecycleRuleFacts[] | undefined> {
  const count = p.count("lifecycleRules");
  if (isUnknown(count)) return count;
  if (count === 0) return undefined;
  const rules: Val<LifecycleRuleFacts>[] = [];
  for (let i = 0; i < count; i++) {
    const at = p.itemPath("lifecycleRules", i);
    const enabled = p.bool(`${at}.enabled`);
    rules.push(
      facts(
        p.str(`${at}.id`),
        isUnknown(enabled) ? enabled : enabled === true,
        limits(text(p, `${at}.prefix`), tagKeys(p, `${at}.tags`), undefined, undefined),
        objPath(p, at, ["expiration", "expirations"]),
        objPath(p, at, ["noncurrentVersionExpiration", "noncurrentVersionExpirations"]),
        p,
        "days",
      ),
    );
  }
  return known(rules);
}

/** What a split rule's `filter` (or its deprecated top-level `prefix`) limits it to. */
function filterLimits(p: Props, at: string): Val<string | undefined> {
  const filter = objPath(p, at, ["filter"]);
  if (isUnknown(filter)) return filter;
  const legacyPrefix = text(p, `${at}.prefix`);
  if (filter === undefined) return limits(legacyPrefix, [], undefined, undefined);
  const and = objPath(p, filter, ["and"]);
  if (isUnknown(and)) return and;
  const tag = objPath(p, filter, ["tag"]);
  if (isUnknown(tag)) return tag;
  const tagKey = tag === undefined ? undefined : text(p, `${tag}.key`);
  if (isUnknown(tagKey)) return tagKey;
  const andTags = and === undefined ? [] : tagKeys(p, `${and}.tags`);
  if (isUnknown(andTags)) return andTags;
  const from = (field: string, read: (path: string) => Val<string | number | undefined>) => {
    const own = read(`${filter}.${field}`);
    return own !== undefined || and === undefined ? own : read(`${and}.${field}`);
  };
  const prefix = from("prefix", (path) => text(p, path)) as Val<string | undefined>;
  return limits(
    isUnknown(prefix) || prefix !== undefined ? prefix : legacyPrefix,
    [...(tagKey === undefined ? [] : [tagKey]), ...andTags],
    from("objectSizeGreaterThan", (path) => positive(p, path)) as Val<number | undefined>,
    from("objectSizeLessThan", (path) => positive(p, path)) as Val<number | undefined>,
  );
}

/** `rules` of a `BucketLifecycleConfiguration` (v7) or `...V2` (v6): status, filter, expiration. */
export function splitLifecycle(p: Props): Val<LifecycleRuleFacts[]> {
  const count = p.count("rules");
  if (isUnknown(count)) return count;
  const rules: Val<LifecycleRuleFacts>[] = [];
  for (let i = 0; i < count; i++) {
    const at = p.itemPath("rules", i);
    const status = p.str(`${at}.status`);
    rules.push(
      facts(
        p.str(`${at}.id`),
        isUnknown(status) ? status : status === "Enabled",
        filterLimits(p, at),
        objPath(p, at, ["expiration"]),
        objPath(p, at, ["noncurrentVersionExpiration"]),
        p,
        "noncurrentDays",
      ),
    );
  }
  return known(rules);
}
