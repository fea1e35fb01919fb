import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/core/config";
import { settingsFor } from "../../src/pulumi/settings";
import { plainProps } from "../../src/pulumi/plain-props";
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

describe("plainProps", () => {
  it("turns properties a proxy refuses to read into the unknown sentinel", () => {
    const target = { a: 1, nested: { ok: "x", bad: "?" }, list: [1, 2] };
    const proxy = new Proxy(target, {
      get(obj, prop) {
        if (prop === "nested") {
          return new Proxy(obj.nested, {
            get(n, p) {
              if (p === "bad") throw new Error("unknown during preview");
              return (n as Record<string | symbol, unknown>)[p];
            },
          });
        }
        return (obj as Record<string | symbol, unknown>)[prop];
      },
    });
    expect(plainProps(proxy)).toEqual({ a: 1, nested: { ok: "x", bad: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" }, list: [1, 2] });
  });
});
