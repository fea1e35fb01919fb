import type {
  GetBucketAclOutput,
  GetBucketEncryptionOutput,
  GetBucketOwnershipControlsOutput,
  GetBucketTaggingOutput,
  GetPublicAccessBlockOutput,
} from "@aws-sdk/client-s3";
import type { GetPublicAccessBlockOutput as GetAccountBlockOutput } from "@aws-sdk/client-s3-control";
import { describe, expect, it } from "vitest";
import type { AdaptContext } from "../../../src/adapters/aws/context";
import type { InventoryContribution } from "../../../src/adapters/aws/contribution";
import { adaptS3 } from "../../../src/adapters/aws/s3";
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import { isUnknown, unknown, type Val } from "../../../src/core/value";
import type { CallFailure, Fetched } from "../../../src/fetchers/aws/fetched";
import type { S3Answers, S3BucketAnswers } from "../../../src/fetchers/aws/s3";
import type { DataStore, KeyManager } from "../../../src/models/data-store";
import type { PublicAccessBlock, ResourcePolicy, S3Exposure } from "../../../src/models/exposure";
import type { Inventory } from "../../../src/models/inventory";
import { dataStoreEncryptedAtRest } from "../../../src/rules/encryption/data-store-encrypted-at-rest";
import { restrictedDataEncryptedWithCustomerManagedKey } from "../../../src/rules/encryption/restricted-data-encrypted-with-customer-managed-key";
import { s3BucketAclNotPublic } from "../../../src/rules/network/s3-bucket-acl-not-public";
import { s3BucketPolicyNotPublic } from "../../../src/rules/network/s3-bucket-policy-not-public";
import { s3BucketPublicAccessBlocked } from "../../../src/rules/network/s3-bucket-public-access-blocked";
import { s3BucketRequiresTls } from "../../../src/rules/network/s3-bucket-requires-tls";
import { engineResource, urnOf } from "../../helpers/engine";
import { run, statuses } from "../../helpers/models";
import { adaptContext as contextWithKeys, ok } from "./fixtures";
import { expectParity } from "./parity";

const ACCOUNT = "123456789012";
const REGION = "us-east-1";
const NAME = "acme-orders";
const ARN = `arn:aws:s3:::${NAME}`;
const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const OWNER_ID = "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a";
const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
const AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
const LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";
const TLS_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: [ARN, `${ARN}/*`],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
  ],
});
const PUBLIC_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${ARN}/*` }],
});

/** An adapt context whose KMS answers are `managers` (by key ARN); any other key is not in the scan. */
const adaptContext = (managers: Record<string, Val<KeyManager>> = {}): AdaptContext =>
  contextWithKeys(managers, { account: ACCOUNT, otherwise: (key) => unknown("not-fetched", `KMS key ${key} is not part of the scan`), keyRef: (key) => key });

const denied = (action: string): Fetched<never> => ({
  ok: false,
  failure: { reason: "access-denied", service: "s3", action, region: REGION, detail: "AccessDenied: Access Denied" },
});

const OWNER_ONLY: GetBucketAclOutput = {
  Owner: { ID: OWNER_ID, DisplayName: "webfile" },
  Grants: [{ Grantee: { Type: "CanonicalUser", ID: OWNER_ID }, Permission: "FULL_CONTROL" }],
};
const ALL_ON: NonNullable<GetPublicAccessBlockOutput["PublicAccessBlockConfiguration"]> = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
};
const kmsConfig = (KMSMasterKeyID?: string, SSEAlgorithm: "aws:kms" | "aws:kms:dsse" = "aws:kms"): GetBucketEncryptionOutput["ServerSideEncryptionConfiguration"] => ({
  Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm, ...(KMSMasterKeyID ? { KMSMasterKeyID } : {}) }, BucketKeyEnabled: true }],
});
const ENFORCED: GetBucketOwnershipControlsOutput["OwnershipControls"] = { Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] };
const RESTRICTED_TAGS: GetBucketTaggingOutput["TagSet"] = [
  { Key: "data-classification", Value: "restricted" },
  { Key: "team", Value: "orders" },
];

