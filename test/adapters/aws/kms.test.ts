import type { AliasListEntry, KeyMetadata, Tag } from "@aws-sdk/client-kms";
import { describe, expect, it } from "vitest";
import { adaptKms } from "../../../src/adapters/aws/kms";
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import type { CallFailure } from "../../../src/fetchers/aws/fetched";
import type { KmsAnswers, KmsKeyAnswers } from "../../../src/fetchers/aws/kms";
import type { KmsKey } from "../../../src/models/kms-key";
import { kmsKeyDeletionWindowSufficient } from "../../../src/rules/encryption/kms-key-deletion-window-sufficient";
import { kmsKeyRotationEnabled } from "../../../src/rules/encryption/kms-key-rotation-enabled";
import { engineResource } from "../../helpers/engine";
import { run, statuses } from "../../helpers/models";
import { expectParity } from "./parity";
import { everyKeyCustomerManaged } from "./fixtures";

const ACCOUNT = "111122223333";
const REGION = "eu-west-1";
const CTX = everyKeyCustomerManaged(ACCOUNT);

const ORDERS_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const AWS_S3_ID = "0b1c2d3e-aaaa-bbbb-cccc-1234567890ab";
const arnOf = (id: string): string => `arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}`;
const POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Sid: "root", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" }],
});

const failure = (action: string, reason: CallFailure["reason"] = "access-denied"): CallFailure => ({
  reason,
  service: "kms",
  action,
  region: REGION,
  detail: "AccessDeniedException: not authorized",
});

const metadata = (id: string, over: Partial<KeyMetadata> = {}): KeyMetadata => ({
  KeyId: id,
  Arn: arnOf(id),
  AWSAccountId: ACCOUNT,
  KeyManager: "CUSTOMER",
  KeySpec: "SYMMETRIC_DEFAULT",
  KeyUsage: "ENCRYPT_DECRYPT",
  Origin: "AWS_KMS",
  KeyState: "Enabled",
  Enabled: true,
  ...over,
});

/** A customer key as the fetcher answers for it. */
const customerKey = (id: string, over: Partial<KmsKeyAnswers> = {}, meta: Partial<KeyMetadata> = {}): KmsKeyAnswers => ({
  listed: { KeyId: id, KeyArn: arnOf(id) },
  metadata: { ok: true, value: metadata(id, meta) },
  rotation: { ok: true, value: true },
  policy: { ok: true, value: POLICY },
  tags: { ok: true, value: [{ TagKey: "data-classification", TagValue: "restricted" }] satisfies Tag[] },
  ...over,
});
const awsKey: KmsKeyAnswers = { listed: { KeyId: AWS_S3_ID, KeyArn: arnOf(AWS_S3_ID) }, metadata: { ok: true, value: metadata(AWS_S3_ID, { KeyManager: "AWS" }) } };
const ALIASES: AliasListEntry[] = [
  { AliasName: "alias/orders", AliasArn: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/orders`, TargetKeyId: ORDERS_ID },
  { AliasName: "alias/aws/s3", AliasArn: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/aws/s3`, TargetKeyId: AWS_S3_ID },
];

const answersOf = (...keys: KmsKeyAnswers[]): KmsAnswers => ({ region: REGION, keys: { ok: true, value: keys }, aliases: { ok: true, value: ALIASES } });
const onlyKey = (k: KmsKeyAnswers): KmsKey => {
  const [key] = adaptKms(answersOf(k), CTX).keys ?? [];
  if (key === undefined) throw new Error("no key model");
  return key;
};

