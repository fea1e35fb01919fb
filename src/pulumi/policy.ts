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
import { isDatabaseProvider } from "../adapters/pulumi/stores/logical-database";
import { evaluate } from "../core/evaluate";
import type { ResourceRef } from "../core/ref";
import { pillarTag, type AnyRule } from "../core/rule";
import { settingsFor, SHARED_SETTINGS, type PolicySettings } from "../core/settings";
import type { Inventory } from "../models/inventory";
import { plainProps } from "./plain-props";
import { reportFindings } from "./report-findings";
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
        const settings = settingsFor(rule, args.getConfig());
        const resource = engineResource(args.urn, args.type, args.name, args.props, {}, args.provider?.urn);
        const scope: ResourceRef = { id: args.urn, type: args.type, name: args.name, label: args.type };
        judge(rule, () => resourceInventory(resource), settings, scope, report, args.notApplicable);
      },
    };
  }
  return {
    ...base,
    validateStack: (args: StackValidationArgs, report: ReportViolation) => {
      const settings = settingsFor(rule, args.getConfig());
      const resources = args.resources.filter((r) => SUPPORTED.has(r.type) || isDatabaseProvider(r.type)).map(fromPolicyResource);
      judge(rule, () => stackInventory(resources), settings, STACK_SCOPE, report, args.notApplicable);
    },
  };
}

const STACK_SCOPE: ResourceRef = { id: "stack", type: "pulumi:pulumi:Stack", name: "stack", label: "stack" };

/** Builds the inventory and runs the rule through the core; building it may fail like the rule may. */
function judge(
  rule: AnyRule,
  inventoryOf: () => Inventory,
  settings: PolicySettings,
  scope: ResourceRef,
  report: ReportViolation,
  notApplicable: (reason?: string) => never,
): void {
  const findings = evaluate([rule], inventoryOf, () => settings, { scope });
  reportFindings(findings, report, notApplicable);
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

function configSchema(rule: AnyRule): PolicyConfigSchema {
  return { properties: { ...SHARED_SETTINGS, ...(rule.options ?? {}) } as PolicyConfigSchema["properties"] };
}
