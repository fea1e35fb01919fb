import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORT_SCHEMA_VERSION, type CanonicalReport } from "../../src/reports/canonical";
import { parseReport } from "../../src/reports/read-report";
import { startMoto, type MotoServer } from "../support/moto/server";
import { REGION, SECRET_VALUES, seedAccount } from "../scanner/seed-account";

const cli = join(__dirname, "..", "..", "dist", "src", "cli", "main.js");
const dir = mkdtempSync(join(tmpdir(), "cdg-scan-cli-"));
let moto: MotoServer;

const env = () => ({ ...process.env, AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing", AWS_REGION: REGION, NO_COLOR: "1" });

/** Runs the CLI without blocking the event loop (moto runs in this process's children too). */
function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { env: env() });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

beforeAll(async () => {
  moto = await startMoto();
  await seedAccount(moto.endpoint);
}, 300_000);

afterAll(async () => {
  await moto?.stop();
});

describe("cdguard scan", () => {
  it("writes the versioned report atomically and exits 1 on failures at or above --fail-on", async () => {
    const out = join(dir, "report.json");
    const r = await run(["scan", "--endpoint-url", moto.endpoint, "--regions", REGION, "--out", out]);
    expect(r.stderr).not.toContain("    at ");
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    const report = JSON.parse(readFileSync(out, "utf8")) as CanonicalReport;
    expect(report.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(report.scope).toEqual({ front: "aws", accounts: ["123456789012"], regions: [REGION], regionsNotEnabled: [] });
    expect(() => parseReport(readFileSync(out, "utf8"), out)).not.toThrow();
    expect(report.findings.some((f) => f.status === "fail")).toBe(true);
    expect(report.stats!.apiCalls).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/scan: account 123456789012, 1 region\(s\): us-east-1/);
    expect(r.stderr).toMatch(/report written to .*report\.json; \d+ failed/);
    for (const v of SECRET_VALUES) expect(readFileSync(out, "utf8") + r.stderr).not.toContain(v);
  }, 180_000);

  it("exits 0 when nothing reaches --fail-on, and --quiet keeps stderr empty", async () => {
    const r = await run(["scan", "--endpoint-url", moto.endpoint, "--regions", REGION, "--rules", "CDG-ENC-003", "--fail-on", "critical", "--quiet"]);
    expect([r.status, r.stderr]).toEqual([0, ""]);
    const report = JSON.parse(r.stdout) as CanonicalReport;
    expect(report.rules.map((x) => x.id)).toEqual(["CDG-ENC-003"]);
    expect(Object.keys(report.stats!.callsPerService).sort()).toEqual(["ec2", "kms", "sts"]);
  }, 180_000);

  it("names a bad flag, rule, config file or endpoint and exits 2, without a stack trace", () => {
    const bad = writeFileSync(join(dir, "bad.yaml"), "kms-key-rotation-enabeld: advisory\n");
    void bad;
    const cases: [string[], RegExp][] = [
      [["scan", "--rules", "CDG-ENC-09"], /--rules: 'CDG-ENC-09' is no rule \(did you mean 'CDG-ENC-00\d'\?\)/],
      [["scan", "--severity", "severe"], /error: option '--fail-on|--severity: 'severe' is not one of low, medium, high, critical/],
      [["scan", "--concurrency", "0"], /--concurrency: '0' is not a positive whole number/],
      [["scan", "--config", join(dir, "bad.yaml")], /--config .*bad\.yaml: 'kms-key-rotation-enabeld' is not a policy of this pack \(did you mean 'kms-key-rotation-enabled'\?\)/],
      [["scan", "--config", join(dir, "missing.yaml")], /cannot read .*missing\.yaml: ENOENT/],
      [["scan", "--endpoint-url", "ftp://127.0.0.1:1"], /--endpoint-url: 'ftp:\/\/127\.0\.0\.1:1' must be http or https/],
      [["scan", "--format", "xml"], /--format: 'xml' is not a format; choose from json, .*pulumi-state/],
      [["scan", "--format", "json,pulumi-state"], /--format json,pulumi-state: several formats need --out/],
      [["scan", "--format", "json,json", "--out", join(dir, "r.json")], /--format: 'json' is given twice/],
    ];
    for (const [args, message] of cases) {
      const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", env: env() });
      expect([r.status, r.stderr], args.join(" ")).toEqual([2, expect.stringMatching(message)]);
      expect(r.stderr).not.toContain("    at ");
    }
  });

  it("writes several formats in one run, each beside --out with its extension", async () => {
    const out = join(dir, "multi", "scan.json");
    mkdirSync(join(dir, "multi"));
    const r = await run(["scan", "--endpoint-url", moto.endpoint, "--regions", REGION, "--rules", "CDG-ENC-001", "--format", "json,pulumi-state", "--out", out, "--quiet"]);
    expect(r.stderr).toBe("");
    expect(readdirSync(join(dir, "multi")).sort()).toEqual(["scan.json", "scan.state.json"]);
    expect(parseReport(readFileSync(out, "utf8"), out).rules.map((x) => x.id)).toEqual(["CDG-ENC-001"]);
    expect((JSON.parse(readFileSync(join(dir, "multi", "scan.state.json"), "utf8")) as { version: number }).version).toBe(3);
  }, 180_000);

  it("with --baseline, exits 1 only on failures the baseline did not have, and refuses another scope", async () => {
    const base = join(dir, "baseline.json");
    const args = ["scan", "--endpoint-url", moto.endpoint, "--regions", REGION, "--rules", "CDG-ENC-001,CDG-NET-002"];
    expect((await run([...args, "--out", base, "--quiet"])).status).toBe(1);
    const same = await run([...args, "--baseline", base, "--out", join(dir, "again.json")]);
    expect(same.status).toBe(0);
    expect(same.stderr).toMatch(/0 new/);
    const report = JSON.parse(readFileSync(base, "utf8")) as CanonicalReport;
    const dropped = report.findings.find((f) => f.status === "fail" && f.ruleId === "CDG-NET-002")!;
    const older = join(dir, "older.json");
    writeFileSync(older, JSON.stringify({ ...report, findings: report.findings.filter((f) => f.id !== dropped.id) }));
    const drift = await run([...args, "--baseline", older, "--out", join(dir, "drift.json"), "--fail-on", "low"]);
    expect(drift.status).toBe(1);
    expect(drift.stderr).toContain("New failures (1):");
    expect(drift.stderr).toContain(`${dropped.ruleId} ${dropped.resource.label} '${dropped.resource.name}'`);
    const other = join(dir, "other-account.json");
    writeFileSync(other, JSON.stringify({ ...report, scope: { ...report.scope, accounts: ["999999999999"] } }));
    const refused = await run([...args, "--baseline", other, "--out", join(dir, "refused.json")]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/cannot compare .*other-account\.json \(OLD\) with this scan \(NEW\)/);
    expect(refused.stderr).not.toContain("    at ");
  }, 300_000);

  it("applies a waivers file (--waivers), and names the file and line of a bad one", async () => {
    const args = ["scan", "--endpoint-url", moto.endpoint, "--regions", REGION, "--rules", "CDG-NET-002", "--quiet"];
    const before = JSON.parse((await run(args)).stdout) as CanonicalReport;
    const failing = before.findings.find((f) => f.status === "fail")!;
    const file = join(dir, "waivers.yaml");
    writeFileSync(
      file,
      `waivers:\n  - rule: ${failing.ruleId}\n    resource: "${failing.resource.id}"\n    reason: Accepted until the migration\n    owner: dba@example.com\n    expires: 2099-12-31\n`,
    );
    const after = JSON.parse((await run([...args, "--waivers", file])).stdout) as CanonicalReport;
    const waived = after.findings.find((f) => f.id === failing.id)!;
    expect(waived.status).toBe("waived");
    expect(waived.waiver).toEqual({ state: "active", reason: "Accepted until the migration", owner: "dba@example.com", expires: "2099-12-31", source: file, line: 2 });
    writeFileSync(file, "waivers:\n  - rule: CDG-NET-002\n    resource: x\n    reason: r\n    owner: o\n    expires: 2099-02-30\n");
    const bad = await run([...args, "--waivers", file]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:6: .*2099-02-30`));
    expect(bad.stderr).not.toContain("    at ");
  }, 180_000);

  it("names the AWS call when the scan cannot start", async () => {
    const r = await run(["scan", "--endpoint-url", "http://127.0.0.1:9", "--regions", REGION, "--timeout", "2000"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cdguard: sts:GetCallerIdentity failed/);
    expect(r.stderr).not.toContain("    at ");
  }, 120_000);
});
