// When @pulumi/policy's decoder cannot be hooked (a future version whose export is read-only), the
// pack reads the secrets from google-protobuf's Struct decoding instead, and redacts as well.
import { describe, expect, it } from "vitest";

describe("secrets through the Struct fallback", () => {
  it("prints no secret through Analyze or AnalyzeStack", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const decoder = require("@pulumi/policy/deserialize") as Record<string, unknown>;
    Object.defineProperty(decoder, "deserializeProperties", { value: decoder.deserializeProperties, writable: false });
    // Loaded only now: loading the pack's policies installs the hooks.
    const { expectNoSecretPrinted } = await import("./in-process-analyzer");
    const { secretTracking } = await import("../../src/pulumi/shared-deserialization");
    expect(secretTracking()).toBe("struct");
    await expectNoSecretPrinted();
  });
});
