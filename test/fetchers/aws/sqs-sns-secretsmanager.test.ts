import { CreateSecretCommand, PutResourcePolicyCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { CreateTopicCommand, SNSClient } from "@aws-sdk/client-sns";
import { CreateQueueCommand, SQSClient } from "@aws-sdk/client-sqs";
import { describe, expect, it, vi } from "vitest";
import { adaptSecretsManager } from "../../../src/adapters/aws/secretsmanager";
import { adaptSns } from "../../../src/adapters/aws/sns";
import { adaptSqs } from "../../../src/adapters/aws/sqs";
import { isUnknown } from "../../../src/core/value";
import { secretsManagerFetcher } from "../../../src/fetchers/aws/secretsmanager";
import { snsFetcher } from "../../../src/fetchers/aws/sns";
import { sqsFetcher } from "../../../src/fetchers/aws/sqs";
import type { Outcome } from "../../../src/core/rule";
import { dataStoreEncryptedAtRest } from "../../../src/rules/encryption/data-store-encrypted-at-rest";
import { restrictedDataEncryptedWithCustomerManagedKey } from "../../../src/rules/encryption/restricted-data-encrypted-with-customer-managed-key";
import { resourcePoliciesNotPublic } from "../../../src/rules/network/resource-policies-not-public";
import { adaptContext } from "../../adapters/aws/fixtures";
import { run } from "../../helpers/models";
import { MOTO_ACCOUNT, scanContext, seedConfig } from "../../support/aws-context";
import { DATA_PLANE_ACTIONS, recordActions } from "../../support/data-plane";
import { iamUser, policyDocument } from "../../support/iam-user";
import { useMoto } from "../../support/moto/use-moto";
import { customerKey, encryptionOf, storesByName } from "./emulator-fixtures";

const REGION = "us-east-1";
const PUBLIC = (resource: string, action: string) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: action, Resource: resource }] });

const moto = useMoto({ resetEachTest: true });


describe("SQS queues against moto", () => {
  it("reads encryption, tags and policies of every queue", async () => {
    const sqs = new SQSClient(seedConfig(moto().endpoint, REGION));
    const key = await customerKey(moto().endpoint, REGION);
    await sqs.send(new CreateQueueCommand({ QueueName: "plain" }));
    await sqs.send(new CreateQueueCommand({ QueueName: "cmk", Attributes: { KmsMasterKeyId: key.id }, tags: { "data-classification": "restricted" } }));
    await sqs.send(new CreateQueueCommand({ QueueName: "off", Attributes: { SqsManagedSseEnabled: "false" } }));
    await sqs.send(new CreateQueueCommand({ QueueName: "sse-sqs", Attributes: { SqsManagedSseEnabled: "true" } }));
    const arn = `arn:aws:sqs:${REGION}:${MOTO_ACCOUNT}:public`;
    await sqs.send(new CreateQueueCommand({ QueueName: "public", Attributes: { Policy: PUBLIC(arn, "sqs:SendMessage") } }));

    const { ctx } = scanContext(moto().endpoint, REGION);
    const c = adaptSqs(await sqsFetcher.fetch(ctx), key.ctx);
    const stores = storesByName(c.stores);
    expect([...stores.keys()].sort()).toEqual(["cmk", "off", "plain", "public", "sse-sqs"]);
    expect(stores.get("cmk")?.ref).toMatchObject({ id: `arn:aws:sqs:${REGION}:${MOTO_ACCOUNT}:cmk`, account: MOTO_ACCOUNT, region: REGION });
    expect(encryptionOf(stores.get("cmk"))).toMatchObject({ enabled: true, keyManager: "customer-managed", keyId: key.id });
    expect(stores.get("cmk")?.tags).toEqual({ "data-classification": "restricted" });
    expect(encryptionOf(stores.get("off"))).toMatchObject({ enabled: false });
    expect(encryptionOf(stores.get("sse-sqs"))).toMatchObject({ enabled: true, keyManager: "aws-owned" });
    expect(stores.get("plain")?.tags).toEqual({});
    // New queues get SSE-SQS unless it is turned off.
    expect(encryptionOf(stores.get("plain"))).toMatchObject({ enabled: true, keyManager: "aws-owned", observed: "SqsManagedSseEnabled=true (SSE-SQS)" });
    expect(c.resourcePolicies).toHaveLength(1);
    expect(c.resourcePolicies?.[0]).toMatchObject({ target: arn, service: "sqs", accountId: MOTO_ACCOUNT });
    expect(JSON.parse(c.resourcePolicies?.[0]?.document as string)).toMatchObject({ Statement: [{ Principal: "*" }] });
  });
});

