// With no way to see which values are secret (neither decoding hook can be installed), the pack
// prints no text taken from property values: each finding is told by the resource's own name (from
// its URN) and its kind of result, beside the policy's description.
import { describe, expect, it } from "vitest";
import { MARK, secretCases } from "./secret-cases";

describe("secrets when no decoding hook can be installed", () => {
  it("withholds every detail and keeps the rule and resource", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const decoder = require("@pulumi/policy/deserialize") as Record<string, unknown>;
    Object.defineProperty(decoder, "deserializeProperties", { value: decoder.deserializeProperties, writable: false });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Struct } = require("google-protobuf/google/protobuf/struct_pb") as { Struct: { prototype: Record<string, unknown> } };
    Object.defineProperty(Struct.prototype, "toJavaScript", { value: Struct.prototype.toJavaScript, writable: false });
    const { analyze, analyzeStack, textsOf } = await import("./in-process-analyzer");
    const { secretTracking } = await import("../../src/pulumi/shared-deserialization");
    expect(secretTracking()).toBe("none");
    const resources = secretCases();
    const results = [...(await Promise.all(resources.map(analyze))), await analyzeStack(resources)];
    const texts = results.flatMap(textsOf);
    for (const text of texts) expect(text).not.toMatch(new RegExp(`${MARK}|AdministratorAccess|210987654321`, "i"));
    const messages = texts.filter((t) => t.startsWith("[CDG-"));
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) expect(m).toMatch(/details withheld/);
    expect(messages.join("\n")).toMatch(/\[CDG-ENC-001\] 'db' violates this policy/);
  });
});