/** A bucket as S3 answers for one with nothing configured; override what a case sets. */
function bucket(over: Partial<S3BucketAnswers> = {}): S3BucketAnswers {
  return {
    name: NAME,
    region: REGION,
    encryption: ok(undefined),
    publicAccessBlock: ok(undefined),
    ownershipControls: ok(undefined),
    acl: ok(OWNER_ONLY),
    policy: ok(undefined),
    tagSet: ok(undefined),
    ...over,
  };
}

function answers(buckets: S3BucketAnswers[], over: Partial<S3Answers> = {}): S3Answers {
  return { region: REGION, buckets: ok(buckets), unlocated: [], accountBlock: ok(undefined), ...over };
}

function adapted(b: S3BucketAnswers, over: Partial<S3Answers> = {}, ctx = adaptContext()) {
  const c = adaptS3(answers([b], over), ctx);
  const store = c.stores?.[0];
  const s3 = c.exposures?.[0]?.[1].s3;
  if (!store || !s3) throw new Error("no bucket adapted");
  return { c, store, s3, policies: c.resourcePolicies ?? [] };
}

const reasonOf = (v: unknown): string | undefined => (isUnknown(v) ? v.reason : undefined);

describe("S3 adapter: buckets as stores", () => {
  it("a bucket with nothing configured: ARN ref, SSE-S3 by S3's default, no tags", () => {
    const { store, c } = adapted(bucket());
    expect(store).toEqual({
      model: "data-store",
      ref: { id: ARN, type: "AWS::S3::Bucket", name: NAME, label: "S3 bucket", account: ACCOUNT, region: REGION },
      kind: "s3-bucket",
      physicalName: NAME,
      tags: undefined,
      encryption: { enabled: true, keyManager: "aws-owned", observed: "AWS default encryption (SSE-S3)" },
      parts: [],
    });
    expect(c.gaps).toBeUndefined();
    expect(c.resourcePolicies).toEqual([]);
  });

  it("uses the partition in the ARN and the bucket's region in the ref", () => {
    const c = adaptS3(answers([bucket({ name: "b", region: "cn-north-1" })], { region: "cn-north-1" }), { ...adaptContext(), partition: "aws-cn" });
    expect(c.stores?.[0]?.ref).toMatchObject({ id: "arn:aws-cn:s3:::b", region: "cn-north-1" });
  });

  it.each<[string, GetBucketEncryptionOutput["ServerSideEncryptionConfiguration"], Record<string, Val<KeyManager>>, unknown]>([
    ["AES256 is SSE-S3 with an AWS-owned key", { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }] }, {}, { enabled: true, keyManager: "aws-owned", observed: "SSEAlgorithm=AES256" }],
    ["aws:kms without a key is the AWS-managed aws/s3 key", kmsConfig(), {}, { enabled: true, keyManager: "aws-managed", observed: "SSEAlgorithm=aws:kms" }],
    [
      "aws:kms with a customer-managed key KMS knows",
      kmsConfig(KEY_ARN),
      { [KEY_ARN]: "customer-managed" },
      { enabled: true, keyManager: "customer-managed", keyId: KEY_ARN, keyRef: KEY_ARN, observed: `SSEAlgorithm=aws:kms with KMSMasterKeyID ${KEY_ARN}` },
    ],
    [
      "aws:kms:dsse with a key KMS says is AWS-managed",
      kmsConfig(KEY_ARN, "aws:kms:dsse"),
      { [KEY_ARN]: "aws-managed" },
      { enabled: true, keyManager: "aws-managed", keyId: KEY_ARN, keyRef: KEY_ARN, observed: `SSEAlgorithm=aws:kms:dsse with KMSMasterKeyID ${KEY_ARN}` },
    ],
    [
      "alias/aws/s3 is AWS-managed without asking KMS",
      kmsConfig("alias/aws/s3"),
      {},
      { enabled: true, keyManager: "aws-managed", keyId: "alias/aws/s3", observed: "SSEAlgorithm=aws:kms with KMSMasterKeyID alias/aws/s3" },
    ],
    ["the first rule with a default decides", { Rules: [{ BucketKeyEnabled: true }, ...(kmsConfig()?.Rules ?? [])] }, {}, { enabled: true, keyManager: "aws-managed", observed: "SSEAlgorithm=aws:kms" }],
    ["rules without a default leave S3's SSE-S3", { Rules: [{ BucketKeyEnabled: false }] }, {}, { enabled: true, keyManager: "aws-owned", observed: "AWS default encryption (SSE-S3)" }],
  ])("encryption: %s", (_name, config, managers, expected) => {
    expect(adapted(bucket({ encryption: ok(config) }), {}, adaptContext(managers)).store.encryption).toEqual(expected);
  });

  it("a key KMS could not be read for keeps its manager Unknown, never guessed", () => {
    const kmsDenied = unknown("access-denied", "kms:DescribeKey (us-east-1) did not answer");
    const e = adapted(bucket({ encryption: ok(kmsConfig(KEY_ARN)) }), {}, adaptContext({ [KEY_ARN]: kmsDenied })).store.encryption;
    expect(isUnknown(e)).toBe(false);
    expect(!isUnknown(e) && reasonOf(e.keyManager)).toBe("access-denied");
  });

  it("an unprintable key id is not echoed", () => {
    const e = adapted(bucket({ encryption: ok(kmsConfig("not a key; maybe a secret")) }), {}, adaptContext({ "not a key; maybe a secret": "customer-managed" })).store.encryption;
    expect(e).toEqual({ enabled: true, keyManager: "customer-managed", keyRef: "not a key; maybe a secret", observed: "SSEAlgorithm=aws:kms with KMSMasterKeyID (not printable)" });
  });

  it("tags from the tag set", () => {
    expect(adapted(bucket({ tagSet: ok(RESTRICTED_TAGS) })).store.tags).toEqual({ "data-classification": "restricted", team: "orders" });
  });

  it.each<[string, Partial<S3BucketAnswers>, keyof DataStore]>([
    ["GetBucketEncryption denied: encryption Unknown", { encryption: denied("s3:GetEncryptionConfiguration") }, "encryption"],
    ["GetBucketTagging denied: tags Unknown", { tagSet: denied("s3:GetBucketTagging") }, "tags"],
  ])("%s, the rest known", (_name, over, field) => {
    const { store } = adapted(bucket(over));
    expect(reasonOf(store[field])).toBe("access-denied");
    expect((store[field] as { detail: string }).detail).toMatch(/^s3:Get\w+ \(us-east-1\) did not answer: AccessDenied/);
    const other = field === "tags" ? store.encryption : store.tags;
    expect(isUnknown(other)).toBe(false);
  });
});

