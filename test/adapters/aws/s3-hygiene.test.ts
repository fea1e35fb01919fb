import { describe, expect, it } from "vitest";
import { bucketHygiene } from "../../../src/adapters/aws/s3-hygiene";
import { retentionOfLifecycle } from "../../../src/hygiene/s3-lifecycle-retention";
import { s3HygieneAdapter } from "../../../src/adapters/pulumi/hygiene/s3";
import { isUnknown } from "../../../src/core/value";
import type { Fetched } from "../../../src/fetchers/aws/fetched";
import type { S3BucketAnswers } from "../../../src/fetchers/aws/s3";
import type { Setting } from "../../../src/models/hygiene";
import { engineResource } from "../../helpers/engine";

// Recorded answers for what moto cannot answer: moto ignores MFA delete, and a date is relative to "now".
const ok = <T>(value: T): Fetched<T> => ({ ok: true, value });
const denied = (action: string): Fetched<never> => ({
  ok: false,
  failure: { reason: "access-denied", service: "s3", action, region: "eu-west-1", detail: "AccessDenied: Access Denied" },
});
const NOW = Date.parse("2026-01-01T00:00:00Z");

/** A bucket with nothing configured, as S3 answers; override what a case sets. */
function bucket(over: Partial<S3BucketAnswers> = {}): S3BucketAnswers {
  return {
    name: "orders",
    region: "eu-west-1",
    encryption: ok(undefined),
    publicAccessBlock: ok(undefined),
    ownershipControls: ok(undefined),
    policy: ok(undefined),
    tagSet: ok(undefined),
    logging: ok(undefined),
    lifecycle: ok(undefined),
    versioning: ok({}),
    ...over,
  };
}

const seen = <T>(s: Setting<T> | undefined) => (s === undefined ? undefined : [isUnknown(s.value) ? `unknown:${s.value.reason}` : s.value, s.observed]);

describe("S3 bucket hygiene from recorded answers", () => {
  it("nothing configured: no access log, kept forever, never versioned, no Object Lock (not asked)", () => {
    const h = bucketHygiene(bucket(), NOW);
    expect(seen(h.auditLog)).toEqual([false, "server access logging not enabled"]);
    expect(seen(h.retentionDays)).toEqual(["forever", "no lifecycle configuration: objects are kept until deleted"]);
    expect(seen(h.versioning)).toEqual([false, "versioning never enabled (no Status)"]);
    expect(seen(h.mfaDelete)).toEqual([false, "MFADelete=not set"]);
    expect(seen(h.objectLock)).toEqual([false, "Object Lock off (versioning Status=not set; Object Lock requires it Enabled)"]);
  });

  it("MFA delete on a versioned bucket with Object Lock", () => {
    const h = bucketHygiene(
      bucket({
        versioning: ok({ Status: "Enabled", MFADelete: "Enabled" }),
        objectLock: ok({ ObjectLockEnabled: "Enabled", Rule: { DefaultRetention: { Mode: "GOVERNANCE", Years: 2 } } }),
      }),
      NOW,
    );
    expect(seen(h.versioning)).toEqual([true, "versioning Status=Enabled"]);
    expect(seen(h.mfaDelete)).toEqual([true, "MFADelete=Enabled"]);
    expect(seen(h.objectLock)).toEqual([true, "ObjectLockEnabled=Enabled, default retention GOVERNANCE 2 years"]);
  });

  it("the shortest whole-bucket expiration counts; prefix, tag and size filters cover only part", () => {
    const h = bucketHygiene(
      bucket({
        lifecycle: ok([
          { ID: "tagged", Status: "Enabled", Filter: { Tag: { Key: "purpose", Value: "tmp" } }, Expiration: { Days: 1 } },
          { ID: "small", Status: "Enabled", Filter: { And: { Prefix: "", ObjectSizeLessThan: 1024 } }, Expiration: { Days: 2 } },
          { ID: "legacy-prefix", Status: "Enabled", Prefix: "logs/", Expiration: { Days: 3 } },
          { ID: "off", Status: "Disabled", Filter: {}, Expiration: { Days: 5 } },
          { ID: "all", Status: "Enabled", Filter: { Prefix: "" }, Expiration: { Days: 400 } },
          { ID: "date", Status: "Enabled", Filter: {}, Expiration: { Date: new Date("2026-03-02T00:00:00Z") } },
        ]),
      }),
      NOW,
    );
    expect(seen(h.retentionDays)).toEqual([60, "lifecycle rule 'date' expires every object on 2026-03-02T00:00:00.000Z"]);
  });

  it("only partial rules: forever, saying which part expires", () => {
    const h = bucketHygiene(
      bucket({ lifecycle: ok([{ ID: "tagged", Status: "Enabled", Filter: { And: { Prefix: "tmp/", Tags: [{ Key: "a", Value: "1" }, { Key: "b", Value: "2" }] } }, Expiration: { Days: 1 } }]) }),
      NOW,
    );
    expect(seen(h.retentionDays)).toEqual(["forever", "only objects with prefix 'tmp/' and tags 'a', 'b' expire (lifecycle rule 'tagged', after 1 day); the rest are kept until deleted"]);
  });

  it("rules that expire only noncurrent versions or delete markers bound nothing", () => {
    const h = bucketHygiene(
      bucket({ lifecycle: ok([{ ID: "versions", Status: "Enabled", Filter: {}, Expiration: { ExpiredObjectDeleteMarker: true }, NoncurrentVersionExpiration: { NoncurrentDays: 30 } }]) }),
      NOW,
    );
    expect(seen(h.retentionDays)).toEqual(["forever", "no enabled lifecycle rule expires current objects: objects are kept until deleted; noncurrent versions expire after 30 days"]);
    expect(seen(bucketHygiene(bucket({ lifecycle: ok([{ ID: "x", Status: "Disabled", Expiration: { Days: 1 } }]) }), NOW).retentionDays)).toEqual([
      "forever",
      "every lifecycle rule is disabled: objects are kept until deleted",
    ]);
  });

  it("a denied read is Unknown (access-denied) naming the action; Object Lock is then asked rather than guessed", () => {
    const h = bucketHygiene(
      bucket({ logging: denied("s3:GetBucketLogging"), versioning: denied("s3:GetBucketVersioning"), objectLock: denied("s3:GetBucketObjectLockConfiguration") }),
      NOW,
    );
    expect(seen(h.auditLog)).toEqual(["unknown:access-denied", "s3:GetBucketLogging did not answer"]);
    expect(seen(h.versioning)?.[0]).toBe("unknown:access-denied");
    expect(seen(h.mfaDelete)?.[0]).toBe("unknown:access-denied");
    expect(seen(h.objectLock)?.[0]).toBe("unknown:access-denied");
    const v = h.versioning?.value;
    expect(isUnknown(v) && v.detail).toBe("s3:GetBucketVersioning (eu-west-1) did not answer: AccessDenied: Access Denied");
  });

  it("answers recorded without the hygiene calls leave the fields unset (not assessed), never defaulted", () => {
    const { logging: _l, lifecycle: _c, versioning: _v, ...old } = bucket();
    expect(bucketHygiene(old, NOW)).toEqual({});
  });

  it("never echoes a word S3 does not use, which could be a misplaced secret", () => {
    const h = bucketHygiene(bucket({ versioning: ok({ Status: "hunter2" as never, MFADelete: "Disabled" }), objectLock: ok({}) }), NOW);
    expect(seen(h.versioning)).toEqual([false, "versioning Status=an unrecognized value"]);
    expect(seen(h.objectLock)).toEqual([false, "no Object Lock configuration"]);
  });
});

