// The new kinds' state file (kinds-account.ts) under the real Pulumi CLI: `pulumi policy analyze --file`
// runs the project's compiled pack on it (../shared/realcli), feeding each resource's inputs to the
// resource policies and every resource's outputs to the stack policies. Its violations must be the
// failures of the same run simulated in process (pulumi-state-kinds.test.ts pins how those differ from
// the scanner's, where one resource alone cannot show what separate resources add to it), and for stack
// policies the scanner's failures. Needs the compiled pack (`npm run build`) and the cached CLI.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildInventory } from "../../src/adapters/pulumi/inventory";
import { repoRoot } from "../../src/engine-client/repo-root";
import { pulumiStateText } from "../../src/reports/pulumi-state";
import { ALL_RULES } from "../../src/rules";
import { assertPackBuilt, analyzeStateFile, ensureCli, parseJsonEvents, type AnalyzeRun, type PolicyEvent, type RealCli } from "./cli";
import { isNotAssessed } from "./examples";
import { ACCOUNT, kindsAccount, R } from "../reports/kinds-account";
import { modelOf, roundTrip, ruleOf, scannedInventory, STATE_COMPARED_RULES } from "../reports/round-trip";

const root = repoRoot(__dirname);
const ENTRIES = {
  "customer-data-on-dedicated-subnets": { isolateDataSubnets: true },
  "resource-policies-grant-no-external-access": { ownAccountIds: [ACCOUNT] },
};
const trip = roundTrip(scannedInventory(kindsAccount(), ACCOUNT), { project: "cdguard-scan", stack: "kinds", region: R }, ENTRIES);

let cli: RealCli;
let dir: string;
let run: AnalyzeRun;
let events: PolicyEvent[];

beforeAll(async () => {
  cli = await ensureCli(root);
}, 45 * 60_000); // a first build of the CLI takes 10-20 minutes on 2 cores

beforeAll(async () => {
  assertPackBuilt(root);
  dir = mkdtempSync(join(tmpdir(), "cdg-pulumi-state-kinds-"));
  const stateFile = join(dir, "state.json");
  writeFileSync(stateFile, pulumiStateText(trip.state));
  const config = join(dir, "config.json");
  writeFileSync(config, JSON.stringify(ENTRIES));
  run = await analyzeStateFile(cli, { stateFile, packDir: root, json: true, policyPackConfig: config, timeoutMs: 300_000 });
  if (run.code !== 0 && run.code !== 1) throw new Error(`pulumi policy analyze exited ${run.code}:\n${run.stderr}`);
  events = parseJsonEvents(run.stdout).policyEvents;
}, 600_000);

afterAll(() => {
  cli?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const slugOf = new Map(ALL_RULES.map((r) => [r.id, r.slug]));
const modelOfUrn = (urn: string): string => trip.written.origins.get(urn) ?? urn;
const violationsOf = (slug: string): string[] =>
  [...new Set(events.filter((e) => e.policyName === slug && !isNotAssessed(e.message) && !e.message.includes("WAIVED")).map((e) => `${slug} ${modelOfUrn(e.resourceUrn)}`))].sort();
const failuresIn = (verdicts: readonly string[], slug: string): string[] =>
  [...new Set(verdicts.filter((v) => v.endsWith(" fail") && slugOf.get(ruleOf(v)) === slug).map((v) => `${slug} ${modelOf(v)}`))].sort();

/** The pack's run as the CLI makes it, in process: resource policies on each resource's inputs alone. */
const simulated = trip.verdicts(trip.engine("analyze").flatMap((r) => trip.judge(STATE_COMPARED_RULES.filter((x) => x.scope === "resource"), buildInventory([r]))));

describe("the new kinds' state file, under the real CLI", () => {
  it("exits 1 on the mandatory violations", () => {
    expect(run.code).toBe(1);
    expect(parseJsonEvents(run.stdout).summary?.result).toBe("failed");
  });

  it.each(STATE_COMPARED_RULES.filter((r) => r.scope === "resource").map((r) => [r.slug, r.id] as const))("resource policy %s (%s): the CLI's violations are the in-process run's failures", (slug) => {
    expect(violationsOf(slug)).toEqual(failuresIn(simulated, slug));
  });

  it.each(STATE_COMPARED_RULES.filter((r) => r.scope === "stack").map((r) => [r.slug, r.id] as const))("stack policy %s (%s): the CLI's violations are the scanner's failures", (slug) => {
    expect(violationsOf(slug)).toEqual(failuresIn(trip.scanned, slug));
  });

  it("reports the figures", () => {
    const failures = STATE_COMPARED_RULES.flatMap((r) => failuresIn(trip.scanned, r.slug));
    expect(failures.length).toBeGreaterThan(50);
    console.log(`pulumi-state kinds under the real CLI: ${failures.length} scanner failures, ${events.length} policy events; resources written: ${trip.state.deployment.resources.length}`);
  });
});
