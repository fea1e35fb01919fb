import { isUnknown, type Unknown, type Val } from "../../../core/value";
import type { Setting } from "../../../models/hygiene";
import { count, describeLimits, retentionOfLifecycle, type LifecycleRuleFacts } from "../../../hygiene/s3-lifecycle-retention";
import type { Props } from "../props";
import { bucketNamed, known, objPath, positive, text } from "./s3-props";
import type { S3HygieneFields } from "./s3-settings";

/** aws-native mirrors CloudFormation's AWS::S3::Bucket: camelCase names of its properties. */

const computed = <T>(u: Unknown, what: string): Setting<T> => ({ value: u, observed: `${what} is computed during the update` });
const KNOWN_WORDS: ReadonlySet<string> = new Set(["Enabled", "Disabled", "Suspended", "GOVERNANCE", "COMPLIANCE"]);
const shown = (word: string): string => (KNOWN_WORDS.has(word) ? word : "an unrecognized value");

/** CloudFormation gives object sizes as strings. */
function size(p: Props, path: string): Val<number | undefined> {
  const v = p.get(path);
  if (isUnknown(v)) return v;
  if (v === undefined || v === null || v === "") return undefined;
  const n = typeof v === "number" ? v : Number(v);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

function tagFilterKeys(p: Props, path: string): Val<string[]> {
  const n = p.count(path);
  if (isUnknown(n)) return n;
  const keys: Val<string | undefined>[] = [];
  for (let i = 0; i < n; i++) keys.push(text(p, `${p.itemPath(path, i)}.key`));
  return known(keys);
}

function nativeRule(p: Props, at: string): Val<LifecycleRuleFacts> {
  const id = p.str(`${at}.id`);
  const status = p.str(`${at}.status`);
  const prefix = text(p, `${at}.prefix`);
  const tags = tagFilterKeys(p, `${at}.tagFilters`);
  const over = size(p, `${at}.objectSizeGreaterThan`);
  const under = size(p, `${at}.objectSizeLessThan`);
  const days = positive(p, `${at}.expirationInDays`);
  const date = text(p, `${at}.expirationDate`);
  const noncurrentAt = objPath(p, at, ["noncurrentVersionExpiration"]);
  const noncurrent = typeof noncurrentAt === "string" ? positive(p, `${noncurrentAt}.noncurrentDays`) : noncurrentAt;
  const noncurrentLegacy = positive(p, `${at}.noncurrentVersionExpirationInDays`);
  for (const v of [id, status, prefix, tags, over, under, days, date, noncurrent, noncurrentLegacy]) if (isUnknown(v)) return v;
  const noncurrentDays = (noncurrent ?? noncurrentLegacy) as number | undefined;
  const limitedTo = describeLimits(prefix as string | undefined, tags as string[], over as number | undefined, under as number | undefined);
  return {
    ...(typeof id === "string" && id !== "" ? { id } : {}),
    enabled: status === "Enabled",
    ...(limitedTo !== undefined ? { limitedTo } : {}),
    ...(typeof days === "number" ? { expirationDays: days } : {}),
    ...(typeof date === "string" ? { expirationDate: date } : {}),
    ...(noncurrentDays !== undefined ? { noncurrentDays } : {}),
  };
}

function nativeRetention(p: Props): Setting<number | "forever"> {
  const config = objPath(p, "", ["lifecycleConfiguration"]);
  if (isUnknown(config)) return computed(config, "lifecycleConfiguration");
  if (config === undefined) return retentionOfLifecycle(undefined);
  const n = p.count(`${config}.rules`);
  if (isUnknown(n)) return computed(n, "lifecycleConfiguration.rules");
  const rules: Val<LifecycleRuleFacts | undefined>[] = [];
  for (let i = 0; i < n; i++) rules.push(nativeRule(p, p.itemPath(`${config}.rules`, i)));
  const all = known(rules);
  return isUnknown(all) ? computed(all, "lifecycleConfiguration.rules") : retentionOfLifecycle(all);
}

function nativeObjectLock(p: Props): Setting<boolean> {
  const flag = p.bool("objectLockEnabled");
  if (isUnknown(flag)) return computed(flag, "objectLockEnabled");
  const mode = text(p, "objectLockConfiguration.rule.defaultRetention.mode");
  const days = positive(p, "objectLockConfiguration.rule.defaultRetention.days");
  const years = positive(p, "objectLockConfiguration.rule.defaultRetention.years");
  const length = typeof days === "number" ? ` ${count(days, "day")}` : typeof years === "number" ? ` ${count(years, "year")}` : "";
  const retention = typeof mode === "string" || length ? `, default retention${typeof mode === "string" ? ` ${shown(mode)}` : ""}${length}` : "";
  return flag === true ? { value: true, observed: `objectLockEnabled=true${retention}` } : { value: false, observed: flag === false ? "objectLockEnabled=false" : "objectLockEnabled not set (S3 default: off)" };
}

/** Without a destination, CloudFormation delivers the logs to the bucket itself. */
function loggingTarget(p: Props, at: string): string {
  const destination = p.get(`${at}.destinationBucketName`);
  const unset = destination === undefined || destination === null || destination === "";
  return unset && p.dependenciesOf("loggingConfiguration").length === 0 ? "the bucket itself" : bucketNamed(p, `${at}.destinationBucketName`, "loggingConfiguration");
}

/** The hygiene settings of an `aws-native:s3:Bucket`; CloudFormation cannot turn MFA delete on. */
export function nativeS3Hygiene(p: Props): S3HygieneFields {
  const logging = objPath(p, "", ["loggingConfiguration"]);
  const status = p.str("versioningConfiguration.status");
  return {
    auditLog: isUnknown(logging)
      ? computed(logging, "loggingConfiguration")
      : logging === undefined
        ? { value: false, observed: "server access logging not configured (no loggingConfiguration)" }
        : { value: true, observed: `server access logging to ${loggingTarget(p, logging)}` },
    retentionDays: nativeRetention(p),
    versioning: isUnknown(status)
      ? computed(status, "versioningConfiguration.status")
      : { value: status === "Enabled", observed: status === undefined ? "versioning not set (S3 default: disabled)" : `versioningConfiguration.status=${shown(status)}` },
    mfaDelete: { value: false, observed: "MFA delete not set (CloudFormation cannot enable it)" },
    objectLock: nativeObjectLock(p),
  };
}
