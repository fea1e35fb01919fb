import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { describe, expect, it } from "vitest";
import { shareDeserialization } from "../../src/pulumi/shared-deserialization";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const policyDeserialize = require("@pulumi/policy/deserialize") as { deserializeProperties: (s: object, proxySecrets: boolean) => unknown };

describe("shared deserialization", () => {
  it("is installed into @pulumi/policy's own module, so its server uses it", () => {
    expect(shareDeserialization()).toBe(true);
    expect(shareDeserialization()).toBe(true);
  });

  it("decodes one request Struct once for every policy, and another Struct anew", () => {
    shareDeserialization();
    const struct = Struct.fromJavaScript({ bucket: "orders", tags: { "data-classification": "restricted" } });
    const first = policyDeserialize.deserializeProperties(struct, false);
    expect(first).toEqual({ bucket: "orders", tags: { "data-classification": "restricted" } });
    expect(policyDeserialize.deserializeProperties(struct, false)).toBe(first);
    const other = Struct.fromJavaScript({ bucket: "orders", tags: { "data-classification": "restricted" } });
    expect(policyDeserialize.deserializeProperties(other, false)).not.toBe(first);
  });

  it("keeps secret-preserving decoding (remediations) unshared", () => {
    shareDeserialization();
    const struct = Struct.fromJavaScript({ a: 1 });
    expect(policyDeserialize.deserializeProperties(struct, true)).not.toBe(policyDeserialize.deserializeProperties(struct, true));
  });
});