describe("KMS adapter", () => {
  it("a customer key: ARN as model id, spec, usage, origin, rotation, tags; no deletion window until one is scheduled", () => {
    const key = onlyKey(customerKey(ORDERS_ID));
    expect(key).toEqual({
      model: "kms-key",
      ref: { id: arnOf(ORDERS_ID), type: "AWS::KMS::Key", name: ORDERS_ID, label: "KMS key", account: ACCOUNT, region: REGION },
      arn: arnOf(ORDERS_ID),
      manager: "customer",
      spec: "SYMMETRIC_DEFAULT",
      usage: "ENCRYPT_DECRYPT",
      origin: "AWS_KMS",
      rotationEnabled: true,
      deletionWindowDays: undefined,
      tags: { "data-classification": "restricted" },
    });
    expect(statuses(run(kmsKeyRotationEnabled, { keys: [key] }))).toEqual(["pass"]);
    expect(statuses(run(kmsKeyDeletionWindowSufficient, { keys: [key] }))).toEqual(["pass"]);
  });

  it("its key policy is a resource policy of service kms targeting the key model", () => {
    const out = adaptKms(answersOf(customerKey(ORDERS_ID)), CTX);
    expect(out.resourcePolicies).toEqual([
      { ref: out.keys?.[0]?.ref, target: arnOf(ORDERS_ID), service: "kms", document: POLICY, origin: `the policy of KMS key '${ORDERS_ID}'`, accountId: ACCOUNT },
    ]);
  });

  it("rotation off is a CDG-ENC-003 failure", () => {
    const key = onlyKey(customerKey(ORDERS_ID, { rotation: { ok: true, value: false } }));
    expect(key.rotationEnabled).toBe(false);
    expect(statuses(run(kmsKeyRotationEnabled, { keys: [key] }))).toEqual(["fail"]);
  });

  it("AWS-managed keys become no model and no resource policy (as in the Pulumi front)", () => {
    const out = adaptKms(answersOf(awsKey, customerKey(ORDERS_ID)), CTX);
    expect(out.keys?.map((k) => k.ref.name)).toEqual([ORDERS_ID]);
    expect(out.resourcePolicies).toHaveLength(1);
  });

  it("an asymmetric key: rotation was not asked (KMS cannot rotate it) and reads as off; the rule is not applicable", () => {
    const key = onlyKey(customerKey(ORDERS_ID, { rotation: undefined }, { KeySpec: "RSA_2048", KeyUsage: "SIGN_VERIFY" }));
    expect(key).toMatchObject({ spec: "RSA_2048", usage: "SIGN_VERIFY", rotationEnabled: false });
    expect(statuses(run(kmsKeyRotationEnabled, { keys: [key] }))).toEqual(["not-applicable"]);
  });

  it("GetKeyRotationStatus denied: rotation Unknown('access-denied') naming the call; the rule does not assess it", () => {
    const key = onlyKey(customerKey(ORDERS_ID, { rotation: { ok: false, failure: failure("kms:GetKeyRotationStatus") } }));
    expect(key.rotationEnabled).toMatchObject({ reason: "access-denied", detail: expect.stringContaining("kms:GetKeyRotationStatus (eu-west-1) did not answer") });
    expect(key.spec).toBe("SYMMETRIC_DEFAULT");
    expect(statuses(run(kmsKeyRotationEnabled, { keys: [key] }))).toEqual(["unknown"]);
  });

  it("DescribeKey failed: still a customer key model whose settings are Unknown; one aliased alias/aws/... is no model", () => {
    const denied: KmsKeyAnswers = { ...customerKey(ORDERS_ID, { rotation: undefined }), metadata: { ok: false, failure: failure("kms:DescribeKey", "timeout") } };
    const key = onlyKey(denied);
    for (const v of [key.spec, key.usage, key.origin, key.rotationEnabled, key.deletionWindowDays]) expect(v).toMatchObject({ reason: "timeout" });
    expect(key.tags).toEqual({ "data-classification": "restricted" });
    const awsDenied: KmsKeyAnswers = { listed: awsKey.listed, metadata: { ok: false, failure: failure("kms:DescribeKey") } };
    expect(adaptKms(answersOf(awsDenied), CTX).keys).toEqual([]);
  });

  it("a key pending deletion is kept: deletion window and rotation Unknown, since KMS tells neither", () => {
    const key = onlyKey(
      customerKey(ORDERS_ID, { rotation: { ok: true, value: false } }, { KeyState: "PendingDeletion", Enabled: false, DeletionDate: new Date("2026-02-01T00:00:00Z") }),
    );
    expect(key.deletionWindowDays).toMatchObject({ reason: "not-fetched", detail: expect.stringContaining("deleted on 2026-02-01") });
    expect(key.rotationEnabled).toMatchObject({ reason: "not-fetched" });
    expect(statuses(run(kmsKeyDeletionWindowSufficient, { keys: [key] }))).toEqual(["unknown"]);
  });

  it("a multi-Region primary waiting for its replicas' deletion tells its waiting period", () => {
    const key = onlyKey(customerKey(ORDERS_ID, {}, { KeyState: "PendingReplicaDeletion", PendingDeletionWindowInDays: 7 }));
    expect(key.deletionWindowDays).toBe(7);
    expect(statuses(run(kmsKeyDeletionWindowSufficient, { keys: [key] }))).toEqual(["fail"]);
  });

  it("tags and key policy that did not answer are Unknown with the reason", () => {
    const out = adaptKms(
      answersOf(customerKey(ORDERS_ID, { tags: { ok: false, failure: failure("kms:ListResourceTags") }, policy: { ok: false, failure: failure("kms:GetKeyPolicy") } })),
      CTX,
    );
    expect(out.keys?.[0]?.tags).toMatchObject({ reason: "access-denied" });
    expect(out.resourcePolicies?.[0]?.document).toMatchObject({ reason: "access-denied", detail: expect.stringContaining("kms:GetKeyPolicy") });
  });

  it("a failed ListKeys is a coverage gap; a failed ListAliases alone is not (it only affects the key directory)", () => {
    const out = adaptKms({ region: REGION, keys: { ok: false, failure: failure("kms:ListKeys", "throttled") }, aliases: { ok: true, value: [] } }, CTX);
    expect(out.keys).toBeUndefined();
    expect(out.gaps).toEqual([{ service: "kms", region: REGION, what: "KMS keys", action: "kms:ListKeys", reason: "throttled", detail: "AccessDeniedException: not authorized" }]);
    const noAliases = adaptKms({ ...answersOf(customerKey(ORDERS_ID)), aliases: { ok: false, failure: failure("kms:ListAliases") } }, CTX);
    expect(noAliases.gaps).toBeUndefined();
    expect(noAliases.keys).toHaveLength(1);
  });
});

