import { beforeAll, describe, expect, it } from "vitest";
import type { InventoryContribution } from "../../../src/adapters/aws/contribution";
import { adaptS3 } from "../../../src/adapters/aws/s3";
import { isUnknown } from "../../../src/core/value";
import { s3BucketsFetcher, type S3Answers } from "../../../src/fetchers/aws/s3";
import type { Setting, StoreHygiene } from "../../../src/models/hygiene";
import { S3_SOURCES } from "../../../src/scanner/sources/s3";
import { S3_HYGIENE_BUCKETS as B, seedHygieneS3 } from "../../scanner/seed-hygiene-s3";
import { MOTO_ACCOUNT, scanContext } from "../../support/aws-context";
import { iamUser, policyDocument, whileIamEnforced } from "../../support/iam-user";
import { MOTO_SETUP_TIMEOUT, useMoto } from "../../support/moto/use-moto";
import { adaptContext } from "../../adapters/aws/fixtures";
import { mergeHygiene } from "../../../src/models/hygiene";
import { customerDataBucketsExpireObjects } from "../../../src/rules/hygiene/customer-data-buckets-expire-objects";
import { customerDataBucketsVersioned } from "../../../src/rules/hygiene/customer-data-buckets-versioned";
import { customerDataReadsAreAudited } from "../../../src/rules/hygiene/customer-data-reads-are-audited";
import { run } from "../../helpers/models";

const REGION = "us-east-1";
const arnOf = (bucket: string): string => `arn:aws:s3:::${bucket}`;
const ctx = adaptContext({}, { account: MOTO_ACCOUNT });

const hygieneOf = (c: InventoryContribution, bucket: string): StoreHygiene | undefined => c.hygiene?.stores?.find(([id]) => id === arnOf(bucket))?.[1];
const value = <T>(s: Setting<T> | undefined) => (s === undefined ? "missing" : isUnknown(s.value) ? `unknown:${s.value.reason}` : s.value);
const values = (h: StoreHygiene | undefined) => ({
  auditLog: value(h?.auditLog),
  retentionDays: value(h?.retentionDays),
  versioning: value(h?.versioning),
  mfaDelete: value(h?.mfaDelete),
  objectLock: value(h?.objectLock),
});
const allPass = (names: readonly string[]) => Object.fromEntries(names.map((n) => [n, "pass"]));
const ALL_OK = { auditLog: true, retentionDays: 365, versioning: true, mfaDelete: false, objectLock: true };

