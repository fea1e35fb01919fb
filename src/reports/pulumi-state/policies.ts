import type { ResourcePolicy, ResourcePolicyService } from "../../models/exposure";
import { known, Unwritable, type StateWriter } from "./context";

/** A policy document as v7 properties hold it: JSON text. */
export function documentText(document: unknown, what: string): string {
  const d = known(document, what);
  if (d === undefined) throw new Unwritable(`${what} is missing`);
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

/** The resource policy a queue, topic or secret keeps inline (it has one at most). */
export const inlinePolicy = (documents: readonly string[]): { policy?: string } => (documents[0] === undefined ? {} : { policy: documents[0] });