describe("KMS parity with the Pulumi front", () => {
  const ARN = arnOf(ORDERS_ID);

  it("a symmetric key with rotation, tags and a policy", () => {
    const inv = buildInventory([
      engineResource("aws:kms/key:Key", "orders", { arn: ARN, keyId: ORDERS_ID, enableKeyRotation: true, tags: { "data-classification": "restricted" }, policy: POLICY }),
    ]);
    const out = adaptKms(answersOf(customerKey(ORDERS_ID)), CTX);
    expectParity(out.keys, inv.keys);
    // The policy's target and origin name the key: a URN and logical name there, an ARN and key id here.
    const strip = (p: { target: unknown; origin: string } | undefined) => (p === undefined ? undefined : { ...p, target: undefined, origin: undefined });
    expectParity(strip(out.resourcePolicies?.[0]), strip(inv.resourcePolicies?.[0]));
  });

  it("defaults: rotation off, no deletion window, untagged", () => {
    const inv = buildInventory([engineResource("aws:kms/key:Key", "orders", { arn: ARN, tags: {} })]);
    const out = adaptKms(answersOf(customerKey(ORDERS_ID, { rotation: { ok: true, value: false }, tags: { ok: true, value: [] } })), CTX);
    expectParity(out.keys, inv.keys);
  });

  it("an asymmetric signing key, and an imported-material key", () => {
    const rsa = buildInventory([engineResource("aws:kms/key:Key", "sign", { arn: ARN, customerMasterKeySpec: "RSA_2048", keyUsage: "SIGN_VERIFY", tags: {} })]);
    const awsRsa = adaptKms(answersOf(customerKey(ORDERS_ID, { rotation: undefined, tags: { ok: true, value: [] } }, { KeySpec: "RSA_2048", KeyUsage: "SIGN_VERIFY" })), CTX);
    expectParity(awsRsa.keys, rsa.keys);
    const imported = buildInventory([engineResource("aws:kms/externalKey:ExternalKey", "ext", { arn: ARN, tags: {} })]);
    const awsImported = adaptKms(answersOf(customerKey(ORDERS_ID, { rotation: undefined, tags: { ok: true, value: [] } }, { Origin: "EXTERNAL" })), CTX);
    expectParity(awsImported.keys, imported.keys);
  });
});
