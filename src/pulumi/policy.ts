import type {
  EnforcementLevel,
  PolicyConfigSchema,
  PolicyResource,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import type { EngineResource } from "../adapters/pulumi/engine-resource";
import { SUPPORTED_TYPES } from "../adapters/pulumi/inventory";
import { withOwnAccounts, type OwnAccountContext } from "../adapters/pulumi/own-account";
import { isDatabaseProvider } from "../adapters/pulumi/stores/logical-database";
import { evaluate } from "../core/evaluate";
import type { ResourceRef } from "../core/ref";
import { configFor, PACK_SETTINGS, packWideSchema } from "../core/pack-config";
import { pillarTag, type AnyRule, type OptionSchema } from "../core/rule";
import { settingsFor, SHARED_SETTINGS, type PolicySettings } from "../core/settings";
import type { Inventory } from "../models/inventory";
import { plainProps } from "./plain-props";
import { configuredEntries, configuredWaivers } from "./configure-check";
import { collectOverBudget } from "./heap-budget";
import { reportFindings, type NotAssessedDisplay } from "./report-findings";
import { resourceInventory, stackInventory } from "./request-inventory";

const SUPPORTED: ReadonlySet<string> = new Set(SUPPORTED_TYPES);

/** Mandatory blocks the preview; high and critical findings do, lower ones warn. */
export const defaultEnforcement = (rule: AnyRule): EnforcementLevel =>
  rule.severity === "high" || rule.severity === "critical" ? "mandatory" : "advisory";

export function policyTags(rule: AnyRule): string[] {
  return [rule.id, pillarTag(rule), ...Object.keys(rule.frameworks)];
}

/** One rule as one Pulumi policy: a resource policy when one resource settles it, else a stack policy. */
export function toPolicy(rule: AnyRule): ResourceValidationPolicy | StackValidationPolicy {
  const base = {
    name: rule.slug,
    description: `${rule.title} [${rule.id}]`,
    enforcementLevel: defaultEnforcement(rule),
    severity: rule.severity,
    tags: policyTags(rule),
    remediationSteps: rule.remediation,
    ...(rule.links[0] ? { url: rule.links[0] } : {}),
    configSchema: configSchema(rule),
  };
  if (rule.scope === "resource") {
    return {
      ...base,
      validateResource: (args: ResourceValidationArgs, report: ReportViolation) => {
        if (!SUPPORTED.has(args.type)) return;
        const { settings, display } = settingsOf(rule, args.getConfig());
        const resource = engineResource(args.urn, args.type, args.name, args.props, {}, args.provider?.urn);
        const scope: ResourceRef = { id: args.urn, type: args.type, name: args.name, label: args.type };
        const inventory = readsOwnAccounts(rule) ? () => resourceWithOwnAccounts(resourceInventory(resource), args) : () => resourceInventory(resource);
        judge(rule, inventory, settings, scope, report, args.notApplicable, display);
      },
    };
  }
  return {
    ...base,
    validateStack: (args: StackValidationArgs, report: ReportViolation) => {
      collectOverBudget();
      const { settings, display } = settingsOf(rule, args.getConfig());
      const toEngine = (rs: readonly PolicyResource[]) => rs.filter((r) => SUPPORTED.has(r.type) || isDatabaseProvider(r.type)).map(fromPolicyResource);
      const shared = () => stackInventory(args.resources, toEngine, (r) => plainProps(r.props));
      const inventory = readsOwnAccounts(rule) ? () => withOwnAccounts(shared(), { stackTags: args.stackTags }) : shared;
      judge(rule, inventory, settings, STACK_SCOPE, report, args.notApplicable, display);
    },
  };
}

/** Only rules that tell foreign accounts from the stack's own get the accounts the engine's context names. */
const readsOwnAccounts = (rule: AnyRule): boolean => (rule.reads as readonly string[]).includes("ownAccountIds");

/**
 * One view per request's inventory: every policy of an Analyze call is handed the same stack tags and
 * provider, and the inventory (request-inventory.ts) belongs to that one request.
 */
const withAccountsByInventory = new WeakMap<Inventory, Inventory>();

function resourceWithOwnAccounts(inventory: Inventory, args: ResourceValidationArgs): Inventory {
  let view = withAccountsByInventory.get(inventory);
  if (view === undefined) withAccountsByInventory.set(inventory, (view = withOwnAccounts(inventory, accountContext(args))));
  return view;
}

/** Analyze tells the stack's tags and the resource's provider (whose config may name the accounts). */
const accountContext = (args: ResourceValidationArgs): OwnAccountContext => ({
  stackTags: args.stackTags,
  providerProps: () => (args.provider ? plainProps(args.provider.props) : undefined),
});

const STACK_SCOPE: ResourceRef = { id: "stack", type: "pulumi:pulumi:Stack", name: "stack", label: "stack" };

/** Builds the inventory and runs the rule through the core; building it may fail like the rule may. */
function judge(
  rule: AnyRule,
  inventoryOf: () => Inventory,
  settings: PolicySettings,
  scope: ResourceRef,
  report: ReportViolation,
  notApplicable: (reason?: string) => never,
  display: NotAssessedDisplay,
): void {
  const findings = evaluate([rule], inventoryOf, () => settings, { scope, waivers: configuredWaivers() });
  reportFindings(findings, report, notApplicable, display);
}

interface RuleSettings {
  readonly settings: PolicySettings;
  readonly display: NotAssessedDisplay;
}

/** Per rule, the settings last computed and what they were computed from: they change only at Configure. */
const settingsCache = new Map<AnyRule, { entries: object; own: string; value: RuleSettings }>();

/** The rule's settings: pack-wide ones (checked at Configure) overlaid with the policy's own entry. */
function settingsOf(rule: AnyRule, ownConfig: Record<string, unknown>): RuleSettings {
  const entries = configuredEntries();
  const own = JSON.stringify(ownConfig);
  const cached = settingsCache.get(rule);
  if (cached?.entries === entries && cached.own === own) return cached.value;
  const raw = configFor(rule, entries, ownConfig);
  const value: RuleSettings = { settings: settingsFor(rule, raw), display: raw.notAssessed === "hidden" ? "hidden" : "advisory" };
  settingsCache.set(rule, { entries, own, value });
  return value;
}

/**
 * The pack-wide settings entry as a policy of its own, so the engine accepts and type-checks it in
 * `--policy-pack-config` like any policy's entry. It judges nothing.
 */
export function packSettingsPolicy(rules: readonly AnyRule[]): ResourceValidationPolicy {
  return {
    name: PACK_SETTINGS,
    description: "Settings shared by every policy of this pack (tag keys, classification, accounts...); it checks nothing itself.",
    enforcementLevel: "advisory",
    configSchema: { properties: withoutDefaults(packWideSchema(rules)) as PolicyConfigSchema["properties"] },
    validateResource: () => undefined,
  };
}

function fromPolicyResource(r: PolicyResource): EngineResource {
  const deps: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(r.propertyDependencies)) deps[k] = v.map((d) => d.urn);
  return { ...engineResource(r.urn, r.type, r.name, r.props, deps, r.provider?.urn), plannedState: true };
}

function engineResource(
  urn: string,
  type: string,
  name: string,
  props: unknown,
  propertyDependencies: Record<string, string[]>,
  provider: string | undefined,
): EngineResource {
  return { urn, type, name, props: plainProps(props), propertyDependencies, ...(provider ? { provider } : {}) };
}

/**
 * The schema the engine checks a policy's entry against. Defaults are left out (and named in the
 * description): the engine would otherwise fill them into every policy's entry, where they would hide
 * the pack-wide settings.
 */
function configSchema(rule: AnyRule): PolicyConfigSchema {
  return { properties: withoutDefaults({ ...SHARED_SETTINGS, ...(rule.options ?? {}) }) as PolicyConfigSchema["properties"] };
}

function withoutDefaults(schemas: Record<string, OptionSchema>): Record<string, Omit<OptionSchema, "default">> {
  const out: Record<string, Omit<OptionSchema, "default">> = {};
  for (const [key, { default: fallback, ...schema }] of Object.entries(schemas)) {
    out[key] = fallback === undefined ? schema : { ...schema, description: `${schema.description} Default: ${JSON.stringify(fallback)}.` };
  }
  return out;
}
