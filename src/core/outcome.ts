import type { ResourceRef } from "./ref";
import type { Outcome } from "./rule";
import type { Unknown } from "./value";

export const pass = (resource: ResourceRef, message: string): Outcome => ({ status: "pass", resource, message });
export const fail = (resource: ResourceRef, message: string): Outcome => ({ status: "fail", resource, message });
export const notApplicable = (resource: ResourceRef, message: string): Outcome => ({
  status: "not-applicable",
  resource,
  message,
});

/** "Not assessed": `what` names the value that could not be judged; fronts say "not assessed" themselves. */
export function notAssessed(resource: ResourceRef, what: string, u: Unknown): Outcome {
  return {
    status: "unknown",
    resource,
    reason: u.reason,
    message: `${describe(resource)}: ${what} is unknown (${u.reason}: ${u.detail})`,
  };
}

/** How messages name a resource: its kind of resource and its name. */
export function describe(resource: ResourceRef): string {
  return `${resource.label} '${resource.name}'`;
}
