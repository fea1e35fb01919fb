// Config schemas encoded by the pack (config-schema-wire.ts) against the messages @pulumi/policy itself
// builds: decoded, they must be the same AnalyzerInfo.
import type { PolicyConfigSchema } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import { AnalyzerInfo } from "@pulumi/pulumi/proto/analyzer_pb";
import { ConfigSchemaEncoder, withConfigSchemas } from "../../src/pulumi/config-schema-wire";
import { packSettingsPolicy, toPolicy } from "../../src/pulumi/policy";
import { ALL_RULES } from "../../src/rules";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- @pulumi/policy's encoder, not part of its typed API
const { makeAnalyzerInfo } = require("@pulumi/policy/protoutil") as {
  makeAnalyzerInfo(name: string, version: string, level: string, args: { policies: unknown[]; description?: string }, initialConfig: object): { serializeBinary(): Uint8Array };
};

type Policy = ReturnType<typeof toPolicy>;
const info = (policies: Policy[]): Uint8Array =>
  makeAnalyzerInfo("customer-data-guard", "1.2.3", "advisory", { policies, description: "a pack" }, {}).serializeBinary();
const stripped = (policies: Policy[]): Policy[] => policies.map((p) => ({ ...p, configSchema: undefined }));

/** Each policy's decoded fields, the config schema as plain JSON. */
function decoded(bytes: Uint8Array): unknown[] {
  const message = AnalyzerInfo.deserializeBinary(bytes);
  return message.getPoliciesList().map((p) => {
    const schema = p.getConfigschema();
    const rest = p.toObject();
    delete rest.configschema;
    return { ...rest, schema: schema && { properties: schema.getProperties()?.toJavaScript(), required: schema.getRequiredList() } };
  });
}

function encodedSchemas(policies: Policy[]): Map<string, Uint8Array> {
  const encoder = new ConfigSchemaEncoder();
  return new Map(policies.filter((p) => p.configSchema).map((p) => [p.name, encoder.encode(p.configSchema as PolicyConfigSchema, p.name)]));
}

describe("config schemas on the wire", () => {
  it("give this pack's AnalyzerInfo exactly as @pulumi/policy encodes it", () => {
    const policies = [...ALL_RULES.map(toPolicy), packSettingsPolicy(ALL_RULES)];
    const theirs = info(policies);
    const ours = withConfigSchemas(info(stripped(policies)), encodedSchemas(policies));
    expect(decoded(ours)).toEqual(decoded(theirs));
    const top = (b: Uint8Array) => {
      const m = AnalyzerInfo.deserializeBinary(b).toObject();
      return { ...m, policiesList: m.policiesList.length };
    };
    expect(top(ours)).toEqual(top(theirs));
    expect(decoded(ours).every((p) => (p as { schema?: unknown }).schema !== undefined)).toBe(true);
  });

  it("hold every JSON value a schema may have, required names included", () => {
    const properties = {
      text: { type: "string", description: "é ✓ 😀 \"quoted\"", default: "" },
      numbers: { type: "array", items: { type: "number" }, examples: [0, -3, 1.5, 1e21, 2 ** 53] },
      flags: { type: "object", properties: { on: { const: true }, off: { const: false }, none: { const: null } } },
      empty: { type: "object", properties: {}, enum: [[], {}] },
    };
    const policy = { ...toPolicy(ALL_RULES[0]!), configSchema: { properties, required: ["text", "flags"] } } as Policy;
    const ours = withConfigSchemas(info([{ ...policy, configSchema: undefined }]), encodedSchemas([policy]));
    expect(decoded(ours)).toEqual(decoded(info([policy])));
    expect(decoded(ours)[0]).toMatchObject({ schema: { properties, required: ["text", "flags"] } });
  });

  it("keep a schema a policy already carries, and leave policies without one alone", () => {
    const [a, b] = ALL_RULES.map(toPolicy);
    const own = { ...a!, configSchema: { properties: { mine: { type: "string" } } } } as Policy;
    const bare = { ...b!, configSchema: undefined } as Policy;
    const schemas = encodedSchemas([{ ...a!, configSchema: { properties: { other: { type: "number" } } } } as Policy]);
    expect(decoded(withConfigSchemas(info([own, bare]), schemas))).toEqual(decoded(info([own, bare])));
  });

  it("refuse a value a protobuf Struct cannot hold, naming where it is", () => {
    const encoder = new ConfigSchemaEncoder();
    expect(() => encoder.encode({ properties: { limit: { type: "integer", default: undefined } } }, "of policy 'x'")).toThrow(
      "config schema of policy 'x'.limit.default is undefined, which a protobuf Struct cannot hold",
    );
  });
});
