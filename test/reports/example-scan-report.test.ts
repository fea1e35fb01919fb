import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalReport } from "../../src/reports/canonical";
import { parseReport } from "../../src/reports/read-report";
import type { CanonicalReport } from "../../src/reports/report";
import { repoRoot } from "../../src/engine-client/repo-root";
import { startMoto, type MotoServer } from "../support/moto/server";
import { scanEndpoint } from "../scanner/scan-helpers";
import { SECRET_VALUES, seedAccount } from "../scanner/seed-account";

// examples/reports/scan.json is the canonical report of a scan of the seeded emulator account: the input of
// every renderer's golden test. moto names resources at random (sg-…, vpc-…, key ids), so the comparison
// masks those; everything else (rules, statuses, reasons, resources, messages, waivers) must match.
// `UPDATE_GOLDEN=1` rewrites the example from a fresh scan.
const EXAMPLE = join(repoRoot(__dirname), "examples", "reports", "scan.json");
const TOOL = { name: "customer-data-guard", version: "0.1.0" };

const RANDOM_IDS = [
  /\b(?:sg|vpc|subnet|i|vol|snap|rtb|igw|nat|acl|eni|pcx|tgw|tgw-attach|vpce|pl|lt|ami|eigw|dopt|r|sgr|rtbassoc|aclassoc|subnet-assoc)-[0-9a-f]{8,17}\b/g,
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g,
  /\b(?:AROA|AIDA|ANPA|AGPA|AIPA)[A-Z0-9]{12,}\b/g,
];
/** Secrets Manager appends six random characters to a secret's name in its ARN. */
const SECRET_SUFFIX = /(:secret:[^"\s]*?)-[A-Za-z0-9]{6}\b/g;
const mask = (s: string): string => RANDOM_IDS.reduce((t, re) => t.replace(re, "<id>"), s).replace(SECRET_SUFFIX, "$1-<id>");

/** What must match: every finding with random names masked (ids derive from them), in a stable order. */
function comparable(report: CanonicalReport): string[] {
  return report.findings
    .map((f) => mask(JSON.stringify({ ...f, id: f.ruleId, resource: f.resource })))
    .sort();
}

let moto: MotoServer;
let report: CanonicalReport;

beforeAll(async () => {
  moto = await startMoto();
  await seedAccount(moto.endpoint);
  const result = await scanEndpoint(moto.endpoint);
  report = canonicalReport({ ...result, startedAt: "2026-11-30T10:00:00.000Z", finishedAt: "2026-11-30T10:01:00.000Z" }, TOOL);
}, 300_000);

afterAll(async () => {
  await moto?.stop();
});

describe("the example scan report", () => {
  it("is valid against the report's JSON Schema", () => {
    expect(() => parseReport(JSON.stringify(report), "fresh scan")).not.toThrow();
    expect(() => parseReport(readFileSync(EXAMPLE, "utf8"), EXAMPLE)).not.toThrow();
  });

  it("has every status, stable unique ids, and no secret value", () => {
    const statuses = new Set(report.findings.map((f) => f.status));
    expect([...statuses].sort()).toEqual(["fail", "not-assessed", "pass", "waived"].filter((s) => statuses.has(s as never)).sort());
    expect(statuses.has("fail") && statuses.has("pass")).toBe(true);
    const ids = report.findings.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    const text = JSON.stringify(report);
    for (const v of SECRET_VALUES) expect(text).not.toContain(v);
  });

  it("is what a scan of the seeded account gives today", () => {
    if (process.env.UPDATE_GOLDEN === "1" || !existsSync(EXAMPLE)) {
      const { stats: _stats, ...rest } = report;
      // The API call counts vary with retries and timing; the example keeps the shape with fixed numbers.
      writeFileSync(EXAMPLE, `${JSON.stringify({ ...rest, stats: { ...report.stats!, retries: 0 } }, null, 2)}\n`);
    }
    const example = parseReport(readFileSync(EXAMPLE, "utf8"), EXAMPLE);
    expect(comparable(report)).toEqual(comparable(example));
    expect(report.coverage).toEqual(example.coverage);
    expect(report.rules).toEqual(example.rules);
  });
});
