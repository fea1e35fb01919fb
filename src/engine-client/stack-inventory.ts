// The Pulumi front of the customer-data inventory: a stack's resources (a `pulumi stack export` file, a
// recorded program) → the engine resources AnalyzeStack would hand the pack → the models → every rule's
// findings → the DataInventory (src/access). The same path as the pack's stack policies (src/pulumi/policy.ts):
// outputs, one inventory of the whole stack, the own accounts the stack itself tells.
import type { DataInventory, InventoryGap } from "../access/model";
import { buildDataInventory } from "../access/build";
import type { EngineResource } from "../adapters/pulumi/engine-resource";
import { buildInventory, SUPPORTED_TYPES } from "../adapters/pulumi/inventory";
import { accountIdsOfContext, withOwnAccounts } from "../adapters/pulumi/own-account";
import { isDatabaseProvider } from "../adapters/pulumi/stores/logical-database";
import { evaluate } from "../core/evaluate";
import { configFor, PACK_SETTINGS, type ConfigEntries } from "../core/pack-config";
import type { AnyRule, RuleContext } from "../core/rule";
import { settingsFor } from "../core/settings";
import type { GuardConfig } from "../core/config";
import { secretTextsOfWire } from "../pulumi/request-secrets";
import { textRedactor } from "../pulumi/safe-message";
import type { AnalyzerResourceInput } from "./analyzer-types";
import { analyzerResourcesOf, type StateFile } from "./state-file";
import { isPlainObject, isSecret, SECRET_SIG, SIG_KEY, UNKNOWN } from "./wire";

/** A stack file that cannot be read as one: the message names the file and what is wrong. */
export class StackInputError extends Error {
  override readonly name = "StackInputError";
}

/** A stack's resources as AnalyzeStack sees them, with what must never be printed and what could not be read. */
export interface StackResources {
  readonly project: string;
  readonly stack: string;
  readonly resources: readonly EngineResource[];
  /** The AWS providers' properties (allowedAccountIds names the stack's own accounts). */
  readonly providerProps: readonly unknown[];
  /** Every text a secret value of the resources could be printed as. */
  readonly secretTexts: readonly string[];
  readonly gaps: readonly InventoryGap[];
}

export interface PulumiInventoryOptions {
  readonly rules: readonly AnyRule[];
  /** The pack's configuration entries (`--config`), as the scan reads them. */
  readonly entries: ConfigEntries;
}

const STACK_SCOPE = { id: "stack", type: "pulumi:pulumi:Stack", name: "stack", label: "stack" };
const STACK_URN = /^urn:pulumi:([^:]+)::([^:]+)::/;
const ACCOUNT_ID = /^\d{12}$/;

/** The inventory of a stack's resources, judged by `rules` under the configured settings. */
export function pulumiDataInventory(stack: StackResources, opts: PulumiInventoryOptions): DataInventory {
  const judged = stack.resources.filter((r) => SUPPORTED.has(r.type) || isDatabaseProvider(r.type));
  const learned = buildInventory(judged);
  const providerAccounts = stack.providerProps.flatMap((p) => accountIdsOfContext({ providerProps: () => p }));
  const inventory = withOwnAccounts(learned, { providerProps: () => ({ allowedAccountIds: providerAccounts }) });
  const ownAccounts = unique([...(inventory.ownAccountIds ?? []), ...configuredOwnAccounts(opts.entries)]);
  const contextOf = (rule: AnyRule): RuleContext<unknown> => settingsFor(rule, configFor(rule, opts.entries));
  const findings = evaluate(opts.rules, () => inventory, contextOf, { scope: STACK_SCOPE });
  const doc = buildDataInventory({
    inventory,
    findings,
    config: packWideConfig(opts.entries),
    source: { front: "pulumi", name: `${stack.project}/${stack.stack}`, accounts: ownAccounts },
    ownAccounts,
  });
  const withGaps = stack.gaps.length === 0 ? doc : { ...doc, gaps: [...doc.gaps, ...stack.gaps] };
  return redacted(withGaps, stack.secretTexts);
}

const SUPPORTED: ReadonlySet<string> = new Set(SUPPORTED_TYPES);

