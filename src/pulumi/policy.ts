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
import { buildInventory, SUPPORTED_TYPES } from "../adapters/pulumi/inventory";
import { isDatabaseProvider } from "../adapters/pulumi/stores/logical-database";
import { Props } from "../adapters/pulumi/props";
import { pillarTag, type AnyRule, type Outcome } from "../core/rule";
import { isUnknown } from "../core/value";
import { todayUtc, waiverFromTags } from "../core/waivers";
import { plainProps } from "./plain-props";
import { stackInventory } from "./stack-inventory-cache";
import { settingsFor, SHARED_SETTINGS, type PolicySettings } from "./settings";

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
        const outcomes = evaluate(rule, [resource], settings);
        settle(rule, outcomes, new Map([[resource.urn, resource]]), settings, report, args.notApplicable);
      },
    };
  }
  return {
    ...base,
    validateStack: (args: StackValidationArgs, report: ReportViolation) => {
      const settings = settingsFor(rule, args.getConfig());
      const resources = args.resources.filter((r) => SUPPORTED.has(r.type) || isDatabaseProvider(r.type)).map(fromPolicyResource);
      const outcomes = evaluate(rule, resources, settings);
      settle(rule, outcomes, new Map(resources.map((r) => [r.urn, r])), settings, report, args.notApplicable);
    },
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

/** Runs the rule; a rule error becomes "not assessed" rather than failing the whole preview. */
function evaluate(rule: AnyRule, resources: EngineResource[], settings: PolicySettings): Outcome[] | Error {
  try {
    const inventory = rule.scope === "stack" ? stackInventory(resources) : buildInventory(resources);
    return rule.evaluate(inventory, settings);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

/**
 * Violations go to the engine (waived ones as advisory, marked); when nothing failed, what could
 * not be judged is returned as the policy's not-applicable reason ("not assessed: ...").
 */
function settle(
  rule: AnyRule,
  outcomes: Outcome[] | Error,
  resources: Map<string, EngineResource>,
  settings: PolicySettings,
  report: ReportViolation,
  notApplicable: (reason?: string) => never,
): void {
  if (outcomes instanceof Error) {
    notApplicable(`not assessed (error): ${rule.id} could not evaluate: ${outcomes.message}`);
  }
  const today = todayUtc();
  let failed = 0;
  for (const o of outcomes as Outcome[]) {
    if (o.status !== "fail") continue;
    failed++;
    const resource = resources.get(o.resource.id);
    const tags = resource ? new Props(resource).tags() : undefined;
    const waiver = waiverFromTags(isUnknown(tags) ? undefined : tags, rule.id, settings.config, today);
    const message = `[${rule.id}] ${o.message}`;
    if (waiver.kind === "active") {
      const until = waiver.waiver.until ? ` until ${waiver.waiver.until}` : "";
      // The server also accepts a violation object with its own enforcement level (untyped but
      // implemented); a waived finding stays visible without blocking the preview.
      (report as unknown as (v: object) => void)({
        message: `${message} — WAIVED${until}: ${waiver.waiver.reason}`,
        urn: o.resource.id,
        enforcementLevel: "advisory",
      });
    } else {
      const note =
        waiver.kind === "expired"
          ? ` (waiver expired on ${waiver.waiver.until})`
          : waiver.kind === "invalid"
            ? ` (${waiver.problem})`
            : "";
      report(`${message}${note}`, o.resource.id);
    }
  }
  if (failed > 0) return;
  const unknowns = (outcomes as Outcome[]).filter((o) => o.status === "unknown");
  if (unknowns.length > 0) {
    const shown = unknowns.slice(0, 5).map((o) => o.message);
    const more = unknowns.length > 5 ? `; and ${unknowns.length - 5} more` : "";
    notApplicable(`not assessed: ${shown.join("; ")}${more}`);
  }
}

function configSchema(rule: AnyRule): PolicyConfigSchema {
  return { properties: { ...SHARED_SETTINGS, ...(rule.options ?? {}) } as PolicyConfigSchema["properties"] };
}
