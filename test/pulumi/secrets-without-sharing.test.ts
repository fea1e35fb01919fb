// Redaction does not depend on sharing decoded properties: with sharing off, each policy's decoding
// still records the request's secrets.
import { describe, expect, it } from "vitest";
import { secretTracking, shareDeserialization } from "../../src/pulumi/shared-deserialization";
import { analyze, analyzeStack, textsOf } from "./in-process-analyzer";
import { MARK, secretCases } from "./secret-cases";

describe("secrets with sharing disabled", () => {
  it("installs the decoder hook without sharing", () => {
    expect(shareDeserialization({ share: false })).toBe(false);
    expect(secretTracking()).toBe("decoder");
  });

  it("prints no secret through Analyze or AnalyzeStack", async () => {
    shareDeserialization({ share: false });
    const resources = secretCases();
    const results = [...(await Promise.all(resources.map(analyze))), await analyzeStack(resources)];
    const texts = results.flatMap(textsOf);
    expect(texts.length).toBeGreaterThan(5);
    for (const text of texts) expect(text).not.toMatch(new RegExp(`${MARK}|AdministratorAccess|210987654321`, "i"));
    expect(texts.join("\n")).toContain("[secret]");
  });
});
