// diffReports over small reports built from the sample report: matching by stable id, the five lists,
// scope refusal, the --fail-on decision and the three renderings.
import { describe, expect, it } from "vitest";
import { diffExitCode, diffReports, newFailuresAtOrAbove, ReportDiffError, type DiffEntry } from "../../src/reports/diff";
import { cell } from "../../src/reports/diff-markdown";
import { renderDiff } from "../../src/reports/diff-render";
import type { CanonicalReport, ReportFinding } from "../../src/reports/report";
import { SAMPLE_PREVIEW_REPORT, SAMPLE_SCAN_REPORT } from "./sample-report";

const OLD = SAMPLE_SCAN_REPORT;
const byId = (id: string): ReportFinding => {
  const f = OLD.findings.find((x) => x.id === id);
  if (!f) throw new Error(`no finding ${id}`);
  return f;
};
const ORDERS_ENC = "CDG-ENC-001-0a1b2c3d4e5f6071"; // fail
const BILLING_ENC = "CDG-ENC-001-1a1b2c3d4e5f6071"; // pass
const EXPORTS_ENC = "CDG-ENC-001-2a1b2c3d4e5f6071"; // not assessed
const SCRATCH_ENC = "CDG-ENC-001-3a1b2c3d4e5f6071"; // waived
const ORDERS_NET = "CDG-NET-002-4a1b2c3d4e5f6071"; // fail, critical
const ADMIN_IAM = "CDG-IAM-001-5a1b2c3d4e5f6071"; // fail, medium

/** OLD with some findings replaced (by id), some removed and some added. */
function changed(changes: Record<string, Partial<ReportFinding> | null>, added: ReportFinding[] = [], base: CanonicalReport = OLD): CanonicalReport {
  const findings = base.findings.flatMap((f) => {
    const c = changes[f.id];
    if (c === null) return [];
    return [c === undefined ? f : ({ ...f, ...c } as ReportFinding)];
  });
  return { ...base, finishedAt: "2026-12-01T10:00:42.000Z", findings: [...findings, ...added] };
}
const ids = (entries: readonly DiffEntry[]) => entries.map((e) => e.id);
const transitions = (entries: readonly DiffEntry[]) => entries.map((e) => `${e.id} ${e.oldStatus}->${e.newStatus}`);

