// Turns the resource registrations a program made into the resources the engine would hand an
// analyzer. Pure functions: record-child.ts captures, this file decides.
//
// Which resources: the engine runs every registered resource through the step generator, so Analyze
// and AnalyzeStack see the root `pulumi:pulumi:Stack`, component resources, explicit providers and the
// default providers it registers itself for packages a program uses without naming a provider
// (pulumi/pulumi pkg/resource/deploy/step_generator.go: GenerateSteps -> analyzers, AnalyzeResources
// over all `news`). So the recorder keeps all of them and synthesizes the default providers
// (`pulumi:providers:<pkg>::default_<version>`, inputs = the stack's `<pkg>:*` config plus `version`).
// Resources read with `.get()` only reach AnalyzeStack; they are kept and marked `external`.
//
// What each call sees: Analyze a resource's inputs (as the provider's Check returned them), AnalyzeStack
// its outputs (step_generator.go AnalyzeResources: `v.Outputs`): for a custom resource what the provider
// returned (record-provider.ts), for a component, and the root stack, what it registered with
// registerOutputs (the stack: the program's exports), for a provider its inputs. As the step executor
// does, an output named in additionalSecretOutputs, or whose input is secret, is made secret.
import type { AnalyzerResourceInput, ProviderInput, ResourceOptionsInput } from "./analyzer-types";
import { defaultProvider } from "./resource-builder";
import {
  OUTPUT_VALUE_SIG, RESOURCE_REFERENCE_SIG, SECRET_SIG, SIG_KEY, UNKNOWN, isPlainObject, isSecret, secret, type WireValue,
} from "./wire";

/** One RegisterResource or ReadResource request, as captured at the mock monitor. */
export interface Registration extends Omit<ResourceOptionsInput, "parent"> {
  urn: string;
  type: string;
  name: string;
  custom: boolean;
  external: boolean;
  parent: string;
  /** The request's `object`/`properties` Struct as JSON (the SDK's wire encoding), after the provider's Check. */
  inputs: Record<string, unknown>;
  /**
   * The outputs, in the same encoding: the response's `object`/`properties` for a custom resource (what
   * the mocked provider returned), the registered outputs for a component.
   */
  outputs: Record<string, unknown>;
  /** The response's id ("" while unknown, and for components); for a read, the id asked for. */
  id: string;
  dependencies: string[];
  propertyDependencies: Record<string, string[]>;
  /** "<provider urn>::<provider id>", or "" for the default provider. */
  providerRef: string;
  /** The package version the SDK asked for (names the default provider). */
  version: string;
}

/**
 * A recorded resource: `properties` are its inputs (what Analyze gets), `outputs` what AnalyzeStack gets
 * (the harness's analyzeStack sends `outputs` when a resource has them; see analyzer-convert.ts).
 */
export interface RecordedResource extends AnalyzerResourceInput {
  custom: boolean;
  /** Read with `.get()`: the engine analyzes it only in AnalyzeStack. */
  external: boolean;
  /** The resource's outputs, in the analyzer's wire encoding (unknowns in a preview). */
  outputs: Record<string, unknown>;
  /** A custom resource's id; unset while unknown (preview) and for components. */
  id?: string;
}

export interface RecordContext {
  project: string;
  stack: string;
  config: Record<string, string>;
  secretConfigKeys: string[];
  /** A preview: the default providers' ids are unknown. Default false. */
  preview?: boolean;
}

/**
 * From the SDK's encoding to the analyzer's (MarshalOptions{KeepUnknowns, KeepSecrets,
 * SkipInternalKeys}, KeepResources false): resource references become their ID (unknown while it is
 * unknown) or, for components, their URN; output values become unknowns, secrets or plain values;
 * keys starting with "__" are dropped.
 */
export function toAnalyzerWire(value: unknown): WireValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map(toAnalyzerWire);
  if (!isPlainObject(value)) throw new TypeError(`unexpected value in a registration: ${String(value)}`);
  const sig = value[SIG_KEY];
  if (sig === SECRET_SIG) return secret(toAnalyzerWire(value.value));
  if (sig === RESOURCE_REFERENCE_SIG) {
    if (!("id" in value)) return String(value.urn);
    return value.id === "" || value.id === UNKNOWN ? UNKNOWN : toAnalyzerWire(value.id);
  }
  if (sig === OUTPUT_VALUE_SIG) {
    if (!("value" in value)) return UNKNOWN;
    const plain = toAnalyzerWire(value.value);
    return value.secret === true ? secret(plain) : plain;
  }
  const out: Record<string, WireValue> = {};
  for (const [k, v] of Object.entries(value)) {
    if (!k.startsWith("__") && v !== undefined) out[k] = toAnalyzerWire(v);
  }
  return out;
}

