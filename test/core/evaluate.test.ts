import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/core/config";
import { evaluate } from "../../src/core/evaluate";
import { fail, notApplicable, notAssessed, pass } from "../../src/core/outcome";
import type { ResourceRef } from "../../src/core/ref";
import type { AnyRule, Outcome, Rule } from "../../src/core/rule";
import { unknown, type Val } from "../../src/core/value";
import type { Tags } from "../../src/core/classification";
import type { FileWaiver } from "../../src/core/waiver-file";

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

const run = (r: AnyRule, inv: TestInventory | (() => TestInventory), today = "2026-06-01", waivers: readonly FileWaiver[] = []) =>
  evaluate([r], inv, () => ({ config: DEFAULT_CONFIG, options: {} }), { scope, today, waivers });

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

describe("evaluate with a waivers file", () => {
  // Refs as the scanner makes them: ARNs with account and region.
  const arnRef = (service: string, resource: string, region = "eu-west-1"): ResourceRef => ({
    id: `arn:aws:${service}:${region}:111122223333:${resource}`, type: "AWS::Test", name: resource, label: service, account: "111122223333", region,
  });
  const ledger = arnRef("rds", "db:ledger");
  const reports = arnRef("rds", "db:reports-2019");
  const queue = arnRef("sqs", "jobs");
  const fileWaiver = (resource: string, until: string, line: number, ruleId = "CDG-ENC-001"): FileWaiver => ({
    ruleId, resource, reason: `reason of line ${line}`, owner: "data@example.com", until, source: "waivers.yaml", line,
  });
  const failing = rule((inv) => inv.refs.map((r) => fail(r, `${r.name} is bad`)));
  const statuses = (findings: readonly { resource: ResourceRef; status: string }[]) => findings.map((f) => `${f.resource.name} ${f.status}`);

  it("waives the failures whose ARN the pattern matches, with reason, owner, expiry, file and line", () => {
    const findings = run(failing, { refs: [ledger, reports, queue] }, "2026-06-01", [fileWaiver("arn:aws:rds:*:111122223333:db:*", "2026-12-31", 4)]);
    expect(statuses(findings)).toEqual(["db:ledger waived", "db:reports-2019 waived", "jobs fail"]);
    expect(findings[0]?.waiver).toEqual({
      state: "active",
      waiver: { ruleId: "CDG-ENC-001", resource: "arn:aws:rds:*:111122223333:db:*", reason: "reason of line 4", owner: "data@example.com", until: "2026-12-31", source: "waivers.yaml", line: 4 },
    });
  });

  it("leaves a failure failing with its expired waiver attached; the last day still counts", () => {
    const waivers = [fileWaiver("arn:aws:rds:eu-west-1:111122223333:db:ledger", "2026-05-31", 9)];
    expect(run(failing, { refs: [ledger] }, "2026-06-01", waivers)[0]).toMatchObject({ status: "fail", waiver: { state: "expired", waiver: { line: 9, until: "2026-05-31" } } });
    expect(run(failing, { refs: [ledger] }, "2026-05-31", waivers)[0]).toMatchObject({ status: "waived", waiver: { state: "active" } });
  });

  it("applies a waiver to its own rule only, and never to a pass or an unknown", () => {
    const other = [fileWaiver("**", "2026-12-31", 2, "CDG-ENC-002")];
    expect(statuses(run(failing, { refs: [ledger] }, "2026-06-01", other))).toEqual(["db:ledger fail"]);
    const all = [fileWaiver("**", "2026-12-31", 2)];
    const findings = run(rule(() => [pass(ledger, "ok"), notAssessed(queue, "the key", unknown("access-denied", "denied"))]), { refs: [] }, "2026-06-01", all);
    expect(findings.map((f) => [f.status, f.waiver])).toEqual([["pass", undefined], ["not-assessed", undefined]]);
  });

  it("prefers an active waiver, from the tag or the file, over an expired one", () => {
    const expiredTag = new Map([[ledger.id, { "cdguard:waive:CDG-ENC-001": "old", "cdguard:waive:CDG-ENC-001:until": "2026-01-31" }]]);
    const waivers = [fileWaiver("arn:aws:rds:*:*:db:ledger", "2026-01-01", 3), fileWaiver("arn:aws:rds:*:*:db:*", "2026-12-31", 8)];
    expect(run(failing, { refs: [ledger], tags: expiredTag }, "2026-06-01", waivers)[0]).toMatchObject({ status: "waived", waiver: { state: "active", waiver: { line: 8 } } });
    const activeTag = new Map([[ledger.id, { "cdguard:waive:CDG-ENC-001": "from the tag" }]]);
    expect(run(failing, { refs: [ledger], tags: activeTag }, "2026-06-01", waivers)[0]).toMatchObject({ status: "waived", waiver: { waiver: { source: "tag", reason: "from the tag" } } });
  });

  it("names an unreadable tag when no waiver is active, and lets an active file waiver waive regardless", () => {
    const invalidTag = new Map([[ledger.id, { "cdguard:waive:CDG-ENC-001:until": "2026-12-31" }]]);
    const expired = [fileWaiver("arn:aws:rds:*:*:db:ledger", "2026-01-01", 3)];
    expect(run(failing, { refs: [ledger], tags: invalidTag }, "2026-06-01", expired)[0]).toMatchObject({
      status: "fail",
      waiver: { state: "invalid", problem: "waiver tag 'cdguard:waive:CDG-ENC-001:until' has no tag 'cdguard:waive:CDG-ENC-001' beside it giving the reason" },
    });
    const active = [fileWaiver("arn:aws:rds:*:*:db:ledger", "2026-12-31", 5)];
    expect(run(failing, { refs: [ledger], tags: invalidTag }, "2026-06-01", active)[0]).toMatchObject({ status: "waived", waiver: { waiver: { line: 5 } } });
  });
});
