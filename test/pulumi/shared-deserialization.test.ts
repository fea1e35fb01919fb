import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { describe, expect, it } from "vitest";
import { shareDeserialization } from "../../src/pulumi/shared-deserialization";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const policyDeserialize = require("@pulumi/policy/deserialize") as { deserializeProperties: (s: object, proxySecrets: boolean) => unknown };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const policyProxy = require("@pulumi/policy/proxy") as { unknownCheckingProxy: (target: unknown) => Record<string, unknown>; UnknownValueError: new (...a: never[]) => Error };
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

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

  it("gives every policy the same unknown-checking proxy of a shared object, which still refuses unknowns", () => {
    shareDeserialization();
    const props = { bucket: "orders", arn: UNKNOWN, tags: { team: UNKNOWN } };
    const proxy = policyProxy.unknownCheckingProxy(props);
    // Object.is: vitest's matchers would read the proxies' properties, and these refuse the unknown ones.
    expect(Object.is(policyProxy.unknownCheckingProxy(props), proxy)).toBe(true);
    expect(Object.is(policyProxy.unknownCheckingProxy({ ...props }), proxy)).toBe(false);
    expect(proxy.bucket).toBe("orders");
    expect(() => proxy.arn).toThrow(policyProxy.UnknownValueError);
    // The path of a nested unknown is still reported from the top.
    expect(() => (proxy.tags as Record<string, unknown>).team).toThrow(/tags\.team|tags,team/);
    expect(policyProxy.unknownCheckingProxy("text")).toBe("text");
  });

  it("wraps anew when sharing is off", () => {
    shareDeserialization({ share: false });
    try {
      const props = { bucket: "orders" };
      expect(Object.is(policyProxy.unknownCheckingProxy(props), policyProxy.unknownCheckingProxy(props))).toBe(false);
    } finally {
      shareDeserialization({ share: true });
    }
  });
});
