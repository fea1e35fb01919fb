// End to end through the real Pulumi CLI (DESIGN.md §10): every example program, recorded with every value
// known and written as a `pulumi stack export` state file with secrets in it, judged by
// `pulumi policy analyze --file` with this pack; the CLI's diagnostics must be exactly the expected
// violations, must equal what the project's harness reports for the same resources, must set the exit
// code (1 with a mandatory violation, else 0), and must never print a secret.
//
// Needs the compiled pack (`npm run build`; `npm ci` builds it) and the CLI from
// ../shared/realcli/build-pulumi-cli.sh (cached after the first build, which takes 10-20 minutes).
// Run alone: `npx vitest run test/realcli`.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPack, type PackClient } from "../../src/engine-client/harness";
import type { RecordedResource } from "../../src/engine-client/record";
import { repoRoot } from "../../src/engine-client/repo-root";
import type { StateFile } from "../../src/engine-client/state-file";
import { assertPackBuilt, analyzeStateFile, blocks, ensureCli, parseJsonEvents, type AnalyzeRun, type PolicyEvent, type RealCli } from "./cli";
import {
  PROGRAM_SECRETS, discoverExamples, fromDiagnostic, harnessOnRecorded, harnessOnState, isNotAssessed, multiset,
  recordKnown, secretTokens, stateOf, violations, withSecrets, type Example, type Shown,
} from "./examples";
import { measure, timingTable } from "./timing";

const root = repoRoot(__dirname);
const examples = discoverExamples(root);
const tokens = secretTokens();
const secretValues = [...Object.values(tokens), ...PROGRAM_SECRETS];

/**
 * The violations of each example as a deployed stack ("level policy resource severity"; "not assessed"
 * results are not violations): the same as in a new stack's preview, since the recorder names resources
 * the way the provider does and keeps their outputs and ids.
 */
