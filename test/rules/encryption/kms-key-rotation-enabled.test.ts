import { describe, expect, it } from "vitest";
import { unknown } from "../../../src/core/value";
import { kmsKeyRotationEnabled as rule } from "../../../src/rules/encryption/kms-key-rotation-enabled";
import { key, run, statuses } from "../../helpers/models";

describe("CDG-ENC-003 kms-key-rotation-enabled", () => {
  it.each([
    ["compliant: rotation on", key(), "pass"],
    ["violation: rotation off", key({ rotationEnabled: false }), "fail"],
    ["not applicable: asymmetric key", key({ spec: "RSA_2048", usage: "SIGN_VERIFY", rotationEnabled: false }), "not-applicable"],
    ["not applicable: HMAC key", key({ spec: "HMAC_256", usage: "GENERATE_VERIFY_MAC", rotationEnabled: false }), "not-applicable"],
    ["not applicable: imported key material", key({ origin: "EXTERNAL", rotationEnabled: false }), "not-applicable"],
    ["not applicable: external key store", key({ origin: "EXTERNAL_KEY_STORE", rotationEnabled: false }), "not-applicable"],
    ["unknown: rotation computed", key({ rotationEnabled: unknown("preview", "enableKeyRotation is computed") }), "unknown"],
    ["unknown: spec computed", key({ spec: unknown("preview", "customerMasterKeySpec is computed") }), "unknown"],
  ])("%s", (_name, k, expected) => {
    expect(statuses(run(rule, { keys: [k] }))).toEqual([expected]);
  });

  it("names the key in a violation", () => {
    expect(run(rule, { keys: [key({ rotationEnabled: false })] })[0]?.message).toBe(
      "KMS key 'key' does not rotate automatically (enableKeyRotation=false)",
    );
  });
});
