// A small JSON-schema validator for policy config, standing in for the engine's gojsonschema check.
// It implements the keywords policy config schemas use; any other validation keyword makes it throw
// rather than silently accept a config the engine might reject.
import { isPlainObject } from "./wire";

const ANNOTATIONS = new Set(["title", "description", "default", "examples", "$comment", "deprecated"]);
const SUPPORTED = new Set([
  "type", "enum", "const", "properties", "required", "items", "additionalProperties",
  "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems", "pattern",
]);

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function matchesType(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === "number" && actual === "integer");
}

/** Returns validation errors for `value` against `schema`, each prefixed with its path. */
export function validateJsonSchema(schema: Record<string, unknown>, value: unknown, path: string): string[] {
  for (const key of Object.keys(schema)) {
    if (!SUPPORTED.has(key) && !ANNOTATIONS.has(key)) {
      throw new Error(`${path}: JSON schema keyword '${key}' is not supported by the e2e harness validator`);
    }
  }
  const errors: string[] = [];
  const types = schema.type === undefined ? [] : ([] as unknown[]).concat(schema.type).map(String);
  if (types.length > 0 && !types.some((t) => matchesType(value, t))) {
    return [`${path}: invalid type, expected ${types.join(" or ")}, given ${typeOf(value)}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    errors.push(`${path}: must be one of ${JSON.stringify(schema.enum)}`);
  }
  if ("const" in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) {
    errors.push(`${path}: must equal ${JSON.stringify(schema.const)}`);
  }
  if (typeof value === "number") errors.push(...numberErrors(schema, value, path));
  if (typeof value === "string") errors.push(...stringErrors(schema, value, path));
  if (Array.isArray(value)) errors.push(...arrayErrors(schema, value, path));
  if (isPlainObject(value)) errors.push(...objectErrors(schema, value, path));
  return errors;
}

function numberErrors(schema: Record<string, unknown>, v: number, path: string): string[] {
  const errors: string[] = [];
  if (typeof schema.minimum === "number" && v < schema.minimum) errors.push(`${path}: must be >= ${schema.minimum}`);
  if (typeof schema.maximum === "number" && v > schema.maximum) errors.push(`${path}: must be <= ${schema.maximum}`);
  return errors;
}

function stringErrors(schema: Record<string, unknown>, v: string, path: string): string[] {
  const errors: string[] = [];
  if (typeof schema.minLength === "number" && v.length < schema.minLength) errors.push(`${path}: too short`);
  if (typeof schema.maxLength === "number" && v.length > schema.maxLength) errors.push(`${path}: too long`);
  if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(v)) {
    errors.push(`${path}: does not match pattern ${schema.pattern}`);
  }
  return errors;
}

function arrayErrors(schema: Record<string, unknown>, v: unknown[], path: string): string[] {
  const errors: string[] = [];
  if (typeof schema.minItems === "number" && v.length < schema.minItems) errors.push(`${path}: too few items`);
  if (typeof schema.maxItems === "number" && v.length > schema.maxItems) errors.push(`${path}: too many items`);
  if (schema.uniqueItems === true && new Set(v.map((x) => JSON.stringify(x))).size !== v.length) {
    errors.push(`${path}: items must be unique`);
  }
  const items = schema.items;
  if (isPlainObject(items)) v.forEach((item, i) => errors.push(...validateJsonSchema(items, item, `${path}[${i}]`)));
  return errors;
}

function objectErrors(schema: Record<string, unknown>, v: Record<string, unknown>, path: string): string[] {
  const errors: string[] = [];
  const props = isPlainObject(schema.properties) ? schema.properties : {};
  if (Array.isArray(schema.required)) {
    for (const r of schema.required) if (!(String(r) in v)) errors.push(`${path}: ${String(r)} is required`);
  }
  for (const [k, item] of Object.entries(v)) {
    const sub = props[k];
    if (isPlainObject(sub)) errors.push(...validateJsonSchema(sub, item, `${path}.${k}`));
    else if (schema.additionalProperties === false) errors.push(`${path}: additional property ${k} is not allowed`);
    else if (isPlainObject(schema.additionalProperties)) {
      errors.push(...validateJsonSchema(schema.additionalProperties, item, `${path}.${k}`));
    }
  }
  return errors;
}
