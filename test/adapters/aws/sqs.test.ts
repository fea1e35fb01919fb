import { describe, expect, it } from "vitest";
import { adaptSqs } from "../../../src/adapters/aws/sqs";
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import { isUnknown } from "../../../src/core/value";
import type { SqsAnswers, SqsQueueAnswers } from "../../../src/fetchers/aws/sqs";
import type { DataStore } from "../../../src/models/data-store";
import { engineResource } from "../../helpers/engine";
import { knownEncryption, onlyStore } from "./contributions";
import { ACCOUNT, adaptContext, CMK_ARN, failed, ok, REGION } from "./fixtures";
import { expectParity, withoutFrontDetails } from "./parity";

const URL = `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/orders`;
const ARN = `arn:aws:sqs:${REGION}:${ACCOUNT}:orders`;
const POLICY = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "sqs:SendMessage", Resource: ARN }] });
const TAGS = { "data-classification": "restricted" };

const answers = (queue: Partial<SqsQueueAnswers> & { attrs?: Record<string, string> } = {}): SqsAnswers => {
  const { attrs, ...rest } = queue;
  return { region: REGION, queues: ok([{ url: URL, attributes: ok({ QueueArn: ARN, ...attrs }), tags: ok(TAGS), ...rest }]) };
};
const storeOf = (raw: SqsAnswers): DataStore => onlyStore(adaptSqs(raw, adaptContext()));
const pulumiInventory = (props: Record<string, unknown>) =>
  buildInventory([engineResource("aws:sqs/queue:Queue", "orders", { name: "orders", arn: ARN, url: URL, tags: TAGS, ...props })]);

describe("SQS queues from GetQueueAttributes", () => {
  it("SSE-SQS: an SQS-owned key; the queue named by its ARN, in the account of its URL", () => {
    const s = storeOf(answers({ attrs: { SqsManagedSseEnabled: "true" } }));
    expect(s.ref).toMatchObject({ id: ARN, type: "AWS::SQS::Queue", name: "orders", label: "SQS queue", account: ACCOUNT, region: REGION });
    expect(s).toMatchObject({ kind: "sqs-queue", physicalName: "orders", tags: TAGS, parts: [] });
    expect(knownEncryption(s.encryption)).toMatchObject({ enabled: true, keyManager: "aws-owned", observed: "SqsManagedSseEnabled=true (SSE-SQS)" });
  });

  it("SSE-KMS with a customer-managed key", () => {
    expect(knownEncryption(storeOf(answers({ attrs: { KmsMasterKeyId: CMK_ARN } })).encryption)).toMatchObject({
      enabled: true,
      keyManager: "customer-managed",
      keyId: CMK_ARN,
      keyRef: CMK_ARN,
      observed: `KmsMasterKeyId=${CMK_ARN}`,
    });
  });

  it("SSE-KMS with alias/aws/sqs is AWS-managed without asking KMS", () => {
    expect(knownEncryption(storeOf(answers({ attrs: { KmsMasterKeyId: "alias/aws/sqs" } })).encryption)).toMatchObject({ keyManager: "aws-managed", keyId: "alias/aws/sqs" });
  });

  it("neither SSE-SQS nor a key: not encrypted", () => {
    expect(knownEncryption(storeOf(answers({ attrs: { SqsManagedSseEnabled: "false" } })).encryption)).toMatchObject({
      enabled: false,
      observed: "SqsManagedSseEnabled=false without KmsMasterKeyId",
    });
  });

  it("an answer without SqsManagedSseEnabled and without a key is not taken for encryption", () => {
    expect(knownEncryption(storeOf(answers()).encryption)).toMatchObject({ enabled: false, observed: "SqsManagedSseEnabled=not set without KmsMasterKeyId" });
  });

  it("the policy attribute is the queue's resource policy", () => {
    const c = adaptSqs(answers({ attrs: { Policy: POLICY } }), adaptContext());
    expect(c.resourcePolicies).toEqual([
      { ref: c.stores![0]!.ref, target: ARN, service: "sqs", document: POLICY, origin: "the policy of SQS queue 'orders'", accountId: ACCOUNT },
    ]);
  });

  it("failed attribute and tag reads: encryption, policy and tags unknown, the queue still named by its URL", () => {
    const c = adaptSqs(answers({ attributes: failed("sqs", "sqs:GetQueueAttributes"), tags: failed("sqs", "sqs:ListQueueTags") }), adaptContext());
    const s = c.stores![0]!;
    expect(s.ref.id).toBe(ARN);
    expect(isUnknown(s.encryption) && s.encryption.reason).toBe("access-denied");
    expect(isUnknown(s.tags) && s.tags.detail).toMatch(/sqs:ListQueueTags/);
    const doc = c.resourcePolicies?.[0]?.document;
    expect(isUnknown(doc) && doc.reason).toBe("access-denied");
  });

  it("a queue deleted since it was listed is left out; a failed listing is a gap", () => {
    expect(adaptSqs(answers({ attributes: ok(undefined) }), adaptContext()).stores).toEqual([]);
    expect(adaptSqs({ region: REGION, queues: failed("sqs", "sqs:ListQueues") }, adaptContext()).gaps).toEqual([
      expect.objectContaining({ service: "sqs", what: "SQS queues", action: "sqs:ListQueues", reason: "access-denied" }),
    ]);
  });
});

describe("SQS parity with the Pulumi front", () => {
  it("defaults: SSE-SQS", () => {
    expectParity(storeOf(answers({ attrs: { SqsManagedSseEnabled: "true" } })), pulumiInventory({}).stores[0]);
  });

  it("a customer-managed key", () => {
    expectParity(storeOf(answers({ attrs: { KmsMasterKeyId: CMK_ARN } })), pulumiInventory({ kmsMasterKeyId: CMK_ARN }).stores[0]);
  });

  it("SSE turned off", () => {
    expectParity(storeOf(answers({ attrs: { SqsManagedSseEnabled: "false" } })), pulumiInventory({ sqsManagedSseEnabled: false }).stores[0]);
  });

  it("the policy, but for its target (the queue's model id: ARN here, URN there)", () => {
    const aws = adaptSqs(answers({ attrs: { Policy: POLICY } }), adaptContext()).resourcePolicies?.[0];
    const pulumi = pulumiInventory({ policy: POLICY }).resourcePolicies?.[0];
    expect(pulumi).toBeDefined();
    expect(withoutFrontDetails({ ...aws, target: undefined })).toEqual(withoutFrontDetails({ ...pulumi, target: undefined }));
  });
});
