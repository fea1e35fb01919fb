// The engine's --policy-pack-config handling, as the harness reproduces it.
import { describe, expect, it } from "vitest";
import type { AnalyzerInfo, PolicyInfo } from "../../src/engine-client/analyzer-types";
import { validateJsonSchema } from "../../src/engine-client/json-schema";
import { reconcilePolicyPackConfig } from "../../src/engine-client/policy-config";

const policy = (name: string, extra: Partial<PolicyInfo> = {}): PolicyInfo => ({
  name, displayName: "", description: "", message: "", enforcementLevel: "mandatory", policyType: "resource",
  severity: "high", tags: [], remediationSteps: "", url: "", ...extra,
});

const info = (policies: PolicyInfo[], initialConfig: AnalyzerInfo["initialConfig"] = {}): AnalyzerInfo => ({
  name: "pack", displayName: "", version: "1.0.0", supportsConfig: true, description: "", readme: "", provider: "",
  tags: [], repository: "", policies, initialConfig,
});

describe("reconcilePolicyPackConfig", () => {
  const withSchema = policy("a", {
    configSchema: { properties: { limit: { type: "integer", default: 7 }, mode: { type: "string", enum: ["x", "y"] } }, required: [] },
  });

  it("sends every policy, with schema defaults under the given values", () => {
    expect(reconcilePolicyPackConfig(info([withSchema, policy("b")]), { a: { mode: "y" }, b: "advisory" })).toEqual({
      a: { enforcementLevel: "mandatory", properties: { limit: 7, mode: "y" } },
      b: { enforcementLevel: "advisory", properties: {} },
    });
  });

  it("applies 'all' to every policy before per-policy levels", () => {
    const out = reconcilePolicyPackConfig(info([withSchema, policy("b")]), { all: "disabled", b: "advisory" });
    expect(out.a?.enforcementLevel).toBe("disabled");
    expect(out.b?.enforcementLevel).toBe("advisory");
  });

  it("applies the pack's initial config, whose missing level reads as advisory on the wire", () => {
    const out = reconcilePolicyPackConfig(
      info([withSchema], { a: { enforcementLevel: "advisory", properties: { limit: 3 } } }), {});
    expect(out.a).toEqual({ enforcementLevel: "advisory", properties: { limit: 3 } });
  });

  it("rejects values the schema does not allow, and unknown levels", () => {
    expect(() => reconcilePolicyPackConfig(info([withSchema]), { a: { limit: 1.5, mode: "z" } }))
      .toThrow(/a\.limit: invalid type, expected integer, given number, a\.mode: must be one of \["x","y"\]/);
    expect(() => reconcilePolicyPackConfig(info([withSchema]), { a: { enforcementLevel: "strict" } }))
      .toThrow(/"strict" is not a valid enforcement level/);
    expect(() => reconcilePolicyPackConfig(info([withSchema]), { a: 3 })).toThrow(/must be a string or object/);
  });

  it("checks required properties", () => {
    const p = policy("r", { configSchema: { properties: { key: { type: "string" } }, required: ["key"] } });
    expect(() => reconcilePolicyPackConfig(info([p]), {})).toThrow(/r: key is required/);
    expect(reconcilePolicyPackConfig(info([p]), { r: { key: "k" } }).r?.properties).toEqual({ key: "k" });
  });
});

describe("validateJsonSchema", () => {
  it("refuses keywords it does not implement instead of passing them", () => {
    expect(() => validateJsonSchema({ type: "string", format: "email" }, "x", "p")).toThrow(/keyword 'format' is not supported/);
  });

  it("checks nested items and properties", () => {
    const schema = { type: "array", items: { type: "object", properties: { n: { type: "number", minimum: 0 } }, additionalProperties: false } };
    expect(validateJsonSchema(schema, [{ n: 1 }, { n: -1, m: 2 }], "p")).toEqual([
      "p[1].n: must be >= 0", "p[1]: additional property m is not allowed",
    ]);
  });
});
