// `cdguard scan --format pulumi-state` under the real Pulumi CLI: moto seeded with the scanner's test
// account, scanned, written as a v7 state file, judged by the project's pack with `pulumi policy
// analyze --file` (../shared/realcli). The CLI's violations must be the scanner's failures: for every
// rule that runs as a resource policy (what Pulumi Cloud's audits of cloud accounts run), and for the
// stack policies whose data the file carries. Needs the compiled pack (`npm run build`).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../src/engine-client/repo-root";
import { pulumiState, pulumiStateOf, pulumiStateText, type PulumiStateDocument } from "../../src/reports/pulumi-state";
import { ALL_RULES } from "../../src/rules";
import { scan, type ScanResult } from "../../src/scanner/scan";
import { ALL_SOURCES, keyDirectory } from "../../src/scanner/sources";
import { TEST_CREDENTIALS } from "../support/aws-context";
import { startMoto, type MotoServer } from "../support/moto/server";
import { REGION, SECRET_VALUES, seedAccount } from "../scanner/seed-account";
import { isNotAssessed } from "./examples";
import { assertPackBuilt, analyzeStateFile, ensureCli, parseJsonEvents, type AnalyzeRun, type PolicyEvent, type RealCli } from "./cli";

const root = repoRoot(__dirname);
const ENTRIES = { "customer-data-on-dedicated-subnets": { isolateDataSubnets: true } };
const STACK = { project: "cdguard-scan", stack: "moto" };

/** Stack policies the file cannot settle as the scan does: none. */
/** Rules whose facts `--format pulumi-state` does not write yet (README, "pulumi-state"): compared when it does. */
const NOT_COMPARED: Readonly<Record<string, string>> = {
  "databases-require-tls-connections": "parameter groups are not written",
  "cloudtrail-records-every-region-with-validated-encrypted-logs": "trails are not written",
  "customer-data-reads-are-audited": "trails and bucket logging are not written",
  "database-audit-logs-exported": "log exports and audit parameters are not written",
  "threat-detection-enabled-where-customer-data-lives": "GuardDuty and Macie are not written",
};

let moto: MotoServer;
let cli: RealCli;
let dir: string;
let result: ScanResult;
let written: PulumiStateDocument;
let stateText: string;
let run: AnalyzeRun;
let events: PolicyEvent[];

beforeAll(async () => {
  cli = await ensureCli(root);
}, 45 * 60_000); // a first build of the CLI takes 10-20 minutes on 2 cores

beforeAll(async () => {
  assertPackBuilt(root);
  moto = await startMoto();
  await seedAccount(moto.endpoint);
  result = await scan({
    rules: ALL_RULES,
    entries: ENTRIES,
    access: {
      credentials: async () => TEST_CREDENTIALS,
      endpointUrl: moto.endpoint,
      timeoutMs: 20_000,
      retry: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 500 },
      limits: { concurrency: 4, ratePerSecond: 1_000, burst: 1_000 },
    },
    regions: [REGION],
    homeRegion: REGION,
    sources: ALL_SOURCES,
    keyDirectory,
    today: "2026-11-30",
  });
  written = pulumiStateOf(result.inventory, { ...STACK, region: REGION });
  stateText = pulumiStateText(pulumiState(result, STACK));
  dir = mkdtempSync(join(tmpdir(), "cdg-pulumi-state-"));
  const stateFile = join(dir, "state.json");
  writeFileSync(stateFile, stateText);
  const config = join(dir, "config.json");
  // A v7 BucketPolicy names no account: the file's reader says which account is its own, as the README tells.
  writeFileSync(config, JSON.stringify({ ...ENTRIES, "resource-policies-grant-no-external-access": { ownAccountIds: [result.identity.account] } }));
  run = await analyzeStateFile(cli, { stateFile, packDir: root, json: true, policyPackConfig: config, timeoutMs: 300_000 });
  if (run.code !== 0 && run.code !== 1) throw new Error(`pulumi policy analyze exited ${run.code}:\n${run.stderr}`);
  events = parseJsonEvents(run.stdout).policyEvents;
}, 600_000);

