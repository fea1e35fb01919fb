import type { StreamDescriptionSummary } from "@aws-sdk/client-kinesis";
import { describe, expect, it } from "vitest";
import { adaptKinesis } from "../../../src/adapters/aws/kinesis";
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import { isUnknown } from "../../../src/core/value";
import type { KinesisAnswers, KinesisStreamAnswers } from "../../../src/fetchers/aws/kinesis";
import type { DataStore } from "../../../src/models/data-store";
import { engineResource } from "../../helpers/engine";
import { knownEncryption, onlyStore } from "./contributions";
import { ACCOUNT, adaptContext, CMK_ARN, failed, ok, REGION } from "./fixtures";
import { expectParity } from "./parity";

const ARN = `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/clicks`;
const TAGS = { "data-classification": "restricted" };

const summary = (over: Partial<StreamDescriptionSummary>): StreamDescriptionSummary => ({
  StreamName: "clicks",
  StreamARN: ARN,
  StreamStatus: "ACTIVE",
  RetentionPeriodHours: 24,
  StreamCreationTimestamp: new Date(0),
  EnhancedMonitoring: [],
  OpenShardCount: 1,
  ...over,
});
const answers = (over: Partial<StreamDescriptionSummary> = {}, rest: Partial<KinesisStreamAnswers> = {}): KinesisAnswers => ({
  region: REGION,
  streams: ok([{ name: "clicks", arn: ARN, summary: ok(summary(over)), tags: ok([{ Key: "data-classification", Value: "restricted" }]), ...rest }]),
});
const storeOf = (raw: KinesisAnswers): DataStore => onlyStore(adaptKinesis(raw, adaptContext()));
const pulumiStream = (props: Record<string, unknown>) =>
  buildInventory([engineResource("aws:kinesis/stream:Stream", "clicks", { name: "clicks", tags: TAGS, ...props })]).stores[0];

describe("Kinesis data streams from DescribeStreamSummary", () => {
  it("EncryptionType NONE: not encrypted; named by its ARN", () => {
    const s = storeOf(answers({ EncryptionType: "NONE" }));
    expect(s.ref).toMatchObject({ id: ARN, type: "AWS::Kinesis::Stream", name: "clicks", label: "Kinesis data stream", account: ACCOUNT });
    expect(s).toMatchObject({ kind: "kinesis-stream", physicalName: "clicks", tags: TAGS });
    expect(knownEncryption(s.encryption)).toMatchObject({ enabled: false, observed: "EncryptionType=NONE" });
  });

  it("KMS with a customer-managed key; KMS with alias/aws/kinesis is AWS-managed", () => {
    expect(knownEncryption(storeOf(answers({ EncryptionType: "KMS", KeyId: CMK_ARN })).encryption)).toMatchObject({ keyManager: "customer-managed", keyRef: CMK_ARN });
    const managed = knownEncryption(storeOf(answers({ EncryptionType: "KMS", KeyId: "alias/aws/kinesis" })).encryption);
    expect(managed).toMatchObject({ enabled: true, keyManager: "aws-managed" });
    expect(managed.keyId).toBeUndefined();
  });

  it("an EncryptionType it does not know is an error, not a verdict", () => {
    const e = storeOf(answers({ EncryptionType: "ROT13" as never })).encryption;
    expect(isUnknown(e) && e.reason).toBe("error");
  });

  it("failed reads: encryption and tags unknown; a gone stream left out; a failed listing a gap", () => {
    const s = storeOf(answers({}, { summary: failed("kinesis", "kinesis:DescribeStreamSummary"), tags: failed("kinesis", "kinesis:ListTagsForStream") }));
    expect(isUnknown(s.encryption) && s.encryption.reason).toBe("access-denied");
    expect(isUnknown(s.tags)).toBe(true);
    expect(adaptKinesis(answers({}, { summary: ok(undefined) }), adaptContext()).stores).toEqual([]);
    expect(adaptKinesis({ region: REGION, streams: failed("kinesis", "kinesis:ListStreams") }, adaptContext()).gaps).toEqual([
      expect.objectContaining({ what: "Kinesis data streams", action: "kinesis:ListStreams" }),
    ]);
  });
});

describe("Kinesis parity with the Pulumi front", () => {
  it("defaults: not encrypted", () => {
    expectParity(storeOf(answers({ EncryptionType: "NONE" })), pulumiStream({}));
  });

  it("a customer-managed key", () => {
    expectParity(storeOf(answers({ EncryptionType: "KMS", KeyId: CMK_ARN })), pulumiStream({ encryptionType: "KMS", kmsKeyId: CMK_ARN }));
  });

  it("the AWS-managed key", () => {
    expectParity(storeOf(answers({ EncryptionType: "KMS", KeyId: "alias/aws/kinesis" })), pulumiStream({ encryptionType: "KMS", kmsKeyId: "alias/aws/kinesis" }));
  });
});
