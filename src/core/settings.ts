import { CLASSIFICATION_LEVELS } from "./classification-levels";
import { ConfigError, parseGuardConfig, typeName, type GuardConfig } from "./config";
import { resolveOptions, type AnyRule, type OptionSchema } from "./rule";

/** Pack-wide settings, accepted in every policy's config so each can be set where it is used. */
export const SHARED_SETTINGS: Record<string, OptionSchema> = {
  classificationTagKey: { type: "string", default: "data-classification", description: "Tag key holding the data classification." },
  segmentTagKey: { type: "string", default: "customer-segment", description: "Tag key holding the customer segment." },
  waiverTagPrefix: { type: "string", default: "cdguard:waive:", description: "Prefix of waiver tags; the rule id follows." },
  assumeCustomerData: { type: "boolean", default: true, description: "Treat untagged stores as customer data." },
  untaggedClassification: {
    type: "string",
    enum: CLASSIFICATION_LEVELS,
    default: "confidential",
    description: "Level given to an untagged store when assumeCustomerData is on.",
  },
  customerDataLevels: {
    type: "array",
    items: { type: "string", enum: CLASSIFICATION_LEVELS },
    default: ["restricted", "confidential"],
    description: "Classification levels that count as customer data.",
  },
  notAssessed: {
    type: "string",
    enum: ["advisory", "hidden"],
    default: "advisory",
    description:
      "How the Pulumi pack shows what it could not judge: as advisory violations (the engine shows not-applicable results nowhere), or hidden.",
  },
  logicalDatabaseSegments: {
    type: "object",
    default: {},
    description: "Segment of each logical database (PostgreSQL/MySQL provider `Database`), by database name.",
  },
};

export interface PolicySettings {
  readonly config: GuardConfig;
  readonly options: Record<string, unknown>;
}

/** Splits a policy's config into pack-wide settings and the rule's options, rejecting bad values by name. */
export function settingsFor(rule: AnyRule, raw: Record<string, unknown>): PolicySettings {
  const source = `the policy config of '${rule.slug}'`;
  const problems: string[] = [];
  const ruleOptions = (rule.options ?? {}) as Record<string, OptionSchema>;
  const own: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const schema = ruleOptions[key] ?? SHARED_SETTINGS[key];
    if (!schema) problems.push(`unknown setting '${key}'`);
    else {
      const problem = checkValue(value, schema);
      if (problem) problems.push(`'${key}' ${problem}`);
      else if (key in ruleOptions) own[key] = value;
    }
  }
  if (problems.length > 0) throw new ConfigError(source, problems);
  const tagKeys: Record<string, unknown> = {};
  if (raw.classificationTagKey !== undefined) tagKeys.classification = raw.classificationTagKey;
  if (raw.segmentTagKey !== undefined) tagKeys.segment = raw.segmentTagKey;
  if (raw.waiverTagPrefix !== undefined) tagKeys.waiverPrefix = raw.waiverTagPrefix;
  const config = parseGuardConfig(
    {
      ...(Object.keys(tagKeys).length ? { tagKeys } : {}),
      ...pick(raw, ["assumeCustomerData", "untaggedClassification", "customerDataLevels", "logicalDatabaseSegments"]),
    },
    source,
  );
  return { config, options: resolveOptions(rule, own) };
}

function pick(raw: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => raw[k] !== undefined).map((k) => [k, raw[k]]));
}

/** A problem with the value against its schema, or undefined. */
export function checkValue(value: unknown, schema: OptionSchema): string | undefined {
  const got = `got ${typeName(value)}`;
  switch (schema.type) {
    case "string":
      if (typeof value !== "string") return `must be a string, ${got}`;
      break;
    case "boolean":
      if (typeof value !== "boolean") return `must be true or false, ${got}`;
      break;
    case "number":
    case "integer":
      if (typeof value !== "number" || (schema.type === "integer" && !Number.isInteger(value))) {
        return `must be ${schema.type === "integer" ? "a whole number" : "a number"}, ${got}`;
      }
      if (schema.minimum !== undefined && value < schema.minimum) return `must be at least ${schema.minimum}`;
      if (schema.maximum !== undefined && value > schema.maximum) return `must be at most ${schema.maximum}`;
      break;
    case "array":
      if (!Array.isArray(value)) return `must be a list, ${got}`;
      if (schema.items?.enum && !value.every((v) => schema.items?.enum?.includes(v as string))) {
        return `must only hold ${schema.items.enum.join(", ")}`;
      }
      if (schema.items?.type === "string" && !value.every((v) => typeof v === "string")) return "must only hold strings";
      break;
    case "object":
      if (typeof value !== "object" || value === null || Array.isArray(value)) return `must be an object, ${got}`;
      break;
  }
  if (schema.enum && !schema.enum.includes(value)) return `must be one of ${schema.enum.join(", ")}`;
  return undefined;
}