const EXPECTED: Record<string, string[]> = {
  "hygiene-compliant": [],
  "hygiene-violations": [
    "advisory api-stages-do-not-log-request-bodies checkout-prod medium",
    "advisory backup-vaults-locked orders-backups medium",
    "advisory customer-data-buckets-expire-objects customer-exports medium",
    "advisory customer-data-buckets-versioned customer-exports medium",
    "advisory customer-data-vpcs-have-flow-logs order-events medium",
    "advisory customer-data-vpcs-have-flow-logs orders-db medium",
    "advisory database-audit-logs-exported order-search medium",
    "advisory database-audit-logs-exported orders-db medium",
    "advisory databases-have-deletion-protection carts medium",
    "advisory databases-have-deletion-protection orders-db medium",
    "advisory default-security-groups-admit-nothing orders medium",
    "advisory expiring-data-tables-have-ttl carts medium",
    "advisory log-groups-retain-for-bounded-time orders-app medium",
    "advisory restricted-queues-topics-and-secrets-refuse-plain-transport payment-alerts medium",
    "advisory restricted-queues-topics-and-secrets-refuse-plain-transport payment-api-token medium",
    "advisory restricted-queues-topics-and-secrets-refuse-plain-transport payment-requests medium",
    "advisory streams-and-queues-retain-within-bounds clickstream low",
    "advisory streams-and-queues-retain-within-bounds payment-requests low",
    "mandatory caches-search-and-streams-encrypt-in-transit order-events high",
    "mandatory caches-search-and-streams-encrypt-in-transit order-search high",
    "mandatory caches-search-and-streams-encrypt-in-transit sessions-cache high",
    "mandatory cloudtrail-records-every-region-with-validated-encrypted-logs audit high",
    "mandatory customer-data-stores-backed-up carts high",
    "mandatory customer-data-stores-backed-up orders-db high",
    "mandatory customer-data-stores-backed-up sessions-cache high",
    "mandatory data-endpoints-serve-only-current-tls storefront-cdn high",
    "mandatory data-endpoints-serve-only-current-tls storefront-http high",
    "mandatory data-store-encrypted-at-rest clickstream high",
    "mandatory data-store-encrypted-at-rest payment-alerts high",
    "mandatory data-store-in-private-subnets order-search high",
    "mandatory data-store-in-private-subnets sessions-cache high",
    "mandatory data-store-not-publicly-accessible order-search critical",
    "mandatory databases-require-tls-connections orders-db high",
    "mandatory restricted-data-encrypted-with-customer-managed-key customer-exports high",
    "mandatory restricted-data-encrypted-with-customer-managed-key payment-alerts high",
    "mandatory restricted-data-encrypted-with-customer-managed-key payment-api-token high",
    "mandatory restricted-data-encrypted-with-customer-managed-key payment-requests high",
    "mandatory s3-bucket-public-access-blocked customer-exports high",
    "mandatory s3-bucket-requires-tls customer-exports high",
    "mandatory threat-detection-enabled-where-customer-data-lives main high",
  ],
  "encryption-compliant": [
    // Privacy hygiene: the program shows another pillar; examples/hygiene-* show this one.
    "advisory customer-data-buckets-expire-objects orders medium",
    "advisory customer-data-buckets-versioned orders medium",
    "advisory customer-data-vpcs-have-flow-logs customers-db medium",
    "advisory database-audit-logs-exported customers-db medium",
    "advisory databases-have-deletion-protection customers-db medium",
    "advisory databases-have-deletion-protection customers-db-replica medium",
    "advisory databases-have-deletion-protection sessions medium",
    "mandatory customer-data-stores-backed-up customers-db high",
    "mandatory customer-data-stores-backed-up exports high",
    "mandatory customer-data-stores-backed-up sessions high",
  ],
  "encryption-violations": [
    "advisory kms-key-deletion-window-sufficient weak-key medium",
    "advisory kms-key-rotation-enabled weak-key medium",
    "advisory restricted-data-encrypted-with-customer-managed-key legacy-import high", // waived (the waiver tag is secret here)
    "mandatory copies-and-replicas-stay-encrypted accounts-db-replica high",
    "mandatory data-store-encrypted-at-rest ledger-db high",
    "mandatory data-store-encrypted-at-rest order-notifications high",
    "mandatory data-store-encrypted-at-rest scratch high",
    "mandatory data-store-in-private-subnets accounts-db high",
    "mandatory data-store-in-private-subnets ledger-db high",
    "mandatory restricted-data-encrypted-with-customer-managed-key customer-exports high",
    "mandatory restricted-data-encrypted-with-customer-managed-key ledger-db high",
    "mandatory restricted-data-encrypted-with-customer-managed-key payment-methods high",
    "mandatory s3-bucket-public-access-blocked customer-exports high",
    "mandatory s3-bucket-public-access-blocked legacy-import high",
    "mandatory s3-bucket-requires-tls customer-exports high",
    "mandatory s3-bucket-requires-tls legacy-import high",
    // Privacy hygiene: the program shows another pillar; examples/hygiene-* show this one.
    "advisory customer-data-buckets-expire-objects customer-exports medium",
    "advisory customer-data-buckets-expire-objects legacy-import medium",
    "advisory customer-data-buckets-versioned customer-exports medium",
    "advisory customer-data-buckets-versioned legacy-import medium",
    "advisory database-audit-logs-exported accounts-db medium",
    "advisory database-audit-logs-exported ledger-db medium",
    "advisory databases-have-deletion-protection accounts-db medium",
    "advisory databases-have-deletion-protection accounts-db-replica medium",
    "advisory databases-have-deletion-protection ledger-db medium",
    "advisory databases-have-deletion-protection payment-methods medium",
    "mandatory customer-data-stores-backed-up accounts-db high",
    "mandatory customer-data-stores-backed-up ledger-db high",
    "mandatory customer-data-stores-backed-up payment-methods high",
  ],
  "segments-compliant": [
    // Privacy hygiene: the program shows another pillar; examples/hygiene-* show this one.
    "advisory customer-data-buckets-expire-objects tenant-a-documents medium",
    "advisory customer-data-buckets-expire-objects tenant-b-documents medium",
    "advisory customer-data-buckets-versioned tenant-a-documents medium",
    "advisory customer-data-buckets-versioned tenant-b-documents medium",
    "advisory customer-data-vpcs-have-flow-logs tenant-a-db medium",
    "advisory customer-data-vpcs-have-flow-logs tenant-b-db medium",
    "advisory database-audit-logs-exported tenant-a-db medium",
    "advisory database-audit-logs-exported tenant-b-db medium",
    "advisory databases-have-deletion-protection tenant-a-db medium",
    "advisory databases-have-deletion-protection tenant-b-db medium",
  ],
  "segments-violations": [
    "mandatory data-store-in-private-subnets tenant-b-db high",
    "mandatory data-store-security-groups-closed-to-internet tenant-b-db critical",
    "mandatory no-network-path-between-segments tenant-a-to-b high",
    "mandatory no-network-path-between-segments tenant-b-db high",
    "mandatory no-principal-reaches-two-segments reporting high",
    "mandatory security-groups-closed-to-internet-on-data-ports tenant-b-db high",
    "mandatory security-groups-closed-to-internet-on-data-ports tenant-b-db-from-anywhere high",
    "mandatory segment-resources-not-shared tenant-a-key high",
    // Privacy hygiene: the program shows another pillar; examples/hygiene-* show this one.
    "advisory customer-data-buckets-expire-objects tenant-a-documents medium",
    "advisory customer-data-buckets-expire-objects tenant-b-documents medium",
    "advisory customer-data-buckets-versioned tenant-a-documents medium",
    "advisory customer-data-buckets-versioned tenant-b-documents medium",
    "advisory customer-data-vpcs-have-flow-logs tenant-a-db medium",
    "advisory customer-data-vpcs-have-flow-logs tenant-b-db medium",
    "advisory database-audit-logs-exported tenant-a-db medium",
    "advisory database-audit-logs-exported tenant-b-db medium",
    "advisory databases-have-deletion-protection tenant-a-db medium",
    "advisory databases-have-deletion-protection tenant-b-db medium",
  ],
  "access-compliant": [
    // Privacy hygiene: the program shows another pillar; examples/hygiene-* show this one.
    "advisory customer-data-buckets-expire-objects customer-documents medium",
    "advisory customer-data-buckets-versioned customer-documents medium",
    "advisory customer-data-vpcs-have-flow-logs customers-db medium",
    "advisory database-audit-logs-exported customers-db medium",
    "advisory databases-have-deletion-protection customers-db medium",
    "mandatory customer-data-stores-backed-up customers-db high",
  ],
  "access-violations": [
    "advisory default-security-groups-admit-nothing legacy-default medium",
    "advisory iam-policy-conditions-restrict-access operator-s3 medium",
    "mandatory iam-policy-actions-scoped-to-resources ci-launcher high",
    "mandatory iam-policy-actions-scoped-to-resources deployer-policies high",
    "mandatory iam-policy-actions-scoped-to-resources operator-ec2 high",
    "mandatory iam-policy-actions-scoped-to-resources operator-s3 high",
    "mandatory iam-policy-actions-scoped-to-resources orders-app-s3-full high",
    "mandatory iam-policy-grants-no-privilege-escalation ci-launcher high",
    "mandatory iam-policy-grants-no-privilege-escalation deployer-policies high",
    "mandatory iam-policy-grants-no-wildcard-access orders-app-s3-full high",
    "mandatory privilege-escalation-limited-to-approved-admins deployer high",
    "mandatory resource-policies-grant-no-external-access document-events-from-s3 critical",
    "mandatory resource-policies-not-public orders-handler-anyone critical",
    "mandatory resource-policies-not-public orders-handler-url critical",
    "mandatory resource-policies-not-public orders-images-public critical",
    "mandatory role-trust-policy-restricts-who-assumes deployer high",
    "mandatory security-groups-closed-to-internet-on-data-ports legacy-default high",
    "mandatory security-groups-closed-to-internet-on-data-ports reporting-db high",
    "mandatory security-groups-closed-to-internet-on-data-ports reporting-db-from-anywhere high",
    "mandatory security-groups-closed-to-internet-on-data-ports reporting-db-mysql-v6 high",
  ],
};

