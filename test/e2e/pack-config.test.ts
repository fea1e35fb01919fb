// Configuration through the Analyzer protocol, reconciled as the engine does: shared settings set once in
// `pack-settings`, per-policy overrides, and every mistake refused at Configure, before any analysis.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isNotAssessedNote } from "../../src/engine-client/analyze-program";
import { startPack, type PackClient } from "../../src/engine-client/harness";
import { repoRoot } from "../../src/engine-client/repo-root";
import { resourceOf } from "../../src/engine-client/resource-builder";

const STACK = { project: "shop", stack: "dev" };
let pack: PackClient;
beforeAll(async () => {
  pack = await startPack(repoRoot(__dirname));
});
afterAll(async () => {
  await pack?.close();
});

// Untagged by the default key, restricted by the key the configuration names. Deletion protection on, so the
// only verdict that configuration can change is the key's.
const db = resourceOf(STACK, "aws:rds/instance:Instance", "ledger", { storageEncrypted: true, deletionProtection: true, tags: { sensitivity: "restricted" } });
const cmkViolations = async (): Promise<string[]> =>
  (await pack.analyzeStack([db])).diagnostics
    .filter((d) => !isNotAssessedNote(d) && d.policyName === "restricted-data-encrypted-with-customer-managed-key")
    .map((d) => d.message);

describe("shared settings", () => {
  it("are set once in pack-settings and reach every policy", async () => {
    await pack.configure({});
    expect(await cmkViolations()).toEqual([]);
    await pack.configure({ "pack-settings": { classificationTagKey: "sensitivity" } });
    expect(await cmkViolations()).toEqual([expect.stringContaining("(classified 'restricted')")]);
  });

  it("are overridden by a policy's own entry", async () => {
    await pack.configure({ "pack-settings": { classificationTagKey: "sensitivity" }, "restricted-data-encrypted-with-customer-managed-key": { classificationTagKey: "other" } });
    expect(await cmkViolations()).toEqual([]);
  });

  it("can hide the 'not assessed' notes", async () => {
    const unknownDb = resourceOf(STACK, "aws:rds/instance:Instance", "db", { storageEncrypted: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" });
    await pack.configure({});
    expect((await pack.analyze(unknownDb)).diagnostics.filter(isNotAssessedNote).length).toBeGreaterThan(0);
    await pack.configure({ "pack-settings": { notAssessed: "hidden" } });
    const hidden = await pack.analyze(unknownDb);
    expect(hidden.diagnostics.filter(isNotAssessedNote)).toEqual([]);
    expect(hidden.notApplicable.map((n) => n.reason).join("\n")).toContain("not assessed");
  });
});

describe("configuration mistakes stop at Configure", () => {
  it.each([
    ["a misspelled policy", { "kms-key-rotation-enabeld": "advisory" }, "'kms-key-rotation-enabeld' is not a policy of this pack (did you mean 'kms-key-rotation-enabled'?)"],
    ["a misspelled option", { "kms-key-deletion-window-sufficient": { minimumDay: 30 } }, "'minimumDay' is not a setting of this policy (did you mean 'minimumDays'?)"],
    ["a misspelled shared setting", { "pack-settings": { segmentTagkey: "x" } }, "'segmentTagkey' is not a setting of the pack (did you mean 'segmentTagKey'?)"],
    ["a value the schema allows but the pack refuses", { "pack-settings": { classificationTagKey: "" } }, "'tagKeys.classification' must be a non-empty string"],
  ])("%s", async (_what, config, message) => {
    const error = await pack.configure(config).then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toContain(message);
    expect(error?.message).not.toMatch(/\n\s+at /);
    // The pack keeps the last good configuration and keeps serving.
    await pack.configure({});
    expect((await pack.analyze(db)).diagnostics.filter((d) => !isNotAssessedNote(d))).toEqual([]);
  });
});
