import { readFileSync } from "node:fs";
import * as fc from "fast-check";
import { BinaryWriter } from "google-protobuf";
import { ListValue, Struct, Value } from "google-protobuf/google/protobuf/struct_pb";
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import { describe, expect, it } from "vitest";
import { toAnalyzeRequest, toStackResource } from "../../src/engine-client/analyzer-convert";
import type { AnalyzerResourceInput } from "../../src/engine-client/analyzer-types";
import { analyzeRequestFromWire, analyzeStackRequestFromWire, WireResource } from "../../src/pulumi/lazy-requests";
import { structFromWire } from "../../src/pulumi/struct-wire";

// Finite numbers: the engine-client refuses to send NaN and infinities (the Struct test below covers them).
const jsonLeaf = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string(),
  fc.string({ unit: "grapheme" }),
);
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, jsonLeaf, fc.array(tie("value")), fc.dictionary(fc.string(), tie("value"))),
})).value;
const jsonObject = fc.dictionary(fc.string(), jsonValue);

/** What google-protobuf's generated classes make of the same bytes: the reference. */
const viaGenerated = (bytes: Uint8Array): unknown => Struct.deserializeBinary(bytes).toJavaScript();

describe("a Struct decoded from its bytes", () => {
  it("is exactly what google-protobuf decodes, key order included, for any JSON-like object", () => {
    fc.assert(
      fc.property(jsonObject, (object) => {
        const bytes = Struct.fromJavaScript(object as never).serializeBinary();
        const ours = structFromWire(bytes);
        expect(ours).toStrictEqual(viaGenerated(bytes));
        expect(Object.keys(ours)).toEqual(Object.keys(viaGenerated(bytes) as object));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps -0, NaN, infinities and astral characters", () => {
    const bytes = Struct.fromJavaScript({ z: -0, n: NaN, i: Infinity, m: -Infinity, s: "𝄞 ü \u0000" }).serializeBinary();
    const ours = structFromWire(bytes);
    expect(Object.is(ours.z, -0)).toBe(true);
    expect(ours).toStrictEqual(viaGenerated(bytes));
  });

  it("takes the last of a repeated key and of a value's kinds, and skips fields it does not know", () => {
    const w = new BinaryWriter();
    const entry = (key: string, value: Value) =>
      w.writeMessage(1, new Struct(), () => {
        w.writeString(1, key);
        w.writeMessage(2, value, Value.serializeBinaryToWriter);
      });
    const first = new Value();
    first.setStringValue("first");
    const second = new Value();
    second.setNumberValue(2);
    entry("k", first);
    entry("k", second);
    w.writeString(7, "from a newer protocol");
    const twoKinds = new Value();
    twoKinds.setBoolValue(true);
    const twoKindsBytes = [...twoKinds.serializeBinary(), ...first.serializeBinary()];
    w.writeMessage(1, new Struct(), () => {
      w.writeString(1, "kinds");
      w.writeBytes(2, new Uint8Array(twoKindsBytes));
    });
    const bytes = w.getResultBuffer();
    expect(structFromWire(bytes)).toStrictEqual({ k: 2, kinds: "first" });
    expect(structFromWire(bytes)).toStrictEqual(viaGenerated(bytes));
  });

  it("refuses a value with no kind, as google-protobuf does", () => {
    const struct = new Struct();
    struct.getFieldsMap().set("empty", new Value());
    const bytes = struct.serializeBinary();
    expect(() => viaGenerated(bytes)).toThrow("Unexpected struct type");
    expect(() => structFromWire(bytes)).toThrow("Unexpected struct type");
    const list = new ListValue();
    list.addValues(new Value());
    const inList = new Value();
    inList.setListValue(list);
    const withList = new Struct();
    withList.getFieldsMap().set("list", inList);
    expect(() => structFromWire(withList.serializeBinary())).toThrow("Unexpected struct type");
  });

  it("keeps a key named __proto__ as a key, where assigning it would change the prototype", () => {
    const value = new Value();
    value.setStringValue("x");
    const w = new BinaryWriter();
    w.writeMessage(1, value, () => {
      w.writeString(1, "__proto__");
      w.writeMessage(2, value, Value.serializeBinaryToWriter);
    });
    const ours = structFromWire(w.getResultBuffer());
    expect(Object.getPrototypeOf(ours)).toBe(Object.prototype);
    expect(Object.keys(ours)).toEqual(["__proto__"]);
    expect(Object.getOwnPropertyDescriptor(ours, "__proto__")?.value).toBe("x");
  });

  it("fails on truncated bytes instead of inventing values", () => {
    const bytes = Struct.fromJavaScript({ name: "orders", nested: { a: [1, 2, 3] } }).serializeBinary();
    expect(() => structFromWire(bytes.subarray(0, bytes.length - 3))).toThrow();
  });
});

const providerOf = (i: number) => ({
  urn: `urn:pulumi:dev::shop::pulumi:providers:aws::p${i % 2}`,
  type: "pulumi:providers:aws",
  name: `p${i % 2}`,
  properties: { region: i % 2 ? "eu-west-1" : "us-east-1", version: "7.48.0" },
});

const resourceArb = fc.record({
  i: fc.nat(1000),
  properties: jsonObject,
  dependencies: fc.array(fc.string(), { maxLength: 3 }),
  propertyDependencies: fc.dictionary(fc.string(), fc.array(fc.string(), { maxLength: 2 }), { maxKeys: 3 }),
  parent: fc.option(fc.string(), { nil: undefined }),
  withProvider: fc.boolean(),
  protect: fc.boolean(),
  ignoreChanges: fc.array(fc.string(), { maxLength: 2 }),
  aliases: fc.array(fc.string(), { maxLength: 2 }),
  deleteBeforeReplace: fc.option(fc.boolean(), { nil: undefined }),
  customTimeouts: fc.option(fc.record({ create: fc.nat(), update: fc.nat(), delete: fc.nat() }), { nil: undefined }),
});

type ResourceCase = typeof resourceArb extends fc.Arbitrary<infer T> ? T : never;

function resourceInput(r: ResourceCase): AnalyzerResourceInput {
  return {
    urn: `urn:pulumi:dev::shop::aws:s3/bucket:Bucket::b${r.i}`,
    type: "aws:s3/bucket:Bucket",
    name: `b${r.i}`,
    properties: r.properties,
    dependencies: r.dependencies,
    propertyDependencies: r.propertyDependencies,
    ...(r.parent !== undefined ? { parent: r.parent } : {}),
    ...(r.withProvider ? { provider: providerOf(r.i) } : {}),
    options: {
      protect: r.protect,
      ignoreChanges: r.ignoreChanges,
      aliases: r.aliases,
      ...(r.deleteBeforeReplace !== undefined ? { deleteBeforeReplace: r.deleteBeforeReplace } : {}),
      ...(r.customTimeouts ? { customTimeouts: r.customTimeouts } : {}),
    },
  } as AnalyzerResourceInput;
}

interface ResourceLike {
  getType(): string;
  getUrn(): string;
  getName(): string;
  getProperties(): { toJavaScript(): unknown } | undefined;
  getOptions(): unknown;
  getProvider(): unknown;
}
interface StackResourceLike extends ResourceLike {
  getParent(): string;
  getDependenciesList(): string[];
  getPropertydependenciesMap(): { entries(): Iterable<[string, { getUrnsList(): string[] }]> };
}

/** Everything @pulumi/policy's server reads of a resource, as plain data. */
function seen(r: ResourceLike): unknown {
  const options = r.getOptions() as pb.AnalyzerResourceOptions | undefined;
  const provider = r.getProvider() as pb.AnalyzerProviderResource | undefined;
  return {
    type: r.getType(),
    urn: r.getUrn(),
    name: r.getName(),
    properties: r.getProperties()?.toJavaScript(),
    options: options?.toObject(),
    provider: provider && { ...provider.toObject(), properties: provider.getProperties()?.toJavaScript() },
  };
}
const seenInStack = (r: StackResourceLike): unknown => ({
  ...(seen(r) as object),
  parent: r.getParent(),
  dependencies: r.getDependenciesList(),
  propertyDependencies: [...r.getPropertydependenciesMap().entries()].map(([k, v]) => [k, v.getUrnsList()]),
});

describe("requests read from their bytes", () => {
  it("answer every getter as google-protobuf's classes do, for any stack", () => {
    fc.assert(
      fc.property(fc.array(resourceArb, { maxLength: 6 }), (resources) => {
        const request = new pb.AnalyzeStackRequest();
        request.setResourcesList(resources.map((r) => toStackResource(resourceInput(r))));
        const bytes = request.serializeBinary();
        const ours = analyzeStackRequestFromWire(bytes, pb).getResourcesList();
        const reference = pb.AnalyzeStackRequest.deserializeBinary(bytes).getResourcesList();
        expect(ours.map(seenInStack)).toStrictEqual(reference.map((r) => seenInStack(r as unknown as StackResourceLike)));
      }),
      { numRuns: 150 },
    );
  });

  it("answer an Analyze request's getters as google-protobuf's classes do", () => {
    fc.assert(
      fc.property(resourceArb, (r) => {
        const bytes = toAnalyzeRequest(resourceInput(r)).serializeBinary();
        const reference = pb.AnalyzeRequest.deserializeBinary(bytes) as unknown as ResourceLike;
        expect(seen(analyzeRequestFromWire(bytes, pb))).toStrictEqual(seen(reference));
      }),
      { numRuns: 150 },
    );
  });

  it("decode options and providers once per distinct bytes, and Structs to a fresh object per call", () => {
    const request = new pb.AnalyzeStackRequest();
    const base = { properties: {}, dependencies: [], propertyDependencies: {}, type: "aws:s3/bucket:Bucket" };
    request.setResourcesList(
      [0, 2, 1].map((i) => toStackResource({ ...base, urn: `urn:b${i}`, name: `b${i}`, provider: providerOf(i), options: { protect: false } })),
    );
    const [a, b, c] = analyzeStackRequestFromWire(request.serializeBinary(), pb).getResourcesList();
    expect(a!.getProvider()).toBe(b!.getProvider());
    expect(a!.getProvider()).not.toBe(c!.getProvider());
    expect(a!.getOptions()).toBe(c!.getOptions());
    expect(a!.getProperties()).toBe(a!.getProperties());
    expect(a!.getProperties()!.toJavaScript()).not.toBe(a!.getProperties()!.toJavaScript());
  });

  it("keep their own copy of the bytes, so a reused gRPC buffer cannot change them", () => {
    const request = new pb.AnalyzeStackRequest();
    request.setResourcesList([toStackResource({ urn: "urn:x", type: "t", name: "x", properties: { a: "kept" }, dependencies: [], propertyDependencies: {} })]);
    const bytes = request.serializeBinary();
    const ours = analyzeStackRequestFromWire(bytes, pb);
    bytes.fill(0);
    expect(ours.getResourcesList()[0]!.getProperties()!.toJavaScript()).toEqual({ a: "kept" });
  });

  it("skip fields a newer engine adds", () => {
    const resource = toStackResource({ urn: "urn:x", type: "t", name: "x", properties: { a: 1 }, dependencies: ["d"], propertyDependencies: {} });
    const w = new BinaryWriter();
    w.writeMessage(1, resource, pb.AnalyzerResource.serializeBinaryToWriter);
    w.writeString(2, "a future request field");
    const withExtraResourceField = new Uint8Array([...w.getResultBuffer()]);
    const extra = new BinaryWriter();
    extra.writeString(42, "a future resource field");
    const resourceBytes = new Uint8Array([...resource.serializeBinary(), ...extra.getResultBuffer()]);
    const outer = new BinaryWriter();
    outer.writeBytes(1, resourceBytes);
    for (const bytes of [withExtraResourceField, outer.getResultBuffer()]) {
      const [r] = analyzeStackRequestFromWire(bytes, pb).getResourcesList();
      expect(seenInStack(r!)).toStrictEqual(seenInStack(pb.AnalyzeStackRequest.deserializeBinary(bytes).getResourcesList()[0] as unknown as StackResourceLike));
    }
  });
});

describe("what @pulumi/policy's server reads of a request", () => {
  // A canary for upgrades: every getter the installed server calls must be one the wire objects (or
  // the generated option and provider messages they hand out) answer. A new getter fails this test,
  // not a user's preview.
  const server = readFileSync(require.resolve("@pulumi/policy/server"), "utf8");
  const called = new Set([...server.matchAll(/\.(get[A-Z]\w*|has[A-Z]\w*)\(/g)].map((m) => m[1]!));
  const notOnRequests = new Set([
    "getPulumiType", // policy.js helper
    "getOwnPropertySymbols", // Object
    "getTagsMap", // ConfigureStack request, decoded by the generated class
    "getPolicyconfigMap", // Configure request, decoded by the generated class
    "getEnforcementlevel", // Configure request's config entries
  ]);
  const onGeneratedMessages = new Set(Object.getOwnPropertyNames(pb.AnalyzerResourceOptions.prototype).concat(
    Object.getOwnPropertyNames(pb.AnalyzerProviderResource.prototype),
    Object.getOwnPropertyNames(pb.AnalyzerResourceOptions.CustomTimeouts.prototype),
  ));
  const onWire = new Set(Object.getOwnPropertyNames(WireResource.prototype).concat("getResourcesList", "getUrnsList"));

  it("is found in the server's source", () => {
    expect(called.has("getResourcesList")).toBe(true);
    expect(called.has("getProperties")).toBe(true);
  });

  it("is answered by the wire objects or the generated messages they return", () => {
    const unanswered = [...called].filter((g) => !notOnRequests.has(g) && !onWire.has(g) && !onGeneratedMessages.has(g));
    expect(unanswered).toEqual([]);
  });
});
