// Writes resources, as the engine would send them to an analyzer (analyzer-types.ts, recorded by
// record.ts), as a `pulumi stack export` state file, which `pulumi policy analyze --file` judges; and reads
// such a file back the way that command does.
//
// Shape (pulumi/pulumi sdk/go/common/apitype/core.go: UntypedDeployment, DeploymentV3, ResourceV3,
// SecretV1): {"version": 3, "deployment": {"manifest", "resources": [ResourceV3...]}}. Resources come
// in dependency order (a resource after its parent, provider and dependencies), as the engine writes
// them; every custom resource has an id; a resource names its provider as "<provider urn>::<provider
// id>", and the provider is one of the resources. Secrets are SecretV1 with `plaintext`: the JSON text
// of the value (a state file's plaintext secrets need no secrets provider).
//
// What the CLI does with the file (pkg/resource/deploy/analyze_snapshot.go, stateToAnalyzerResource):
// Analyze gets each resource's `inputs`, AnalyzeStack its `outputs`; both get the provider resource's
// `inputs` as the provider's properties, and the parent in the options. A state file has no unknowns:
// the engine reads its unknown sentinel as a computed value, which no deployed stack holds, so the
// writer refuses one, naming the resource and the property.
import { createHash } from "node:crypto";
import type { AnalyzerResourceInput, ProviderInput, ResourceOptionsInput } from "./analyzer-types";
import { SECRET_SIG, SIG_KEY, UNKNOWN, isPlainObject, isSecret, secret, type WireValue } from "./wire";

const ROOT_TYPE = "pulumi:pulumi:Stack";
const isProviderType = (type: string): boolean => type.startsWith("pulumi:providers:");
/** URN.Name(): everything after the type. */
const urnName = (urn: string): string => urn.split("::").slice(3).join("::");

/** A resource to write: what the engine sends an analyzer, plus what only a state file holds. */
export interface StateResourceInput extends AnalyzerResourceInput {
  /** Default: false for the root stack, true otherwise (recorded resources say). */
  custom?: boolean;
  /** Read with `.get()`. */
  external?: boolean;
  /** A custom resource's id. Default `<name>-id` (what the recorder's mocks return). */
  id?: string;
  /** The resource's outputs. Default: its `properties` (the inputs). */
  outputs?: Record<string, unknown>;
}

export interface StateFileOptions {
  project: string;
  stack: string;
  /** The manifest's time. Default 1970-01-01T00:00:00.000Z, so a file is a pure function of its resources. */
  time?: string;
}

export interface StateSecret {
  [SIG_KEY]: typeof SECRET_SIG;
  plaintext: string;
}

export interface StateResource {
  urn: string;
  custom: boolean;
  id?: string;
  type: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  parent?: string;
  protect?: boolean;
  external?: boolean;
  dependencies: string[];
  provider?: string;
  propertyDependencies: Record<string, string[]>;
  additionalSecretOutputs?: string[];
  aliases?: string[];
  customTimeouts?: { create?: number; update?: number; delete?: number };
  ignoreChanges?: string[];
}

export interface StateFile {
  version: 3;
  deployment: {
    manifest: { time: string; magic: string; version: string };
    resources: StateResource[];
  };
}

const MANIFEST_VERSION = "customer-data-guard state-file 1";

/** The engine's Deployment.generateURN for the root stack. */
export function rootStackUrn(o: { project: string; stack: string }): string {
  return `urn:pulumi:${o.stack}::${o.project}::${ROOT_TYPE}::${o.project}-${o.stack}`;
}

function path(base: string, key: string | number): string {
  return typeof key === "number" ? `${base}[${key}]` : base === "" ? key : `${base}.${key}`;
}

/** From the analyzer's wire encoding to a state file's: secrets become SecretV1 with plaintext; unknowns throw. */
export function toStateValue(value: unknown, where: string, at = ""): unknown {
  if (value === UNKNOWN) {
    throw new Error(`${where}: property '${at}' is unknown; a state file holds only known values (record with preview: false)`);
  }
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map((v, i) => toStateValue(v, where, path(at, i)));
  if (!isPlainObject(value)) throw new TypeError(`${where}: property '${at}' holds a ${typeof value}, which JSON cannot carry`);
  if (isSecret(value)) {
    const plaintext = JSON.stringify(toStateValue(value.value, where, at) ?? null);
    const out: StateSecret = { [SIG_KEY]: SECRET_SIG, plaintext };
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== undefined) out[k] = toStateValue(v, where, path(at, k));
  }
  return out;
}