describe("retentionOfLifecycle", () => {
  it("a date already passed expires everything now (0 days); an unparsable date bounds nothing", () => {
    expect(retentionOfLifecycle([{ enabled: true, expirationDate: "2020-01-01T00:00:00Z" }], NOW).value).toBe(0);
    expect(retentionOfLifecycle([{ enabled: true, expirationDate: "soon" }], NOW).value).toBe("forever");
  });

  it("days win over a later date; 0 days is unset", () => {
    expect(retentionOfLifecycle([{ enabled: true, expirationDays: 30 }, { enabled: true, expirationDate: "2027-01-01T00:00:00Z" }], NOW).value).toBe(30);
    expect(retentionOfLifecycle([{ enabled: true, expirationDays: 0 }], NOW).value).toBe("forever");
  });
});

describe("parity with the Pulumi front", () => {
  it("the same lifecycle, versioning and logging read from a stack and from S3 give the same values and retention wording", () => {
    const rules = [
      { id: "tmp", status: "Enabled", filter: { prefix: "tmp/" }, expiration: { days: 7 } },
      { id: "all", status: "Enabled", filter: {}, expiration: { days: 90 }, noncurrentVersionExpiration: { noncurrentDays: 30 } },
    ];
    const stack = s3HygieneAdapter.build(
      [
        engineResource("aws:s3/bucket:Bucket", "b", { bucket: "orders" }),
        engineResource("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "lc", { bucket: "orders", rules }),
        engineResource("aws:s3/bucketVersioning:BucketVersioning", "v", { bucket: "orders", versioningConfiguration: { status: "Enabled", mfaDelete: "Enabled" } }),
        engineResource("aws:s3/bucketLogging:BucketLogging", "l", { bucket: "orders", targetBucket: "logs", targetPrefix: "" }),
      ],
      [],
    ).stores?.[0]?.[1];
    const scanned = bucketHygiene(
      bucket({
        lifecycle: ok([
          { ID: "tmp", Status: "Enabled", Filter: { Prefix: "tmp/" }, Expiration: { Days: 7 } },
          { ID: "all", Status: "Enabled", Filter: {}, Expiration: { Days: 90 }, NoncurrentVersionExpiration: { NoncurrentDays: 30 } },
        ]),
        versioning: ok({ Status: "Enabled", MFADelete: "Enabled" }),
        logging: ok({ TargetBucket: "logs", TargetPrefix: "" }),
      }),
      NOW,
    );
    const values = (h: typeof scanned | undefined) => [h?.auditLog?.value, h?.retentionDays?.value, h?.versioning?.value, h?.mfaDelete?.value];
    expect(values(stack)).toEqual([true, 90, true, true]);
    expect(values(scanned)).toEqual(values(stack));
    expect(stack?.retentionDays?.observed).toBe(`${scanned.retentionDays?.observed} (set by lc)`);
  });
});
