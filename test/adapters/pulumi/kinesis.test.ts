import { describe, expect, it } from "vitest";
import { engineResource, UNKNOWN } from "../../helpers/engine";
import { KEY_ARN, KEY_URN, MARKER, stackOf, storeCases, storeOf, type StoreCase } from "./store-cases";

const STREAM = "aws:kinesis/stream:Stream";
const FIREHOSE = "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream";

describe("Kinesis adapters (v6 and v7 share the shape)", () => {
  describe("data stream", () => {
    storeCases("kinesis-stream", [
      { type: STREAM, name: "KMS with a CMK from a key resource (preview)", props: { encryptionType: "KMS", kmsKeyId: UNKNOWN }, deps: { kmsKeyId: [KEY_URN] }, expect: { enabled: true, keyManager: "customer-managed", keyRef: KEY_URN } },
      { type: STREAM, name: "KMS with a CMK by ARN", props: { encryptionType: "KMS", kmsKeyId: KEY_ARN }, expect: { keyManager: "customer-managed", keyId: KEY_ARN } },
      { type: STREAM, name: "KMS with alias/aws/kinesis (v6 docs)", props: { encryptionType: "KMS", kmsKeyId: "alias/aws/kinesis" }, expect: { enabled: true, keyManager: "aws-managed" } },
      { type: STREAM, name: "KMS with aws/kinesis (v7 docs)", props: { encryptionType: "KMS", kmsKeyId: "aws/kinesis" }, expect: { enabled: true, keyManager: "aws-managed" } },
      { type: STREAM, name: "NONE", props: { encryptionType: "NONE" }, expect: { enabled: false, keyManager: null } },
      { type: STREAM, name: "NONE with a key stays unencrypted", props: { encryptionType: "NONE", kmsKeyId: KEY_ARN }, expect: { enabled: false } },
      { type: STREAM, name: "not set: NONE", props: {}, expect: { enabled: false, observed: /not set/ } },
      { type: STREAM, name: "type computed", props: { encryptionType: UNKNOWN, kmsKeyId: KEY_ARN }, expect: { enabled: "preview" } },
      { type: STREAM, name: "key computed without a key resource", props: { encryptionType: "KMS", kmsKeyId: UNKNOWN }, expect: { enabled: true, keyManager: "preview" } },
      { type: STREAM, name: "type another string (wrong value)", props: { encryptionType: MARKER }, expect: { unknown: "error", detail: /'encryptionType'.*should be NONE or KMS/ } },
      { type: STREAM, name: "type a boolean (wrong type)", props: { encryptionType: true }, expect: { enabled: "error", detail: /'encryptionType'.*should be a string/ } },
    ]);

    it("is named by name", () => {
      expect(storeOf(STREAM, { name: "clicks" }).physicalName).toBe("clicks");
    });
  });

  describe("Firehose delivery stream", () => {
    const sse = (v: unknown) => ({ destination: "extended_s3", serverSideEncryption: v });
    const cases: StoreCase[] = [
      { type: FIREHOSE, name: "customer-managed key from a key resource (preview)", props: sse({ enabled: true, keyType: "CUSTOMER_MANAGED_CMK", keyArn: UNKNOWN }), deps: { serverSideEncryption: [KEY_URN] }, expect: { enabled: true, keyManager: "customer-managed", keyRef: KEY_URN } },
      { type: FIREHOSE, name: "customer-managed key by ARN", props: sse({ enabled: true, keyType: "CUSTOMER_MANAGED_CMK", keyArn: KEY_ARN }), expect: { keyManager: "customer-managed", keyId: KEY_ARN } },
      { type: FIREHOSE, name: "AWS-owned key type", props: sse({ enabled: true, keyType: "AWS_OWNED_CMK" }), expect: { enabled: true, keyManager: "aws-owned" } },
      { type: FIREHOSE, name: "enabled, key type not set: AWS-owned", props: sse({ enabled: true }), expect: { enabled: true, keyManager: "aws-owned" } },
      { type: FIREHOSE, name: "disabled", props: sse({ enabled: false }), expect: { enabled: false } },
      { type: FIREHOSE, name: "enabled not set", props: sse({ keyType: "AWS_OWNED_CMK" }), expect: { enabled: false } },
      { type: FIREHOSE, name: "block absent", props: { destination: "extended_s3" }, expect: { enabled: false, observed: /not set/ } },
      { type: FIREHOSE, name: "block as a one-element list", props: sse([{ enabled: true }]), expect: { enabled: true } },
      { type: FIREHOSE, name: "block computed", props: sse(UNKNOWN), expect: { unknown: "preview" } },
      { type: FIREHOSE, name: "switch computed", props: sse({ enabled: UNKNOWN }), expect: { enabled: "preview" } },
      { type: FIREHOSE, name: "key type computed", props: sse({ enabled: true, keyType: UNKNOWN }), expect: { enabled: true, keyManager: "preview" } },
      { type: FIREHOSE, name: "key type another string (wrong value)", props: sse({ enabled: true, keyType: MARKER }), expect: { unknown: "error", detail: /'serverSideEncryption\.keyType'/ } },
      { type: FIREHOSE, name: "block a string (wrong type)", props: sse(MARKER), expect: { unknown: "error", detail: /'serverSideEncryption'.*should be an object/ } },
      { type: FIREHOSE, name: "switch a number (wrong type)", props: sse({ enabled: 1 }), expect: { enabled: "error" } },
      { type: FIREHOSE, name: "reading from a Kinesis stream: the stream's encryption", props: { destination: "extended_s3", kinesisSourceConfiguration: { kinesisStreamArn: UNKNOWN } }, expect: { unknown: "not-fetched", detail: /kinesisSourceConfiguration/ } },
      { type: FIREHOSE, name: "reading from MSK: the cluster's encryption", props: { destination: "extended_s3", mskSourceConfiguration: { mskClusterArn: UNKNOWN } }, expect: { unknown: "not-fetched" } },
    ];
    storeCases("firehose-delivery-stream", cases);

    it("a stream and its delivery stream are two stores", () => {
      const stack = stackOf(
        engineResource(STREAM, "clicks", { name: "clicks", encryptionType: "KMS", kmsKeyId: KEY_ARN }),
        engineResource(FIREHOSE, "to-s3", { name: "to-s3", destination: "extended_s3" }),
      );
      expect([...stack.keys()]).toEqual(["clicks", "to-s3"]);
      expect(stack.get("to-s3")?.physicalName).toBe("to-s3");
    });
  });
});
