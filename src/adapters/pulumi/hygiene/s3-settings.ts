import { isUnknown, unknown, type Unknown, type Val } from "../../../core/value";
import type { Setting, StoreHygiene } from "../../../models/hygiene";
import { count, retentionOfLifecycle } from "../../../hygiene/s3-lifecycle-retention";
import type { Props } from "../props";
import { inlineLifecycle, splitLifecycle } from "./s3-lifecycle";
import { bucketNamed, objPath, positive, text } from "./s3-props";

/** The hygiene fields an S3 bucket has; each separate resource type sets some of them. */
export type S3HygieneFields = Pick<StoreHygiene, "auditLog" | "retentionDays" | "versioning" | "mfaDelete" | "objectLock">;

const computed = <T>(u: Unknown, what: string): Setting<T> => ({ value: u, observed: `${what} is computed during the update` });

/** Only S3's own words are echoed; anything else could be a misplaced secret. */
const KNOWN_WORDS: ReadonlySet<string> = new Set(["Enabled", "Disabled", "Suspended", "GOVERNANCE", "COMPLIANCE"]);
const shown = (word: string): string => (KNOWN_WORDS.has(word) ? word : "an unrecognized value");

/** "property=value" with the property's path shown without the list index of a one-element list. */
const shownPath = (path: string): string => path.replace(/\.0(?=\.|$)/g, "");

function bySuffix(observed: string, p: Props): string {
  return `${observed} (set by ${p.resource.name})`;
}

function withSource<T>(s: Setting<T>, p: Props): Setting<T> {
  return { value: s.value, observed: bySuffix(s.observed, p) };
}

// ---- inline settings of aws:s3/bucket:Bucket (v6, v7) and aws:s3/bucketV2:BucketV2 (v6) ----

function inlineLogging(p: Props): Setting<boolean> {
  const at = objPath(p, "", ["logging", "loggings"]);
  if (isUnknown(at)) return computed(at, "logging");
  const target = at === undefined ? undefined : text(p, `${at}.targetBucket`);
  if (at === undefined || target === undefined) return { value: false, observed: "server access logging not configured (no logging target bucket)" };
  return { value: true, observed: `server access logging to ${bucketNamed(p, `${at}.targetBucket`, at.split(".")[0] as string)}` };
}

function inlineVersioning(p: Props): Pick<S3HygieneFields, "versioning" | "mfaDelete"> {
  const at = objPath(p, "", ["versioning", "versionings"]);
  if (isUnknown(at)) return { versioning: computed(at, "versioning"), mfaDelete: computed(at, "versioning") };
  if (at === undefined) {
    return {
      versioning: { value: false, observed: "versioning not set (S3 default: disabled)" },
      mfaDelete: { value: false, observed: "versioning.mfaDelete not set" },
    };
  }
  const flag = (field: string): Setting<boolean> => {
    const v = p.bool(`${at}.${field}`);
    return isUnknown(v) ? computed(v, shownPath(`${at}.${field}`)) : { value: v === true, observed: `${shownPath(`${at}.${field}`)}=${v === true}` };
  };
  return { versioning: flag("enabled"), mfaDelete: flag("mfaDelete") };
}

/** "default retention COMPLIANCE 30 days" from a `defaultRetention` block under `rulePath`, when set. */
function defaultRetention(p: Props, configPath: string, ruleNames: readonly string[]): string {
  const rule = objPath(p, configPath, ruleNames);
  if (typeof rule !== "string") return "";
  const retention = objPath(p, rule, ["defaultRetention", "defaultRetentions"]);
  if (typeof retention !== "string") return "";
  const mode = text(p, `${retention}.mode`);
  const days = positive(p, `${retention}.days`);
  const years = positive(p, `${retention}.years`);
  const length = typeof days === "number" ? count(days, "day") : typeof years === "number" ? count(years, "year") : "";
  return `, default retention${typeof mode === "string" ? ` ${shown(mode)}` : ""}${length ? ` ${length}` : ""}`;
}

function inlineObjectLock(p: Props): Setting<boolean> {
  const flag = p.bool("objectLockEnabled");
  if (isUnknown(flag)) return computed(flag, "objectLockEnabled");
  const config = objPath(p, "", ["objectLockConfiguration", "objectLockConfigurations"]);
  if (isUnknown(config)) return computed(config, "objectLockConfiguration");
  const word = config === undefined ? undefined : text(p, `${config}.objectLockEnabled`);
  if (isUnknown(word)) return computed(word, "objectLockConfiguration.objectLockEnabled");
  const retention = config === undefined ? "" : defaultRetention(p, config, ["rule", "rules"]);
  if (flag === true) return { value: true, observed: `objectLockEnabled=true${retention}` };
  if (word !== undefined) return { value: word === "Enabled", observed: `objectLockConfiguration.objectLockEnabled=${shown(word)}${retention}` };
  return { value: false, observed: flag === false ? "objectLockEnabled=false" : "objectLockEnabled not set (S3 default: off)" };
}

