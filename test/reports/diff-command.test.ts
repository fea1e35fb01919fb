// `cdguard diff OLD NEW`, run in-process through its commander command (main.ts registers it): exit codes,
// formats, --out, and usage errors naming the file and what is wrong.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { diffCommand } from "../../src/cli/diff-command";
import { UsageError } from "../../src/cli/select-rules";
import type { ReportDiff } from "../../src/reports/diff";
import type { CanonicalReport, ReportFinding } from "../../src/reports/report";
import { SAMPLE_PREVIEW_REPORT, SAMPLE_SCAN_REPORT } from "./sample-report";

const dir = mkdtempSync(join(tmpdir(), "cdg-diff-"));
const file = (name: string, content: CanonicalReport | string): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
};

const OLD = file("old.json", SAMPLE_SCAN_REPORT);
/** A new medium failure (IAM-001 on role ops) and a new high one (ENC-001 exports, not assessed before). */
const withNewFailures = (findings: (f: ReportFinding) => ReportFinding): CanonicalReport => ({ ...SAMPLE_SCAN_REPORT, findings: SAMPLE_SCAN_REPORT.findings.map(findings) });
const exportsFails = (f: ReportFinding): ReportFinding => {
  if (f.id !== "CDG-ENC-001-2a1b2c3d4e5f6071") return f;
  const { reason: _reason, ...rest } = f;
  return { ...rest, status: "fail" };
};
const NEW_HIGH = file("new-high.json", withNewFailures(exportsFails));
const medium: ReportFinding = { ...SAMPLE_SCAN_REPORT.findings[5]!, id: "CDG-IAM-001-7a1b2c3d4e5f6071", resource: { ...SAMPLE_SCAN_REPORT.findings[5]!.resource, id: "arn:aws:iam::123456789012:role/ops", name: "ops" } };
delete (medium as { waiverProblem?: string }).waiverProblem;
const NEW_MEDIUM = file("new-medium.json", { ...SAMPLE_SCAN_REPORT, findings: [...SAMPLE_SCAN_REPORT.findings, medium] });

let stdout = "";
beforeEach(() => {
  stdout = "";
  process.exitCode = undefined;
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

/** Runs `cdguard diff ...args` and returns the exit code it set. */
async function diff(...args: string[]): Promise<number | undefined> {
  await diffCommand().exitOverride().configureOutput({ writeErr: () => undefined }).parseAsync(args, { from: "user" });
  return process.exitCode as number | undefined;
}

describe("cdguard diff", () => {
  it("exits 1 when a new failure at or above --fail-on (default high) appears, else 0", async () => {
    expect(await diff(OLD, NEW_HIGH)).toBe(1);
    expect(stdout).toMatch(/^cdguard diff: 1 new, 0 resolved, 3 persisting/);
    expect(await diff(OLD, NEW_MEDIUM)).toBe(0);
    expect(await diff(OLD, NEW_MEDIUM, "--fail-on", "medium")).toBe(1);
    expect(await diff(OLD, NEW_HIGH, "--fail-on", "critical")).toBe(0);
    expect(await diff(OLD, OLD, "--fail-on", "low")).toBe(0);
  });

  it("writes json or markdown, to --out atomically", async () => {
    const out = join(dir, "diff.json");
    expect(await diff(OLD, NEW_HIGH, "--format", "json", "--out", out)).toBe(1);
    expect(stdout).toBe("");
    const written = JSON.parse(readFileSync(out, "utf8")) as ReportDiff;
    expect(written.counts).toEqual({ new: 1, resolved: 0, persisting: 3, changed: 0, unverified: 0 });
    expect(written.new[0]).toMatchObject({ ruleId: "CDG-ENC-001", oldStatus: "not-assessed", newStatus: "fail" });
    await diff(OLD, NEW_HIGH, "--format", "markdown");
    expect(stdout).toMatch(/^## cdguard diff\n/);
  });

  it("refuses reports of different scopes unless --allow-scope-change, naming both files and the difference", async () => {
    const other = file("eu.json", { ...SAMPLE_SCAN_REPORT, scope: { front: "aws", accounts: ["123456789012"], regions: ["us-east-1", "eu-west-1"], regionsNotEnabled: [] } });
    await expect(diff(OLD, other)).rejects.toThrow(
      new UsageError(`cannot compare ${OLD} (OLD) with ${other} (NEW): the reports judge different scopes (regions only in NEW: eu-west-1); compare them anyway with --allow-scope-change`),
    );
    expect(await diff(OLD, other, "--allow-scope-change")).toBe(0);
    expect(stdout).toContain("  scope changed: regions only in NEW: eu-west-1\n");
    const preview = file("preview.json", SAMPLE_PREVIEW_REPORT);
    await expect(diff(OLD, preview)).rejects.toThrow(/NEW is a Pulumi preview of project 'shop' stack 'dev'/);
  });

  it("turns a missing file, non-JSON, a non-report and another schema major version into usage errors naming the file", async () => {
    await expect(diff(OLD, join(dir, "missing.json"))).rejects.toThrow(new UsageError(`${join(dir, "missing.json")}: cannot read the report (ENOENT)`));
    await expect(diff(file("text.json", "hello"), OLD)).rejects.toThrow(UsageError);
    await expect(diff(file("text2.json", "hello"), OLD)).rejects.toThrow(/text2\.json: not JSON/);
    await expect(diff(OLD, file("state.json", '{"version": 3, "deployment": {}}'))).rejects.toThrow(/state\.json: not a customer-data-guard report \(no schemaVersion\)/);
    await expect(diff(OLD, file("v3.json", { ...SAMPLE_SCAN_REPORT, schemaVersion: "3.0" }))).rejects.toThrow(/v3\.json: report schema version 3\.0 is not readable by this cdguard \(it reads 2\.x\)/);
    const broken = file("broken.json", JSON.stringify({ ...SAMPLE_SCAN_REPORT, findings: [{ id: "x" }] }));
    await expect(diff(OLD, broken)).rejects.toThrow(/broken\.json: not a valid report/);
  });

  it("refuses a severity or format it does not know (commander exits 2 through main)", async () => {
    await expect(diff(OLD, OLD, "--fail-on", "severe")).rejects.toThrow(/argument 'severe' is invalid/);
    await expect(diff(OLD, OLD, "--format", "html")).rejects.toThrow(/argument 'html' is invalid/);
  });
});
