// What the engine does with `--policy-pack-config` before it calls Configure
// (pulumi/pulumi pkg/resource/analyzer/config.go: parsePolicyPackConfig, ReconcilePolicyPackConfig):
// parse the file, start from every policy's defaults (its enforcement level and its schema defaults),
// apply the pack's initial config, then the given config, validate the result against each policy's
// schema, and send the whole map (one entry per policy) in a single Configure call.
import type { AnalyzerInfo, EnforcementLevel, PolicyConfig } from "./analyzer-types";
import { validateJsonSchema } from "./json-schema";
import { isPlainObject } from "./wire";

const LEVELS: readonly string[] = ["advisory", "mandatory", "remediate", "disabled"];

interface GivenConfig {
  enforcementLevel?: EnforcementLevel;
  properties?: Record<string, unknown>;
}

function level(value: unknown, policy: string): EnforcementLevel {
  if (typeof value !== "string" || !LEVELS.includes(value)) {
    throw new Error(`parsing enforcement level for "${policy}": ${JSON.stringify(value)} is not a valid enforcement level`);
  }
  return value as EnforcementLevel;
}

/** Parses the `--policy-pack-config` JSON object: per policy a level string or {enforcementLevel?, ...props}. */
export function parsePolicyPackConfig(config: Record<string, unknown>): Record<string, GivenConfig> {
  const result: Record<string, GivenConfig> = {};
  for (const [name, value] of Object.entries(config)) {
    if (typeof value === "string") {
      result[name] = { enforcementLevel: level(value, name) };
    } else if (isPlainObject(value)) {
      const { enforcementLevel, ...properties } = value;
      const given: GivenConfig = {};
      if (enforcementLevel !== undefined) given.enforcementLevel = level(enforcementLevel, name);
      if (Object.keys(properties).length > 0) given.properties = properties;
      if (given.enforcementLevel !== undefined || given.properties !== undefined) result[name] = given;
    } else {
      throw new Error(`parsing "${name}": ${JSON.stringify(value)} is not a valid value; must be a string or object`);
    }
  }
  return result;
}

function applyConfig(result: Record<string, PolicyConfig>, apply: Record<string, GivenConfig>): void {
  const all = apply.all?.enforcementLevel;
  if (all !== undefined) {
    for (const c of Object.values(result)) c.enforcementLevel = all;
  }
  // Like the engine, this loop also adds an "all" entry, which the pack receives too; an entry for a
  // policy the pack lacks needs a level of its own (the engine: `invalid enforcement level ""`).
  for (const [name, given] of Object.entries(apply)) {
    const current = result[name];
    if (current === undefined && given.enforcementLevel === undefined) throw new Error(`configuring policy pack: invalid enforcement level ""`);
    const next: PolicyConfig = {
      enforcementLevel: given.enforcementLevel ?? current?.enforcementLevel ?? "advisory",
      properties: { ...(current?.properties ?? {}), ...(given.properties ?? {}) },
    };
    result[name] = next;
  }
}

/** Returns the config the engine would send in Configure, or throws with the engine's validation errors. */
export function reconcilePolicyPackConfig(info: AnalyzerInfo, config: Record<string, unknown>): Record<string, PolicyConfig> {
  const result: Record<string, PolicyConfig> = {};
  for (const p of info.policies) {
    const properties: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(p.configSchema?.properties ?? {})) {
      if ("default" in schema) properties[key] = schema.default;
    }
    result[p.name] = { enforcementLevel: p.enforcementLevel, properties };
  }
  const initial: Record<string, GivenConfig> = {};
  for (const [name, c] of Object.entries(info.initialConfig)) initial[name] = { ...c };
  applyConfig(result, initial);
  applyConfig(result, parsePolicyPackConfig(config));

  const errors: string[] = [];
  for (const p of info.policies) {
    if (!p.configSchema) continue;
    const schema = { type: "object", properties: p.configSchema.properties, required: p.configSchema.required };
    errors.push(...validateJsonSchema(schema, result[p.name]?.properties ?? {}, p.name));
  }
  if (errors.length > 0) {
    throw new Error(`validating policy config: ${info.name} ${info.version}: ${errors.join(", ")}`);
  }
  return result;
}
