import { describe, expect, it } from "vitest";
import type { EngineResource } from "../../../../src/adapters/pulumi/engine-resource";
import { s3HygieneAdapter } from "../../../../src/adapters/pulumi/hygiene/s3";
import { buildInventory } from "../../../../src/adapters/pulumi/inventory";
import { isUnknown } from "../../../../src/core/value";
import type { Setting, StoreHygiene } from "../../../../src/models/hygiene";
import { engineResource, UNKNOWN, urnOf } from "../../../helpers/engine";

const T = {
  bucket: "aws:s3/bucket:Bucket",
  bucketV2: "aws:s3/bucketV2:BucketV2",
  logging: "aws:s3/bucketLogging:BucketLogging",
  loggingV2: "aws:s3/bucketLoggingV2:BucketLoggingV2",
  lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
  lifecycleV2: "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
  versioning: "aws:s3/bucketVersioning:BucketVersioning",
  versioningV2: "aws:s3/bucketVersioningV2:BucketVersioningV2",
  objectLock: "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
  objectLockV2: "aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2",
} as const;

/** The hygiene of every bucket, keyed by resource name, through the adapter as the inventory runs it. */
function hygieneOf(resources: EngineResource[]): Map<string, StoreHygiene> {
  const relevant = resources.filter((r) => s3HygieneAdapter.types.includes(r.type));
  const stores = buildInventory(resources).stores;
  const built = s3HygieneAdapter.build(relevant, stores);
  const names = new Map(resources.map((r) => [r.urn, r.name]));
  for (const [id] of built.stores ?? []) expect(stores.map((s) => s.ref.id)).toContain(id);
  return new Map((built.stores ?? []).map(([id, h]) => [names.get(id) ?? id, h]));
}

/** A setting as [value, observed], an Unknown as ["unknown:<reason>", observed]. */
const seen = <T>(s: Setting<T> | undefined) => (s === undefined ? undefined : [isUnknown(s.value) ? `unknown:${s.value.reason}` : s.value, s.observed]);

const planned = (r: EngineResource): EngineResource => ({ ...r, plannedState: true });