describe("diffReports", () => {
  it("finds nothing new in a report compared with itself: its failures persist", () => {
    const diff = diffReports(OLD, OLD);
    expect(diff.counts).toEqual({ new: 0, resolved: 0, persisting: 3, changed: 0, unverified: 0 });
    expect(ids(diff.persisting)).toEqual([ORDERS_NET, ORDERS_ENC, ADMIN_IAM]); // severity first, then rule and resource
    expect(diff.scope).toEqual({ old: OLD.scope, new: OLD.scope, changed: false, differences: [] });
  });

  it("matches findings by id: a reworded message is the same finding", () => {
    const diff = diffReports(OLD, changed({ [ORDERS_ENC]: { message: "RDS DB instance 'orders' has storageEncrypted=false (reworded)" } }));
    expect(diff.counts.new).toBe(0);
    expect(diff.persisting.find((e) => e.id === ORDERS_ENC)?.message).toBe("RDS DB instance 'orders' has storageEncrypted=false (reworded)");
  });

  it("sorts every transition into new, resolved, persisting, changed", () => {
    const billingNet: ReportFinding = { ...byId(ORDERS_NET), id: "CDG-NET-002-8a1b2c3d4e5f6071", resource: { ...byId(BILLING_ENC).resource }, message: "RDS DB instance 'billing' allows 0.0.0.0/0", waiver: undefined as never };
    delete (billingNet as { waiver?: unknown }).waiver;
    const NEW = changed(
      {
        [ORDERS_ENC]: { status: "pass", message: "fixed" },
        [EXPORTS_ENC]: { status: "fail", reason: undefined as never, message: "S3 bucket 'exports' is not encrypted" },
        [SCRATCH_ENC]: { status: "fail", waiver: { ...byId(SCRATCH_ENC).waiver!, state: "expired" } },
        [ORDERS_NET]: { status: "waived", waiver: { state: "active", reason: "accepted", source: "tag" } },
        [BILLING_ENC]: null,
      },
      [billingNet],
    );
    const diff = diffReports(OLD, NEW);
    expect(transitions(diff.new)).toEqual([`${billingNet.id} absent->fail`, `${EXPORTS_ENC} not-assessed->fail`, `${SCRATCH_ENC} waived->fail`]);
    expect(diff.new.find((e) => e.id === SCRATCH_ENC)?.waiver?.state).toBe("expired");
    expect(transitions(diff.resolved)).toEqual([`${ORDERS_ENC} fail->pass`]);
    expect(transitions(diff.changed)).toEqual([`${ORDERS_NET} fail->waived`]);
    expect(ids(diff.persisting)).toEqual([ADMIN_IAM]);
    expect(diff.counts).toEqual({ new: 3, resolved: 1, persisting: 1, changed: 1, unverified: 0 });
    expect(diff.new[0]).toMatchObject({ severity: "critical", ruleId: "CDG-NET-002", resource: { name: "billing" } });
  });

  it("counts fail -> not assessed and pass -> not assessed as changes, never as resolved or new", () => {
    const diff = diffReports(OLD, changed({ [ORDERS_ENC]: { status: "not-assessed", reason: "access-denied" }, [BILLING_ENC]: { status: "not-assessed", reason: "timeout" } }));
    expect(transitions(diff.changed)).toEqual([`${BILLING_ENC} pass->not-assessed`, `${ORDERS_ENC} fail->not-assessed`]); // by resource: billing before orders
    expect(diff.counts.resolved).toBe(0);
    expect(diff.counts.new).toBe(0);
  });

  it("resolves a failure whose resource is gone, unless NEW did not run its rule", () => {
    expect(transitions(diffReports(OLD, changed({ [ADMIN_IAM]: null })).resolved)).toEqual([`${ADMIN_IAM} fail->absent`]);
    const withoutIam = { ...changed({ [ADMIN_IAM]: null }), rules: OLD.rules.filter((r) => r.id !== "CDG-IAM-001") };
    const diff = diffReports(OLD, withoutIam);
    expect(diff.counts.resolved).toBe(0);
    expect(transitions(diff.unverified)).toEqual([`${ADMIN_IAM} fail->absent`]);
  });

  it("ignores findings that are neither failing nor in both reports", () => {
    const passing: ReportFinding = { ...byId(BILLING_ENC), id: "CDG-ENC-001-9a1b2c3d4e5f6071", resource: { ...byId(BILLING_ENC).resource, id: "arn:new" } };
    const diff = diffReports(OLD, changed({ [BILLING_ENC]: null }, [passing]));
    expect(diff.counts).toEqual({ new: 0, resolved: 0, persisting: 3, changed: 0, unverified: 0 });
  });
});

describe("scope", () => {
  const withRegions = (regions: string[]): CanonicalReport => ({ ...OLD, scope: { front: "aws", accounts: ["123456789012"], regions, regionsNotEnabled: [] } });

  it("refuses reports of other regions (a region added counts), accounts, fronts, projects or stacks", () => {
    expect(() => diffReports(OLD, withRegions(["us-east-1", "eu-west-1"]))).toThrow(new ReportDiffError("the reports judge different scopes (regions only in NEW: eu-west-1); compare them anyway with --allow-scope-change"));
    expect(() => diffReports(withRegions(["us-east-1", "eu-west-1"]), OLD)).toThrow(/regions only in OLD: eu-west-1/);
    expect(() => diffReports(OLD, { ...OLD, scope: { front: "aws", accounts: ["210987654321"], regions: ["us-east-1"], regionsNotEnabled: [] } })).toThrow(
      /accounts only in OLD: 123456789012; only in NEW: 210987654321/,
    );
    expect(() => diffReports(OLD, SAMPLE_PREVIEW_REPORT)).toThrow(
      /OLD is a scan of account\(s\) 123456789012 in region\(s\) us-east-1, NEW is a Pulumi preview of project 'shop' stack 'dev'/,
    );
    const prod: CanonicalReport = { ...SAMPLE_PREVIEW_REPORT, scope: { front: "pulumi", project: "shop", stack: "prod", operation: "preview" } };
    expect(() => diffReports(SAMPLE_PREVIEW_REPORT, prod)).toThrow(/stack: OLD 'dev', NEW 'prod'/);
  });

  it("compares them with allowScopeChange, saying what both scopes were", () => {
    const NEW = withRegions(["us-east-1", "eu-west-1"]);
    const diff = diffReports(OLD, NEW, { allowScopeChange: true });
    expect(diff.scope).toEqual({ old: OLD.scope, new: NEW.scope, changed: true, differences: ["regions only in NEW: eu-west-1"] });
  });

  it("takes a preview and an update of one stack, and regions in another order, as one scope", () => {
    const update: CanonicalReport = { ...SAMPLE_PREVIEW_REPORT, scope: { front: "pulumi", project: "shop", stack: "dev", operation: "update" } };
    expect(diffReports(SAMPLE_PREVIEW_REPORT, update).scope.changed).toBe(false);
    expect(diffReports(withRegions(["a", "b"]), withRegions(["b", "a"])).scope.changed).toBe(false);
  });

  it("refuses a report of another schema major version", () => {
    expect(() => diffReports(OLD, { ...OLD, schemaVersion: "3.0" })).toThrow(new ReportDiffError("NEW has report schema version 3.0; this cdguard compares 2.x"));
  });
});

