import { CreateKeyCommand, KMSClient } from "@aws-sdk/client-kms";
import {
  CreateBucketCommand,
  PutBucketAclCommand,
  PutBucketEncryptionCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { PutPublicAccessBlockCommand as PutAccountBlockCommand, S3ControlClient } from "@aws-sdk/client-s3-control";
import { beforeAll, describe, expect, it } from "vitest";
import type { AdaptContext } from "../../../src/adapters/aws/context";
import type { InventoryContribution } from "../../../src/adapters/aws/contribution";
import { adaptS3 } from "../../../src/adapters/aws/s3";
import { isUnknown, type Val } from "../../../src/core/value";
import { kmsFetcher } from "../../../src/fetchers/aws/kms";
import { s3BucketsFetcher, type S3Answers } from "../../../src/fetchers/aws/s3";
import type { DataStore } from "../../../src/models/data-store";
import type { Inventory } from "../../../src/models/inventory";
import type { PublicAccessBlock, S3Exposure } from "../../../src/models/exposure";
import { s3BucketAclNotPublic } from "../../../src/rules/network/s3-bucket-acl-not-public";
import { s3BucketPolicyNotPublic } from "../../../src/rules/network/s3-bucket-policy-not-public";
import { s3BucketPublicAccessBlocked } from "../../../src/rules/network/s3-bucket-public-access-blocked";
import { s3BucketRequiresTls } from "../../../src/rules/network/s3-bucket-requires-tls";
import { restrictedDataEncryptedWithCustomerManagedKey } from "../../../src/rules/encryption/restricted-data-encrypted-with-customer-managed-key";
import { S3_SOURCES } from "../../../src/scanner/sources/s3";
import { run, statuses } from "../../helpers/models";
import { MOTO_ACCOUNT, scanContext, seedConfig } from "../../support/aws-context";
import { iamUser, policyDocument, whileIamEnforced } from "../../support/iam-user";
import { MOTO_SETUP_TIMEOUT, useMoto } from "../../support/moto/use-moto";
import { kmsAnswersContext } from "./emulator-fixtures";

const REGION = "us-east-1";
const RESTRICTED = "cdg-restricted";
const OPEN = "cdg-open";
const EU = "cdg-eu";
const arnOf = (bucket: string): string => `arn:aws:s3:::${bucket}`;
const CLASSIFIED = [{ Key: "data-classification", Value: "restricted" }];
const TLS_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: [arnOf(RESTRICTED), `${arnOf(RESTRICTED)}/*`],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
  ],
});
const PUBLIC_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${arnOf(OPEN)}/*` }],
});

/** Two buckets in us-east-1 (one locked down with a customer key, one public), one in eu-west-1, an account block. */
async function seed(endpoint: string): Promise<{ keyArn: string }> {
  const kms = new KMSClient(seedConfig(endpoint, REGION));
  const keyArn = (await kms.send(new CreateKeyCommand({ Description: "orders" }))).KeyMetadata?.Arn ?? "";
  const s3 = new S3Client(seedConfig(endpoint, REGION));

  await s3.send(new CreateBucketCommand({ Bucket: RESTRICTED }));
  await s3.send(
    new PutBucketEncryptionCommand({
      Bucket: RESTRICTED,
      ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: keyArn } }] },
    }),
  );
  await s3.send(
    new PutPublicAccessBlockCommand({
      Bucket: RESTRICTED,
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
    }),
  );
  await s3.send(new PutBucketOwnershipControlsCommand({ Bucket: RESTRICTED, OwnershipControls: { Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] } }));
  await s3.send(new PutBucketPolicyCommand({ Bucket: RESTRICTED, Policy: TLS_POLICY }));
  await s3.send(new PutBucketTaggingCommand({ Bucket: RESTRICTED, Tagging: { TagSet: [...CLASSIFIED, { Key: "team", Value: "orders" }] } }));

  await s3.send(new CreateBucketCommand({ Bucket: OPEN, ObjectOwnership: "ObjectWriter" }));
  await s3.send(new PutBucketAclCommand({ Bucket: OPEN, ACL: "public-read" }));
  await s3.send(new PutBucketPolicyCommand({ Bucket: OPEN, Policy: PUBLIC_POLICY }));
  await s3.send(new PutBucketEncryptionCommand({ Bucket: OPEN, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }] } }));
  await s3.send(new PutBucketTaggingCommand({ Bucket: OPEN, Tagging: { TagSet: CLASSIFIED } }));

  await new S3Client(seedConfig(endpoint, "eu-west-1")).send(new CreateBucketCommand({ Bucket: EU, CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }));

  // S3 Control's endpoint rules would put the account id in front of the emulator's host.
  const control = new S3ControlClient({ ...seedConfig(endpoint, REGION), endpointProvider: () => ({ url: new URL(endpoint) }) });
  await control.send(new PutAccountBlockCommand({ AccountId: MOTO_ACCOUNT, PublicAccessBlockConfiguration: { BlockPublicAcls: true } }));
  return { keyArn };
}