function wireObject(value: Record<string, unknown>): Record<string, unknown> {
  return toAnalyzerWire(value) as Record<string, unknown>;
}

const sortedUnique = (xs: string[]): string[] => [...new Set(xs)].sort();

/**
 * The step executor's rule for a new state's outputs: those named in additionalSecretOutputs (never
 * `id`), and those whose input is secret, become secret (pkg/resource/deploy/step_executor.go).
 */
export function secretOutputs(
  outputs: Record<string, unknown>, inputs: Record<string, unknown>, additionalSecretOutputs: readonly string[],
): Record<string, unknown> {
  const out = { ...outputs };
  for (const k of additionalSecretOutputs) {
    if (k !== "id" && k in out && !isSecret(out[k])) out[k] = secret(out[k] as WireValue);
  }
  for (const k of Object.keys(out)) {
    if (!isSecret(out[k]) && isSecret(inputs[k])) out[k] = secret(out[k] as WireValue);
  }
  return out;
}

function packageConfig(ctx: RecordContext, pkg: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(ctx.config)) {
    if (!key.startsWith(`${pkg}:`)) continue;
    out[key.slice(pkg.length + 1)] = ctx.secretConfigKeys.includes(key) ? secret(value) : value;
  }
  return out;
}

const isProviderType = (type: string): boolean => type.startsWith("pulumi:providers:");
const rank = (r: RecordedResource): number => (r.type === "pulumi:pulumi:Stack" ? 0 : isProviderType(r.type) ? 1 : 2);

/** The resources in a stable order: the root stack, then providers, then the rest, each by URN. */
export function toRecordedResources(registrations: Registration[], ctx: RecordContext): RecordedResource[] {
  const providers = new Map<string, ProviderInput>();
  for (const r of registrations) {
    if (isProviderType(r.type)) providers.set(r.urn, { urn: r.urn, type: r.type, name: r.name, properties: wireObject(r.inputs) });
  }
  const defaults = new Map<string, ProviderInput>();
  const providerFor = (r: Registration): ProviderInput | undefined => {
    if (!r.custom || isProviderType(r.type)) return undefined;
    if (r.providerRef !== "") {
      const urn = r.providerRef.slice(0, r.providerRef.lastIndexOf("::"));
      const found = providers.get(urn);
      if (!found) throw new Error(`${r.urn}: provider ${urn} was never registered`);
      return found;
    }
    const pkg = r.type.split(":")[0] ?? "";
    const p = defaultProvider(ctx, pkg, r.version, packageConfig(ctx, pkg));
    defaults.set(p.urn, p);
    return p;
  };
  const recorded: RecordedResource[] = registrations.map((r) => {
    const propertyDependencies: Record<string, string[]> = {};
    for (const [k, urns] of Object.entries(r.propertyDependencies)) {
      if (urns.length > 0) propertyDependencies[k] = sortedUnique(urns);
    }
    const properties = wireObject(r.inputs);
    const out: RecordedResource = {
      urn: r.urn, type: r.type, name: r.name, custom: r.custom, external: r.external,
      properties, outputs: secretOutputs(wireObject(r.outputs), properties, r.additionalSecretOutputs),
      propertyDependencies, dependencies: sortedUnique(r.dependencies),
      options: {
        protect: r.protect, ignoreChanges: r.ignoreChanges, additionalSecretOutputs: r.additionalSecretOutputs,
        aliases: [...new Set(r.aliases)], customTimeouts: r.customTimeouts,
        ...(r.deleteBeforeReplace === undefined ? {} : { deleteBeforeReplace: r.deleteBeforeReplace }),
      },
    };
    if (r.parent !== "") out.parent = r.parent;
    if (r.custom && r.id !== "" && r.id !== UNKNOWN) out.id = r.id;
    const provider = providerFor(r);
    if (provider) out.provider = provider;
    return out;
  });
  // The engine creates a default provider with its inputs as its outputs (and, with every value known,
  // an id; the name stands in for the engine's UUID, as the mocks' ids do).
  for (const p of defaults.values()) {
    recorded.push({
      ...p, custom: true, external: false, outputs: p.properties, propertyDependencies: {}, dependencies: [],
      ...(ctx.preview ? {} : { id: `${p.name}-id` }),
    });
  }
  return recorded.sort((a, b) => rank(a) - rank(b) || (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
}

/** Go duration strings ("1h30m", "5m", "90s") in seconds, as the engine stores custom timeouts. */
export function durationSeconds(text: string): number {
  if (text === "") return 0;
  const units: Record<string, number> = { ns: 1e-9, us: 1e-6, "µs": 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  let total = 0;
  const rest = text.replace(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g, (_, n: string, u: string) => {
    total += Number(n) * (units[u] ?? 0);
    return "";
  });
  if (rest !== "") throw new Error(`invalid duration ${JSON.stringify(text)}`);
  return total;
}