describe("--fail-on", () => {
  const newIam: ReportFinding = { ...byId(ADMIN_IAM), id: "CDG-IAM-001-7a1b2c3d4e5f6071", resource: { ...byId(ADMIN_IAM).resource, id: "arn:aws:iam::123456789012:role/ops", name: "ops" } };
  const mediumOnly = diffReports(OLD, changed({}, [newIam]));
  const critical = diffReports(OLD, changed({ [BILLING_ENC]: null }, [{ ...byId(ORDERS_NET), id: "CDG-NET-002-6a1b2c3d4e5f6071", resource: byId(BILLING_ENC).resource }]));

  it("fails on a new failure at or above the threshold only", () => {
    expect(mediumOnly.counts.new).toBe(1);
    expect(diffExitCode(mediumOnly, "high")).toBe(0);
    expect(diffExitCode(mediumOnly, "medium")).toBe(1);
    expect(diffExitCode(mediumOnly, "low")).toBe(1);
    expect(diffExitCode(critical, "critical")).toBe(1);
    expect(newFailuresAtOrAbove(critical, "high").map((e) => e.ruleId)).toEqual(["CDG-NET-002"]);
    expect(diffExitCode(diffReports(OLD, OLD), "low")).toBe(0); // persisting failures never fail the diff
  });
});

describe("renderings", () => {
  const NEW = changed({ [ORDERS_ENC]: { status: "pass" }, [EXPORTS_ENC]: { status: "fail", reason: undefined as never } });
  const diff = diffReports(OLD, NEW);

  it("text: counts, both runs, and each list with its transitions", () => {
    const text = renderDiff(diff, "text");
    expect(text).toContain("cdguard diff: 1 new, 1 resolved, 2 persisting, 0 changed status, 0 unverified\n");
    expect(text).toContain("  OLD: a scan of account(s) 123456789012 in region(s) us-east-1, finished 2026-11-30T10:00:42.000Z\n");
    expect(text).toContain("New failures (1):\n  [high] CDG-ENC-001 S3 bucket 'exports'  (was not-assessed)\n      S3 bucket 'exports': encryption not assessed");
    expect(text).toContain("Resolved (1):\n  [high] CDG-ENC-001 RDS DB instance 'orders'  (now pass)\n");
    expect(text).toContain("      IAM role 'admin' is allowed s3:* on *, commas, \"quotes\" and\n      new lines\n");
  });

  it("json: the diff itself", () => {
    expect(JSON.parse(renderDiff(diff, "json"))).toEqual(JSON.parse(JSON.stringify(diff)));
  });

  it("markdown: tables whose cells cannot break the table, run HTML or mention anyone", () => {
    const md = renderDiff(diff, "markdown");
    expect(md).toContain("### New failures (1)\n\n| Severity | Rule | Resource | Finding | Was |\n|---|---|---|---|---|\n| high | CDG-ENC-001 | S3 bucket 'exports' |");
    expect(md).toContain("<details><summary>Persisting (2)</summary>");
    expect(md).toContain("allows 0.0.0.0/0 on port 5432 through sg-0abc \"legacy\" &lt;admin&gt;");
    expect(md).toContain("is allowed s3:\\* on \\*, commas, \"quotes\" and<br>new lines");
    expect(cell("a | b @team `x` [l](u) &amp; #1")).toBe("a \\| b &#64;team \\`x\\` \\[l\\](u) &amp;amp; \\#1");
  });
});