/** From a state file's encoding back to the analyzer's wire encoding, as the CLI reads a plaintext secret. */
export function fromStateValue(value: unknown): WireValue {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map(fromStateValue);
  if (!isPlainObject(value)) throw new TypeError(`unexpected value in a state file: ${String(value)}`);
  if (value[SIG_KEY] === SECRET_SIG) {
    if (typeof value.plaintext !== "string" || value.plaintext === "") {
      throw new Error("malformed secret value: only plaintext secrets are supported");
    }
    return secret(fromStateValue(JSON.parse(value.plaintext)));
  }
  const out: Record<string, WireValue> = {};
  for (const [k, v] of Object.entries(value)) out[k] = fromStateValue(v);
  return out;
}

function stateObject(value: Record<string, unknown>, where: string): Record<string, unknown> {
  return toStateValue(value, where) as Record<string, unknown>;
}

const isRoot = (r: { type: string; parent?: string }): boolean => r.type === ROOT_TYPE && !r.parent;

/** Same JSON (keys in any order)? */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => sameValue(a[k], b[k]));
  }
  return a === b;
}

/** Resources in the engine's order: each after its parent, its provider and what it depends on; otherwise as given. */
function dependencyOrder(resources: StateResourceInput[]): StateResourceInput[] {
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: StateResourceInput[] = [];
  const visit = (r: StateResourceInput): void => {
    if (done.has(r.urn)) return;
    if (visiting.has(r.urn)) throw new Error(`state file: ${r.urn} depends on itself through its parent, provider or dependencies`);
    visiting.add(r.urn);
    const before = [r.parent, r.provider?.urn, ...r.dependencies, ...Object.values(r.propertyDependencies).flat()];
    for (const urn of before) {
      const dep = urn === undefined ? undefined : byUrn.get(urn);
      if (dep) visit(dep);
    }
    visiting.delete(r.urn);
    done.add(r.urn);
    out.push(r);
  };
  for (const r of resources) visit(r);
  return out;
}

function checkUrn(urn: string, o: StateFileOptions): void {
  const parts = urn.split("::");
  if (!urn.startsWith("urn:pulumi:") || parts.length < 4) throw new Error(`state file: ${JSON.stringify(urn)} is not a URN`);
  const stack = (parts[0] ?? "").slice("urn:pulumi:".length);
  if (stack !== o.stack || parts[1] !== o.project) {
    throw new Error(`state file: ${urn} is not in stack ${o.stack} of project ${o.project}`);
  }
}

function options(o: Partial<ResourceOptionsInput> | undefined): Partial<StateResource> {
  const out: Partial<StateResource> = {};
  if (o?.protect) out.protect = true;
  if (o?.ignoreChanges?.length) out.ignoreChanges = [...o.ignoreChanges];
  if (o?.additionalSecretOutputs?.length) out.additionalSecretOutputs = [...o.additionalSecretOutputs];
  if (o?.aliases?.length) out.aliases = [...o.aliases];
  const t = o?.customTimeouts;
  if (t && (t.create || t.update || t.delete)) {
    out.customTimeouts = {
      ...(t.create ? { create: t.create } : {}), ...(t.update ? { update: t.update } : {}), ...(t.delete ? { delete: t.delete } : {}),
    };
  }
  return out;
}

/**
 * The `pulumi stack export` state file of these resources. A root stack is added when none is given,
 * and a provider resource for every provider the resources name but do not include.
 */
