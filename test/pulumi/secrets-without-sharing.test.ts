// Redaction does not depend on sharing decoded properties: with sharing off, each policy's decoding
// still records the request's secrets.
import { describe, expect, it } from "vitest";
import { secretTracking, shareDeserialization } from "../../src/pulumi/shared-deserialization";
import { expectNoSecretPrinted } from "./in-process-analyzer";

describe("secrets with sharing disabled", () => {
  it("installs the decoder hook without sharing", () => {
    expect(shareDeserialization({ share: false })).toBe(false);
    expect(secretTracking()).toBe("decoder");
  });

  it("prints no secret through Analyze or AnalyzeStack", async () => {
    shareDeserialization({ share: false });
    await expectNoSecretPrinted();
  });
});
