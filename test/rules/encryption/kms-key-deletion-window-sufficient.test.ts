import { describe, expect, it } from "vitest";
import { unknown } from "../../../src/core/value";
import { kmsKeyDeletionWindowSufficient as rule } from "../../../src/rules/encryption/kms-key-deletion-window-sufficient";
import { key, run, statuses } from "../../helpers/models";

describe("CDG-ENC-004 kms-key-deletion-window-sufficient", () => {
  it.each([
    ["compliant: unset means AWS's 30 days", key(), {}, "pass"],
    ["compliant: exactly the minimum", key({ deletionWindowDays: 14 }), {}, "pass"],
    ["violation: 7 days", key({ deletionWindowDays: 7 }), {}, "fail"],
    ["violation: 20 days when 30 are required", key({ deletionWindowDays: 20 }), { minimumDays: 30 }, "fail"],
    ["compliant: 10 days when 7 are required", key({ deletionWindowDays: 10 }), { minimumDays: 7 }, "pass"],
    ["unknown: window computed", key({ deletionWindowDays: unknown("preview", "deletionWindowInDays is computed") }), {}, "unknown"],
  ])("%s", (_name, k, options, expected) => {
    expect(statuses(run(rule, { keys: [k] }, options))).toEqual([expected]);
  });

  it("says the observed and required windows", () => {
    expect(run(rule, { keys: [key({ deletionWindowDays: 7 })] })[0]?.message).toBe(
      "KMS key 'key' has a deletion window of 7 days, shorter than the required 14 days",
    );
  });
});
