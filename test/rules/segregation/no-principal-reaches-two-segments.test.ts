import { describe, expect, it } from "vitest";
import { noPrincipalReachesTwoSegments as rule } from "../../../src/rules/segregation";
import { engineResource, UNKNOWN, urnOf } from "../../helpers/engine";
import { run } from "../../helpers/models";
import { segment, stack, u } from "./segment-stack";

const ROLE = "aws:iam/role:Role";
const role = (tags: Record<string, string> = {}) =>
  engineResource(ROLE, "reporting", { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] }), tags });
const rolePolicy = (policy: unknown, sources: string[]) =>
  engineResource("aws:iam/rolePolicy:RolePolicy", "reporting-read", { role: UNKNOWN, policy }, { role: [urnOf(ROLE, "reporting")], policy: sources });
const decrypt = (n: number) => ({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:Decrypt", Resource: Array(n).fill(UNKNOWN) }] });
const bucket = (s: string) => engineResource("aws:s3/bucket:Bucket", `docs-${s}`, { bucket: `acme-docs-${s}`, tags: { "data-classification": "restricted", "customer-segment": s } });
const verdict = (...extra: Parameters<typeof engineResource>[]) => {
  const inv = stack(segment("a"), segment("b"), [bucket("a"), bucket("b")], extra.map((r) => engineResource(...r)));
  return run(rule, inv).find((o) => o.resource.name === "reporting");
};

describe("CDG-SEG-005 no-principal-reaches-two-segments", () => {
  it("compliant: a role decrypting one segment's key (preview: ARN unknown, joined by dependency)", () => {
    const inv = stack(segment("a"), segment("b"), [role(), rolePolicy(decrypt(1), [u("key", "key-a")])]);
    expect(run(rule, inv).find((o) => o.resource.name === "reporting")).toMatchObject({ status: "pass", message: "IAM role 'reporting' reaches segment 'a' only" });
  });

  it("violation: a role decrypting both segments' keys", () => {
    const inv = stack(segment("a"), segment("b"), [role(), rolePolicy(decrypt(2), [u("key", "key-a"), u("key", "key-b")])]);
    expect(run(rule, inv).find((o) => o.resource.name === "reporting")).toMatchObject({
      status: "fail",
      message: "IAM role 'reporting' can reach the data of segments 'a' (KMS key 'key-a') and 'b' (KMS key 'key-b')",
    });
  });

  it("violation: known bucket ARNs of two segments", () => {
    const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: ["arn:aws:s3:::acme-docs-a/*", "arn:aws:s3:::acme-docs-b/*"] }] };
    const inv = stack(segment("a"), segment("b"), [bucket("a"), bucket("b"), role(), rolePolicy(JSON.stringify(policy), [])]);
    expect(run(rule, inv).find((o) => o.resource.name === "reporting")?.status).toBe("fail");
  });

  it("compliant: an approved cross-segment principal", () => {
    const inv = stack(segment("a"), segment("b"), [role({ "cdguard:approved-cross-segment": "true" }), rolePolicy(decrypt(2), [u("key", "key-a"), u("key", "key-b")])]);
    expect(run(rule, inv).find((o) => o.resource.name === "reporting")?.status).toBe("pass");
  });

  it("compliant: a Deny on both segments reaches nothing", () => {
    const deny = { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "kms:Decrypt", Resource: [UNKNOWN, UNKNOWN] }] };
    const inv = stack(segment("a"), segment("b"), [role(), rolePolicy(deny, [u("key", "key-a"), u("key", "key-b")])]);
    expect(run(rule, inv).find((o) => o.resource.name === "reporting")?.message).toBe("IAM role 'reporting' reaches no segmented data");
  });

  it("unknown: the whole document is computed (JSON built from outputs) and came from a segment's key", () => {
    const inv = stack(segment("a"), segment("b"), [role(), rolePolicy(UNKNOWN, [u("key", "key-a"), u("key", "key-b")])]);
    expect(run(rule, inv).find((o) => o.resource.name === "reporting")?.status).toBe("unknown");
  });

  it("is silent in a stack without segments", () => {
    expect(verdict()).toBeUndefined();
    expect(run(rule, stack([role(), rolePolicy(decrypt(1), [])]))).toEqual([]);
  });
});
