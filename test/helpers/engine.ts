import type { EngineResource } from "../../src/adapters/pulumi/engine-resource";

/** The engine's sentinel for a value computed during the update. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export const urnOf = (type: string, name: string): string => `urn:pulumi:dev::shop::${type}::${name}`;

/** An engine resource for adapter and rule tests. */
export function engineResource(
  type: string,
  name: string,
  props: Record<string, unknown>,
  propertyDependencies: Record<string, string[]> = {},
): EngineResource {
  return {
    urn: urnOf(type, name),
    type,
    name,
    props,
    propertyDependencies,
  };
}
