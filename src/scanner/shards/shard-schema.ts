import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";

const strings = { type: "array", items: { type: "string" } } as const;
const account = { type: "string", pattern: "^[0-9]{12}$" } as const;

const header = {
  type: "object",
  required: ["kind", "version", "tool", "shard", "caller", "accounts", "unitRegions", "unitsDigest", "homeRegion", "requestedRegions", "rules", "entries", "waivers", "today", "startedAt"],
  properties: {
    kind: { const: "cdguard-shard" },
    version: { type: "integer" },
    tool: { type: "object", required: ["name", "version"], properties: { name: { type: "string" }, version: { type: "string" } } },
    shard: {
      type: "object",
      required: ["index", "total"],
      properties: { index: { type: "integer", minimum: 1 }, total: { type: "integer", minimum: 1 } },
    },
    caller: { type: "object", required: ["account", "partition", "arn"], properties: { account, partition: { type: "string" }, arn: { type: "string" } } },
    accounts: { type: "array", items: account },
    unitRegions: strings,
    unitsDigest: { type: "string" },
    homeRegion: { type: "string" },
    requestedRegions: { anyOf: [strings, { type: "null" }] },
    rules: strings,
    entries: { type: "object" },
    waivers: { anyOf: [{ type: "array" }, { type: "null" }] },
    today: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
    startedAt: { type: "string" },
  },
} as const;

const regionPlan = {
  type: "object",
  required: ["scan", "notEnabled", "unknownNames"],
  properties: { scan: strings, notEnabled: strings, unknownNames: strings },
} as const;

const accountLine = {
  type: "object",
  required: ["kind", "account", "partition", "units", "regions", "answers"],
  properties: {
    kind: { const: "account" },
    account,
    partition: { type: "string" },
    units: strings,
    regions: regionPlan,
    setupFailure: {
      type: "object",
      required: ["reason", "service", "action", "region", "detail"],
      properties: { reason: { type: "string" }, service: { type: "string" }, action: { type: "string" }, region: { type: "string" }, detail: { type: "string" } },
    },
    answers: {
      type: "array",
      items: { type: "object", required: ["fetcher", "region"], properties: { fetcher: { type: "string" }, region: { type: "string" }, error: { type: "string" } } },
    },
  },
} as const;

const endLine = {
  type: "object",
  required: ["kind", "finishedAt", "stats", "accounts"],
  properties: {
    kind: { const: "end" },
    finishedAt: { type: "string" },
    stats: { type: "object", required: ["requests", "retries"], properties: { requests: { type: "object" }, retries: { type: "object" } } },
    accounts: { type: "integer", minimum: 0 },
  },
} as const;

let validators: { header: ValidateFunction; account: ValidateFunction; end: ValidateFunction } | undefined;

/** Validators of a shard file's three kinds of line. */
export function shardValidators(): NonNullable<typeof validators> {
  if (!validators) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
    validators = { header: ajv.compile(header), account: ajv.compile(accountLine), end: ajv.compile(endLine) };
  }
  return validators;
}

export function schemaErrors(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || "(the line)"} ${e.message ?? "is invalid"}`)
    .join("; ");
}
