// examples/reports/preview.json: the canonical report of a new stack's preview of examples/encryption-violations.
// The pack (compiled: `npm run build`) judges the program's resources recorded in preview mode, driven over the
// Analyzer protocol as the engine drives it, and the events the engine would log for that run
// (fixtures/preview-event-log.ts) go through `previewReport`. The event log is kept beside the other fixtures
// (fixtures/preview-encryption-violations.jsonl). Regenerate both after an intended change: UPDATE_GOLDEN=1.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startPack, type PackClient } from "../../src/engine-client/harness";
import { projectName, recordProgram } from "../../src/engine-client/record";
import { repoRoot } from "../../src/engine-client/repo-root";
import { previewReport } from "../../src/reports/preview";
import type { CanonicalReport } from "../../src/reports/report";
import { previewEventLog } from "./fixtures/preview-event-log";

const root = repoRoot(__dirname);
const program = join(root, "examples", "encryption-violations");
const golden = join(root, "examples", "reports", "preview.json");
const eventLog = join(__dirname, "fixtures", "preview-encryption-violations.jsonl");
const update = process.env.UPDATE_GOLDEN === "1" || process.env.CDG_UPDATE_GOLDEN === "1";
const project = projectName(program);
let pack: PackClient;

beforeAll(async () => {
  pack = await startPack(root, { stack: { project, stack: "dev", dryRun: true } });
}, 120_000);
afterAll(async () => {
  await pack?.close();
});

/** The run's times are the only thing that changes from one run to the next. */
const normalised = (r: CanonicalReport): CanonicalReport => ({ ...r, startedAt: "1970-01-01T00:00:00.000Z", finishedAt: "1970-01-01T00:00:00.000Z" });

it("gives the recorded report of a preview of examples/encryption-violations", async () => {
  const config = { "aws:region": "eu-west-1" };
  const resources = await recordProgram(join(program, "index.ts"), { stack: "dev", project, preview: true, config });
  const log = await previewEventLog(pack, resources, { project, stack: "dev", packDir: "../customer-data-guard", config });
  const report = previewReport(log, { source: "preview event log" });
  if (update) {
    writeFileSync(eventLog, log);
    writeFileSync(golden, `${JSON.stringify(report, null, 2)}\n`);
  }
  const expected = JSON.parse(readFileSync(golden, "utf8")) as CanonicalReport;
  expect(normalised(report)).toEqual(normalised(expected));
  expect(normalised(previewReport(readFileSync(eventLog, "utf8"), { source: eventLog }))).toEqual(normalised(expected));
  expect(expected.scope).toEqual({ front: "pulumi", project: "shop-data-violations", stack: "dev", operation: "preview" });
  const statuses = new Set(expected.findings.map((f) => f.status));
  expect([...statuses].sort()).toEqual(["fail", "not-assessed", "pass", "waived"]);
}, 300_000);
