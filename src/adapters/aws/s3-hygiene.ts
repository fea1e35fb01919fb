import type { DefaultRetention, LifecycleRule } from "@aws-sdk/client-s3";
import { boundValue } from "../../core/bounded-text";
import type { CallFailure, Fetched } from "../../fetchers/aws/fetched";
import type { S3BucketAnswers } from "../../fetchers/aws/s3";
import type { Setting, StoreHygiene } from "../../models/hygiene";
import { unknownOf } from "./fetched";
import { count, describeLimits, retentionOfLifecycle, type LifecycleRuleFacts } from "../../hygiene/s3-lifecycle-retention";

/** Only S3's own words are echoed; anything else could be a misplaced secret. */
const KNOWN_WORDS: ReadonlySet<string> = new Set(["Enabled", "Disabled", "Suspended", "GOVERNANCE", "COMPLIANCE"]);
const shown = (word: string | undefined): string => (word === undefined ? "not set" : KNOWN_WORDS.has(word) ? word : "an unrecognized value");

const unanswered = <T>(f: CallFailure): Setting<T> => ({ value: unknownOf(f), observed: `${f.action} did not answer` });

/** A setting read from one answer; the field is left out when the answers were recorded without it. */
function settingOf<A, T>(answer: Fetched<A> | undefined, read: (value: A) => Setting<T>): Setting<T> | undefined {
  if (answer === undefined) return undefined;
  return answer.ok ? read(answer.value) : unanswered(answer.failure);
}

function ruleFacts(r: LifecycleRule): LifecycleRuleFacts {
  const f = r.Filter;
  const and = f?.And;
  const tags = [...(f?.Tag?.Key ? [f.Tag.Key] : []), ...(and?.Tags ?? []).flatMap((t) => (t.Key ? [t.Key] : []))];
  const date = r.Expiration?.Date;
  return {
    ...(r.ID ? { id: r.ID } : {}),
    enabled: r.Status === "Enabled",
    ...optional("limitedTo", describeLimits(f?.Prefix || and?.Prefix || r.Prefix, tags, f?.ObjectSizeGreaterThan ?? and?.ObjectSizeGreaterThan, f?.ObjectSizeLessThan ?? and?.ObjectSizeLessThan)),
    ...optional("expirationDays", r.Expiration?.Days),
    ...optional("expirationDate", date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined),
    ...optional("noncurrentDays", r.NoncurrentVersionExpiration?.NoncurrentDays),
  };
}

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

function retentionNote(d: DefaultRetention | undefined): string {
  if (d === undefined) return "";
  const length = d.Days ? ` ${count(d.Days, "day")}` : d.Years ? ` ${count(d.Years, "year")}` : "";
  return `, default retention${d.Mode ? ` ${shown(d.Mode)}` : ""}${length}`;
}

function objectLockOf(bucket: S3BucketAnswers): Setting<boolean> | undefined {
  if (bucket.objectLock === undefined) {
    // Not asked: versioning is known not to be enabled, and Object Lock cannot be on without it.
    const v = bucket.versioning;
    return v?.ok ? { value: false, observed: `Object Lock off (versioning Status=${shown(v.value?.Status)}; Object Lock requires it Enabled)` } : undefined;
  }
  return settingOf(bucket.objectLock, (config) =>
    config?.ObjectLockEnabled === undefined
      ? { value: false, observed: "no Object Lock configuration" }
      : { value: config.ObjectLockEnabled === "Enabled", observed: `ObjectLockEnabled=${shown(config.ObjectLockEnabled)}${retentionNote(config.Rule?.DefaultRetention)}` },
  );
}

/**
 * A bucket's access logging, lifecycle retention, versioning, MFA delete and Object Lock, read as the
 * Pulumi front reads the same settings (`retentionOfLifecycle` is shared).
 */
export function bucketHygiene(bucket: S3BucketAnswers, now: number = Date.now()): StoreHygiene {
  const auditLog = settingOf(bucket.logging, (l): Setting<boolean> =>
    l?.TargetBucket ? { value: true, observed: `server access logging to bucket '${boundValue(l.TargetBucket)}'` } : { value: false, observed: "server access logging not enabled" },
  );
  const retentionDays = settingOf(bucket.lifecycle, (rules) => retentionOfLifecycle(rules?.map(ruleFacts), now));
  const versioning = settingOf(bucket.versioning, (v): Setting<boolean> => ({
    value: v?.Status === "Enabled",
    observed: v?.Status === undefined ? "versioning never enabled (no Status)" : `versioning Status=${shown(v.Status)}`,
  }));
  const mfaDelete = settingOf(bucket.versioning, (v): Setting<boolean> => ({ value: v?.MFADelete === "Enabled", observed: `MFADelete=${shown(v?.MFADelete)}` }));
  const objectLock = objectLockOf(bucket);
  return {
    ...(auditLog ? { auditLog } : {}),
    ...(retentionDays ? { retentionDays } : {}),
    ...(versioning ? { versioning } : {}),
    ...(mfaDelete ? { mfaDelete } : {}),
    ...(objectLock ? { objectLock } : {}),
  };
}