describe("SQS under IAM enforcement", () => {
  const user = (name: string, actions: string[]) => {
    const allowed = policyDocument({ Effect: "Allow", Action: actions, Resource: "*" });
    return iamUser(moto().endpoint, name, actions.length > 0 ? { name: "scan", document: allowed } : undefined);
  };

  it("a denied attribute read makes that queue's encryption and policy unknown, its tags still read", async () => {
    await new SQSClient(seedConfig(moto().endpoint, REGION)).send(new CreateQueueCommand({ QueueName: "q", tags: { team: "a" } }));
    const creds = await user("lister", ["sqs:ListQueues", "sqs:ListQueueTags"]);
    await moto().enableIamAuth();
    const { ctx } = scanContext(moto().endpoint, REGION, { credentials: async () => creds });
    const c = adaptSqs(await sqsFetcher.fetch(ctx), adaptContext({}, { account: MOTO_ACCOUNT }));
    const q = c.stores?.[0];
    expect(q?.ref.id).toBe(`arn:aws:sqs:${REGION}:${MOTO_ACCOUNT}:q`);
    expect(isUnknown(q?.encryption) && q.encryption.reason).toBe("access-denied");
    expect(q?.tags).toEqual({ team: "a" });
    const doc = c.resourcePolicies?.[0]?.document;
    expect(isUnknown(doc) && doc.detail).toMatch(/sqs:GetQueueAttributes/);
  });

  it("a denied listing is a coverage gap", async () => {
    const creds = await user("nobody", []);
    await moto().enableIamAuth();
    const { ctx } = scanContext(moto().endpoint, REGION, { credentials: async () => creds });
    const c = adaptSqs(await sqsFetcher.fetch(ctx), adaptContext({}, { account: MOTO_ACCOUNT }));
    expect(c.stores).toBeUndefined();
    expect(c.gaps).toEqual([expect.objectContaining({ service: "sqs", action: "sqs:ListQueues", reason: "access-denied", region: REGION })]);
  });
});

describe("SNS topics against moto", () => {
  it("reads the key, tags and policy of every topic", async () => {
    const sns = new SNSClient(seedConfig(moto().endpoint, REGION));
    const key = await customerKey(moto().endpoint, REGION);
    const plain = (await sns.send(new CreateTopicCommand({ Name: "plain" }))).TopicArn!;
    await sns.send(new CreateTopicCommand({ Name: "cmk", Attributes: { KmsMasterKeyId: key.arn }, Tags: [{ Key: "customer-segment", Value: "eu" }] }));
    await sns.send(new CreateTopicCommand({ Name: "managed", Attributes: { KmsMasterKeyId: "alias/aws/sns" } }));

    const { ctx } = scanContext(moto().endpoint, REGION);
    const c = adaptSns(await snsFetcher.fetch(ctx), key.ctx);
    const stores = storesByName(c.stores);
    expect(encryptionOf(stores.get("plain"))).toMatchObject({ enabled: false, observed: "KmsMasterKeyId not set" });
    expect(stores.get("plain")?.ref.id).toBe(plain);
    expect(encryptionOf(stores.get("cmk"))).toMatchObject({ enabled: true, keyManager: "customer-managed", keyRef: key.arn });
    expect(stores.get("cmk")?.tags).toEqual({ "customer-segment": "eu" });
    expect(encryptionOf(stores.get("managed"))).toMatchObject({ enabled: true, keyManager: "aws-managed" });
    // moto gives every topic a default policy granting its own account.
    const policy = c.resourcePolicies?.find((p) => p.target === plain);
    expect(policy).toMatchObject({ service: "sns", origin: "the policy of SNS topic 'plain'" });
    expect(typeof policy?.document).toBe("string");
  });
});