function retentionOf(rules: Val<Parameters<typeof retentionOfLifecycle>[0]>, what: string): Setting<number | "forever"> {
  return isUnknown(rules) ? computed(rules, what) : retentionOfLifecycle(rules);
}

/** The settings a bucket resource holds itself; unset ones are S3's defaults (off, kept forever). */
export function inlineS3Hygiene(p: Props): S3HygieneFields {
  return {
    auditLog: inlineLogging(p),
    retentionDays: retentionOf(inlineLifecycle(p), "lifecycleRules"),
    ...inlineVersioning(p),
    objectLock: inlineObjectLock(p),
  };
}

// ---- separate resources (v7 names and their v6 `...V2` aliases) ----

export const S3_SPLIT = {
  logging: ["aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2"],
  lifecycle: [
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
  ],
  versioning: ["aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"],
  objectLock: [
    "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
    "aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2",
  ],
} as const;

export type S3SplitKind = keyof typeof S3_SPLIT;

/** The fields each kind of separate resource sets. */
export const FIELDS_OF: Readonly<Record<S3SplitKind, readonly (keyof S3HygieneFields)[]>> = {
  logging: ["auditLog"],
  lifecycle: ["retentionDays"],
  versioning: ["versioning", "mfaDelete"],
  objectLock: ["objectLock"],
};

export function splitKindOf(type: string): S3SplitKind | undefined {
  return (Object.keys(S3_SPLIT) as S3SplitKind[]).find((k) => (S3_SPLIT[k] as readonly string[]).includes(type));
}

function splitVersioning(p: Props): Pick<S3HygieneFields, "versioning" | "mfaDelete"> {
  const status = p.str("versioningConfiguration.status");
  const mfa = p.str("versioningConfiguration.mfaDelete");
  return {
    versioning: isUnknown(status)
      ? computed(status, "versioningConfiguration.status")
      : { value: status === "Enabled", observed: `versioningConfiguration.status=${status === undefined ? "not set" : shown(status)}` },
    mfaDelete: isUnknown(mfa)
      ? computed(mfa, "versioningConfiguration.mfaDelete")
      : { value: mfa === "Enabled", observed: `versioningConfiguration.mfaDelete=${mfa === undefined || mfa === "" ? "not set" : shown(mfa)}` },
  };
}

function splitObjectLock(p: Props): Setting<boolean> {
  // The provider's default is "Enabled": the resource exists to turn Object Lock on.
  const word = text(p, "objectLockEnabled");
  if (isUnknown(word)) return computed(word, "objectLockEnabled");
  const retention = defaultRetention(p, "", ["rule", "rules"]);
  return { value: word === undefined || word === "Enabled", observed: `objectLockEnabled=${word === undefined ? "Enabled (default)" : shown(word)}${retention}` };
}

/** The settings one separate resource gives its bucket, each saying which resource set it. */
export function splitS3Hygiene(kind: S3SplitKind, p: Props): Partial<S3HygieneFields> {
  switch (kind) {
    case "logging":
      return { auditLog: { value: true, observed: bySuffix(`server access logging to ${bucketNamed(p, "targetBucket", "targetBucket")}`, p) } };
    case "lifecycle":
      return { retentionDays: withSource(retentionOf(splitLifecycle(p), "rules"), p) };
    case "versioning": {
      const v = splitVersioning(p);
      return { versioning: withSource(v.versioning as Setting<boolean>, p), mfaDelete: withSource(v.mfaDelete as Setting<boolean>, p) };
    }
    case "objectLock":
      return { objectLock: withSource(splitObjectLock(p), p) };
  }
}

/** A separate resource whose bucket is not known yet may set these fields on any bucket of the stack. */
export function maybeSetBy(kind: S3SplitKind, p: Props, why: Unknown): Partial<S3HygieneFields> {
  const unknownField: Setting<never> = {
    value: unknown(why.reason, `${p.resource.name} names a bucket not known yet: ${why.detail}`),
    observed: `may be set by ${p.resource.name}, whose bucket is known only after the update`,
  };
  return Object.fromEntries(FIELDS_OF[kind].map((f) => [f, unknownField])) as Partial<S3HygieneFields>;
}
