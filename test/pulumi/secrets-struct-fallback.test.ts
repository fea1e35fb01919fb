// When @pulumi/policy's decoder cannot be hooked (a future version whose export is read-only), the
// pack reads the secrets from google-protobuf's Struct decoding instead, and redacts as well.
import { describe, expect, it } from "vitest";
import { MARK, secretCases } from "./secret-cases";

describe("secrets through the Struct fallback", () => {
  it("prints no secret through Analyze or AnalyzeStack", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const decoder = require("@pulumi/policy/deserialize") as Record<string, unknown>;
    Object.defineProperty(decoder, "deserializeProperties", { value: decoder.deserializeProperties, writable: false });
    // Loaded only now: loading the pack's policies installs the hooks.
    const { analyze, analyzeStack, textsOf } = await import("./in-process-analyzer");
    const { secretTracking } = await import("../../src/pulumi/shared-deserialization");
    expect(secretTracking()).toBe("struct");
    const resources = secretCases();
    const results = [...(await Promise.all(resources.map(analyze))), await analyzeStack(resources)];
    const texts = results.flatMap(textsOf);
    expect(texts.length).toBeGreaterThan(5);
    for (const text of texts) expect(text).not.toMatch(new RegExp(`${MARK}|AdministratorAccess|210987654321`, "i"));
    expect(texts.join("\n")).toContain("[secret]");
  });
});
