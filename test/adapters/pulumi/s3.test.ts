import { describe, expect, it } from "vitest";
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import { isUnknown } from "../../../src/core/value";
import { engineResource, UNKNOWN, urnOf } from "../../helpers/engine";

const KEY = "aws:kms/key:Key";
const storeOf = (...rs: Parameters<typeof engineResource>[]) => {
  const inv = buildInventory(rs.map((r) => engineResource(...r)));
  const store = inv.stores[0];
  if (!store) throw new Error("no store");
  return store;
};

describe("S3 bucket adapter", () => {
  it("v7 Bucket without settings gets AWS default SSE-S3", () => {
    const s = storeOf(["aws:s3/bucket:Bucket", "b", {}]);
    expect(s.kind).toBe("s3-bucket");
    expect(s.encryption).toMatchObject({ enabled: true, keyManager: "aws-owned" });
  });

  it("v6/v7 inline singular rule with aws:kms and a key from a KMS key resource (preview)", () => {
    const s = storeOf([
      "aws:s3/bucket:Bucket",
      "b",
      { serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN } } } },
      { serverSideEncryptionConfiguration: [urnOf(KEY, "k")] },
    ]);
    expect(s.encryption).toMatchObject({ enabled: true, keyManager: "customer-managed", keyRef: urnOf(KEY, "k") });
  });

  it("v6 BucketV2 plural lists with aws:kms and no key means the AWS-managed aws/s3 key", () => {
    const s = storeOf([
      "aws:s3/bucketV2:BucketV2",
      "b",
      { serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: "aws:kms" }] }] }] },
    ]);
    expect(s.encryption).toMatchObject({ enabled: true, keyManager: "aws-managed" });
  });

  it("v7 split configuration joins its bucket through propertyDependencies", () => {
    const inv = buildInventory([
      engineResource("aws:s3/bucket:Bucket", "b", {}),
      engineResource(
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "b-sse",
        { bucket: UNKNOWN, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN } }] },
        { bucket: [urnOf("aws:s3/bucket:Bucket", "b")], rules: [urnOf(KEY, "k")] },
      ),
    ]);
    expect(inv.stores).toHaveLength(1);
    expect(inv.stores[0]?.encryption).toMatchObject({ keyManager: "customer-managed", keyRef: urnOf(KEY, "k") });
  });

  it("v6 split V2 alias joins by known bucket name", () => {
    const inv = buildInventory([
      engineResource("aws:s3/bucketV2:BucketV2", "b", { bucket: "acme-data" }),
      engineResource(
        "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
        "b-sse",
        { bucket: "acme-data", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "alias/aws/s3" } }] },
      ),
    ]);
    expect(inv.stores[0]?.encryption).toMatchObject({ keyManager: "aws-managed", keyId: "alias/aws/s3" });
  });

  it("an unknown algorithm is unknown (preview), never judged", () => {
    const s = storeOf([
      "aws:s3/bucket:Bucket",
      "b",
      { serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: UNKNOWN } } } },
    ]);
    expect(isUnknown(s.encryption) && s.encryption.reason).toBe("preview");
  });

  it("a string where the configuration object belongs is a named error, not a crash", () => {
    const s = storeOf(["aws:s3/bucket:Bucket", "b", { serverSideEncryptionConfiguration: { rule: "AES256" } }]);
    expect(isUnknown(s.encryption) && s.encryption.reason).toBe("error");
    expect(isUnknown(s.encryption) && s.encryption.detail).toMatch(/serverSideEncryptionConfiguration\.rule.*should be a list or an object, got string/);
  });

  it("aws-native bucket with a KMS key literal ARN", () => {
    const arn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const s = storeOf([
      "aws-native:s3:Bucket",
      "b",
      { bucketEncryption: { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: arn } }] }, tags: [{ key: "data-classification", value: "restricted" }] },
    ]);
    expect(s.encryption).toMatchObject({ keyManager: "customer-managed", keyId: arn });
    expect(s.tags).toEqual({ "data-classification": "restricted" });
  });
});

describe("planned state (AnalyzeStack in preview)", () => {
  it("an unknown no resource feeds is a provider-computed default: the bucket keeps AWS's SSE-S3", () => {
    const r = { ...engineResource("aws:s3/bucket:Bucket", "b", { serverSideEncryptionConfiguration: UNKNOWN }), plannedState: true };
    expect(buildInventory([r]).stores[0]?.encryption).toMatchObject({ enabled: true, keyManager: "aws-owned" });
  });

  it("an unknown fed by another resource stays unknown", () => {
    const r = {
      ...engineResource(
        "aws:rds/instance:Instance",
        "db",
        { storageEncrypted: true, kmsKeyId: UNKNOWN },
        { kmsKeyId: [urnOf("aws:ec2/instance:Instance", "not-a-key")] },
      ),
      plannedState: true,
    };
    expect(isUnknown((buildInventory([r]).stores[0]?.encryption as { keyManager: unknown }).keyManager)).toBe(true);
  });

  it("outside planned state (Analyze inputs) every unknown stays unknown", () => {
    const r = engineResource("aws:s3/bucket:Bucket", "b", { serverSideEncryptionConfiguration: UNKNOWN });
    expect(isUnknown(buildInventory([r]).stores[0]?.encryption)).toBe(true);
  });
});