interface ExampleRun {
  example: Example;
  recorded: RecordedResource[];
  deployed: StateFile;
  deployedText: string;
  json: AnalyzeRun;
  human: AnalyzeRun;
  events: PolicyEvent[];
  asRecorded: StateFile;
  asRecordedJson: AnalyzeRun;
  harnessDeployed: Shown[];
  harnessRecorded: Shown[];
}

let cli: RealCli;
let pack: PackClient;
let dir: string;
const runs = new Map<string, ExampleRun>();
const timings: string[] = [];
const deployedFiles: { example: string; file: string; state: StateFile }[] = [];

const shownOf = (events: readonly PolicyEvent[]): Shown[] =>
  events.map((e) => ({ enforcementLevel: e.enforcementLevel, policyName: e.policyName, urn: e.resourceUrn, severity: e.severity, message: e.message }));

const cliEvents = (run: AnalyzeRun): PolicyEvent[] => {
  if (run.code !== 0 && run.code !== 1) throw new Error(`pulumi policy analyze exited ${run.code}:\n${run.stderr}`);
  return parseJsonEvents(run.stdout).policyEvents;
};

/** The recorded resources in the state file's order, which is the order the engine sends them in. */
const inStateOrder = (recorded: RecordedResource[], state: StateFile): RecordedResource[] => {
  const byUrn = new Map(recorded.map((r) => [r.urn, r]));
  return state.deployment.resources.map((s) => byUrn.get(s.urn)).filter((r): r is RecordedResource => r !== undefined);
};

