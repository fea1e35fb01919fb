import { describe, expect, it } from "vitest";
import { classify } from "../../src/core/classification";
import { ConfigError, DEFAULT_CONFIG, parseGuardConfig } from "../../src/core/config";
import { isUnknown, unknown } from "../../src/core/value";
import { waiverFromTags } from "../../src/core/waivers";

describe("guard configuration", () => {
  it("defaults when nothing is given", () => {
    expect(parseGuardConfig(undefined, "x")).toEqual(DEFAULT_CONFIG);
  });

  it("names every bad setting and the input", () => {
    const err = (() => {
      try {
        parseGuardConfig({ assumeCustomerData: "yes", tagKeys: { segment: "" }, colour: 1 }, "cdguard.yaml");
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    expect(msg).toContain("cdguard.yaml");
    expect(msg).toContain("unknown setting 'colour'");
    expect(msg).toContain("'assumeCustomerData' must be true or false");
    expect(msg).toContain("'tagKeys.segment' must be a non-empty string");
  });
});

describe("classification", () => {
  it.each([
    [{ "data-classification": "restricted" }, "restricted", "tag", true],
    [{ "data-classification": " Confidential " }, "confidential", "tag", true],
    [{ "data-classification": "public" }, "public", "tag", false],
    [{ "data-classification": "hush-hush" }, "restricted", "unrecognized-tag", true],
    [{}, "confidential", "default", true],
    [undefined, "confidential", "default", true],
  ])("%j -> %s (%s)", (tags, level, basis, customerData) => {
    expect(classify(tags, DEFAULT_CONFIG)).toEqual({ level, basis, customerData });
  });

  it("untagged stores are internal when customer data is not assumed", () => {
    expect(classify({}, { ...DEFAULT_CONFIG, assumeCustomerData: false })).toMatchObject({ level: "internal", customerData: false });
  });

  it("unknown tags give an unknown classification", () => {
    expect(isUnknown(classify(unknown("preview", "tags computed"), DEFAULT_CONFIG))).toBe(true);
  });
});

describe("waiver tags", () => {
  const key = "cdguard:waive:CDG-ENC-002";
  it.each([
    [{}, "none"],
    [{ [key]: "legacy import; until=2027-01-31" }, "active"],
    [{ [key]: "legacy import" }, "active"],
    [{ [key]: "legacy import; until=2026-01-31" }, "expired"],
    [{ [key]: "; until=2027-01-31" }, "invalid"],
    [{ [key]: "legacy; until=next-week" }, "invalid"],
    [{ "cdguard:waive:CDG-ENC-001": "other rule" }, "none"],
  ])("%j is %s", (tags, kind) => {
    expect(waiverFromTags(tags, "CDG-ENC-002", DEFAULT_CONFIG, "2026-11-23").kind).toBe(kind);
  });

  it("keeps the reason and the expiry", () => {
    expect(waiverFromTags({ [key]: "legacy import; until=2027-01-31" }, "CDG-ENC-002", DEFAULT_CONFIG, "2026-11-23")).toEqual({
      kind: "active",
      waiver: { ruleId: "CDG-ENC-002", reason: "legacy import", until: "2027-01-31", source: "tag" },
    });
  });
});
