import { describe, expect, it } from "vitest";
import { unknown } from "../../src/core/value";
import { encryptedWith, notEncrypted } from "../../src/encryption/at-rest";
import { encryptionOfParts } from "../../src/encryption/parts";
import type { EncryptedPart, EncryptionAtRest } from "../../src/models/data-store";

const cmk = (keyRef: string, keyId?: string): EncryptionAtRest => ({
  ...encryptedWith("customer-managed", "encrypted with kmsKeyId"),
  keyRef,
  ...(keyId ? { keyId } : {}),
});
const part = (name: string, encryption: EncryptedPart["encryption"]): EncryptedPart => ({ name, encryption });
const NONE = notEncrypted("no parts");
const PREVIEW = unknown("preview", "encrypted is computed");

describe("encryptionOfParts", () => {
  it("a store without parts is `none`", () => {
    expect(encryptionOfParts([], "block devices", NONE)).toBe(NONE);
  });

  it("compliant: every part encrypted with one key keeps that key", () => {
    const e = encryptionOfParts([part("root", cmk("urn:k", "alias/app")), part("data", cmk("urn:k", "alias/app"))], "block devices", NONE);
    expect(e).toEqual({ enabled: true, keyManager: "customer-managed", keyRef: "urn:k", keyId: "alias/app", observed: "all 2 block devices encrypted" });
  });

  it("parts under different keys: the weakest manager, and no shared key", () => {
    const e = encryptionOfParts([part("root", cmk("urn:k")), part("data", encryptedWith("aws-managed", "no key"))], "block devices", NONE);
    expect(e).toEqual({ enabled: true, keyManager: "aws-managed", observed: "all 2 block devices encrypted" });
  });

  it("violating: one unencrypted part decides, even beside an unknown one", () => {
    const e = encryptionOfParts([part("root", PREVIEW), part("data", notEncrypted("encrypted=false"))], "block devices", NONE);
    expect(e).toEqual(notEncrypted("data not encrypted (encrypted=false)"));
  });

  it("unknown: a part whose encryption or switch is unknown makes the store unknown", () => {
    expect(encryptionOfParts([part("root", cmk("urn:k")), part("data", PREVIEW)], "replicas", NONE)).toBe(PREVIEW);
    const switchUnknown: EncryptionAtRest = { enabled: PREVIEW, keyManager: PREVIEW, observed: "encrypted unknown" };
    expect(encryptionOfParts([part("data", switchUnknown)], "replicas", NONE)).toBe(PREVIEW);
  });

  it("an unknown key manager makes the manager unknown, unless another part is AWS-owned", () => {
    const keyUnknown: EncryptionAtRest = { enabled: true, keyManager: PREVIEW, observed: "kmsKeyId unknown" };
    const managers = (other: EncryptionAtRest) => {
      const e = encryptionOfParts([part("a", keyUnknown), part("b", other)], "replicas", NONE);
      return typeof e === "object" && "keyManager" in e ? e.keyManager : e;
    };
    expect(managers(cmk("urn:k"))).toBe(PREVIEW);
    expect(managers(encryptedWith("aws-owned", "AWS-owned key"))).toBe("aws-owned");
  });
});
