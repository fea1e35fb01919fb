import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/core/config";
import { evaluate } from "../../src/core/evaluate";
import { fail, notApplicable, notAssessed, pass } from "../../src/core/outcome";
import type { ResourceRef } from "../../src/core/ref";
import type { AnyRule, Outcome, Rule } from "../../src/core/rule";
import { unknown, type Val } from "../../src/core/value";
import type { Tags } from "../../src/core/classification";

interface TestInventory {
  readonly refs: readonly ResourceRef[];
  readonly tags?: ReadonlyMap<string, Val<Tags | undefined>>;
}

const ref = (name: string): ResourceRef => ({ id: `id-${name}`, type: "test", name, label: "thing" });
const scope: ResourceRef = { id: "scope", type: "test", name: "scope", label: "stack" };

function rule(evaluateFn: (inv: TestInventory) => Outcome[]): Rule<Record<string, never>, TestInventory> {
  return {
    id: "CDG-ENC-001", slug: "test-rule", title: "A test rule", pillar: "encryption", severity: "high",
    frameworks: { gdpr: ["Art. 32"] }, rationale: "", remediation: "", links: [], scope: "stack", reads: ["refs"],
    evaluate: evaluateFn,
  };
}

const run = (r: AnyRule, inv: TestInventory | (() => TestInventory), today = "2026-06-01") =>
  evaluate([r], inv, () => ({ config: DEFAULT_CONFIG, options: {} }), { scope, today });

describe("evaluate", () => {
  const a = ref("a");

  it("carries the rule's metadata and maps each outcome to a finding status", () => {
    const findings = run(rule(() => [pass(a, "ok"), fail(a, "bad"), notAssessed(a, "the key", unknown("preview", "computed")), notApplicable(a, "n/a")]), { refs: [a] });
    expect(findings.map((f) => f.status)).toEqual(["pass", "fail", "not-assessed"]);
    expect(findings[2]?.reason).toBe("preview");
    expect(findings[0]?.rule).toEqual({ id: "CDG-ENC-001", slug: "test-rule", title: "A test rule", pillar: "encryption", severity: "high", frameworks: { gdpr: ["Art. 32"] } });
  });

  it("turns a rule that throws into 'not assessed (error)' for the scope, not a pass or a crash", () => {
    const [f] = run(rule(() => { throw new Error("boom"); }), { refs: [] });
    expect(f).toMatchObject({ status: "not-assessed", reason: "error", evaluationError: true, resource: scope });
    expect(f?.message).toBe("CDG-ENC-001 could not evaluate: boom");
  });

  it("treats an inventory that cannot be built like a rule that throws", () => {
    const [f] = run(rule(() => []), () => { throw new Error("bad resource"); });
    expect(f?.message).toBe("CDG-ENC-001 could not evaluate: bad resource");
  });

  it("waives a failure whose resource carries an active waiver tag", () => {
    const tags = new Map([[a.id, { "cdguard:waive:CDG-ENC-001": "legacy; until=2026-12-31" }]]);
    const [f] = run(rule(() => [fail(a, "bad")]), { refs: [a], tags });
    expect(f).toMatchObject({ status: "waived", waiver: { state: "active", waiver: { reason: "legacy", until: "2026-12-31" } } });
  });

  it("reopens a failure whose waiver expired, and names an unreadable waiver", () => {
    const expired = new Map([[a.id, { "cdguard:waive:CDG-ENC-001": "legacy; until=2026-01-31" }]]);
    expect(run(rule(() => [fail(a, "bad")]), { refs: [a], tags: expired })[0]).toMatchObject({ status: "fail", waiver: { state: "expired" } });
    const invalid = new Map([[a.id, { "cdguard:waive:CDG-ENC-001": "; until=2026-01-31" }]]);
    expect(run(rule(() => [fail(a, "bad")]), { refs: [a], tags: invalid })[0]).toMatchObject({ status: "fail", waiver: { state: "invalid" } });
  });

  it("never waives a pass or an unknown, and ignores unknown tags", () => {
    const tags = new Map<string, Val<Tags | undefined>>([[a.id, unknown("preview", "tags computed")]]);
    const findings = run(rule(() => [fail(a, "bad"), pass(a, "ok")]), { refs: [a], tags });
    expect(findings.map((f) => [f.status, f.waiver])).toEqual([["fail", undefined], ["pass", undefined]]);
  });
});
