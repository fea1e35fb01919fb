// Configuration through the real Pulumi CLI (`pulumi policy analyze --file --policy-pack-config`): the
// documented shared-settings form works, and every mistake stops the run at Configure, before any analysis,
// with the message the pack promises. Needs the compiled pack and ../shared/realcli (see examples.test.ts).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../src/engine-client/repo-root";
import { resourceOf } from "../../src/engine-client/resource-builder";
import { stateFileText } from "../../src/engine-client/state-file";
import { analyzeStateFile, ensureCli, parseJsonEvents, type RealCli } from "./cli";

const root = repoRoot(__dirname);
const STACK = { project: "shop", stack: "dev" };
let cli: RealCli;
let dir: string;
let state: string;

beforeAll(async () => {
  cli = await ensureCli(root);
  dir = mkdtempSync(join(tmpdir(), "cdg-realcli-config-"));
  // Encrypted with AWS's key: a violation of CDG-ENC-002 only when the `sensitivity` tag counts as the classification.
  const db = resourceOf(STACK, "aws:rds/instance:Instance", "ledger", {
    storageEncrypted: true, dbSubnetGroupName: "private", publiclyAccessible: false, tags: { sensitivity: "restricted" },
  });
  state = join(dir, "state.json");
  writeFileSync(state, stateFileText([db], STACK));
}, 1_200_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(config: unknown) {
  const file = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(config));
  return analyzeStateFile(cli, { stateFile: state, packDir: root, json: true, policyPackConfig: file });
}

const CMK = "restricted-data-encrypted-with-customer-managed-key";

describe("the documented configuration under the real CLI", () => {
  it("applies shared settings set once in pack-settings to every policy", async () => {
    const without = await run({});
    expect(parseJsonEvents(without.stdout).policyEvents.filter((e) => e.policyName === CMK && !/not assessed/.test(e.message))).toEqual([]);
    const withShared = await run({ all: "advisory", "pack-settings": { classificationTagKey: "sensitivity" } });
    const events = parseJsonEvents(withShared.stdout).policyEvents.filter((e) => e.policyName === CMK);
    expect(events.map((e) => [e.enforcementLevel, /classified 'restricted'/.test(e.message)])).toEqual([["advisory", true]]);
    expect(withShared.code).toBe(0);
  }, 120_000);
});

describe("configuration mistakes under the real CLI", () => {
  it.each([
    ["a misspelled policy", { "kms-key-rotation-enabeld": "advisory" }, "'kms-key-rotation-enabeld' is not a policy of this pack (did you mean 'kms-key-rotation-enabled'?)"],
    ["a misspelled option", { "kms-key-deletion-window-sufficient": { minimumDay: 30 } }, "'minimumDay' is not a setting of this policy (did you mean 'minimumDays'?)"],
    ["a misspelled shared setting", { "pack-settings": { clasificationTagKey: "x" } }, "'clasificationTagKey' is not a setting of the pack (did you mean 'classificationTagKey'?)"],
    ["a value the pack refuses", { "pack-settings": { segmentTagKey: "" } }, "'tagKeys.segment' must be a non-empty string"],
    ["a wrong type (the engine's own check)", { "kms-key-deletion-window-sufficient": { minimumDays: "thirty" } }, "minimumDays: Invalid type. Expected: integer, given: string"],
  ])("%s stops the run before any analysis, naming it", async (_what, config, message) => {
    const r = await run(config);
    expect(r.code).toBe(1);
    expect(r.stderr + r.stdout).toContain(message);
    expect(parseJsonEvents(r.stdout).policyEvents).toEqual([]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
