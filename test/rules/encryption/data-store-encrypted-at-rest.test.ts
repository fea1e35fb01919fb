import { describe, expect, it } from "vitest";
import { unknown } from "../../../src/core/value";
import { dataStoreEncryptedAtRest as rule } from "../../../src/rules/encryption/data-store-encrypted-at-rest";
import { CMK, run, statuses, store } from "../../helpers/models";

describe("CDG-ENC-001 data-store-encrypted-at-rest", () => {
  it.each([
    ["compliant: encrypted with a customer-managed key", store(), ["pass"]],
    ["compliant: AWS-managed key is still encrypted", store({ encryption: { ...CMK, keyManager: "aws-managed" } }), ["pass"]],
    ["compliant: encrypted by default (S3)", store({ kind: "s3-bucket", encryption: { enabled: true, keyManager: "aws-owned", observed: "AWS default" } }), ["pass"]],
    ["violation: not encrypted", store({ encryption: { enabled: false, keyManager: undefined, observed: "storageEncrypted=false" } }), ["fail"]],
    ["violation: one block device of an instance unencrypted", store({ parts: [{ name: "root block device", encryption: CMK }, { name: "ebsBlockDevices[0]", encryption: { enabled: false, keyManager: undefined, observed: "encrypted not set" } }] }), ["pass", "pass", "fail"]],
    ["unknown: encryption switch computed in preview", store({ encryption: { ...CMK, enabled: unknown("preview", "storageEncrypted is computed") } }), ["unknown"]],
    ["unknown: whole setting malformed", store({ encryption: unknown("error", "property 'x' should be an object") }), ["unknown"]],
  ])("%s", (_name, s, expected) => {
    expect(statuses(run(rule, { stores: [s] }))).toEqual(expected);
  });

  it("names the resource and the observed value in a violation", () => {
    const [o] = run(rule, { stores: [store({ encryption: { enabled: false, keyManager: undefined, observed: "storageEncrypted=false" } })] });
    expect(o?.message).toBe("RDS instance 'db' is not encrypted at rest (storageEncrypted=false)");
  });

  it("says why a value was not assessed", () => {
    const [o] = run(rule, { stores: [store({ encryption: unknown("preview", "storageEncrypted of db is computed during the update") })] });
    expect(o).toMatchObject({ status: "unknown", reason: "preview" });
    expect(o?.message).toContain("storageEncrypted of db is computed");
  });
});

describe("CDG-ENC-001 on stores that are their parts", () => {
  it("judges each block device once, not the instance summary again", () => {
    const off = { enabled: false, keyManager: undefined, observed: "encrypted not set" };
    const s = store({ kind: "ec2-instance", encryption: off, parts: [{ name: "root block device", encryption: CMK }, { name: "ebsBlockDevices[0]", encryption: off }] });
    expect(run(rule, { stores: [s] }).map((o) => `${o.status} ${o.message}`)).toEqual([
      "pass RDS instance 'db' root block device is encrypted at rest (storageEncrypted=true with kmsKeyId)",
      "fail RDS instance 'db' ebsBlockDevices[0] is not encrypted at rest (encrypted not set)",
    ]);
  });
});