const byName = (c: InventoryContribution) => new Map((c.stores ?? []).map((s) => [s.ref.name, s]));
const exposureOf = (c: InventoryContribution, bucket: string): S3Exposure | undefined => c.exposures?.find(([id]) => id === arnOf(bucket))?.[1].s3;
const switches = (b: Val<PublicAccessBlock | undefined> | undefined) => {
  if (b === undefined || isUnknown(b)) return b;
  const { ref: _ref, ...rest } = b;
  return rest;
};

describe("S3 fetcher and adapter against moto", () => {
  const moto = useMoto();
  let keyArn: string;
  let raw: S3Answers;
  let requests: number | undefined;
  let adapt: AdaptContext;
  let contribution: InventoryContribution;

  beforeAll(async () => {
    ({ keyArn } = await seed(moto().endpoint));
    adapt = kmsAnswersContext(await kmsFetcher.fetch(scanContext(moto().endpoint, REGION).ctx));
    const { ctx, stats } = scanContext(moto().endpoint, REGION);
    raw = await s3BucketsFetcher.fetch(ctx);
    requests = stats.requests.get("s3");
    contribution = adaptS3(raw, adapt);
  }, MOTO_SETUP_TIMEOUT);

  it("is the one S3 source: buckets as stores, exposures, policies and hygiene, through read-only actions", () => {
    expect(S3_SOURCES.map((s) => [s.fetcher.name, s.fetcher.scope, s.feeds, s.storeKinds])).toEqual([
      ["s3-buckets", "region", ["stores", "exposures", "resourcePolicies", "hygiene"], ["s3-bucket"]],
    ]);
    expect(s3BucketsFetcher.actions.every((a) => /^s3:(List|Get)/.test(a))).toBe(true);
    expect(s3BucketsFetcher.actions).not.toContain("s3:GetObject");
  });

  it("keeps only the buckets of the scanned region", async () => {
    expect([...byName(contribution).keys()].sort()).toEqual([OPEN, RESTRICTED]);
    const eu = adaptS3(await s3BucketsFetcher.fetch(scanContext(moto().endpoint, "eu-west-1").ctx), adapt);
    expect(eu.stores?.map((s) => [s.ref.id, s.ref.region])).toEqual([[arnOf(EU), "eu-west-1"]]);
    expect(eu.gaps).toBeUndefined();
  });

  it("reads each bucket with 8 calls, 9 when its ACLs are on, and the account block once", () => {
    // ListBuckets, GetBucketLocation per bucket (moto's listing names no region), 5 + 6, S3 Control;
    // and 3 hygiene calls per bucket (logging, lifecycle, versioning; neither bucket is versioned, so
    // Object Lock is not asked: s3-hygiene.test.ts counts that call).
    expect(requests).toBe(1 + 2 + 5 + 6 + 1 + 2 * 3);
    const restricted = raw.buckets.ok ? raw.buckets.value.find((b) => b.name === RESTRICTED) : undefined;
    expect(restricted?.acl).toBeUndefined();
  });

  it("a region without buckets costs one listing call and no account block", async () => {
    const { ctx, stats } = scanContext(moto().endpoint, "ap-southeast-2");
    const empty = await s3BucketsFetcher.fetch(ctx);
    expect(empty).toEqual({ region: "ap-southeast-2", buckets: { ok: true, value: [] }, unlocated: [] });
    expect(stats.requests.get("s3")).toBe(1);
  });

  it("the locked-down bucket: customer-managed key, tags, all switches on, ACLs off, its TLS policy", () => {
    const store = byName(contribution).get(RESTRICTED) as DataStore;
    expect(store).toMatchObject({
      ref: { id: arnOf(RESTRICTED), type: "AWS::S3::Bucket", label: "S3 bucket", account: MOTO_ACCOUNT, region: REGION },
      kind: "s3-bucket",
      physicalName: RESTRICTED,
      tags: { "data-classification": "restricted", team: "orders" },
      encryption: { enabled: true, keyManager: "customer-managed", keyId: keyArn, keyRef: keyArn },
    });
    const s3 = exposureOf(contribution, RESTRICTED);
    expect(switches(s3?.bucketBlock)).toEqual({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true });
    expect(s3?.whenNoBucketBlock).toBe("off");
    expect(s3?.acls).toEqual([]);
    const policy = contribution.resourcePolicies?.find((p) => p.target === arnOf(RESTRICTED));
    expect(policy).toMatchObject({ service: "s3", origin: `the policy of S3 bucket '${RESTRICTED}'`, accountId: MOTO_ACCOUNT });
    expect(JSON.parse(String(policy?.document))).toEqual(JSON.parse(TLS_POLICY));
  });

  it("the public bucket: SSE-S3, a public-read grant, a public policy, no block of its own", () => {
    const store = byName(contribution).get(OPEN) as DataStore;
    expect(store.encryption).toMatchObject({ enabled: true, keyManager: "aws-owned", observed: "SSEAlgorithm=AES256" });
    const s3 = exposureOf(contribution, OPEN);
    expect(s3?.bucketBlock).toBeUndefined();
    expect(s3?.acls).toEqual([{ origin: `the ACL of S3 bucket '${OPEN}'`, canned: undefined, grants: [{ grantee: "all-users", permissions: ["READ"] }] }]);
    expect(contribution.resourcePolicies?.filter((p) => p.target === arnOf(OPEN))).toHaveLength(1);
  });

  it("the account block is on every bucket", () => {
    for (const bucket of [OPEN, RESTRICTED]) {
      const block = exposureOf(contribution, bucket)?.accountBlock;
      expect(switches(block)).toMatchObject({ blockPublicAcls: true });
      expect(block && !isUnknown(block) && block.ref.label).toBe("S3 account public access block");
      for (const s of ["ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets"] as const) {
        expect(block && !isUnknown(block) && block[s]).not.toBe(true);
      }
    }
  });

  it("the rules judge the scanned buckets", () => {
    const inv: Partial<Inventory> = {
      stores: contribution.stores ?? [],
      exposures: new Map(contribution.exposures ?? []),
      resourcePolicies: contribution.resourcePolicies ?? [],
    };
    const verdicts = [s3BucketPublicAccessBlocked, s3BucketAclNotPublic, s3BucketPolicyNotPublic, s3BucketRequiresTls, restrictedDataEncryptedWithCustomerManagedKey].map((rule) =>
      Object.fromEntries(run(rule, inv).map((o) => [o.resource.name, o.status])),
    );
    expect(verdicts).toEqual([
      { [OPEN]: "fail", [RESTRICTED]: "pass" },
      { [OPEN]: "fail", [RESTRICTED]: "pass" },
      { [OPEN]: "fail", [RESTRICTED]: "pass" },
      { [OPEN]: "fail", [RESTRICTED]: "pass" },
      { [OPEN]: "fail", [RESTRICTED]: "pass" },
    ]);
  });

  describe("with IAM enforced", () => {
    async function userWith(name: string, statements: object[]) {
      const keys = await iamUser(moto().endpoint, name, { name: "scan", document: policyDocument(...statements) });
      return scanContext(moto().endpoint, REGION, { credentials: async () => keys, retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } }).ctx;
    }

    it("a denied policy or tagging read makes only those fields Unknown", async () => {
      const ctx = await userWith("s3-no-policy", [
        { Effect: "Allow", Action: "s3:*", Resource: "*" },
        { Effect: "Deny", Action: ["s3:GetBucketPolicy", "s3:GetBucketTagging"], Resource: "*" },
      ]);
      const c = await whileIamEnforced(moto(), async () => adaptS3(await s3BucketsFetcher.fetch(ctx), adapt));
      const store = byName(c).get(RESTRICTED) as DataStore;
      expect(isUnknown(store.tags) && [store.tags.reason, store.tags.detail]).toEqual(["access-denied", expect.stringMatching(/^s3:GetBucketTagging \(us-east-1\) did not answer: AccessDenied/)]);
      expect(store.encryption).toMatchObject({ keyManager: "customer-managed" });
      const policy = c.resourcePolicies?.find((p) => p.target === arnOf(RESTRICTED));
      expect(isUnknown(policy?.document) && policy?.document.reason).toBe("access-denied");
      expect(switches(exposureOf(c, RESTRICTED)?.bucketBlock)).toMatchObject({ restrictPublicBuckets: true });
      expect(statuses(run(s3BucketRequiresTls, { stores: [store], exposures: new Map(c.exposures ?? []), resourcePolicies: c.resourcePolicies ?? [] }))).toEqual(["unknown"]);
    });

    it("a denied listing is a coverage gap", async () => {
      const ctx = await userWith("s3-no-list", [{ Effect: "Deny", Action: "s3:ListAllMyBuckets", Resource: "*" }]);
      const c = await whileIamEnforced(moto(), async () => adaptS3(await s3BucketsFetcher.fetch(ctx), adapt));
      expect(c.stores).toBeUndefined();
      expect(c.gaps).toEqual([expect.objectContaining({ service: "s3", what: "S3 buckets", action: "s3:ListAllMyBuckets", reason: "access-denied", region: REGION })]);
    });
  });
});