afterAll(async () => {
  await moto?.stop();
  cli?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** `slug model-id`: a resource written from a model counts as that model (a bucket's policy is the bucket's). */
const modelOf = (urn: string): string => written.origins.get(urn) ?? urn;
const violationsOf = (slug: string): string[] =>
  [...new Set(events.filter((e) => e.policyName === slug && !isNotAssessed(e.message) && !e.message.includes("WAIVED")).map((e) => `${slug} ${modelOf(e.resourceUrn)}`))].sort();
const failuresOf = (slug: string): string[] =>
  [...new Set(result.findings.filter((f) => f.rule.slug === slug && f.status === "fail").map((f) => `${slug} ${f.resource.id}`))].sort();
const nameOf = (key: string): string => {
  const [slug, id] = key.split(" ");
  const f = result.findings.find((x) => x.resource.id === id);
  return `${slug} ${f ? `${f.resource.label} ${f.resource.name}` : id}`;
};

describe("the scanned account as a state file, under the real CLI", () => {
  it("is the document `pulumiState` writes, with nothing left out", () => {
    expect(JSON.parse(stateText)).toEqual(JSON.parse(pulumiStateText(written.state)));
    expect(written.omitted.filter((o) => !o.reason.startsWith("no v7 writer"))).toEqual([]);
  });

  it("holds no secret value", () => {
    for (const v of SECRET_VALUES) expect(stateText + run.stdout + run.stderr).not.toContain(v);
  });

  it("exits 1 on the mandatory violations, as the scan fails on them", () => {
    expect(run.code).toBe(1);
    expect(parseJsonEvents(run.stdout).summary?.result).toBe("failed");
  });

  it.each(ALL_RULES.filter((r) => r.scope === "resource").map((r) => [r.slug, r.id] as const))(
    "resource policy %s (%s): the CLI's violations are the scanner's failures",
    (slug) => {
      expect(violationsOf(slug).map(nameOf)).toEqual(failuresOf(slug).map(nameOf));
    },
  );

  it.each(ALL_RULES.filter((r) => r.scope === "stack" && !(r.slug in NOT_COMPARED)).map((r) => [r.slug, r.id] as const))(
    "stack policy %s (%s): the CLI's violations are the scanner's failures",
    (slug) => {
      expect(violationsOf(slug).map(nameOf)).toEqual(failuresOf(slug).map(nameOf));
    },
  );

  it("compares every rule's verdicts but those listed, and reports the figures", () => {
    const compared = ALL_RULES.filter((r) => !(r.slug in NOT_COMPARED));
    const failures = compared.flatMap((r) => failuresOf(r.slug));
    const byResourcePolicies = compared.filter((r) => r.scope === "resource").flatMap((r) => failuresOf(r.slug));
    expect(failures.length).toBeGreaterThan(30);
    const notAssessed = events.filter((e) => isNotAssessed(e.message)).map((e) => `${e.policyName} ${modelOf(e.resourceUrn)}`);
    console.log(
      [
        `pulumi-state under the real CLI: ${failures.length} scanner failures of ${compared.length} rules compared (${byResourcePolicies.length} of resource policies), all equal to the CLI's violations (${events.length} policy events)`,
        `not assessed by the CLI: ${notAssessed.length === 0 ? "none" : notAssessed.join(", ")}`,
        ...Object.entries(NOT_COMPARED).map(([slug, why]) => `not compared: ${slug} (${why}); scanner ${failuresOf(slug).length} failures, CLI ${violationsOf(slug).length} violations`),
        `resources written: ${written.state.deployment.resources.length}; left out: ${written.omitted.map((o) => `${o.label} ${o.name}`).join(", ") || "none"}`,
      ].join("\n"),
    );
  });
});
