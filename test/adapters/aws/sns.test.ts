import { describe, expect, it } from "vitest";
import { adaptSns } from "../../../src/adapters/aws/sns";
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import { isUnknown } from "../../../src/core/value";
import type { SnsAnswers, SnsTopicAnswers } from "../../../src/fetchers/aws/sns";
import type { DataStore } from "../../../src/models/data-store";
import { engineResource } from "../../helpers/engine";
import { knownEncryption, onlyStore } from "./contributions";
import { ACCOUNT, adaptContext, CMK_ARN, failed, ok, REGION } from "./fixtures";
import { expectParity, withoutFrontDetails } from "./parity";

const ARN = `arn:aws:sns:${REGION}:${ACCOUNT}:alerts`;
const POLICY = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "sns:Subscribe", Resource: ARN }] });
const TAGS = { "data-classification": "confidential" };

const answers = (topic: Partial<SnsTopicAnswers> & { attrs?: Record<string, string> } = {}): SnsAnswers => {
  const { attrs, ...rest } = topic;
  return { region: REGION, topics: ok([{ arn: ARN, attributes: ok({ TopicArn: ARN, ...attrs }), tags: ok([{ Key: "data-classification", Value: "confidential" }]), ...rest }]) };
};
const storeOf = (raw: SnsAnswers, ctx = adaptContext()): DataStore => onlyStore(adaptSns(raw, ctx));
const pulumiInventory = (props: Record<string, unknown>) =>
  buildInventory([engineResource("aws:sns/topic:Topic", "alerts", { name: "alerts", arn: ARN, tags: TAGS, ...props })]);

describe("SNS topics from GetTopicAttributes", () => {
  it("without KmsMasterKeyId: not encrypted; named by its ARN", () => {
    const s = storeOf(answers());
    expect(s.ref).toMatchObject({ id: ARN, type: "AWS::SNS::Topic", name: "alerts", label: "SNS topic", account: ACCOUNT, region: REGION });
    expect(s).toMatchObject({ kind: "sns-topic", physicalName: "alerts", tags: TAGS });
    expect(knownEncryption(s.encryption)).toMatchObject({ enabled: false, observed: "KmsMasterKeyId not set" });
  });

  it("a customer-managed key, and alias/aws/sns as AWS-managed", () => {
    expect(knownEncryption(storeOf(answers({ attrs: { KmsMasterKeyId: CMK_ARN } })).encryption)).toMatchObject({ keyManager: "customer-managed", keyRef: CMK_ARN });
    expect(knownEncryption(storeOf(answers({ attrs: { KmsMasterKeyId: "alias/aws/sns" } })).encryption)).toMatchObject({ keyManager: "aws-managed" });
  });

  it("a key KMS did not describe: its manager unknown", () => {
    const km = knownEncryption(storeOf(answers({ attrs: { KmsMasterKeyId: "alias/team-key" } }), adaptContext({})).encryption).keyManager;
    expect(isUnknown(km) && km.reason).toBe("access-denied");
  });

  it("the topic policy governs the topic", () => {
    expect(adaptSns(answers({ attrs: { Policy: POLICY } }), adaptContext()).resourcePolicies).toEqual([
      expect.objectContaining({ target: ARN, service: "sns", document: POLICY, origin: "the policy of SNS topic 'alerts'", accountId: ACCOUNT }),
    ]);
  });

  it("failed calls: unknown encryption, policy and tags; a failed listing is a gap", () => {
    const c = adaptSns(answers({ attributes: failed("sns", "sns:GetTopicAttributes"), tags: failed("sns", "sns:ListTagsForResource") }), adaptContext());
    const s = c.stores![0]!;
    expect(isUnknown(s.encryption) && s.encryption.reason).toBe("access-denied");
    expect(isUnknown(s.tags)).toBe(true);
    expect(isUnknown(c.resourcePolicies?.[0]?.document)).toBe(true);
    expect(adaptSns({ region: REGION, topics: failed("sns", "sns:ListTopics") }, adaptContext()).gaps).toEqual([
      expect.objectContaining({ what: "SNS topics", action: "sns:ListTopics", reason: "access-denied" }),
    ]);
  });

  it("a topic deleted since it was listed is left out", () => {
    expect(adaptSns(answers({ attributes: ok(undefined) }), adaptContext()).stores).toEqual([]);
  });
});

describe("SNS parity with the Pulumi front", () => {
  it("defaults: not encrypted", () => {
    expectParity(storeOf(answers()), pulumiInventory({}).stores[0]);
  });

  it("a customer-managed key", () => {
    expectParity(storeOf(answers({ attrs: { KmsMasterKeyId: CMK_ARN } })), pulumiInventory({ kmsMasterKeyId: CMK_ARN }).stores[0]);
  });

  it("the policy, but for its target", () => {
    const aws = adaptSns(answers({ attrs: { Policy: POLICY } }), adaptContext()).resourcePolicies?.[0];
    const pulumi = pulumiInventory({ policy: POLICY }).resourcePolicies?.[0];
    expect(pulumi).toBeDefined();
    expect(withoutFrontDetails({ ...aws, target: undefined })).toEqual(withoutFrontDetails({ ...pulumi, target: undefined }));
  });
});
