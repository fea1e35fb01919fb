import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../../src/core/config";
import { unknown } from "../../../src/core/value";
import { restrictedDataEncryptedWithCustomerManagedKey as rule } from "../../../src/rules/encryption/restricted-data-encrypted-with-customer-managed-key";
import { CMK, run, statuses, store } from "../../helpers/models";

const awsOwned = { enabled: true, keyManager: "aws-owned" as const, observed: "AWS default encryption (SSE-S3)" };

describe("CDG-ENC-002 restricted-data-encrypted-with-customer-managed-key", () => {
  it.each([
    ["compliant: restricted with a CMK", store(), [], ["pass"]],
    ["not applicable: confidential data", store({ tags: { "data-classification": "confidential" } }), [], ["not-applicable"]],
    ["not applicable: untagged counts as confidential by default", store({ tags: undefined }), [], ["not-applicable"]],
    ["violation: restricted S3 bucket on SSE-S3 (AWS default)", store({ kind: "s3-bucket", encryption: awsOwned }), [], ["fail"]],
    ["violation: restricted with the AWS-managed key", store({ encryption: { ...CMK, keyManager: "aws-managed", keyId: "alias/aws/rds" } }), [], ["fail"]],
    ["violation: restricted and not encrypted", store({ encryption: { enabled: false, keyManager: undefined, observed: "storageEncrypted=false" } }), [], ["fail"]],
    ["violation: unrecognized classification is treated as restricted", store({ tags: { "data-classification": "top-secret" }, encryption: awsOwned }), [], ["fail"]],
    ["violation: confidential when configured to need a CMK", store({ tags: { "data-classification": "confidential" }, encryption: awsOwned }), ["confidential", "restricted"], ["fail"]],
    ["unknown: key computed in preview", store({ encryption: { ...CMK, keyManager: unknown("preview", "kmsKeyId is computed") } }), [], ["unknown"]],
    ["unknown: tags computed in preview", store({ tags: unknown("preview", "tags are computed") }), [], ["unknown"]],
  ])("%s", (_name, s, levels, expected) => {
    const options = levels.length ? { levels } : {};
    expect(statuses(run(rule, { stores: [s] }, options))).toEqual(expected);
  });

  it("names the key kind and the observed setting", () => {
    const [o] = run(rule, { stores: [store({ encryption: { ...CMK, keyManager: "aws-managed", keyId: "alias/aws/rds", observed: "storageEncrypted=true" } })] });
    expect(o?.message).toBe(
      "RDS instance 'db' (classified 'restricted') is encrypted with an AWS-managed KMS key alias/aws/rds (storageEncrypted=true), not a customer-managed KMS key",
    );
  });

  it("honours a configured classification tag key", () => {
    const config = { ...DEFAULT_CONFIG, tagKeys: { ...DEFAULT_CONFIG.tagKeys, classification: "sensitivity" } };
    const s = store({ tags: { sensitivity: "restricted" }, encryption: awsOwned });
    expect(statuses(run(rule, { stores: [s] }, {}, config))).toEqual(["fail"]);
  });
});
