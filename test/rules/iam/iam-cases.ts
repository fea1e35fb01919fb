import { buildExposures } from "../../../src/adapters/pulumi/exposure";
import { buildIamInventory } from "../../../src/adapters/pulumi/iam";
import { IAM_TYPE } from "../../../src/adapters/pulumi/iam/types";
import type { EngineResource } from "../../../src/adapters/pulumi/engine-resource";
import { expect, it } from "vitest";
import type { AnyRule, Outcome } from "../../../src/core/rule";
import { engineResource, UNKNOWN, urnOf } from "../../helpers/engine";
import { run } from "../../helpers/models";

export { UNKNOWN, urnOf };

export const T = IAM_TYPE;

export const OWN = "111122223333";
export const OTHER = "999988887777";

export function doc(...statements: unknown[]): Record<string, unknown> {
  return { Version: "2012-10-17", Statement: statements };
}

export function allow(action: unknown, resource: unknown = "*", extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Effect: "Allow", Action: action, Resource: resource, ...extra };
}

export function deny(action: unknown, resource: unknown = "*", extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Effect: "Deny", Action: action, Resource: resource, ...extra };
}

export const LAMBDA_TRUST = doc({ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" });

export const role = (name: string, props: Record<string, unknown> = {}, deps: Record<string, string[]> = {}): EngineResource =>
  engineResource(T.role, name, { assumeRolePolicy: JSON.stringify(LAMBDA_TRUST), ...props }, deps);

/** The resource shapes carrying one identity-based document, each holding `document`. */
export function documentShapes(document: unknown): [string, EngineResource][] {
  return [
    ["Role inlinePolicies", role("app", { inlinePolicies: [{ name: "inline", policy: document }] })],
    ["RolePolicy", engineResource(T.rolePolicy, "rp", { role: "app", policy: document })],
    ["UserPolicy", engineResource(T.userPolicy, "up", { user: "alice", policy: document })],
    ["GroupPolicy", engineResource(T.groupPolicy, "gp", { group: "devs", policy: document })],
    ["Policy", engineResource(T.policy, "p", { name: "p", policy: document })],
  ];
}

/** Runs a rule over the IAM inventory and the resource policies of the resources. */
export function judge(rule: AnyRule, resources: readonly EngineResource[], options: Record<string, unknown> = {}): Outcome[] {
  return run(rule, { iam: buildIamInventory(resources), resourcePolicies: buildExposures(resources).resourcePolicies }, options);
}

export const statusOf = (outcomes: Outcome[]): string => outcomes.map((o) => o.status).join(",");

/**
 * One test per case and document shape (documentShapes), with the document as an object and, when it holds
 * no computed value, as a JSON string too: each must give the expected statuses.
 */
export function itJudgesEveryShape(rule: AnyRule, cases: readonly (readonly [string, unknown, string])[]): void {
  for (const [name, document, expected] of cases) {
    for (const [shape, resource] of documentShapes(document)) {
      it(`${name} — ${shape}, object document`, () => {
        expect(statusOf(judge(rule, [resource]))).toBe(expected);
      });
    }
    if (JSON.stringify(document).includes(UNKNOWN)) continue;
    for (const [shape, resource] of documentShapes(JSON.stringify(document))) {
      it(`${name} — ${shape}, JSON string document`, () => {
        expect(statusOf(judge(rule, [resource]))).toBe(expected);
      });
    }
  }
}