describe("S3 adapter: public access", () => {
  const switches = (b: Val<PublicAccessBlock | undefined> | undefined) => {
    if (b === undefined || isUnknown(b)) return b;
    const { ref, ...rest } = b;
    return { ref: ref.id, ...rest };
  };

  it("no bucket block: undefined, and every switch off when none is found (not AWS's default)", () => {
    const { s3 } = adapted(bucket());
    expect(s3).toEqual({ bucketBlock: undefined, whenNoBucketBlock: "off", acls: [] });
  });

  it("the bucket's block, set by the bucket itself", () => {
    const { s3 } = adapted(bucket({ publicAccessBlock: ok({ BlockPublicAcls: true, IgnorePublicAcls: false, BlockPublicPolicy: true }) }));
    expect(switches(s3.bucketBlock)).toEqual({ ref: ARN, blockPublicAcls: true, ignorePublicAcls: false, blockPublicPolicy: true, restrictPublicBuckets: undefined });
  });

  it("the account's block on every bucket of the region", () => {
    const account: GetAccountBlockOutput["PublicAccessBlockConfiguration"] = { ...ALL_ON, RestrictPublicBuckets: false };
    const c = adaptS3(answers([bucket(), bucket({ name: "acme-exports" })], { accountBlock: ok(account) }), adaptContext());
    expect(c.exposures).toHaveLength(2);
    for (const [, e] of c.exposures ?? []) {
      expect(switches(e.s3?.accountBlock)).toEqual({
        ref: `arn:aws:s3::${ACCOUNT}:account-public-access-block`,
        blockPublicAcls: true,
        ignorePublicAcls: true,
        blockPublicPolicy: true,
        restrictPublicBuckets: false,
      });
    }
    const block = c.exposures?.[0]?.[1].s3?.accountBlock;
    expect(block && !isUnknown(block) && block.ref).toMatchObject({ type: "AWS::S3::AccountPublicAccessBlock", name: ACCOUNT, label: "S3 account public access block" });
  });

  it("failed block reads are Unknown with their reason; the ACL stays known", () => {
    const throttled: CallFailure = { reason: "throttled", service: "s3", action: "s3:GetAccountPublicAccessBlock", region: REGION, detail: "SlowDown: Please reduce your request rate." };
    const { s3 } = adapted(bucket({ publicAccessBlock: denied("s3:GetBucketPublicAccessBlock") }), { accountBlock: { ok: false, failure: throttled } });
    expect(reasonOf(s3.bucketBlock)).toBe("access-denied");
    expect(reasonOf(s3.accountBlock)).toBe("throttled");
    expect(s3.acls).toEqual([]);
  });

  it("ACL grants beyond the owner's, one per grantee with all its permissions", () => {
    const acl: GetBucketAclOutput = {
      ...OWNER_ONLY,
      Grants: [
        ...(OWNER_ONLY.Grants ?? []),
        { Grantee: { Type: "Group", URI: ALL_USERS }, Permission: "READ" },
        { Grantee: { Type: "Group", URI: ALL_USERS }, Permission: "READ_ACP" },
        { Grantee: { Type: "Group", URI: AUTHENTICATED_USERS }, Permission: "WRITE" },
        { Grantee: { Type: "Group", URI: LOG_DELIVERY }, Permission: "WRITE" },
        { Grantee: { Type: "CanonicalUser", ID: "f".repeat(64) }, Permission: "READ" },
      ],
    };
    const { s3 } = adapted(bucket({ ownershipControls: ok({ Rules: [{ ObjectOwnership: "ObjectWriter" }] }), acl: ok(acl) }));
    expect(s3.acls).toEqual([
      {
        origin: `the ACL of S3 bucket '${NAME}'`,
        canned: undefined,
        grants: [
          { grantee: "all-users", permissions: ["READ", "READ_ACP"] },
          { grantee: "authenticated-users", permissions: ["WRITE"] },
          { grantee: "other", permissions: ["WRITE"] },
          { grantee: "other", permissions: ["READ"] },
        ],
      },
    ]);
  });

  it("ACLs disabled by BucketOwnerEnforced grant nothing (and were not read)", () => {
    const { acl: _notAsked, ...rest } = bucket({ ownershipControls: ok(ENFORCED) });
    expect(adapted(rest).s3.acls).toEqual([]);
  });

  it("a denied ACL read is an ACL with Unknown grants", () => {
    const { s3 } = adapted(bucket({ acl: denied("s3:GetBucketAcl") }));
    expect(s3.acls).toHaveLength(1);
    expect(reasonOf(s3.acls[0]?.grants)).toBe("access-denied");
  });

  it("a denied ownership read leaves the ACL to decide", () => {
    const acl: GetBucketAclOutput = { ...OWNER_ONLY, Grants: [{ Grantee: { Type: "Group", URI: ALL_USERS }, Permission: "READ" }] };
    const { s3 } = adapted(bucket({ ownershipControls: denied("s3:GetBucketOwnershipControls"), acl: ok(acl) }));
    expect(s3.acls[0]?.grants).toEqual([{ grantee: "all-users", permissions: ["READ"] }]);
  });
});