const ms = (x: number | undefined): string => (x === undefined ? "-" : `${Math.round(x)}`);

beforeAll(async () => {
  cli = await ensureCli(root);
}, 45 * 60_000); // a first build of the CLI takes 10-20 minutes on 2 cores

beforeAll(async () => {
  assertPackBuilt(root);
  dir = mkdtempSync(join(tmpdir(), "cdg-realcli-"));
  pack = await startPack(root);
  await pack.configure({});
}, 180_000);

afterAll(async () => {
  await pack?.close();
  cli?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (timings.length > 0) {
    console.log(
      ["real CLI on the deployed state files (ms; CDG_REALCLI_TIMING=<runs> compares with the harness):",
        "example | --json: first policy event | --json: exit | console display: exit",
        ...timings].join("\n"),
    );
  }
});

it("finds the example programs", () => {
  expect(examples.map((e) => e.dir)).toEqual(expect.arrayContaining(Object.keys(EXPECTED)));
});

describe.each(examples.map((e) => [e.dir, e] as const))("%s under the real CLI", (name, example) => {
  let run: ExampleRun;

  beforeAll(async () => {
    const recorded = withSecrets(await recordKnown(example, tokens), tokens);
    const deployed = stateOf(example, recorded, "deployed", tokens);
    const asRecorded = stateOf(example, recorded, "as-recorded", tokens);
    const deployedText = JSON.stringify(deployed, null, 4);
    const deployedFile = join(dir, `${name}.deployed.json`);
    deployedFiles.push({ example: name, file: deployedFile, state: deployed });
    const asRecordedFile = join(dir, `${name}.as-recorded.json`);
    writeFileSync(deployedFile, deployedText);
    writeFileSync(asRecordedFile, JSON.stringify(asRecorded, null, 4));

    const json = await analyzeStateFile(cli, { stateFile: deployedFile, packDir: root, json: true });
    const human = await analyzeStateFile(cli, { stateFile: deployedFile, packDir: root, json: false });
    const asRecordedJson = await analyzeStateFile(cli, { stateFile: asRecordedFile, packDir: root, json: true });
    const harnessDeployed = (await harnessOnState(pack, deployed)).map(fromDiagnostic);
    const harnessRecorded = (await harnessOnRecorded(pack, inStateOrder(recorded, asRecorded))).map(fromDiagnostic);
    timings.push([name, ms(json.firstDiagnosticMs), ms(json.totalMs), ms(human.totalMs)].join(" | "));
    run = {
      example, recorded, deployed, deployedText, json, human, events: cliEvents(json), asRecorded, asRecordedJson,
      harnessDeployed, harnessRecorded,
    };
    runs.set(name, run);
  }, 240_000);

  it.runIf(name in EXPECTED)("reports exactly the expected violations (policy, resource, level, severity)", () => {
    expect(violations(shownOf(run.events))).toEqual([...(EXPECTED[name] ?? [])].sort());
  });

  it("shows exactly what the project's harness reports for the resources the engine sends (deployed state)", () => {
    expect(multiset(shownOf(run.events))).toEqual(multiset(run.harnessDeployed));
  });

  it("shows exactly what the harness reports on the recorded resources, when the state's outputs are the inputs", () => {
    expect(multiset(shownOf(cliEvents(run.asRecordedJson)))).toEqual(multiset(run.harnessRecorded));
  });

  it("exits 1 when a mandatory violation is shown, else 0, and says so", () => {
    const mandatory = run.events.some(blocks);
    expect(run.json.code).toBe(mandatory ? 1 : 0);
    expect(run.human.code).toBe(mandatory ? 1 : 0);
    expect(parseJsonEvents(run.json.stdout).summary?.result).toBe(mandatory ? "failed" : "succeeded");
    expect(run.human.stderr.includes("one or more mandatory policy violations were found")).toBe(mandatory);
    for (const e of run.events.filter((x) => isNotAssessed(x.message))) expect(e.enforcementLevel).toBe("advisory");
  });

  it("lists the same diagnostics in the console display as in --json", () => {
    // "    - [mandatory] [severity: high]  <policy>  (<type>: <name>)" heads each diagnostic ("· [exempted] ..." when excepted).
    const heads = [...run.human.stdout.matchAll(/^\s+[-·] (?:\[exempted\] )?\[(\w+)\] \[severity: (\w+)\]\s+(\S+)\s+\((.+): (.+)\)$/gm)]
      .map(([, level, severity, policy, , resource]) => `${level} ${policy} ${resource} ${severity}`)
      .sort();
    const fromJson = run.events.map((e) => `${e.enforcementLevel} ${e.policyName} ${e.resourceUrn.split("::").slice(3).join("::")} ${e.severity}`).sort();
    expect(heads).toEqual(fromJson);
  });

  it("prints no secret value, though the state file holds them all", () => {
    for (const s of [tokens.config, tokens.tag, tokens.output]) expect(run.deployedText).toContain(JSON.stringify(JSON.stringify(s)));
    if (name === "encryption-violations") expect(run.deployedText).toContain(tokens.waiver); // its waiver tag
    const printed = [run.json.stdout, run.json.stderr, run.human.stdout, run.human.stderr, run.asRecordedJson.stdout, run.asRecordedJson.stderr];
    const fromHarness = JSON.stringify([run.harnessDeployed, run.harnessRecorded]);
    for (const value of secretValues) {
      for (const text of [...printed, fromHarness]) expect(text).not.toContain(value);
    }
  });
});

