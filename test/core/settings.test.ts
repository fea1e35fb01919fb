import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/core/config";
import { settingsFor } from "../../src/core/settings";
import { kmsKeyDeletionWindowSufficient } from "../../src/rules";

describe("policy config", () => {
  it("applies rule options over defaults and shared settings to the guard config", () => {
    const s = settingsFor(kmsKeyDeletionWindowSufficient, { minimumDays: 21, classificationTagKey: "sensitivity" });
    expect(s.options).toEqual({ minimumDays: 21 });
    expect(s.config.tagKeys.classification).toBe("sensitivity");
  });

  it("rejects bad values naming the policy and the setting", () => {
    expect(() => settingsFor(kmsKeyDeletionWindowSufficient, { minimumDays: 3, assumeCustomerData: "no", nope: 1 })).toThrow(ConfigError);
    try {
      settingsFor(kmsKeyDeletionWindowSufficient, { minimumDays: 3, nope: 1 });
    } catch (e) {
      expect((e as Error).message).toContain("kms-key-deletion-window-sufficient");
      expect((e as Error).message).toContain("'minimumDays' must be at least 7");
      expect((e as Error).message).toContain("unknown setting 'nope'");
    }
  });
});
