// Builds AnalyzerResourceInput values by hand, with URNs formed as the engine forms them
// (Deployment.generateURN: the root stack's type is left out of children's URNs).
import type { AnalyzerResourceInput, ProviderInput } from "./analyzer-types";

export interface StackRef {
  project: string;
  stack: string;
}

export function urnOf(s: StackRef, type: string, name: string, parentUrn?: string): string {
  let qualified = type;
  if (parentUrn) {
    const parentType = parentUrn.split("::")[2] ?? "";
    if (parentType !== "" && parentType !== "pulumi:pulumi:Stack") qualified = `${parentType}$${type}`;
  }
  return `urn:pulumi:${s.stack}::${s.project}::${qualified}::${name}`;
}

export function stackResource(s: StackRef): AnalyzerResourceInput {
  const type = "pulumi:pulumi:Stack";
  const name = `${s.project}-${s.stack}`;
  return { urn: urnOf(s, type, name), type, name, properties: {}, propertyDependencies: {}, dependencies: [] };
}

/** The provider the engine registers for a package when a program names none. */
export function defaultProvider(s: StackRef, pkg: string, version: string, config: Record<string, unknown> = {}): ProviderInput {
  const type = `pulumi:providers:${pkg}`;
  const name = version === "" ? "default" : `default_${version.replace(/\./g, "_")}`;
  return { urn: urnOf(s, type, name), type, name, properties: { ...config, ...(version === "" ? {} : { version }) } };
}

export function providerResource(p: ProviderInput): AnalyzerResourceInput {
  return { ...p, propertyDependencies: {}, dependencies: [] };
}

export interface ResourceExtras {
  parent?: string;
  provider?: ProviderInput;
  propertyDependencies?: Record<string, string[]>;
  /** Defaults to the union of the property dependencies. */
  dependencies?: string[];
}

export function resourceOf(
  s: StackRef, type: string, name: string, properties: Record<string, unknown>, extras: ResourceExtras = {},
): AnalyzerResourceInput {
  const propertyDependencies = extras.propertyDependencies ?? {};
  const dependencies = extras.dependencies ?? [...new Set(Object.values(propertyDependencies).flat())].sort();
  const r: AnalyzerResourceInput = {
    urn: urnOf(s, type, name, extras.parent),
    type,
    name,
    properties,
    propertyDependencies,
    dependencies,
  };
  if (extras.parent !== undefined) r.parent = extras.parent;
  if (extras.provider !== undefined) r.provider = extras.provider;
  return r;
}
