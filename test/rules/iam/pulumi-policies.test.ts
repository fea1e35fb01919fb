import type { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import { toPolicy } from "../../../src/pulumi/policy";
import { IAM_RULES } from "../../../src/rules/iam";
import { allow, doc, T, UNKNOWN, urnOf } from "./iam-cases";

// The IAM rules as the Pulumi engine runs them: resource policies get one resource without
// dependencies, the stack policy gets the planned state with dependencies.

class NotApplicable extends Error {}

interface Judged {
  readonly violations: string[];
  readonly notApplicable?: string;
}

function validateResource(slug: string, type: string, name: string, props: Record<string, unknown>): Judged {
  const rule = IAM_RULES.find((r) => r.slug === slug);
  const policy = rule && (toPolicy(rule) as ResourceValidationPolicy);
  const validate = policy?.validateResource;
  if (typeof validate !== "function") throw new Error(`${slug} is not a resource policy`);
  const violations: string[] = [];
  try {
    validate(
      {
        type,
        name,
        urn: urnOf(type, name),
        props,
        getConfig: () => ({}),
        notApplicable: (reason?: string) => {
          throw new NotApplicable(reason);
        },
      } as never,
      (message: unknown) => {
        // The object form carries its own level: the pack's advisory "not assessed" notes are not violations.
        const text = typeof message === "string" ? message : (message as { message: string }).message;
        if (!/^\[CDG-[A-Z]{3}-\d{3}\] not assessed\b/.test(text)) violations.push(text);
      },
    );
  } catch (e) {
    if (e instanceof NotApplicable) return { violations, notApplicable: e.message };
    throw e;
  }
  return { violations };
}

function validateStack(resources: PolicyResource[]): Judged {
  const rule = IAM_RULES.find((r) => r.scope === "stack");
  const policy = rule && (toPolicy(rule) as StackValidationPolicy);
  const violations: string[] = [];
  try {
    policy?.validateStack(
      {
        resources,
        getConfig: () => ({}),
        notApplicable: (reason?: string) => {
          throw new NotApplicable(reason);
        },
      } as never,
      (message: unknown) => {
        // The object form carries its own level: the pack's advisory "not assessed" notes are not violations.
        const text = typeof message === "string" ? message : (message as { message: string }).message;
        if (!/^\[CDG-[A-Z]{3}-\d{3}\] not assessed\b/.test(text)) violations.push(text);
      },
    );
  } catch (e) {
    if (e instanceof NotApplicable) return { violations, notApplicable: e.message };
    throw e;
  }
  return { violations };
}

function policyResource(type: string, name: string, props: Record<string, unknown>, dependsOn: Record<string, PolicyResource[]> = {}): PolicyResource {
  return { urn: urnOf(type, name), type, name, props, propertyDependencies: dependsOn, dependencies: Object.values(dependsOn).flat() } as unknown as PolicyResource;
}

describe("IAM rules through the Pulumi front", () => {
  it("violation: a RolePolicy alone (resource policy) granting s3:* is stopped, named by its id", () => {
    const r = validateResource("iam-policy-grants-no-wildcard-access", T.rolePolicy, "rp", { role: "app", policy: JSON.stringify(doc(allow("s3:*"))) });
    expect(r.violations).toEqual(["[CDG-IAM-001] IAM role policy 'rp': Statement[0] allows every action of s3 on *"]);
  });

  it("unknown: a document computed in preview is 'not assessed', never a violation", () => {
    const r = validateResource("iam-policy-actions-scoped-to-resources", T.rolePolicy, "rp", { role: UNKNOWN, policy: UNKNOWN });
    expect(r.violations).toEqual([]);
    expect(r.notApplicable).toContain("not assessed");
  });

  it("compliant: a scoped policy passes silently", () => {
    const r = validateResource("iam-policy-actions-scoped-to-resources", T.policy, "p", { policy: doc(allow("s3:GetObject", "arn:aws:s3:::b/*")) });
    expect(r).toEqual({ violations: [] });
  });

  it("violation: an attachment of AdministratorAccess, judged alone", () => {
    const r = validateResource("broad-aws-managed-policies-not-attached", T.rolePolicyAttachment, "a", { role: UNKNOWN, policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" });
    expect(r.violations).toEqual(["[CDG-IAM-004] IAM role policy attachment 'a' attaches AWS managed policy AdministratorAccess to a role"]);
  });

  it("violation: the stack policy joins an escalation split over two policies in preview", () => {
    const role = policyResource(T.role, "app", { name: UNKNOWN, assumeRolePolicy: "{}" });
    const pass = policyResource(T.rolePolicy, "pass", { role: UNKNOWN, policy: JSON.stringify(doc(allow("iam:PassRole"))) }, { role: [role] });
    const run = policyResource(T.rolePolicy, "run", { role: UNKNOWN, policy: JSON.stringify(doc(allow("ec2:RunInstances"))) }, { role: [role] });
    const r = validateStack([role, pass, run]);
    expect(r.violations).toHaveLength(1);
    expect(r.violations[0]).toMatch(/^\[CDG-IAM-003\] IAM role 'app' can escalate its privileges/);
    expect(validateStack([role, pass]).violations).toEqual([]);
  });
});
