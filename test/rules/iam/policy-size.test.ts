import { describe, expect, it } from "vitest";
import { measurePolicy } from "../../../src/iam";
import { iamPolicyActionsScopedToResources } from "../../../src/rules/iam/iam-policy-actions-scoped-to-resources";
import { iamPolicyGrantsNoWildcardAccess } from "../../../src/rules/iam/iam-policy-grants-no-wildcard-access";
import { allow, doc, documentShapes, judge, statusOf, UNKNOWN } from "./iam-cases";

// AWS rejects an identity policy over its size limit (whitespace not counted): a managed policy over
// 6,144 characters, the inline policies of a role over 10,240, of a user over 2,048, of a group over
// 5,120. CDG-IAM-001 and CDG-IAM-002 judge such a document a violation at once.

const LIMITS: Record<string, number> = {
  "Role inlinePolicies": 10_240,
  RolePolicy: 10_240,
  UserPolicy: 2_048,
  GroupPolicy: 5_120,
  Policy: 6_144,
};

/** A compliant document (one scoped read) of exactly `size` characters without whitespace. */
function documentOfSize(size: number, resource: unknown = "arn:aws:s3:::orders/*"): Record<string, unknown> {
  const make = (sid: string): Record<string, unknown> => doc({ Sid: sid, ...allow("s3:GetObject", resource) });
  const base = measurePolicy(make(""))?.characters ?? 0;
  return make("A".repeat(size - base));
}

const RULES = [
  ["CDG-IAM-001", iamPolicyGrantsNoWildcardAccess],
  ["CDG-IAM-002", iamPolicyActionsScopedToResources],
] as const;

describe.each(RULES)("%s and AWS's policy size limits", (_id, rule) => {
  for (const [shape, limit] of Object.entries(LIMITS)) {
    const shapeOf = (document: unknown) => {
      const found = documentShapes(document).find(([s]) => s === shape);
      if (found === undefined) throw new Error(`no shape ${shape}`);
      return found[1];
    };

    it(`compliant: a ${shape} document of exactly ${limit} characters`, () => {
      expect(statusOf(judge(rule, [shapeOf(documentOfSize(limit))]))).toBe("pass");
      expect(statusOf(judge(rule, [shapeOf(JSON.stringify(documentOfSize(limit), null, 2))]))).toBe("pass");
    });

    it(`violation: a ${shape} document one character over ${limit}`, () => {
      const outcomes = judge(rule, [shapeOf(documentOfSize(limit + 1))]);
      expect(statusOf(outcomes)).toBe("fail");
      expect(outcomes[0]?.message).toContain(`the policy document is ${(limit + 1).toLocaleString("en-US")} characters long (whitespace not counted), over the ${limit.toLocaleString("en-US")}-character limit`);
      expect(outcomes[0]?.message).toMatch(/AWS would reject it$/);
    });

    it(`violation: a ${shape} document whose known part alone is over ${limit}`, () => {
      // The engine's unknown sentinel (38 characters here) counts for nothing once decoded.
      const outcomes = judge(rule, [shapeOf(documentOfSize(limit + 100, UNKNOWN))]);
      expect(statusOf(outcomes)).toBe("fail");
      expect(outcomes[0]?.message).toContain("the policy document is at least");
    });

    it(`unknown: a ${shape} document that is not known`, () => {
      expect(statusOf(judge(rule, [shapeOf(UNKNOWN)]))).toBe("unknown");
    });
  }

  it("judges the size before what the document grants, and names no document text", () => {
    const big = doc(...Array.from({ length: 300 }, (_, i) => allow("*", `arn:aws:s3:::secret-bucket-${i}/*`)));
    const [, policy] = documentShapes(big).find(([s]) => s === "Policy") ?? [];
    const outcomes = judge(rule, policy === undefined ? [] : [policy]);
    expect(statusOf(outcomes)).toBe("fail");
    expect(outcomes[0]?.message).toMatch(/^IAM policy 'p': the policy document is [\d,]+ characters long \(whitespace not counted\), over the 6,144-character limit of a managed policy: AWS would reject it$/);
    expect(outcomes[0]?.message).not.toContain("secret-bucket");
  });
});
