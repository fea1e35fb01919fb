import type { ResourcePolicy, ResourcePolicyService } from "../../models/exposure";
import { known, type StateWriter } from "./context";

/** A policy document as v7 properties hold it: JSON text. */
export function documentText(document: unknown, what: string): string {
  const d = known(document, what);
  return typeof d === "string" ? d : JSON.stringify(d);
}

/** The resource policies of one service that govern a model. */
export function resourcePoliciesOf(w: StateWriter, target: string, service: ResourcePolicyService): ResourcePolicy[] {
  return (w.inventory.resourcePolicies ?? []).filter((p) => p.service === service && p.target === target);
}

/** The documents of those policies, as JSON text. */
export function policiesOf(w: StateWriter, target: string, service: ResourcePolicyService): string[] {
  return resourcePoliciesOf(w, target, service).map((p) => documentText(p.document, p.origin));
}