describe("Secrets Manager secrets against moto", () => {
  const VALUE = "cdg-known-secret-value-81f2e";

  it("reads keys, tags and policies, and no secret value reaches the answers or the models", async () => {
    const sm = new SecretsManagerClient(seedConfig(moto().endpoint, REGION));
    const key = await customerKey(moto().endpoint, REGION);
    await sm.send(new CreateSecretCommand({ Name: "default", SecretString: VALUE }));
    const cmk = await sm.send(
      new CreateSecretCommand({ Name: "cmk", SecretString: VALUE, KmsKeyId: key.arn, Tags: [{ Key: "data-classification", Value: "restricted" }] }),
    );
    await sm.send(new PutResourcePolicyCommand({ SecretId: "cmk", ResourcePolicy: PUBLIC(cmk.ARN!, "secretsmanager:GetSecretValue") }));

    // Every command the scanner's Secrets Manager client sends, by name.
    const sent: string[] = [];
    const original = SecretsManagerClient.prototype.send;
    const send = vi.spyOn(SecretsManagerClient.prototype, "send").mockImplementation(function (this: SecretsManagerClient, ...args: unknown[]) {
      sent.push((args[0] as object).constructor.name);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original);
    try {
      const { ctx } = scanContext(moto().endpoint, REGION);
      const raw = await secretsManagerFetcher.fetch(ctx);
      const c = adaptSecretsManager(raw, key.ctx);

      expect(new Set(sent)).toEqual(new Set(["ListSecretsCommand", "DescribeSecretCommand", "GetResourcePolicyCommand"]));
      expect(JSON.stringify(raw)).not.toContain(VALUE);
      expect(JSON.stringify(c)).not.toContain(VALUE);

      const stores = storesByName(c.stores);
      expect(encryptionOf(stores.get("default"))).toMatchObject({ enabled: true, keyManager: "aws-managed" });
      expect(encryptionOf(stores.get("cmk"))).toMatchObject({ enabled: true, keyManager: "customer-managed", keyId: key.arn });
      expect(stores.get("cmk")?.tags).toEqual({ "data-classification": "restricted" });
      expect(stores.get("cmk")?.ref).toMatchObject({ id: cmk.ARN, type: "AWS::SecretsManager::Secret" });
      expect(c.resourcePolicies).toEqual([expect.objectContaining({ target: cmk.ARN, service: "secretsmanager", accountId: MOTO_ACCOUNT })]);
    } finally {
      send.mockRestore();
    }
  });
});

describe("the rules judge the scanned models", () => {
  it("an unencrypted queue fails, a restricted secret under the AWS-managed key fails, a public queue policy fails", async () => {
    const sqs = new SQSClient(seedConfig(moto().endpoint, REGION));
    const arn = `arn:aws:sqs:${REGION}:${MOTO_ACCOUNT}:open`;
    await sqs.send(new CreateQueueCommand({ QueueName: "open", Attributes: { SqsManagedSseEnabled: "false", Policy: PUBLIC(arn, "sqs:ReceiveMessage") } }));
    const sm = new SecretsManagerClient(seedConfig(moto().endpoint, REGION));
    await sm.send(new CreateSecretCommand({ Name: "db", SecretString: "x", Tags: [{ Key: "data-classification", Value: "restricted" }] }));

    const queues = adaptSqs(await sqsFetcher.fetch(scanContext(moto().endpoint, REGION).ctx), adaptContext({}, { account: MOTO_ACCOUNT }));
    const secrets = adaptSecretsManager(await secretsManagerFetcher.fetch(scanContext(moto().endpoint, REGION).ctx), adaptContext({}, { account: MOTO_ACCOUNT }));
    const inventory = {
      stores: [...(queues.stores ?? []), ...(secrets.stores ?? [])],
      resourcePolicies: [...(queues.resourcePolicies ?? []), ...(secrets.resourcePolicies ?? [])],
    };
    const byRef = (outcomes: Outcome[]) => Object.fromEntries(outcomes.map((o) => [o.resource.name, o.status]));
    expect(byRef(run(dataStoreEncryptedAtRest, inventory))).toEqual({ open: "fail", db: "pass" });
    expect(byRef(run(restrictedDataEncryptedWithCustomerManagedKey, inventory))).toMatchObject({ db: "fail" });
    const policyOutcomes = run(resourcePoliciesNotPublic, inventory);
    expect(policyOutcomes.map((o) => [o.resource.id, o.status])).toEqual([[arn, "fail"]]);
    expect(policyOutcomes[0]?.message).toContain("the policy of SQS queue 'open'");
  });
});

describe("declared actions", () => {
  it("every call each fetcher makes is one of its declared read-only actions, never a data-plane read", async () => {
    await new SQSClient(seedConfig(moto().endpoint, REGION)).send(new CreateQueueCommand({ QueueName: "q" }));
    await new SNSClient(seedConfig(moto().endpoint, REGION)).send(new CreateTopicCommand({ Name: "t" }));
    await new SecretsManagerClient(seedConfig(moto().endpoint, REGION)).send(new CreateSecretCommand({ Name: "s", SecretString: "x" }));
    for (const fetcher of [sqsFetcher, snsFetcher, secretsManagerFetcher] as const) {
      const { ctx } = scanContext(moto().endpoint, REGION);
      const called = recordActions(ctx);
      await (fetcher.fetch as (c: typeof ctx) => Promise<unknown>)(ctx);
      expect(new Set(called), fetcher.name).toEqual(new Set(fetcher.actions));
      expect(called.filter((a) => DATA_PLANE_ACTIONS.includes(a)), fetcher.name).toEqual([]);
    }
  });
});

