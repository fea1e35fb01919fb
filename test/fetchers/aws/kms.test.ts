import {
  CreateAliasCommand,
  CreateKeyCommand,
  EnableKeyRotationCommand,
  type CreateKeyCommandInput,
  KMSClient,
  ScheduleKeyDeletionCommand,
} from "@aws-sdk/client-kms";
import { beforeAll, describe, expect, it } from "vitest";
import { adaptKms } from "../../../src/adapters/aws/kms";
import { keyDirectory } from "../../../src/adapters/aws/kms-directory";
import { kmsFetcher, type KmsAnswers } from "../../../src/fetchers/aws/kms";
import type { KmsKey } from "../../../src/models/kms-key";
import { KMS_SOURCES } from "../../../src/scanner/sources/kms";
import { everyKeyCustomerManaged } from "../../adapters/aws/fixtures";
import { MOTO_ACCOUNT, scanContext, seedConfig } from "../../support/aws-context";
import { iamUser, policyDocument, type AccessKeys } from "../../support/iam-user";
import { MOTO_SETUP_TIMEOUT, useFaultProxy, useMoto } from "../../support/moto/use-moto";

const REGION = "eu-west-1";
const ADAPT = everyKeyCustomerManaged(MOTO_ACCOUNT);
const KEY_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    { Sid: "owner", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${MOTO_ACCOUNT}:root` }, Action: "kms:*", Resource: "*" },
    { Sid: "everyone", Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" },
  ],
});

interface Seeded {
  orders: string;
  signing: string;
  retired: string;
}

async function seed(endpoint: string): Promise<Seeded> {
  const kms = new KMSClient(seedConfig(endpoint, REGION));
  const create = async (input: CreateKeyCommandInput): Promise<string> =>
    (await kms.send(new CreateKeyCommand(input))).KeyMetadata?.KeyId ?? "";
  const orders = await create({ Description: "orders", Policy: KEY_POLICY, Tags: [{ TagKey: "data-classification", TagValue: "restricted" }] });
  await kms.send(new EnableKeyRotationCommand({ KeyId: orders }));
  await kms.send(new CreateAliasCommand({ AliasName: "alias/orders", TargetKeyId: orders }));
  const signing = await create({ KeySpec: "RSA_2048", KeyUsage: "SIGN_VERIFY" });
  const retired = await create({ Description: "retired" });
  await kms.send(new ScheduleKeyDeletionCommand({ KeyId: retired, PendingWindowInDays: 7 }));
  return { orders, signing, retired };
}

const arnOf = (id: string): string => `arn:aws:kms:${REGION}:${MOTO_ACCOUNT}:key/${id}`;

describe("KMS fetcher and adapter against moto", () => {
  const moto = useMoto();
  let seeded: Seeded;
  let raw: KmsAnswers;
  let keys: Map<string, KmsKey>;

  beforeAll(async () => {
    seeded = await seed(moto().endpoint);
    raw = await kmsFetcher.fetch(scanContext(moto().endpoint, REGION).ctx);
    keys = new Map((adaptKms(raw, ADAPT).keys ?? []).map((k) => [k.ref.name, k]));
  }, MOTO_SETUP_TIMEOUT);

  it("is the one KMS source, feeding keys and resource policies with read-only actions", () => {
    expect(KMS_SOURCES.map((s) => [s.fetcher.name, s.feeds])).toEqual([["kms-keys", ["keys", "resourcePolicies"]]]);
    expect(kmsFetcher.actions.every((a) => /^kms:(List|Describe|Get)/.test(a))).toBe(true);
  });

  it("a customer key with rotation, tags and an alias", () => {
    expect(keys.get(seeded.orders)).toEqual({
      model: "kms-key",
      ref: { id: arnOf(seeded.orders), type: "AWS::KMS::Key", name: seeded.orders, label: "KMS key", account: MOTO_ACCOUNT, region: REGION },
      arn: arnOf(seeded.orders),
      manager: "customer",
      spec: "SYMMETRIC_DEFAULT",
      usage: "ENCRYPT_DECRYPT",
      origin: "AWS_KMS",
      rotationEnabled: true,
      deletionWindowDays: undefined,
      tags: { "data-classification": "restricted" },
    });
  });

  it("an asymmetric signing key: rotation not asked, read as off", () => {
    expect(keys.get(seeded.signing)).toMatchObject({ spec: "RSA_2048", usage: "SIGN_VERIFY", rotationEnabled: false, tags: {} });
    const answers = raw.keys.ok ? raw.keys.value.find((k) => k.listed.KeyId === seeded.signing) : undefined;
    expect(answers?.rotation).toBeUndefined();
  });

  it("a key pending deletion is kept, its waiting period and rotation Unknown", () => {
    const retired = keys.get(seeded.retired);
    expect(retired?.deletionWindowDays).toMatchObject({ reason: "not-fetched", detail: expect.stringContaining("pending deletion") });
    expect(retired?.rotationEnabled).toMatchObject({ reason: "not-fetched" });
    const answers = raw.keys.ok ? raw.keys.value.find((k) => k.listed.KeyId === seeded.retired) : undefined;
    expect(answers?.rotation).toBeUndefined();
    expect(answers?.metadata).toMatchObject({ ok: true, value: { KeyState: "PendingDeletion" } });
  });

  it("key policies: the one set, and KMS's default on the others", () => {
    const policies = adaptKms(raw, ADAPT).resourcePolicies ?? [];
    const orders = policies.find((p) => p.target === arnOf(seeded.orders));
    expect(orders).toMatchObject({ service: "kms", accountId: MOTO_ACCOUNT, origin: `the policy of KMS key '${seeded.orders}'` });
    expect(JSON.parse(orders?.document as string)).toEqual(JSON.parse(KEY_POLICY));
    expect(policies.map((p) => p.target).sort()).toEqual([seeded.orders, seeded.signing, seeded.retired].map(arnOf).sort());
  });

  it("the key directory resolves the alias, the key id and alias/aws/... from moto's answers", () => {
    const directory = keyDirectory(MOTO_ACCOUNT, "aws", [raw]);
    expect(directory.keyRef("alias/orders", REGION)).toBe(arnOf(seeded.orders));
    expect(directory.keyManager(`arn:aws:kms:${REGION}:${MOTO_ACCOUNT}:alias/orders`, REGION)).toBe("customer-managed");
    expect(directory.keyManager(seeded.signing, REGION)).toBe("customer-managed");
    // moto lists alias/aws/s3 (with a key it does not list); AWS-managed by its name.
    expect(directory.keyManager("alias/aws/s3", REGION)).toBe("aws-managed");
    expect(directory.keyRef("alias/aws/s3", REGION)).toBeUndefined();
  });
});

describe("KMS answers denied", () => {
  const moto = useMoto();
  beforeAll(async () => {
    await seed(moto().endpoint);
  }, MOTO_SETUP_TIMEOUT);
  const proxy = useFaultProxy(() => ({ target: moto().endpoint, accessDenied: ["kms"] }));

  it("a denied ListKeys is a coverage gap; the key directory answers Unknown('access-denied') except for alias/aws/...", async () => {
    const raw = await kmsFetcher.fetch(scanContext(proxy().endpoint, REGION).ctx);
    const out = adaptKms(raw, ADAPT);
    expect(out.keys).toBeUndefined();
    expect(out.gaps?.map((g) => [g.action, g.reason, g.what])).toEqual([["kms:ListKeys", "access-denied", "KMS keys"]]);
    const directory = keyDirectory(MOTO_ACCOUNT, "aws", [raw]);
    expect(directory.keyManager(arnOf("1234abcd-12ab-34cd-56ef-1234567890ab"), REGION)).toMatchObject({ reason: "access-denied" });
    expect(directory.keyManager("alias/aws/rds", REGION)).toBe("aws-managed");
  });
});

describe("KMS with IAM enforcement: a scanner allowed to list and describe keys only", () => {
  const moto = useMoto();
  let seeded: Seeded;
  let credentials: AccessKeys;

  beforeAll(async () => {
    seeded = await seed(moto().endpoint);
    const listAndDescribe = policyDocument({
      Effect: "Allow",
      Action: ["kms:ListKeys", "kms:ListAliases", "kms:DescribeKey", "kms:ListResourceTags"],
      Resource: "*",
    });
    credentials = await iamUser(moto().endpoint, "scanner", { name: "list-and-describe", document: listAndDescribe, managed: true });
    await moto().enableIamAuth();
  }, MOTO_SETUP_TIMEOUT);

  it("rotation and key policy are Unknown('access-denied') per key; everything listed is still modelled", async () => {
    const { ctx } = scanContext(moto().endpoint, REGION, { credentials: async () => credentials });
    const out = adaptKms(await kmsFetcher.fetch(ctx), ADAPT);
    const orders = out.keys?.find((k) => k.ref.name === seeded.orders);
    expect(orders).toMatchObject({ spec: "SYMMETRIC_DEFAULT", tags: { "data-classification": "restricted" } });
    expect(orders?.rotationEnabled).toMatchObject({ reason: "access-denied", detail: expect.stringContaining("kms:GetKeyRotationStatus") });
    const policy = out.resourcePolicies?.find((p) => p.target === arnOf(seeded.orders));
    expect(policy?.document).toMatchObject({ reason: "access-denied", detail: expect.stringContaining("kms:GetKeyPolicy") });
    expect(out.keys).toHaveLength(3);
  });
});
