// The org scan as users run it: `cdguard scan --org` processes, sharded in parallel, shard files and reports
// in S3 (moto), `cdguard merge` and `cdguard diff` over them, under moto's IAM enforcement.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CanonicalReport } from "../../src/reports/canonical";
import { readText } from "../../src/storage/report-store";
import { startMoto, type MotoServer } from "../support/moto/server";
import { ORG_REGION, REPORTS_BUCKET, SCAN_ROLE, seedOrganization, type SeededOrg } from "../scanner/seed-org";

const cli = join(__dirname, "..", "..", "dist", "src", "cli", "main.js");
const dir = mkdtempSync(join(tmpdir(), "cdg-org-cli-"));
let moto: MotoServer;
let org: SeededOrg;
let unsharded: CanonicalReport;

function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env, AWS_ACCESS_KEY_ID: org.scanner.accessKeyId, AWS_SECRET_ACCESS_KEY: org.scanner.secretAccessKey, AWS_REGION: ORG_REGION, NO_COLOR: "1" };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

const orgScan = (...more: string[]) => ["scan", "--org", "--org-role-name", SCAN_ROLE, "--regions", ORG_REGION, "--endpoint-url", moto.endpoint, "--quiet", ...more];
const judged = (r: CanonicalReport) => ({ scope: r.scope, rules: r.rules, findings: r.findings, coverage: r.coverage, gaps: r.gaps });
const s3 = (key: string) => `s3://${REPORTS_BUCKET}/${key}`;

beforeAll(async () => {
  moto = await startMoto();
  org = await seedOrganization(moto.endpoint);
  await moto.enableIamAuth();
  const out = join(dir, "unsharded.json");
  const r = await run(orgScan("--inventory", "--out", out));
  expect(r.stderr).toBe("");
  unsharded = JSON.parse(readFileSync(out, "utf8")) as CanonicalReport;
}, 600_000);

afterAll(async () => {
  await moto?.stop();
});

describe("cdguard scan --org --shard I/N, then cdguard merge", () => {
  it("runs 3 shard processes at once into S3, and merges them from the prefix into the unsharded report", async () => {
    const shards = await Promise.all([1, 2, 3].map((i) => run(orgScan("--shard", `${i}/3`, "--out", s3(`run-1/shards/shard-${i}.jsonl`)))));
    for (const r of shards) expect([r.status, r.stderr]).toEqual([0, ""]);
    const merged = await run(["merge", s3("run-1/shards/"), "--inventory", "--out", s3("run-1/report.json"), "--endpoint-url", moto.endpoint, "--quiet"]);
    expect(merged.stderr).toBe("");
    expect(merged.status).toBe(1); // failures at or above high, as the unsharded scan
    const report = JSON.parse(await readText(s3("run-1/report.json"), { endpointUrl: moto.endpoint, region: ORG_REGION, credentials: org.scanner })) as CanonicalReport;
    expect(judged(report)).toEqual(judged(unsharded));
    expect(report.scope.front === "aws" && report.scope.accounts).toHaveLength(4);
    // The data inventory of the merged shards is the unsharded scan's: every account's stores and principals,
    // and the account whose role could not be assumed named as a gap.
    expect(report.dataInventory).toEqual(unsharded.dataInventory);
    const inventory = unsharded.dataInventory!;
    expect(inventory.source.accounts).toHaveLength(4);
    expect(new Set(inventory.stores.map((s) => s.account)).size).toBeGreaterThanOrEqual(2);
    expect(inventory.principals.length).toBeGreaterThan(0);
    expect(inventory.gaps.filter((g) => g.reason.includes("could not be scanned")).map((g) => g.subject)).toEqual([`account:${org.members.sandbox}`]);
    // And the diff against it, read from S3 too: nothing new.
    const diff = await run(["diff", s3("run-1/report.json"), join(dir, "unsharded.json"), "--endpoint-url", moto.endpoint, "--format", "json"]);
    expect(diff.status).toBe(0);
    expect((JSON.parse(diff.stdout) as { counts: { new: number } }).counts.new).toBe(0);
  }, 600_000);

  it("refuses to merge an incomplete set, a file cut short, or shards of different scans, naming the file", async () => {
    const files = [1, 2].map((i) => join(dir, `part-${i}.jsonl`));
    for (const [i, f] of files.entries()) expect((await run(orgScan("--shard", `${i + 1}/2`, "--out", f))).status).toBe(0);
    const only = await run(["merge", files[0]!]);
    expect([only.status, only.stderr.trim()]).toEqual([2, `cdguard: ${files[0]} is one of 2 shards, but 1 file was given: merge needs all 2`]);
    const stray = join(dir, "stray.jsonl");
    expect((await run(orgScan("--shard", "1/3", "--out", stray))).status).toBe(0);
    const gap = await run(["merge", "--quiet", files[0]!, stray]);
    expect(gap.status).toBe(2);
    expect(gap.stderr).toMatch(/stray\.jsonl is shard 1\/3 but .*part-1\.jsonl is of 2 shards/);
    const cut = join(dir, "cut.jsonl");
    writeFileSync(cut, readFileSync(files[1]!, "utf8").split("\n").slice(0, -2).join("\n"));
    const truncated = await run(["merge", files[0]!, cut]);
    expect(truncated.status).toBe(2);
    expect(truncated.stderr).toContain(`${cut}: the file ends before its "end" line`);
    const other = join(dir, "other.jsonl");
    expect((await run(orgScan("--shard", "2/2", "--rules", "CDG-ENC-003", "--out", other))).status).toBe(0);
    const mixed = await run(["merge", files[0]!, other]);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toMatch(/are not shards of one scan: their rules differ/);
    const twice = await run(["merge", files[0]!, files[0]!, files[1]!]);
    expect(twice.status).toBe(0 + 1); // a file named twice is read once
  }, 600_000);

  it("says what is wrong with org flags, and never prints a stack trace", async () => {
    const cases: [string[], RegExp][] = [
      [["scan", "--accounts", "111122223333"], /--accounts needs --org/],
      [orgScan("--shard", "4/3"), /--shard: '4\/3' is not I\/N with 1 ≤ I ≤ N/],
      [orgScan("--accounts", "12345"), /--accounts: '12345' is not a 12-digit account id/],
      [orgScan("--ou", "ou-bad"), /--ou: 'ou-bad' is not a root/],
      [orgScan("--session-duration", "60"), /--session-duration: 60 is outside 900-43200 seconds/],
      [orgScan("--format", "pulumi-state"), /--format pulumi-state: one account only/],
      [orgScan("--shard", "1/2", "--format", "sarif"), /--shard writes a shard file/],
      [["merge", join(dir, "nothing-here.jsonl")], /nothing-here\.jsonl: no such file/],
      [["merge", join(dir, "unsharded.json")], /unsharded\.json: not a cdguard shard file/],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(message);
      expect(r.stderr).not.toContain("    at ");
    }
  }, 300_000);
});
