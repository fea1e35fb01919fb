// The recorder's translation from the SDK's wire encoding to the analyzer's.
import { describe, expect, it } from "vitest";
import { durationSeconds, secretOutputs, toAnalyzerWire, toRecordedResources, type Registration } from "../../src/engine-client/record-encode";
import { OUTPUT_VALUE_SIG, RESOURCE_REFERENCE_SIG, SIG_KEY, UNKNOWN, secret } from "../../src/engine-client/wire";

const ref = (urn: string, id?: string) => ({ [SIG_KEY]: RESOURCE_REFERENCE_SIG, urn, ...(id === undefined ? {} : { id }) });

describe("toAnalyzerWire", () => {
  it("marshals resource references as the engine does without KeepResources", () => {
    expect(toAnalyzerWire(ref("urn:a", "bucket-1"))).toBe("bucket-1");
    expect(toAnalyzerWire(ref("urn:a", ""))).toBe(UNKNOWN);
    expect(toAnalyzerWire(ref("urn:a", UNKNOWN))).toBe(UNKNOWN);
    expect(toAnalyzerWire(ref("urn:component"))).toBe("urn:component");
  });

  it("turns output values into unknowns, secrets or plain values", () => {
    expect(toAnalyzerWire({ [SIG_KEY]: OUTPUT_VALUE_SIG })).toBe(UNKNOWN);
    expect(toAnalyzerWire({ [SIG_KEY]: OUTPUT_VALUE_SIG, value: "v", secret: true })).toEqual(secret("v"));
    expect(toAnalyzerWire({ [SIG_KEY]: OUTPUT_VALUE_SIG, value: 3 })).toBe(3);
  });

  it("keeps secrets and unknowns at any depth and drops internal keys", () => {
    expect(toAnalyzerWire({ a: [secret({ b: UNKNOWN, __meta: 1 })], __defaults: [] })).toEqual({ a: [secret({ b: UNKNOWN })] });
  });
});

describe("durationSeconds", () => {
  it("parses Go durations", () => {
    expect(durationSeconds("")).toBe(0);
    expect(durationSeconds("1h30m")).toBe(5400);
    expect(durationSeconds("1.5s")).toBe(1.5);
    expect(() => durationSeconds("soon")).toThrow(/invalid duration/);
  });
});

describe("toRecordedResources", () => {
  const base: Omit<Registration, "urn" | "type" | "name"> = {
    custom: true, external: false, parent: "", inputs: {}, outputs: {}, id: "", dependencies: [], propertyDependencies: {},
    providerRef: "", version: "7.48.0", protect: false, ignoreChanges: [], additionalSecretOutputs: [], aliases: [],
    customTimeouts: { create: 0, update: 0, delete: 0 },
  };
  const ctx = { project: "p", stack: "s", config: { "aws:region": "eu-west-1", "aws:token": "t" }, secretConfigKeys: ["aws:token"] };

  it("links explicit providers and synthesizes default ones with their package config", () => {
    const explicit = { ...base, urn: "urn:pulumi:s::p::pulumi:providers:aws::eu", type: "pulumi:providers:aws", name: "eu", inputs: { region: "eu-central-1" } };
    const a = { ...base, urn: "urn:pulumi:s::p::aws:s3/bucket:Bucket::a", type: "aws:s3/bucket:Bucket", name: "a", providerRef: `${explicit.urn}::${UNKNOWN}` };
    const b = { ...base, urn: "urn:pulumi:s::p::aws:s3/bucket:Bucket::b", type: "aws:s3/bucket:Bucket", name: "b", propertyDependencies: { bucket: [], x: ["u2", "u1", "u2"] } };
    const out = toRecordedResources([b, a, explicit], ctx);
    expect(out.map((r) => r.urn)).toEqual([
      "urn:pulumi:s::p::pulumi:providers:aws::default_7_48_0", explicit.urn, a.urn, b.urn,
    ]);
    expect(out[2]?.provider).toEqual({ urn: explicit.urn, type: explicit.type, name: "eu", properties: { region: "eu-central-1" } });
    expect(out[3]?.provider?.properties).toEqual({ region: "eu-west-1", token: secret("t"), version: "7.48.0" });
    expect(out[3]?.propertyDependencies).toEqual({ x: ["u1", "u2"] });
  });

  it("keeps the outputs and the id apart from the inputs; a default provider's outputs are its inputs", () => {
    const a = {
      ...base, urn: "urn:pulumi:s::p::aws:s3/bucket:Bucket::a", type: "aws:s3/bucket:Bucket", name: "a",
      inputs: { bucket: "a-1234567" }, outputs: { bucket: "a-1234567", id: "a-id", arn: "arn:aws:s3:::a-1234567" }, id: "a-id",
    };
    const known = toRecordedResources([a], ctx);
    expect(known[1]).toMatchObject({ properties: { bucket: "a-1234567" }, outputs: a.outputs, id: "a-id" });
    expect(known[0]).toMatchObject({ id: "default_7_48_0-id", outputs: known[0]?.properties });
    const preview = toRecordedResources([{ ...a, id: "", outputs: { ...a.outputs, id: UNKNOWN, arn: UNKNOWN } }], { ...ctx, preview: true });
    expect(preview[1]?.id).toBeUndefined();
    expect(preview[1]?.outputs).toEqual({ bucket: "a-1234567", id: UNKNOWN, arn: UNKNOWN });
    expect(preview[0]?.id).toBeUndefined();
  });

  it("makes outputs secret as the step executor does: additionalSecretOutputs (not id) and secret inputs", () => {
    const out = secretOutputs({ id: "i", password: "p", token: "t", plain: "x", computed: UNKNOWN }, { token: secret("t") }, ["id", "password", "computed", "absent"]);
    expect(out).toEqual({ id: "i", password: secret("p"), token: secret("t"), plain: "x", computed: secret(UNKNOWN) });
    const reg = { ...base, urn: "urn:a", type: "aws:rds/instance:Instance", name: "a", inputs: { password: secret("p") },
      outputs: { password: "p", endpoint: "e" }, additionalSecretOutputs: ["endpoint"] };
    expect(toRecordedResources([reg], ctx)[1]?.outputs).toEqual({ password: secret("p"), endpoint: secret("e") });
  });

  it("fails on a provider reference to an unregistered provider", () => {
    const a = { ...base, urn: "urn:a", type: "aws:s3/bucket:Bucket", name: "a", providerRef: "urn:nope::id" };
    expect(() => toRecordedResources([a], ctx)).toThrow(/provider urn:nope was never registered/);
  });
});