describe("S3 hygiene from a new stack's preview (names and ids unknown, joins by dependency)", () => {
  const data = urnOf(T.bucket, "data");
  const logs = urnOf(T.bucket, "logs");
  const resources = [
    engineResource(T.bucket, "data", { tags: { "data-classification": "restricted" } }),
    engineResource(T.bucket, "logs", {}),
    engineResource(T.versioning, "data-versioning", { bucket: UNKNOWN, versioningConfiguration: { status: "Enabled", mfaDelete: "Enabled" } }, { bucket: [data] }),
    engineResource(T.logging, "data-logging", { bucket: UNKNOWN, targetBucket: UNKNOWN, targetPrefix: "data/" }, { bucket: [data], targetBucket: [logs] }),
    engineResource(
      T.lifecycle,
      "data-lifecycle",
      {
        bucket: UNKNOWN,
        rules: [
          { id: "tmp", status: "Enabled", filter: { prefix: "tmp/" }, expiration: { days: 1 } },
          { id: "all", status: "Enabled", filter: {}, expiration: { days: 90 }, noncurrentVersionExpiration: { noncurrentDays: 30 } },
        ],
      },
      { bucket: [data] },
    ),
    engineResource(T.objectLock, "data-lock", { bucket: UNKNOWN, rule: { defaultRetention: { mode: "COMPLIANCE", days: 30 } } }, { bucket: [data] }),
  ];
  const h = hygieneOf(resources);

  it("joins each separate resource to its bucket by the `bucket` dependency and says which resource set it", () => {
    const d = h.get("data");
    expect(seen(d?.auditLog)).toEqual([true, "server access logging to the bucket of resource 'logs' (set by data-logging)"]);
    expect(seen(d?.versioning)).toEqual([true, "versioningConfiguration.status=Enabled (set by data-versioning)"]);
    expect(seen(d?.mfaDelete)).toEqual([true, "versioningConfiguration.mfaDelete=Enabled (set by data-versioning)"]);
    expect(seen(d?.objectLock)).toEqual([true, "objectLockEnabled=Enabled (default), default retention COMPLIANCE 30 days (set by data-lock)"]);
    expect(seen(d?.retentionDays)).toEqual([90, "lifecycle rule 'all' expires every object after 90 days; noncurrent versions expire after 30 days (set by data-lifecycle)"]);
  });

  it("a bucket no separate resource names keeps S3's defaults: no logging, no versioning, kept forever", () => {
    const l = h.get("logs");
    expect(seen(l?.auditLog)).toEqual([false, "server access logging not configured (no logging target bucket)"]);
    expect(seen(l?.versioning)).toEqual([false, "versioning not set (S3 default: disabled)"]);
    expect(seen(l?.mfaDelete)?.[0]).toBe(false);
    expect(seen(l?.objectLock)).toEqual([false, "objectLockEnabled not set (S3 default: off)"]);
    expect(seen(l?.retentionDays)).toEqual(["forever", "no lifecycle configuration: objects are kept until deleted"]);
  });

  it("a value computed during the update is Unknown (preview), never a guess", () => {
    const h2 = hygieneOf([
      engineResource(T.bucket, "b", { versioning: UNKNOWN, logging: { targetBucket: UNKNOWN } }, { versioning: [urnOf("pulumi:pulumi:StackReference", "ref")], logging: [urnOf(T.bucket, "elsewhere")] }),
      engineResource(T.lifecycle, "b-lifecycle", { bucket: UNKNOWN, rules: UNKNOWN }, { bucket: [urnOf(T.bucket, "b")], rules: [urnOf("pulumi:pulumi:StackReference", "ref")] }),
      engineResource(T.bucket, "c", { lifecycleRules: [{ enabled: true, expiration: { days: UNKNOWN } }] }),
    ]);
    const b = h2.get("b");
    expect(seen(b?.versioning)).toEqual(["unknown:preview", "versioning is computed during the update"]);
    expect(seen(b?.mfaDelete)?.[0]).toBe("unknown:preview");
    expect(seen(b?.retentionDays)).toEqual(["unknown:preview", "rules is computed during the update (set by b-lifecycle)"]);
    // Logging is on whatever its target: only the target's name is not known yet.
    expect(seen(b?.auditLog)).toEqual([true, "server access logging to the bucket of resource 'elsewhere'"]);
    expect(seen(h2.get("c")?.retentionDays)?.[0]).toBe("unknown:preview");
  });

  it("a separate resource whose bucket is not known makes that setting Unknown on the buckets it could set", () => {
    const h3 = hygieneOf([
      engineResource(T.bucket, "a", { versioning: { enabled: true } }),
      engineResource(T.bucket, "b", {}),
      engineResource(T.versioning, "a-versioning", { bucket: UNKNOWN, versioningConfiguration: { status: "Enabled" } }, { bucket: [urnOf(T.bucket, "a")] }),
      // From a stack reference: no dependency on a bucket of the stack, value unknown.
      engineResource(T.versioning, "someone-versioning", { bucket: UNKNOWN, versioningConfiguration: { status: "Suspended" } }, { bucket: [urnOf("pulumi:pulumi:StackReference", "ref")] }),
    ]);
    expect(seen(h3.get("a")?.versioning)?.[0]).toBe(true);
    expect(seen(h3.get("b")?.versioning)).toEqual(["unknown:preview", "may be set by someone-versioning, whose bucket is known only after the update"]);
    expect(seen(h3.get("b")?.auditLog)?.[0]).toBe(false);
  });

  it("in planned state a property the provider computes and no resource feeds is S3's default", () => {
    const h4 = hygieneOf([planned(engineResource(T.bucket, "p", { versioning: UNKNOWN, logging: UNKNOWN, objectLockEnabled: UNKNOWN, lifecycleRules: UNKNOWN }))]);
    const p = h4.get("p");
    expect([p?.versioning?.value, p?.auditLog?.value, p?.objectLock?.value, p?.retentionDays?.value]).toEqual([false, false, false, "forever"]);
  });
});