describe("S3 adapter: bucket policies and coverage", () => {
  it("the bucket's policy governs the bucket itself, in the scanned account", () => {
    const { policies, store } = adapted(bucket({ policy: ok(TLS_POLICY) }));
    expect(policies).toEqual([{ ref: store.ref, target: ARN, service: "s3", document: TLS_POLICY, origin: `the policy of S3 bucket '${NAME}'`, accountId: ACCOUNT }]);
  });

  it("a denied policy read is a policy whose document is Unknown", () => {
    const { policies } = adapted(bucket({ policy: denied("s3:GetBucketPolicy") }));
    expect(policies).toHaveLength(1);
    expect(reasonOf(policies[0]?.document)).toBe("access-denied");
  });

  it("a failed listing is a coverage gap and nothing else", () => {
    const c = adaptS3({ region: REGION, buckets: denied("s3:ListAllMyBuckets"), unlocated: [] }, adaptContext());
    expect(c).toEqual({
      gaps: [{ service: "s3", region: REGION, what: "S3 buckets", action: "s3:ListAllMyBuckets", reason: "access-denied", detail: "AccessDenied: Access Denied" }],
    });
  });

  it("a bucket whose region could not be read is a coverage gap beside the others", () => {
    const failure: CallFailure = { reason: "timeout", service: "s3", action: "s3:GetBucketLocation", region: REGION, detail: "TimeoutError: timed out" };
    const c = adaptS3(answers([bucket()], { unlocated: [{ name: "lost", failure }] }), adaptContext());
    expect(c.stores).toHaveLength(1);
    expect(c.gaps).toEqual([{ service: "s3", region: REGION, what: "the region of S3 bucket 'lost'", action: "s3:GetBucketLocation", reason: "timeout", detail: "TimeoutError: timed out" }]);
  });
});

