import { CLASSIFICATION_LEVELS, type ClassificationLevel } from "./classification-levels";

/** Pack-wide settings shared by every rule (Pulumi: the `customer-data-guard` config entry). */
export interface GuardConfig {
  readonly tagKeys: {
    readonly classification: string;
    readonly segment: string;
    readonly waiverPrefix: string;
  };
  /** Untagged stores are customer data unless this is false. */
  readonly assumeCustomerData: boolean;
  /** Level given to an untagged store when `assumeCustomerData` is on. */
  readonly untaggedClassification: ClassificationLevel;
  /** Levels that count as customer data. */
  readonly customerDataLevels: readonly ClassificationLevel[];
  /** Segment of each logical database (by database name): such databases carry no tags. */
  readonly logicalDatabaseSegments: Readonly<Record<string, string>>;
}

export const DEFAULT_CONFIG: GuardConfig = {
  tagKeys: {
    classification: "data-classification",
    segment: "customer-segment",
    waiverPrefix: "cdguard:waive:",
  },
  assumeCustomerData: true,
  untaggedClassification: "confidential",
  customerDataLevels: ["restricted", "confidential"],
  logicalDatabaseSegments: {},
};

export class ConfigError extends Error {
  constructor(readonly source: string, readonly problems: readonly string[]) {
    super(`invalid configuration in ${source}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const isLevel = (v: unknown): v is ClassificationLevel =>
  typeof v === "string" && (CLASSIFICATION_LEVELS as readonly string[]).includes(v);

/** Validates user settings over the defaults; every problem is named, none is silently dropped. */
export function parseGuardConfig(raw: unknown, source: string): GuardConfig {
  if (raw === undefined || raw === null) return DEFAULT_CONFIG;
  const problems: string[] = [];
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new ConfigError(source, [`expected an object, got ${typeName(raw)}`]);
  }
  const r = raw as Record<string, unknown>;
  const known = new Set(["tagKeys", "assumeCustomerData", "untaggedClassification", "customerDataLevels", "logicalDatabaseSegments"]);
  for (const k of Object.keys(r)) if (!known.has(k)) problems.push(`unknown setting '${k}'`);

  const tagKeys = { ...DEFAULT_CONFIG.tagKeys };
  if (r.tagKeys !== undefined) {
    if (typeof r.tagKeys !== "object" || r.tagKeys === null || Array.isArray(r.tagKeys)) {
      problems.push(`'tagKeys' must be an object, got ${typeName(r.tagKeys)}`);
    } else {
      for (const [k, v] of Object.entries(r.tagKeys)) {
        if (!(k in tagKeys)) problems.push(`unknown setting 'tagKeys.${k}'`);
        else if (typeof v !== "string" || v.length === 0) problems.push(`'tagKeys.${k}' must be a non-empty string`);
        else tagKeys[k as keyof typeof tagKeys] = v;
      }
    }
  }
  let assumeCustomerData = DEFAULT_CONFIG.assumeCustomerData;
  if (r.assumeCustomerData !== undefined) {
    if (typeof r.assumeCustomerData !== "boolean") problems.push(`'assumeCustomerData' must be true or false`);
    else assumeCustomerData = r.assumeCustomerData;
  }
  let untaggedClassification = DEFAULT_CONFIG.untaggedClassification;
  if (r.untaggedClassification !== undefined) {
    if (!isLevel(r.untaggedClassification)) {
      problems.push(`'untaggedClassification' must be one of ${CLASSIFICATION_LEVELS.join(", ")}`);
    } else untaggedClassification = r.untaggedClassification;
  }
  let customerDataLevels = DEFAULT_CONFIG.customerDataLevels;
  if (r.customerDataLevels !== undefined) {
    if (!Array.isArray(r.customerDataLevels) || !r.customerDataLevels.every(isLevel)) {
      problems.push(`'customerDataLevels' must be a list of ${CLASSIFICATION_LEVELS.join(", ")}`);
    } else customerDataLevels = r.customerDataLevels;
  }
  let logicalDatabaseSegments = DEFAULT_CONFIG.logicalDatabaseSegments;
  const lds = r.logicalDatabaseSegments;
  if (lds !== undefined) {
    if (typeof lds !== "object" || lds === null || Array.isArray(lds) || !Object.values(lds).every((v) => typeof v === "string" && v.trim() !== "")) {
      problems.push(`'logicalDatabaseSegments' must map database names to non-empty segment names`);
    } else logicalDatabaseSegments = lds as Record<string, string>;
  }
  if (problems.length > 0) throw new ConfigError(source, problems);
  return { tagKeys, assumeCustomerData, untaggedClassification, customerDataLevels, logicalDatabaseSegments };
}

export function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  return typeof v === "object" ? "an object" : `${typeof v}`;
}