export function toStateFile(resources: readonly StateResourceInput[], o: StateFileOptions): StateFile {
  const all: StateResourceInput[] = [...resources];
  const seen = new Set<string>();
  for (const r of all) {
    checkUrn(r.urn, o);
    if (seen.has(r.urn)) throw new Error(`state file: ${r.urn} appears twice`);
    seen.add(r.urn);
  }
  const root = rootStackUrn(o);
  if (!all.some(isRoot)) {
    all.unshift({ urn: root, type: ROOT_TYPE, name: `${o.project}-${o.stack}`, custom: false, properties: {}, propertyDependencies: {}, dependencies: [] });
  }
  // Providers: the resources' own, then any a resource names without including it.
  const providers = new Map<string, StateResourceInput>();
  for (const r of all) if (isProviderType(r.type)) providers.set(r.urn, r);
  const named = (p: ProviderInput, by: string): StateResourceInput => {
    const known = providers.get(p.urn);
    if (known) {
      if (!sameValue(known.properties, p.properties)) {
        throw new Error(`state file: ${by} names provider ${p.urn} with other properties than the provider resource has`);
      }
      return known;
    }
    checkUrn(p.urn, o);
    const added: StateResourceInput = { ...p, custom: true, propertyDependencies: {}, dependencies: [] };
    providers.set(p.urn, added);
    all.push(added);
    return added;
  };
  for (const r of [...all]) if (r.provider) named(r.provider, r.urn);

  const custom = (r: StateResourceInput): boolean => r.custom ?? !isRoot(r);
  const idOf = (r: StateResourceInput): string => r.id ?? `${r.name}-id`;
  const out = dependencyOrder(all).map((r): StateResource => {
    const res: StateResource = {
      urn: r.urn,
      custom: custom(r),
      ...(custom(r) ? { id: idOf(r) } : {}),
      type: r.type,
      inputs: stateObject(r.properties, `${r.urn} inputs`),
      outputs: stateObject(r.outputs ?? r.properties, `${r.urn} outputs`),
      ...(r.parent ? { parent: r.parent } : {}),
      ...options(r.options),
      ...(r.external ? { external: true } : {}),
      dependencies: [...r.dependencies],
      propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, v]) => [k, [...v]])),
    };
    if (r.provider) {
      const p = providers.get(r.provider.urn);
      if (!p) throw new Error(`state file: ${r.urn}: provider ${r.provider.urn} is missing`);
      res.provider = `${p.urn}::${idOf(p)}`;
    }
    return res;
  });
  return {
    version: 3,
    deployment: {
      manifest: {
        time: o.time ?? new Date(0).toISOString(),
        magic: createHash("sha256").update(MANIFEST_VERSION).digest("hex"),
        version: MANIFEST_VERSION,
      },
      resources: out,
    },
  };
}

/** The state file as `pulumi stack export` prints it. */
export function stateFileText(resources: readonly StateResourceInput[], o: StateFileOptions): string {
  return `${JSON.stringify(toStateFile(resources, o), null, 4)}\n`;
}

/**
 * The resources `pulumi policy analyze --file` sends the pack for a state file: with each resource's
 * inputs for Analyze, its outputs for AnalyzeStack; the provider's inputs in both; the parent both as a
 * field and in the options (analyze_snapshot.go, stateToAnalyzerResource).
 */
export function analyzerResourcesOf(state: StateFile, call: "analyze" | "analyzeStack"): AnalyzerResourceInput[] {
  const providers = new Map(state.deployment.resources.filter((r) => isProviderType(r.type)).map((r) => [r.urn, r]));
  return state.deployment.resources.map((r) => {
    const out: AnalyzerResourceInput = {
      urn: r.urn,
      type: r.type,
      name: urnName(r.urn),
      properties: fromStateValue(call === "analyze" ? r.inputs : r.outputs) as Record<string, unknown>,
      propertyDependencies: r.propertyDependencies,
      dependencies: r.dependencies,
      options: {
        protect: r.protect ?? false,
        ignoreChanges: r.ignoreChanges ?? [],
        additionalSecretOutputs: r.additionalSecretOutputs ?? [],
        aliases: r.aliases ?? [],
        customTimeouts: { create: r.customTimeouts?.create ?? 0, update: r.customTimeouts?.update ?? 0, delete: r.customTimeouts?.delete ?? 0 },
        ...(r.parent ? { parent: r.parent } : {}),
      },
    };
    if (r.parent) out.parent = r.parent;
    const p = r.provider ? providers.get(r.provider.slice(0, r.provider.lastIndexOf("::"))) : undefined;
    if (p) {
      out.provider = { urn: p.urn, type: p.type, name: urnName(p.urn), properties: fromStateValue(p.inputs) as Record<string, unknown> };
    }
    return out;
  });
}
