import { describe, expect, it } from "vitest";
import { unknown } from "../../src/core/value";
import { analyzePolicy, measurePolicy, policySizeProblem, POLICY_SIZE_LIMITS, verdictFor, type PolicySizeKind } from "../../src/iam";
import { allow, doc } from "./helpers";

/** A well-formed document of exactly `size` characters once whitespace is left out (padded in its Sid). */
function documentOfSize(size: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const statement = (sid: string): Record<string, unknown> => ({ Sid: sid, ...allow("s3:GetObject", "arn:aws:s3:::orders/*"), ...extra });
  const base = measurePolicy(doc(statement("")))?.characters ?? 0;
  if (size < base) throw new Error(`a document cannot be shorter than ${base} characters`);
  return doc(statement("A".repeat(size - base)));
}

const IAM_KINDS: PolicySizeKind[] = ["managed-policy", "role-inline-policy", "user-inline-policy", "group-inline-policy"];

describe("policySizeProblem", () => {
  it("knows AWS's documented limits", () => {
    expect(POLICY_SIZE_LIMITS["managed-policy"]).toMatchObject({ limit: 6144, unit: "characters" });
    expect(POLICY_SIZE_LIMITS["role-inline-policy"]).toMatchObject({ limit: 10240, unit: "characters" });
    expect(POLICY_SIZE_LIMITS["user-inline-policy"]).toMatchObject({ limit: 2048, unit: "characters" });
    expect(POLICY_SIZE_LIMITS["group-inline-policy"]).toMatchObject({ limit: 5120, unit: "characters" });
    expect(POLICY_SIZE_LIMITS["s3-bucket-policy"]).toMatchObject({ limit: 20480, unit: "bytes" });
    expect(POLICY_SIZE_LIMITS["kms-key-policy"]).toMatchObject({ limit: 32768, unit: "bytes" });
  });

  it.each(IAM_KINDS)("compliant at exactly the %s limit, violating one character over it", (kind) => {
    const { limit } = POLICY_SIZE_LIMITS[kind];
    const at = documentOfSize(limit);
    const over = documentOfSize(limit + 1);
    expect(policySizeProblem(at, kind)).toBeUndefined();
    expect(policySizeProblem(JSON.stringify(at), kind)).toBeUndefined();
    expect(policySizeProblem(over, kind)).toMatchObject({ kind, limit, size: limit + 1, atLeast: false, unit: "characters" });
    expect(policySizeProblem(JSON.stringify(over, null, 2), kind)?.size).toBe(limit + 1);
  });

  it("does not count whitespace towards IAM limits, as AWS does not", () => {
    const d = documentOfSize(6000);
    const pretty = JSON.stringify(d, null, 8);
    expect(pretty.length).toBeGreaterThan(6144);
    expect(policySizeProblem(pretty, "managed-policy")).toBeUndefined();
    expect(measurePolicy(pretty)?.characters).toBe(6000);
  });

  it("counts the bytes of resource policies, without the whitespace between JSON tokens", () => {
    const d = doc({ Sid: "A", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::x/*", Condition: { StringEquals: { "aws:userid": "a b é" } } });
    const compact = JSON.stringify(d);
    expect(measurePolicy(d)?.bytes).toBe(Buffer.byteLength(compact));
    expect(measurePolicy(JSON.stringify(d, null, 4))?.bytes).toBe(Buffer.byteLength(compact));
    // Inside strings whitespace is content: it counts as bytes, never as characters.
    expect(measurePolicy(d)?.characters).toBe(compact.replace(/\s/g, "").length);
  });

  it("judges an S3 bucket policy over 20 KB and a KMS key policy over 32 KB", () => {
    const big = documentOfSize(20 * 1024 + 1);
    expect(policySizeProblem(big, "s3-bucket-policy")).toMatchObject({ unit: "bytes", limit: 20480, size: 20481 });
    expect(policySizeProblem(big, "kms-key-policy")).toBeUndefined();
    expect(policySizeProblem(documentOfSize(32 * 1024 + 1), "kms-key-policy")?.size).toBe(32769);
  });

  it("says nothing of a document that is not known, or whose known part fits", () => {
    const open = unknown("preview", "policy");
    expect(policySizeProblem(open, "managed-policy")).toBeUndefined();
    expect(policySizeProblem(undefined, "managed-policy")).toBeUndefined();
    expect(policySizeProblem(doc(allow("s3:GetObject", open)), "user-inline-policy")).toBeUndefined();
  });

  it("a document whose known part alone is over the limit is over it at least", () => {
    const d = documentOfSize(3000, { Condition: { StringEquals: { "aws:SourceVpce": unknown("preview", "vpce") } } });
    const p = policySizeProblem(d, "user-inline-policy");
    expect(p?.atLeast).toBe(true);
    expect(p?.size).toBeGreaterThan(2048);
    expect(p?.message).toMatch(/^is at least [\d,]+ characters long \(whitespace not counted\), over the 2,048-character limit of a user's inline policies: AWS would reject it$/);
  });

  it("never quotes the document in its message", () => {
    const p = policySizeProblem(documentOfSize(7000), "managed-policy");
    expect(p?.message).toBe("is 7,000 characters long (whitespace not counted), over the 6,144-character limit of a managed policy: AWS would reject it");
  });

  it("does not throw on values JSON cannot write", () => {
    const cyclic: Record<string, unknown> = { Version: "2012-10-17" };
    cyclic.Statement = [cyclic];
    expect(policySizeProblem(cyclic, "managed-policy")).toBeUndefined();
    expect(policySizeProblem({ Statement: [1n] }, "managed-policy")).toBeUndefined();
    expect(policySizeProblem(42, "managed-policy")).toBeUndefined();
  });

  it("is linear in the document's size", () => {
    const statements = Array.from({ length: 20_000 }, (_, i) => allow(`s3:GetObject`, `arn:aws:s3:::bucket-${i}/*`));
    const big = doc(...statements);
    const start = performance.now();
    expect(policySizeProblem(big, "kms-key-policy")?.size).toBeGreaterThan(1_000_000);
    expect(policySizeProblem(JSON.stringify(big), "kms-key-policy")?.size).toBeGreaterThan(1_000_000);
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});

describe("analyzePolicy with a size limit", () => {
  it("judges an oversized document at once: no findings, AWS would reject it", () => {
    const big = doc(...Array.from({ length: 200 }, (_, i) => allow("*", `arn:aws:s3:::bucket-${i}/*`)));
    const a = analyzePolicy(big, { kind: "identity", sizeLimit: "managed-policy" });
    expect(a.status).toBe("oversized");
    expect(a.findings).toEqual([]);
    expect(a.size).toMatchObject({ kind: "managed-policy", limit: 6144 });
    expect(verdictFor(a, "full-admin")).toEqual({ verdict: "malformed", reasons: [`the policy document ${a.size?.message}`] });
    // Without a limit the same document is analysed as before.
    expect(analyzePolicy(big, { kind: "identity" }).status).toBe("analyzed");
  });

  it("analyses a document within its limit as without one", () => {
    const d = documentOfSize(6144);
    expect(analyzePolicy(d, { kind: "identity", sizeLimit: "managed-policy" })).toEqual(analyzePolicy(d, { kind: "identity" }));
  });

  it("leaves an unknown document unknown", () => {
    expect(analyzePolicy(unknown("preview", "policy"), { kind: "identity", sizeLimit: "managed-policy" }).status).toBe("unknown");
  });

  it("still reports AWS's objection to a malformed document that fits", () => {
    expect(analyzePolicy('{"Statement": [', { kind: "identity", sizeLimit: "managed-policy" }).status).toBe("malformed");
  });
});