/** The contribution as the inventory the rules read. */
function inventoryOf(c: InventoryContribution): Partial<Inventory> {
  return { stores: c.stores ?? [], keys: [], exposures: new Map(c.exposures ?? []), resourcePolicies: c.resourcePolicies ?? [] };
}

describe("S3 rules judge scanned buckets", () => {
  const rules = [s3BucketPublicAccessBlocked, s3BucketAclNotPublic, s3BucketPolicyNotPublic, s3BucketRequiresTls, dataStoreEncryptedAtRest, restrictedDataEncryptedWithCustomerManagedKey];
  const verdicts = (b: S3BucketAnswers, over: Partial<S3Answers> = {}) => {
    const inv = inventoryOf(adaptS3(answers([b], over), adaptContext({ [KEY_ARN]: "customer-managed" })));
    return rules.map((r) => statuses(run(r, inv)).join());
  };

  it("a compliant bucket passes every S3 rule", () => {
    const compliant = bucket({ encryption: ok(kmsConfig(KEY_ARN)), publicAccessBlock: ok(ALL_ON), ownershipControls: ok(ENFORCED), policy: ok(TLS_POLICY), tagSet: ok(RESTRICTED_TAGS) });
    expect(verdicts(compliant)).toEqual(["pass", "pass", "pass", "pass", "pass", "pass"]);
  });

  it("a bucket open to the internet fails; a block in the account does not save it when it is off", () => {
    const open = bucket({
      ownershipControls: ok({ Rules: [{ ObjectOwnership: "ObjectWriter" }] }),
      acl: ok({ ...OWNER_ONLY, Grants: [{ Grantee: { Type: "Group", URI: ALL_USERS }, Permission: "READ" }] }),
      policy: ok(PUBLIC_POLICY),
      tagSet: ok(RESTRICTED_TAGS),
    });
    expect(verdicts(open, { accountBlock: ok({ BlockPublicAcls: false }) })).toEqual(["fail", "fail", "fail", "fail", "pass", "fail"]);
  });

  it("an account block with all four on neutralises public ACLs and policies", () => {
    const open = bucket({ acl: ok({ ...OWNER_ONLY, Grants: [{ Grantee: { Type: "Group", URI: ALL_USERS }, Permission: "READ" }] }), policy: ok(PUBLIC_POLICY) });
    expect(verdicts(open, { accountBlock: ok(ALL_ON) }).slice(0, 3)).toEqual(["pass", "pass", "pass"]);
  });

  it("denied reads are not assessed, never passed or failed", () => {
    const blind = bucket({
      tagSet: ok(RESTRICTED_TAGS),
      encryption: denied("s3:GetEncryptionConfiguration"),
      publicAccessBlock: denied("s3:GetBucketPublicAccessBlock"),
      ownershipControls: denied("s3:GetBucketOwnershipControls"),
      acl: denied("s3:GetBucketAcl"),
      policy: denied("s3:GetBucketPolicy"),
    });
    expect(verdicts(blind)).toEqual(["unknown", "unknown", "unknown", "unknown", "unknown", "unknown"]);
  });
});