describe("policy config through the real CLI and through the harness", () => {
  const example = examples.find((e) => e.dir === "encryption-violations");
  const write = (file: string, content: unknown): string => {
    const path = join(dir, file);
    writeFileSync(path, JSON.stringify(content));
    return path;
  };
  const stateFile = (): string => {
    const state = runs.get("encryption-violations")?.deployed;
    if (!state) throw new Error("the encryption-violations run did not complete");
    return write("config-state.json", state);
  };

  it("with every policy advisory, shows the same diagnostics as the harness and exits 0", async () => {
    if (!example) throw new Error("examples/encryption-violations is missing");
    const config = { all: "advisory" };
    const run = await analyzeStateFile(cli, { stateFile: stateFile(), packDir: root, json: true, policyPackConfig: write("all-advisory.json", config) });
    expect(run.code).toBe(0);
    const events = parseJsonEvents(run.stdout).policyEvents;
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.enforcementLevel === "advisory")).toBe(true);
    const p = await startPack(root, { policyConfig: config });
    try {
      const state = runs.get("encryption-violations")?.deployed as StateFile;
      expect(multiset(shownOf(events))).toEqual(multiset((await harnessOnState(p, state)).map(fromDiagnostic)));
    } finally {
      await p.close();
    }
  }, 120_000);

  it("lets a version 2 config file's exceptions exempt mandatory violations: shown, marked, exit 0", async () => {
    const before = runs.get("encryption-violations");
    if (!before) throw new Error("the encryption-violations run did not complete");
    const blocking = before.events.filter(blocks);
    expect(blocking.length).toBeGreaterThan(0);
    const config = {
      version: 2,
      policies: { "kms-key-deletion-window-sufficient": { minimumDays: 30 } },
      exceptions: {
        "accepted-risk": {
          reason: "accepted until the migration",
          match: [{ policies: [...new Set(blocking.map((e) => e.policyName))], targets: [...new Set(blocking.map((e) => e.resourceUrn))] }],
        },
      },
    };
    const run = await analyzeStateFile(cli, { stateFile: stateFile(), packDir: root, json: true, policyPackConfig: write("exceptions.json", config) });
    const events = parseJsonEvents(run.stdout).policyEvents;
    const exempted = new Set(events.filter((e) => e.exceptions?.some((x) => x.id === "accepted-risk")).map((e) => `${e.policyName} ${e.resourceUrn}`));
    for (const e of blocking) expect(exempted).toContain(`${e.policyName} ${e.resourceUrn}`);
    expect(events.some(blocks)).toBe(false);
    expect(run.code).toBe(0);
    expect(parseJsonEvents(run.stdout).summary?.result).toBe("succeeded");
    // The policies block applies as an unversioned file would.
    expect(events.find((e) => e.policyName === "kms-key-deletion-window-sufficient")?.message).toContain("shorter than the required 30 days");
  }, 120_000);

  it("refuses an option of the wrong type before any analysis, as the harness does", async () => {
    const config = { "kms-key-deletion-window-sufficient": { minimumDays: "thirty" } };
    const run = await analyzeStateFile(cli, { stateFile: stateFile(), packDir: root, json: true, policyPackConfig: write("wrong-type.json", config) });
    expect(run.code).toBe(1);
    expect(parseJsonEvents(run.stdout).policyEvents).toEqual([]);
    expect(run.stderr).toMatch(/validating policy config for "customer-data-guard": kms-key-deletion-window-sufficient: minimumDays: Invalid type\. Expected: (number|integer), given: string/);
    await expect(startPack(root, { policyConfig: config })).rejects.toThrow(/kms-key-deletion-window-sufficient.*minimumDays/);
  }, 120_000);

  it("refuses an entry without a level for a name that is not a policy ('all' included), as the harness does", async () => {
    const config = { all: { minimumDays: 30 } };
    const run = await analyzeStateFile(cli, { stateFile: stateFile(), packDir: root, json: true, policyPackConfig: write("all-object.json", config) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('invalid enforcement level ""');
    await expect(startPack(root, { policyConfig: config })).rejects.toThrow(/invalid enforcement level ""/);
  }, 120_000);
});

// Time to first diagnostic, real CLI against the harness: `CDG_REALCLI_TIMING=5 npx vitest run test/realcli`.
const timingRuns = Number(process.env.CDG_REALCLI_TIMING ?? "0");
if (timingRuns > 0) {
  it(`times the real CLI against the harness (${timingRuns} interleaved runs)`, async () => {
    console.log(timingTable(await measure(cli, root, deployedFiles, timingRuns)));
  }, timingRuns * examples.length * 60_000 + 60_000);
}
