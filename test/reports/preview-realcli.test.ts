// The real Pulumi CLI (v3.274.1, ../shared/realcli) writes the events `cdguard preview-report` reads: `pulumi
// policy analyze --json` prints the same apitype.EngineEvent lines (display.ConvertEngineEvent) the event log of
// `pulumi preview --event-log` holds (it cannot run a preview here: no AWS provider plugin). This runs it on
// examples/encryption-violations as a deployed stack and checks that the committed fixture
// (fixtures/policy-analyze-encryption-violations.jsonl) is what it prints: the same report, times aside.
// Needs `npm run build`; UPDATE_GOLDEN=1 rewrites the fixture.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { repoRoot } from "../../src/engine-client/repo-root";
import { previewReport } from "../../src/reports/preview";
import type { CanonicalReport } from "../../src/reports/report";
import { analyzeStateFile, ensureCli, type RealCli } from "../realcli/cli";
import { discoverExamples, recordKnown, secretTokens, stateOf } from "../realcli/examples";

const root = repoRoot(__dirname);
const fixture = join(__dirname, "fixtures", "policy-analyze-encryption-violations.jsonl");
const update = process.env.UPDATE_GOLDEN === "1" || process.env.CDG_UPDATE_GOLDEN === "1";
const dir = mkdtempSync(join(tmpdir(), "cdg-preview-realcli-"));
let cli: RealCli;

beforeAll(async () => {
  cli = await ensureCli(root);
}, 1_800_000);
afterAll(() => {
  cli?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const normalised = (r: CanonicalReport): CanonicalReport => ({ ...r, startedAt: "1970-01-01T00:00:00.000Z", finishedAt: "1970-01-01T00:00:00.000Z" });

it("reads what `pulumi policy analyze --json` prints, as the committed fixture holds it", async () => {
  const example = discoverExamples(root).find((e) => e.dir === "encryption-violations")!;
  const tokens = secretTokens();
  const state = stateOf(example, await recordKnown(example, tokens), "as-recorded", tokens);
  const stateFile = join(dir, "state.json");
  writeFileSync(stateFile, JSON.stringify(state));
  const run = await analyzeStateFile(cli, { stateFile, packDir: root, json: true });
  expect(run.code).toBe(1); // mandatory violations
  if (update) writeFileSync(fixture, run.stdout);
  const live = previewReport(run.stdout, { source: "pulumi policy analyze --json" });
  expect(normalised(live)).toEqual(normalised(previewReport(readFileSync(fixture, "utf8"), { source: fixture })));
  expect(live.findings.length).toBeGreaterThan(0);
}, 300_000);