describe("S3 parity with the Pulumi front", () => {
  const BUCKET = "aws:s3/bucket:Bucket";
  const KEY = "aws:kms/key:Key";
  /** Each front names the bucket by its own model id; the policy's target is that id on both. */
  const policyView = (p: ResourcePolicy, store: DataStore) => {
    const { accountId: _own, ...rest } = p;
    return { ...rest, target: p.target === store.ref.id ? "the bucket" : p.target };
  };
  const exposureView = (s3: S3Exposure | undefined) => {
    if (!s3) throw new Error("no S3 exposure");
    const { whenNoBucketBlock: _meaning, ...rest } = s3;
    return rest;
  };

  it("a bucket left at its defaults", () => {
    const { store, s3, policies } = adapted(bucket());
    const pulumi = buildInventory([engineResource(BUCKET, NAME, { bucket: NAME })]);
    expectParity(store, pulumi.stores[0]);
    expectParity(exposureView(s3), exposureView(pulumi.exposures?.get(urnOf(BUCKET, NAME))?.s3));
    expect(s3.whenNoBucketBlock).toBe("off");
    expect(pulumi.exposures?.get(urnOf(BUCKET, NAME))?.s3?.whenNoBucketBlock).toBe("aws-default");
    expect(policies).toEqual(pulumi.resourcePolicies);
  });

  it("a restricted bucket with a customer-managed key, blocks, a public grant and a TLS policy", () => {
    const switches = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: false };
    const pulumi = buildInventory([
      engineResource(KEY, "orders-key", { arn: KEY_ARN }),
      engineResource(
        BUCKET,
        NAME,
        {
          bucket: NAME,
          tags: { "data-classification": "restricted", team: "orders" },
          serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN }, bucketKeyEnabled: true } },
          grants: [
            { type: "CanonicalUser", id: OWNER_ID, permissions: ["FULL_CONTROL"] },
            { type: "Group", uri: ALL_USERS, permissions: ["READ"] },
          ],
          policy: TLS_POLICY,
        },
        { serverSideEncryptionConfiguration: [urnOf(KEY, "orders-key")] },
      ),
      engineResource("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", `${NAME}-pab`, { bucket: NAME, ...switches }),
      engineResource("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", "account", { ...switches, restrictPublicBuckets: true }),
    ]);
    const { store, s3, policies } = adapted(
      bucket({
        tagSet: ok(RESTRICTED_TAGS),
        encryption: ok(kmsConfig(KEY_ARN)),
        publicAccessBlock: ok({ ...ALL_ON, RestrictPublicBuckets: false }),
        ownershipControls: ok({ Rules: [{ ObjectOwnership: "BucketOwnerPreferred" }] }),
        acl: ok({ ...OWNER_ONLY, Grants: [...(OWNER_ONLY.Grants ?? []), { Grantee: { Type: "Group", URI: ALL_USERS }, Permission: "READ" }] }),
        policy: ok(TLS_POLICY),
      }),
      { accountBlock: ok(ALL_ON) },
      adaptContext({ [KEY_ARN]: "customer-managed" }),
    );
    const pulumiStore = pulumi.stores.find((s) => s.kind === "s3-bucket");
    if (!pulumiStore) throw new Error("no Pulumi bucket");
    expectParity(store, pulumiStore);
    expect(!isUnknown(store.encryption) && store.encryption.keyManager).toBe("customer-managed");
    // The owner's own FULL_CONTROL grant is implicit in every bucket ACL: the scan drops it.
    const pulumiS3 = exposureView(pulumi.exposures?.get(pulumiStore.ref.id)?.s3);
    const pulumiAcls = pulumiS3.acls.map((a) => ({ ...a, grants: isUnknown(a.grants) ? a.grants : a.grants.filter((g) => g.grantee !== "other") }));
    expectParity(exposureView(s3), { ...pulumiS3, acls: pulumiAcls });
    expect(policies.map((p) => policyView(p, store))).toEqual(
      (pulumi.resourcePolicies ?? []).map((p) => ({ ...policyView(p, pulumiStore), ref: store.ref })),
    );
  });
});
