import { describe, expect, it } from "vitest";
import { adaptFirehose } from "../../../src/adapters/aws/firehose";
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import { isUnknown } from "../../../src/core/value";
import type { DeliveryStreamAnswers, DeliveryStreamSummary, FirehoseAnswers } from "../../../src/fetchers/aws/firehose";
import type { DataStore } from "../../../src/models/data-store";
import { engineResource } from "../../helpers/engine";
import { knownEncryption, onlyStore } from "./contributions";
import { ACCOUNT, adaptContext, CMK_ARN, failed, ok, REGION } from "./fixtures";
import { expectParity } from "./parity";

const ARN = `arn:aws:firehose:${REGION}:${ACCOUNT}:deliverystream/events`;
const TAGS = { "data-classification": "restricted" };

const answers = (over: Partial<DeliveryStreamSummary> = {}, rest: Partial<DeliveryStreamAnswers> = {}): FirehoseAnswers => ({
  region: REGION,
  streams: ok([
    {
      name: "events",
      stream: ok({ DeliveryStreamName: "events", DeliveryStreamARN: ARN, DeliveryStreamType: "DirectPut", ...over }),
      tags: ok([{ Key: "data-classification", Value: "restricted" }]),
      ...rest,
    },
  ]),
});
const storeOf = (raw: FirehoseAnswers, ctx = adaptContext()): DataStore => onlyStore(adaptFirehose(raw, ctx));
const pulumiStream = (props: Record<string, unknown>) =>
  buildInventory([
    engineResource("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "events", { name: "events", destination: "extended_s3", tags: TAGS, ...props }),
  ]).stores[0]!;

describe("Firehose delivery streams from DescribeDeliveryStream", () => {
  it("encryption disabled: not encrypted; named by its ARN", () => {
    const s = storeOf(answers({ DeliveryStreamEncryptionConfiguration: { Status: "DISABLED" } }));
    expect(s.ref).toMatchObject({ id: ARN, type: "AWS::KinesisFirehose::DeliveryStream", name: "events", label: "Firehose delivery stream" });
    expect(s).toMatchObject({ kind: "firehose-delivery-stream", physicalName: "events", tags: TAGS });
    expect(knownEncryption(s.encryption)).toMatchObject({ enabled: false, observed: "DeliveryStreamEncryptionConfiguration.Status=DISABLED" });
  });

  it("enabled with an AWS-owned key, and with a customer-managed key (the key type decides, without KMS)", () => {
    expect(knownEncryption(storeOf(answers({ DeliveryStreamEncryptionConfiguration: { Status: "ENABLED", KeyType: "AWS_OWNED_CMK" } })).encryption)).toMatchObject({
      enabled: true,
      keyManager: "aws-owned",
    });
    const cmk = storeOf(answers({ DeliveryStreamEncryptionConfiguration: { Status: "ENABLED", KeyType: "CUSTOMER_MANAGED_CMK", KeyARN: CMK_ARN } }), adaptContext({}));
    expect(knownEncryption(cmk.encryption)).toMatchObject({ enabled: true, keyManager: "customer-managed", keyId: CMK_ARN });
  });

  it("encryption still being enabled, or failed to enable, is not encryption yet", () => {
    for (const Status of ["ENABLING", "ENABLING_FAILED"] as const) {
      expect(knownEncryption(storeOf(answers({ DeliveryStreamEncryptionConfiguration: { Status, KeyType: "AWS_OWNED_CMK" } })).encryption).enabled).toBe(false);
    }
  });

  it("a stream reading from a Kinesis stream or MSK takes its source's encryption", () => {
    for (const DeliveryStreamType of ["KinesisStreamAsSource", "MSKAsSource"] as const) {
      const s = storeOf(answers({ DeliveryStreamType }));
      expect(s.encryptionFrom).toBe("source");
      expect(isUnknown(s.encryption) && s.encryption.reason).toBe("not-fetched");
    }
  });

  it("failed reads: encryption and tags unknown; a failed listing is a gap", () => {
    const s = storeOf(answers({}, { stream: failed("firehose", "firehose:DescribeDeliveryStream"), tags: failed("firehose", "firehose:ListTagsForDeliveryStream") }));
    expect(s.ref.id).toBe(ARN);
    expect(isUnknown(s.encryption) && s.encryption.reason).toBe("access-denied");
    expect(isUnknown(s.tags)).toBe(true);
    expect(adaptFirehose({ region: REGION, streams: failed("firehose", "firehose:ListDeliveryStreams") }, adaptContext()).gaps).toEqual([
      expect.objectContaining({ what: "Firehose delivery streams", action: "firehose:ListDeliveryStreams" }),
    ]);
  });
});

describe("Firehose parity with the Pulumi front", () => {
  it("defaults: not encrypted", () => {
    expectParity(storeOf(answers({ DeliveryStreamEncryptionConfiguration: { Status: "DISABLED" } })), pulumiStream({}));
  });

  it("an AWS-owned key", () => {
    expectParity(
      storeOf(answers({ DeliveryStreamEncryptionConfiguration: { Status: "ENABLED", KeyType: "AWS_OWNED_CMK" } })),
      pulumiStream({ serverSideEncryption: { enabled: true } }),
    );
  });

  it("a customer-managed key", () => {
    expectParity(
      storeOf(answers({ DeliveryStreamEncryptionConfiguration: { Status: "ENABLED", KeyType: "CUSTOMER_MANAGED_CMK", KeyARN: CMK_ARN } })),
      pulumiStream({ serverSideEncryption: { enabled: true, keyType: "CUSTOMER_MANAGED_CMK", keyArn: CMK_ARN } }),
    );
  });

  it("a Kinesis source: both take the source's encryption (the Unknown's detail names each front's setting)", () => {
    const aws = storeOf(answers({ DeliveryStreamType: "KinesisStreamAsSource" }));
    const pulumi = pulumiStream({ kinesisSourceConfiguration: { kinesisStreamArn: `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/clicks`, roleArn: "r" } });
    expect(aws.encryptionFrom).toBe(pulumi.encryptionFrom);
    expect(isUnknown(aws.encryption) && isUnknown(pulumi.encryption) && [aws.encryption.reason, pulumi.encryption.reason]).toEqual(["not-fetched", "not-fetched"]);
    expectParity({ ...aws, encryption: undefined }, { ...pulumi, encryption: undefined });
  });
});
