// The decoding hook, as @pulumi/policy's server calls it: secrets recorded from the request Struct
// whether the decoded properties are shared or not.
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { describe, expect, it } from "vitest";
import { secret } from "../../src/engine-client/wire";
import { requestSecretTexts } from "../../src/pulumi/request-secrets";
import { secretTracking, shareDeserialization } from "../../src/pulumi/shared-deserialization";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const policyDeserialize = require("@pulumi/policy/deserialize") as { deserializeProperties: (s: object, proxySecrets: boolean) => unknown };
const nextMacrotask = () => new Promise((ok) => setImmediate(ok));

describe("secrets recorded while decoding", () => {
  it("records a request's secrets while @pulumi/policy unwraps them, and forgets them on the next macrotask", async () => {
    expect(shareDeserialization()).toBe(true);
    expect(secretTracking()).toBe("decoder");
    await nextMacrotask();
    const struct = Struct.fromJavaScript({ bucket: secret("hidden-bucket"), tags: { "customer-segment": secret("hidden-segment") } } as never);
    const props = policyDeserialize.deserializeProperties(struct, false);
    expect(props).toEqual({ bucket: "hidden-bucket", tags: { "customer-segment": "hidden-segment" } });
    expect(requestSecretTexts()).toEqual(expect.arrayContaining(["hidden-bucket", "hidden-segment"]));
    await nextMacrotask();
    expect(requestSecretTexts()).toEqual([]);
    // The decoded object is shared by the policies of the request; its secrets are recorded again.
    expect(policyDeserialize.deserializeProperties(struct, false)).toBe(props);
    expect(requestSecretTexts()).toEqual(expect.arrayContaining(["hidden-bucket", "hidden-segment"]));
  });

  it("keeps every resource of a request (a stack policy names many)", async () => {
    await nextMacrotask();
    for (const name of ["one", "two", "three"]) policyDeserialize.deserializeProperties(Struct.fromJavaScript({ name: secret(`secret-${name}`) } as never), false);
    expect(requestSecretTexts().sort()).toEqual(["secret-one", "secret-three", "secret-two"]);
  });

  it("leaves secret-preserving decoding (remediations) working", () => {
    const struct = Struct.fromJavaScript({ a: secret("kept") } as never);
    const props = policyDeserialize.deserializeProperties(struct, true) as Record<string, unknown>;
    expect(JSON.stringify(props)).toContain("kept");
    expect(requestSecretTexts()).toContain("kept");
  });

  it("keeps a value out of @pulumi/policy's decoding errors", () => {
    shareDeserialization();
    const struct = Struct.fromJavaScript({ odd: { "4dabf18193072939515e22adb298388d": "not-a-signature-secret" } } as never);
    expect(() => policyDeserialize.deserializeProperties(struct, false)).toThrow("Unrecognized signature (a value) when unmarshaling resource property");
    expect(() => policyDeserialize.deserializeProperties(struct, false)).not.toThrow(/not-a-signature-secret/);
  });
});