describe("S3 hygiene settings against moto", () => {
  const moto = useMoto();
  let raw: S3Answers;
  let requests: number | undefined;
  let c: InventoryContribution;

  beforeAll(async () => {
    await seedHygieneS3(moto().endpoint, REGION);
    const scan = scanContext(moto().endpoint, REGION);
    raw = await s3BucketsFetcher.fetch(scan.ctx);
    requests = scan.stats.requests.get("s3");
    c = adaptS3(raw, ctx);
  }, MOTO_SETUP_TIMEOUT);

  it("the S3 source feeds hygiene through read-only actions", () => {
    expect(S3_SOURCES[0]?.feeds).toContain("hygiene");
    expect(s3BucketsFetcher.actions).toEqual(
      expect.arrayContaining(["s3:GetBucketLogging", "s3:GetLifecycleConfiguration", "s3:GetBucketVersioning", "s3:GetBucketObjectLockConfiguration"]),
    );
  });

  it("keys each bucket's hygiene by the bucket's store id (its ARN)", () => {
    const storeIds = (c.stores ?? []).map((s) => s.ref.id).sort();
    expect((c.hygiene?.stores ?? []).map(([id]) => id).sort()).toEqual(storeIds);
    expect(storeIds).toHaveLength(6);
  });

  it("the compliant bucket: logged, every object expires, versioned, Object Lock on", () => {
    const h = hygieneOf(c, B.ok);
    expect(values(h)).toEqual(ALL_OK);
    expect(h?.auditLog?.observed).toBe(`server access logging to bucket '${B.logs}'`);
    expect(h?.retentionDays?.observed).toBe("lifecycle rule 'expire-all' expires every object after 365 days; noncurrent versions expire after 30 days");
    expect(h?.objectLock?.observed).toBe("ObjectLockEnabled=Enabled, default retention COMPLIANCE 30 days");
    expect(h?.versioning?.observed).toBe("versioning Status=Enabled");
  });

  it("each non-compliant bucket lacks exactly its setting", () => {
    expect(values(hygieneOf(c, B.noAccessLog))).toEqual({ ...ALL_OK, auditLog: false });
    expect(hygieneOf(c, B.noAccessLog)?.auditLog?.observed).toBe("server access logging not enabled");
    expect(values(hygieneOf(c, B.partialExpiry))).toEqual({ ...ALL_OK, retentionDays: "forever" });
    expect(hygieneOf(c, B.partialExpiry)?.retentionDays?.observed).toBe(
      "only objects with prefix 'tmp/' expire (lifecycle rule 'expire-tmp', after 7 days); the rest are kept until deleted",
    );
    expect(values(hygieneOf(c, B.versioningSuspended))).toEqual({ ...ALL_OK, versioning: false, objectLock: false });
    expect(hygieneOf(c, B.versioningSuspended)?.versioning?.observed).toBe("versioning Status=Suspended");
    expect(hygieneOf(c, B.versioningSuspended)?.objectLock?.observed).toBe("Object Lock off (versioning Status=Suspended; Object Lock requires it Enabled)");
    expect(values(hygieneOf(c, B.noObjectLock))).toEqual({ ...ALL_OK, objectLock: false });
    expect(hygieneOf(c, B.noObjectLock)?.objectLock?.observed).toBe("no Object Lock configuration");
  });

  it("a bucket never versioned and without lifecycle keeps S3's defaults", () => {
    // The log bucket: no logging of its own, never versioned.
    expect(values(hygieneOf(c, B.logs))).toEqual({ auditLog: false, retentionDays: 365, versioning: false, mfaDelete: false, objectLock: false });
    expect(hygieneOf(c, B.logs)?.versioning?.observed).toBe("versioning never enabled (no Status)");
  });

  it("asks Object Lock only of buckets whose versioning is on: 3 hygiene calls per bucket, 4 when versioned", () => {
    // ListBuckets, GetBucketLocation per bucket (moto's listing names no region), 6 calls per bucket (moto
    // sets no ownership controls, so ACLs are read), 3 hygiene calls per bucket + 1 for the 4 versioned, S3 Control.
    expect(requests).toBe(1 + 6 + 6 * 6 + 6 * 3 + 4 + 1);
    const byName = new Map(raw.buckets.ok ? raw.buckets.value.map((b) => [b.name, b]) : []);
    expect(byName.get(B.logs)?.objectLock).toBeUndefined();
    expect(byName.get(B.versioningSuspended)?.objectLock).toBeUndefined();
    expect(byName.get(B.noObjectLock)?.objectLock).toEqual({ ok: true, value: undefined });
  });

  it("the hygiene rules judge the seeded buckets: each bad bucket fails the rule of its missing setting", () => {
    const inv = { stores: c.stores ?? [], hygiene: mergeHygiene("account", c.hygiene ? [c.hygiene] : []) };
    const verdicts = (rule: Parameters<typeof run>[0]) => Object.fromEntries(run(rule, inv).map((o) => [o.resource.name, o.status]));
    const customer = [B.ok, B.noAccessLog, B.partialExpiry, B.versioningSuspended, B.noObjectLock];
    const pick = (v: Record<string, string>) => Object.fromEntries(customer.map((n) => [n, v[n]]));
    expect(pick(verdicts(customerDataBucketsExpireObjects))).toEqual({ ...allPass(customer), [B.partialExpiry]: "fail" });
    expect(pick(verdicts(customerDataBucketsVersioned))).toEqual({ ...allPass(customer), [B.versioningSuspended]: "fail", [B.noObjectLock]: "fail" });
    // Confidential buckets may rely on server access logs (restricted ones also need CloudTrail data events).
    const audited = verdicts(customerDataReadsAreAudited);
    expect([audited[B.noAccessLog], audited[B.versioningSuspended]]).toEqual(["fail", "pass"]);
  });

  describe("with IAM enforced", () => {
    it("a denied read makes only its settings Unknown (access-denied), naming the action", async () => {
      const keys = await iamUser(moto().endpoint, "s3-no-hygiene", {
        name: "scan",
        document: policyDocument(
          { Effect: "Allow", Action: "s3:*", Resource: "*" },
          { Effect: "Deny", Action: ["s3:GetBucketVersioning", "s3:GetLifecycleConfiguration"], Resource: "*" },
        ),
      });
      const scan = scanContext(moto().endpoint, REGION, { credentials: async () => keys, retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } }).ctx;
      const denied = await whileIamEnforced(moto(), async () => adaptS3(await s3BucketsFetcher.fetch(scan), ctx));
      const h = hygieneOf(denied, B.ok);
      expect(values(h)).toEqual({ auditLog: true, retentionDays: "unknown:access-denied", versioning: "unknown:access-denied", mfaDelete: "unknown:access-denied", objectLock: true });
      const v = h?.versioning?.value;
      expect(isUnknown(v) && v.detail).toMatch(/^s3:GetBucketVersioning \(us-east-1\) did not answer: AccessDenied/);
      expect(h?.retentionDays?.observed).toBe("s3:GetLifecycleConfiguration did not answer");
      // Versioning unread: Object Lock is asked rather than guessed, for every bucket.
      expect(values(hygieneOf(denied, B.logs)).objectLock).toBe(false);
      expect(hygieneOf(denied, B.logs)?.objectLock?.observed).toBe("no Object Lock configuration");
    });
  });
});
