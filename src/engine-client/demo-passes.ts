// The passes behind `npm run demo`'s summary. The engine has no channel for a policy that passed, so the demo
// runs the same rules through the same core (src/core/evaluate) over the same recorded resources, in process,
// as the pack would judge them: resource rules per resource on its inputs (Analyze), stack rules once over
// every resource's outputs (AnalyzeStack). Failures, waivers and "not assessed" come from the pack itself.
import type { EngineResource } from "../adapters/pulumi/engine-resource";
import { buildInventory } from "../adapters/pulumi/inventory";
import { evaluate } from "../core/evaluate";
import type { Finding } from "../core/finding";
import { configFor } from "../core/pack-config";
import type { AnyRule, RuleContext } from "../core/rule";
import { settingsFor } from "../core/settings";
import type { RecordedResource } from "./record-encode";
import { isSecret } from "./wire";

/** @pulumi/policy hands policies secret values unwrapped; so does this. */
function unwrapped(value: unknown): unknown {
  if (isSecret(value)) return unwrapped(value.value);
  if (Array.isArray(value)) return value.map(unwrapped);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapped(v)]));
  }
  return value;
}

function engineResource(r: RecordedResource, stack: boolean): EngineResource {
  const props = unwrapped(stack ? r.outputs : r.properties) as Record<string, unknown>;
  return {
    urn: r.urn,
    type: r.type,
    name: r.name,
    props,
    propertyDependencies: stack ? r.propertyDependencies : {},
    ...(r.provider ? { provider: r.provider.urn } : {}),
    ...(stack ? { plannedState: true } : {}),
  };
}

const defaultContext = (rule: AnyRule): RuleContext<unknown> => settingsFor(rule, configFor(rule, {}));

/** Every passing finding of `rules` over a program's recorded resources, under the pack's default settings. */
export function passedFindings(rules: readonly AnyRule[], resources: readonly RecordedResource[]): Finding[] {
  const passes = (fs: Finding[]): Finding[] => fs.filter((f) => f.status === "pass");
  const out: Finding[] = [];
  const resourceRules = rules.filter((r) => r.scope === "resource");
  for (const r of resources.filter((x) => !x.external)) {
    const scope = { id: r.urn, type: r.type, name: r.name, label: r.type };
    out.push(...passes(evaluate(resourceRules, () => buildInventory([engineResource(r, false)]), defaultContext, { scope })));
  }
  const stackRules = rules.filter((r) => r.scope === "stack");
  const stackScope = { id: "stack", type: "pulumi:pulumi:Stack", name: "stack", label: "stack" };
  out.push(...passes(evaluate(stackRules, () => buildInventory(resources.map((r) => engineResource(r, true))), defaultContext, { scope: stackScope })));
  return out;
}