/** The shared settings every rule gets from `pack-settings` (and `all`): tag keys, classification defaults. */
export function packWideConfig(entries: ConfigEntries): GuardConfig {
  return settingsFor(PACK_WIDE, configFor(PACK_WIDE, entries, {})).config;
}

/** A rule without options of its own: its settings are exactly the pack-wide ones. */
const PACK_WIDE = { slug: PACK_SETTINGS, options: {} } as unknown as AnyRule;

/** `ownAccountIds` set for the whole pack (`pack-settings` or `all`). */
export function configuredOwnAccounts(entries: ConfigEntries): string[] {
  const out: string[] = [];
  for (const source of [entries.all, entries[PACK_SETTINGS]]) {
    const ids = source?.ownAccountIds;
    if (Array.isArray(ids)) out.push(...ids.filter((id): id is string => typeof id === "string" && ACCOUNT_ID.test(id)));
  }
  return unique(out);
}

/** A `pulumi stack export` file: each resource's outputs, as `pulumi policy analyze --file` sends AnalyzeStack. */
export function stackResourcesOfExport(text: string, source: string): StackResources {
  const doc = parseJson(text, source);
  const deployment = isPlainObject(doc) ? doc.deployment : undefined;
  if (!isPlainObject(doc) || typeof doc.version !== "number" || !isPlainObject(deployment)) {
    throw new StackInputError(`${source}: not a \`pulumi stack export\` file (no version and deployment)`);
  }
  if (doc.version !== 3) throw new StackInputError(`${source}: deployment version ${doc.version}; cdguard reads version 3 (\`pulumi stack export\` of Pulumi 3)`);
  const raw = deployment.resources ?? [];
  if (!Array.isArray(raw)) throw new StackInputError(`${source}: deployment.resources is not a list`);
  let encrypted = 0;
  const resources = raw.map((r, i) => {
    if (!isPlainObject(r) || typeof r.urn !== "string" || typeof r.type !== "string") {
      throw new StackInputError(`${source}: deployment.resources[${i}] is not a resource (no urn and type)`);
    }
    const plain = (v: unknown): Record<string, unknown> => {
      const { value, sealed } = withoutCiphertext(isPlainObject(v) ? v : {});
      encrypted += sealed;
      return value as Record<string, unknown>;
    };
    return {
      ...r,
      urn: r.urn,
      type: r.type,
      inputs: plain(r.inputs),
      outputs: plain(r.outputs),
      dependencies: Array.isArray(r.dependencies) ? r.dependencies : [],
      propertyDependencies: isPlainObject(r.propertyDependencies) ? r.propertyDependencies : {},
    };
  });
  const state = { version: 3, deployment: { ...deployment, resources } } as unknown as StateFile;
  let analyzed: AnalyzerResourceInput[];
  try {
    analyzed = analyzerResourcesOf(state, "analyzeStack");
  } catch (e) {
    throw new StackInputError(`${source}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const { project, stack } = identityOf(analyzed.map((r) => r.urn), source);
  const gaps: InventoryGap[] =
    encrypted === 0
      ? []
      : [{ subject: `${project}/${stack}`, reason: `${encrypted} secret value(s) in ${source} are encrypted (export with \`pulumi stack export --show-secrets\` to read them): each is unknown here` }];
  return stackOf(analyzed, { project, stack, plannedState: false, gaps });
}

/**
 * A recorded resource file: the resources the repo's recorder (src/engine-client/record.ts) gives for a
 * program, as a JSON list (or `{"resources": [...]}`), with each resource's `outputs` in the engine's wire
 * encoding (unknown sentinels in a new stack's preview, secret envelopes).
 */
export function stackResourcesOfRecording(text: string, source: string): StackResources {
  const doc = parseJson(text, source);
  const list = Array.isArray(doc) ? doc : isPlainObject(doc) ? doc.resources : undefined;
  if (!Array.isArray(list)) throw new StackInputError(`${source}: not a recorded resource file (a JSON list of resources, or {"resources": [...]})`);
  const resources = list.map((r, i): AnalyzerResourceInput => {
    if (!isPlainObject(r) || typeof r.urn !== "string" || typeof r.type !== "string" || !STACK_URN.test(r.urn)) {
      throw new StackInputError(`${source}: resources[${i}] is not a recorded resource (no urn and type)`);
    }
    const props = isPlainObject(r.outputs) ? r.outputs : isPlainObject(r.properties) ? r.properties : {};
    const provider = isPlainObject(r.provider) && isPlainObject(r.provider.properties) ? r.provider : undefined;
    return {
      urn: r.urn,
      type: r.type,
      name: typeof r.name === "string" ? r.name : r.urn.split("::").slice(3).join("::"),
      properties: props,
      propertyDependencies: isPlainObject(r.propertyDependencies) ? (r.propertyDependencies as Record<string, string[]>) : {},
      dependencies: Array.isArray(r.dependencies) ? (r.dependencies as string[]) : [],
      ...(provider ? { provider: provider as unknown as AnalyzerResourceInput["provider"] } : {}),
    };
  });
  return stackOf(resources, { ...identityOf(resources.map((r) => r.urn), source), plannedState: true, gaps: [] });
}

/** Recorded resources (`RecordedResource[]`, as analyze-program.ts records them) as AnalyzeStack sees them. */
export function stackResourcesOfRecorded(resources: readonly (AnalyzerResourceInput & { outputs?: Record<string, unknown> })[], source: string): StackResources {
  const asStack = resources.map((r) => ({ ...r, properties: r.outputs ?? r.properties }));
  return stackOf(asStack, { ...identityOf(asStack.map((r) => r.urn), source), plannedState: true, gaps: [] });
}

interface StackFacts {
  readonly project: string;
  readonly stack: string;
  /** A preview's planned state: an unknown without a dependency is a provider default (engine-resource.ts). */
  readonly plannedState: boolean;
  readonly gaps: readonly InventoryGap[];
}

function stackOf(analyzed: readonly AnalyzerResourceInput[], facts: StackFacts): StackResources {
  const secretTexts = new Set<string>();
  const providers = new Map<string, unknown>();
  const resources = analyzed.map((r): EngineResource => {
    for (const t of secretTextsOfWire(r.properties)) secretTexts.add(t);
    if (r.provider && r.provider.type === "pulumi:providers:aws") providers.set(r.provider.urn, unwrapped(r.provider.properties));
    return {
      urn: r.urn,
      type: r.type,
      name: r.name,
      props: unwrapped(r.properties) as Record<string, unknown>,
      propertyDependencies: r.propertyDependencies,
      ...(r.provider ? { provider: r.provider.urn } : {}),
      ...(facts.plannedState ? { plannedState: true } : {}),
    };
  });
  return { project: facts.project, stack: facts.stack, resources, providerProps: [...providers.values()], secretTexts: [...secretTexts], gaps: facts.gaps };
}

function identityOf(urns: readonly string[], source: string): { project: string; stack: string } {
  const m = urns.map((u) => STACK_URN.exec(u)).find((x) => x !== null);
  if (!m) return { project: "unknown-project", stack: source };
  return { stack: m[1]!, project: m[2]! };
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new StackInputError(`${source}: not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** A secret `pulumi stack export` left encrypted (ciphertext, no plaintext) is a value not known here. */
function withoutCiphertext(value: unknown): { value: unknown; sealed: number } {
  let sealed = 0;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!isPlainObject(v)) return v;
    if (v[SIG_KEY] === SECRET_SIG && typeof v.plaintext !== "string") {
      sealed++;
      return UNKNOWN;
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
  };
  return { value: walk(value), sealed };
}

/** @pulumi/policy hands policies secret values unwrapped; so does this. */
function unwrapped(value: unknown): unknown {
  if (isSecret(value)) return unwrapped(value.value);
  if (Array.isArray(value)) return value.map(unwrapped);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapped(v)]));
  return value;
}

/** The document with every text a secret could be printed as replaced by `[secret]` (keys too), as the pack's messages are. */
export function redacted<T>(doc: T, secrets: readonly string[]): T {
  if (!secrets.some((s) => s.trim() !== "")) return doc;
  const text = textRedactor(secrets);
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return text(v);
    if (Array.isArray(v)) return v.map(walk);
    if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [text(k), walk(x)]));
    return v;
  };
  return walk(doc) as T;
}

const unique = (ids: readonly string[]): string[] => [...new Set(ids)];
