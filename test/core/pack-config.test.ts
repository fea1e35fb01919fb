import { describe, expect, it } from "vitest";
import { configFor, PACK_SETTINGS, packConfigProblems, waiversFileSetting } from "../../src/core/pack-config";
import { settingsFor } from "../../src/core/settings";
import { ALL_RULES, kmsKeyDeletionWindowSufficient, roleTrustPolicyRestrictsWhoAssumes } from "../../src/rules";

describe("pack configuration", () => {
  it("accepts the documented form: shared settings once, per-policy overrides", () => {
    expect(
      packConfigProblems(
        {
          all: {},
          [PACK_SETTINGS]: { classificationTagKey: "sensitivity", ownAccountIds: ["111111111111"], notAssessed: "hidden" },
          "kms-key-deletion-window-sufficient": { minimumDays: 30 },
        },
        ALL_RULES,
      ),
    ).toEqual([]);
  });

  it("names a misspelled policy and the nearest one", () => {
    expect(packConfigProblems({ "kms-key-deletion-window-sufficent": { minimumDays: 30 } }, ALL_RULES)).toEqual([
      "'kms-key-deletion-window-sufficent' is not a policy of this pack (did you mean 'kms-key-deletion-window-sufficient'?)",
    ]);
  });

  it("names a misspelled option of a policy and of the pack-wide entry, with the nearest valid name", () => {
    expect(packConfigProblems({ "kms-key-deletion-window-sufficient": { minimumDay: 30 } }, ALL_RULES)).toEqual([
      "'kms-key-deletion-window-sufficient': 'minimumDay' is not a setting of this policy (did you mean 'minimumDays'?)",
    ]);
    expect(packConfigProblems({ [PACK_SETTINGS]: { clasificationTagKey: "x" } }, ALL_RULES)).toEqual([
      "'pack-settings': 'clasificationTagKey' is not a setting of the pack (did you mean 'classificationTagKey'?)",
    ]);
  });

  it("names a bad value, alone and when only the merged settings are wrong", () => {
    expect(packConfigProblems({ "kms-key-deletion-window-sufficient": { minimumDays: 3 } }, ALL_RULES)).toEqual([
      "'kms-key-deletion-window-sufficient': 'minimumDays' must be at least 7",
    ]);
    expect(packConfigProblems({ [PACK_SETTINGS]: { classificationTagKey: "" } }, ALL_RULES)[0]).toContain("'tagKeys.classification' must be a non-empty string");
  });

  it("applies pack-wide settings to every rule that takes them; a policy's own entry wins", () => {
    const entries = { [PACK_SETTINGS]: { classificationTagKey: "sensitivity", trustedAccountIds: ["222222222222"] } };
    expect(settingsFor(kmsKeyDeletionWindowSufficient, configFor(kmsKeyDeletionWindowSufficient, entries)).config.tagKeys.classification).toBe("sensitivity");
    expect(settingsFor(roleTrustPolicyRestrictsWhoAssumes, configFor(roleTrustPolicyRestrictsWhoAssumes, entries)).options.trustedAccountIds).toEqual(["222222222222"]);
    const own = configFor(kmsKeyDeletionWindowSufficient, entries, { classificationTagKey: "own-key" });
    expect(settingsFor(kmsKeyDeletionWindowSufficient, own).config.tagKeys.classification).toBe("own-key");
    // An option a rule does not have is not lent to it.
    expect(configFor(kmsKeyDeletionWindowSufficient, entries)).not.toHaveProperty("trustedAccountIds");
  });

  it("takes shared settings given under `all` too, below the pack-wide entry", () => {
    const entries = { all: { segmentTagKey: "tenant" }, [PACK_SETTINGS]: { classificationTagKey: "sensitivity" } };
    const s = settingsFor(kmsKeyDeletionWindowSufficient, configFor(kmsKeyDeletionWindowSufficient, entries));
    expect([s.config.tagKeys.segment, s.config.tagKeys.classification]).toEqual(["tenant", "sensitivity"]);
  });

  it("takes the waivers file in the pack-wide entry only, and lends it to no rule", () => {
    expect(packConfigProblems({ [PACK_SETTINGS]: { waiversFile: "waivers.yaml" } }, ALL_RULES)).toEqual([]);
    expect(packConfigProblems({ "kms-key-deletion-window-sufficient": { waiversFile: "waivers.yaml" } }, ALL_RULES)).toEqual([
      "'kms-key-deletion-window-sufficient': 'waiversFile' is a setting of the whole pack: set it in 'pack-settings'",
    ]);
    expect(packConfigProblems({ [PACK_SETTINGS]: { waiversFile: " " } }, ALL_RULES)).toEqual(["'pack-settings': 'waiversFile' is empty"]);
    expect(packConfigProblems({ [PACK_SETTINGS]: { waiversFile: 3 } }, ALL_RULES)).toEqual(["'pack-settings': 'waiversFile' must be a string, got number"]);
    expect(configFor(kmsKeyDeletionWindowSufficient, { [PACK_SETTINGS]: { waiversFile: "w.yaml" } })).not.toHaveProperty("waiversFile");
    expect(waiversFileSetting({ all: { waiversFile: "all.yaml" }, [PACK_SETTINGS]: { waiversFile: "pack.yaml" } })).toBe("pack.yaml");
    expect(waiversFileSetting({ all: { waiversFile: "all.yaml" } })).toBe("all.yaml");
    expect(waiversFileSetting({})).toBeUndefined();
  });
});