describe("S3 hygiene of an existing stack (every value known, joins by name or ARN)", () => {
  it("v6 split `...V2` resources join by the bucket's known name and ARN", () => {
    const h = hygieneOf([
      engineResource(T.bucketV2, "orders", { bucket: "acme-orders", arn: "arn:aws:s3:::acme-orders", id: "acme-orders" }),
      engineResource(T.versioningV2, "orders-versioning", { bucket: "acme-orders", versioningConfiguration: { status: "Suspended", mfaDelete: "Disabled" } }),
      engineResource(T.loggingV2, "orders-logging", { bucket: "arn:aws:s3:::acme-orders", targetBucket: "acme-logs", targetPrefix: "orders/" }),
      engineResource(T.lifecycleV2, "orders-lifecycle", {
        bucket: "acme-orders",
        rules: [
          { id: "tmp", status: "Enabled", filter: { prefix: "tmp/" }, expiration: { days: 7 } },
          { id: "tagged", status: "Enabled", filter: { and: { prefix: "", tags: { purpose: "scratch" } } }, expiration: { days: 3 } },
          { id: "off", status: "Disabled", filter: {}, expiration: { days: 30 } },
        ],
      }),
      engineResource(T.objectLockV2, "orders-lock", { bucket: "acme-orders", objectLockEnabled: "Enabled" }),
      engineResource(T.versioningV2, "elsewhere", { bucket: "not-in-this-stack", versioningConfiguration: { status: "Enabled" } }),
    ]);
    expect([...h.keys()]).toEqual(["orders"]);
    const o = h.get("orders");
    expect(seen(o?.versioning)).toEqual([false, "versioningConfiguration.status=Suspended (set by orders-versioning)"]);
    expect(seen(o?.mfaDelete)).toEqual([false, "versioningConfiguration.mfaDelete=Disabled (set by orders-versioning)"]);
    expect(seen(o?.auditLog)).toEqual([true, "server access logging to bucket 'acme-logs' (set by orders-logging)"]);
    expect(seen(o?.objectLock)).toEqual([true, "objectLockEnabled=Enabled (set by orders-lock)"]);
    expect(seen(o?.retentionDays)).toEqual([
      "forever",
      "only objects with prefix 'tmp/' expire (lifecycle rule 'tmp', after 7 days) (and 1 more partial rule); the rest are kept until deleted (set by orders-lifecycle)",
    ]);
  });

  it("v6 Bucket inline singular blocks: the shortest whole-bucket expiration, versioning, logging, Object Lock configuration", () => {
    const h = hygieneOf([
      engineResource(T.bucket, "inline", {
        bucket: "acme-inline",
        lifecycleRules: [
          { id: "year", enabled: true, prefix: "", tags: {}, expiration: { days: 365 } },
          { id: "logs", enabled: true, prefix: "logs/", expiration: { days: 30 } },
          { id: "quarter", enabled: true, expiration: { days: 90 } },
          { id: "off", enabled: false, expiration: { days: 1 } },
        ],
        versioning: { enabled: true, mfaDelete: false },
        logging: { targetBucket: "acme-logs", targetPrefix: "inline/" },
        objectLockConfiguration: { objectLockEnabled: "Enabled", rule: { defaultRetention: { mode: "GOVERNANCE", years: 1 } } },
      }),
    ]);
    const b = h.get("inline");
    expect(seen(b?.retentionDays)).toEqual([90, "lifecycle rule 'quarter' expires every object after 90 days"]);
    expect(seen(b?.versioning)).toEqual([true, "versioning.enabled=true"]);
    expect(seen(b?.mfaDelete)).toEqual([false, "versioning.mfaDelete=false"]);
    expect(seen(b?.auditLog)).toEqual([true, "server access logging to bucket 'acme-logs'"]);
    expect(seen(b?.objectLock)).toEqual([true, "objectLockConfiguration.objectLockEnabled=Enabled, default retention GOVERNANCE 1 year"]);
  });

  it("v6 BucketV2 inline plural lists and the top-level objectLockEnabled", () => {
    const h = hygieneOf([
      engineResource(T.bucketV2, "plural", {
        bucket: "acme-plural",
        versionings: [{ enabled: true, mfaDelete: true }],
        loggings: [{ targetBucket: "acme-logs" }],
        lifecycleRules: [{ enabled: true, expirations: [{ days: 30 }], noncurrentVersionExpirations: [{ days: 10 }] }],
        objectLockEnabled: true,
      }),
    ]);
    const b = h.get("plural");
    expect(seen(b?.versioning)).toEqual([true, "versionings.enabled=true"]);
    expect(seen(b?.mfaDelete)).toEqual([true, "versionings.mfaDelete=true"]);
    expect(seen(b?.auditLog)?.[0]).toBe(true);
    expect(seen(b?.retentionDays)).toEqual([30, "a lifecycle rule expires every object after 30 days; noncurrent versions expire after 10 days"]);
    expect(seen(b?.objectLock)).toEqual([true, "objectLockEnabled=true"]);
  });

  it("a state with empty blocks (v6 Bucket after refresh) is S3's defaults, not an error", () => {
    const h = hygieneOf([
      engineResource(T.bucket, "refreshed", { bucket: "acme-r", versioning: { enabled: false, mfaDelete: false }, logging: null, lifecycleRules: [], objectLockEnabled: false }),
    ]);
    const b = h.get("refreshed");
    expect([b?.versioning?.value, b?.mfaDelete?.value, b?.auditLog?.value, b?.objectLock?.value, b?.retentionDays?.value]).toEqual([false, false, false, false, "forever"]);
    expect(b?.objectLock?.observed).toBe("objectLockEnabled=false");
  });

  it("a separate resource overrides the bucket's inline setting; a past expiration date expires everything now", () => {
    const h = hygieneOf([
      engineResource(T.bucket, "b", { bucket: "acme-b", versioning: { enabled: true }, lifecycleRules: [{ enabled: true, expiration: { days: 10 } }] }),
      engineResource(T.versioning, "b-versioning", { bucket: "acme-b", versioningConfiguration: { status: "Suspended" } }),
      engineResource(T.lifecycle, "b-lifecycle", { bucket: "acme-b", rules: [{ id: "sunset", status: "Enabled", expiration: { date: "2020-01-01T00:00:00Z" } }] }),
    ]);
    const b = h.get("b");
    expect(seen(b?.versioning)?.[0]).toBe(false);
    expect(seen(b?.retentionDays)).toEqual([0, "lifecycle rule 'sunset' expires every object on 2020-01-01T00:00:00Z (set by b-lifecycle)"]);
  });

  it("never echoes an unrecognized status, which could be a misplaced secret", () => {
    const h = hygieneOf([
      engineResource(T.bucket, "b", { bucket: "acme-b" }),
      engineResource(T.versioning, "b-versioning", { bucket: "acme-b", versioningConfiguration: { status: "hunter2-secret" } }),
    ]);
    expect(seen(h.get("b")?.versioning)).toEqual([false, "versioningConfiguration.status=an unrecognized value (set by b-versioning)"]);
  });

  it("aws-native Bucket: CloudFormation's logging, lifecycle (tag filters, string sizes), versioning and Object Lock", () => {
    const h = hygieneOf([
      engineResource("aws-native:s3:Bucket", "native", {
        bucketName: "acme-native",
        loggingConfiguration: { logFilePrefix: "self/" },
        lifecycleConfiguration: {
          rules: [
            { id: "big", status: "Enabled", objectSizeGreaterThan: "1048576", expirationInDays: 1 },
            { id: "tagged", status: "Enabled", tagFilters: [{ key: "purpose", value: "tmp" }], expirationInDays: 2 },
            { id: "all", status: "Enabled", expirationInDays: 180, noncurrentVersionExpiration: { noncurrentDays: 14 } },
          ],
        },
        versioningConfiguration: { status: "Enabled" },
        objectLockEnabled: true,
        objectLockConfiguration: { objectLockEnabled: "Enabled", rule: { defaultRetention: { mode: "COMPLIANCE", days: 1 } } },
      }),
      engineResource("aws-native:s3:Bucket", "native-bare", { bucketName: "acme-bare", lifecycleConfiguration: { rules: [{ status: "Enabled", prefix: "tmp/", expirationInDays: 1 }] } }),
      engineResource("aws-native:s3:Bucket", "native-preview", { versioningConfiguration: { status: UNKNOWN } }),
    ]);
    const n = h.get("native");
    expect(seen(n?.auditLog)).toEqual([true, "server access logging to the bucket itself"]);
    expect(seen(n?.retentionDays)).toEqual([180, "lifecycle rule 'all' expires every object after 180 days; noncurrent versions expire after 14 days"]);
    expect(seen(n?.versioning)).toEqual([true, "versioningConfiguration.status=Enabled"]);
    expect(seen(n?.mfaDelete)).toEqual([false, "MFA delete not set (CloudFormation cannot enable it)"]);
    expect(seen(n?.objectLock)).toEqual([true, "objectLockEnabled=true, default retention COMPLIANCE 1 day"]);
    const bare = h.get("native-bare");
    expect([bare?.auditLog?.value, bare?.versioning?.value, bare?.objectLock?.value]).toEqual([false, false, false]);
    expect(seen(bare?.retentionDays)).toEqual(["forever", "only objects with prefix 'tmp/' expire (a lifecycle rule, after 1 day); the rest are kept until deleted"]);
    expect(seen(h.get("native-preview")?.versioning)?.[0]).toBe("unknown:preview");
  });

  it("a stack without buckets contributes nothing", () => {
    expect(s3HygieneAdapter.build([engineResource(T.versioning, "v", { bucket: "x", versioningConfiguration: { status: "Enabled" } })], [])).toEqual({});
  });
});
