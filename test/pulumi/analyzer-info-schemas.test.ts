// Which policies go to @pulumi/policy without their schemas (the pack then sends them as bytes), and
// which keep them. The bytes themselves: config-schema-wire.test.ts; over gRPC: test/e2e/examples.test.ts.
import { describe, expect, it } from "vitest";
import { serveConfigSchemasAsBytes } from "../../src/pulumi/analyzer-info-schemas";
import { toPolicy } from "../../src/pulumi/policy";
import { ALL_RULES } from "../../src/rules";

describe("serving config schemas as bytes", () => {
  it("hands the policies over without schemas, leaving the given policies untouched", () => {
    const policies = ALL_RULES.slice(0, 3).map(toPolicy);
    const served = serveConfigSchemasAsBytes(policies);
    expect(served.map((p) => p.name)).toEqual(policies.map((p) => p.name));
    expect(served.map((p) => p.configSchema)).toEqual([undefined, undefined, undefined]);
    expect(policies.every((p) => p.configSchema !== undefined)).toBe(true);
  });

  it("leaves a pack whose schema names enforcementLevel to @pulumi/policy, which refuses it", () => {
    const bad = { ...toPolicy(ALL_RULES[0]!), configSchema: { properties: { enforcementLevel: { type: "string" as const } } } };
    const policies = [bad, toPolicy(ALL_RULES[1]!)];
    expect(serveConfigSchemasAsBytes(policies)).toBe(policies);
  });

  it("leaves a schema it cannot encode to @pulumi/policy, which reports it", () => {
    const odd = { ...toPolicy(ALL_RULES[0]!), configSchema: { properties: { limit: { type: "integer" as const, default: undefined } } } };
    const policies = [odd];
    expect(serveConfigSchemasAsBytes(policies)).toBe(policies);
  });
});
