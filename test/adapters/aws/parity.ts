import { expect } from "vitest";

/**
 * What differs between a model built from a Pulumi resource and one built from the SDK's answers
 * for the same deployed resource, and nothing else: references (URN vs ARN, in `ref` and every
 * `...Ref` field) and `observed`, which names the setting the way each front spells it.
 */
export function withoutFrontDetails(model: unknown): unknown {
  if (Array.isArray(model)) return model.map(withoutFrontDetails);
  if (typeof model !== "object" || model === null) return model;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(model)) {
    if (k === "ref" || k.endsWith("Ref") || k === "observed") continue;
    out[k] = withoutFrontDetails(v);
  }
  return out;
}

/** Asserts the two fronts built the same model of one resource. */
export function expectParity(fromAws: unknown, fromPulumi: unknown): void {
  expect(withoutFrontDetails(fromAws)).toEqual(withoutFrontDetails(fromPulumi));
}
