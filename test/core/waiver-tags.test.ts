import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/core/config";
import { AWS_TAG_KEY_MAX, AWS_TAG_VALUE_MAX, waiverTags, WaiverTagError, type WaiverTagSpec } from "../../src/core/waiver-tags";
import { waiverFromTags } from "../../src/core/waivers";
import { ALL_RULES } from "../../src/rules";

/** IAM's (and EFS's) tag pattern, the strictest of AWS, as its API reference writes it. */
const IAM_TAG = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const TODAY = "2026-11-30";

const read = (tags: Record<string, string>, ruleId = "CDG-ENC-002") => waiverFromTags(tags, ruleId, DEFAULT_CONFIG, TODAY);

/** Characters IAM allows, ASCII and not: letters and digits of other scripts, other spaces, an astral letter. */
const allowedChar = fc.oneof(
  fc.constantFrom(..."abcxyzABCXYZ0129_.:/=+-@ "),
  fc.constantFrom("é", "ß", "Ω", "日", "本", "ж", "٣", "Ⅻ", "\u00a0", "\u2003", "\u3000", "\u2028", "𝒜"),
);
const reason = fc
  .string({ unit: allowedChar, minLength: 1, maxLength: AWS_TAG_VALUE_MAX })
  .filter((s) => s.trim() === s && s !== "" && s.length <= AWS_TAG_VALUE_MAX);
const label = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789"), minLength: 1, maxLength: 12 });
const email = fc
  .tuple(fc.string({ unit: fc.constantFrom(..."abcxyz019._+-"), minLength: 1, maxLength: 24 }), fc.array(label, { minLength: 1, maxLength: 3 }), label)
  .map(([local, domain, tld]) => `${local}@${domain.join(".")}.${tld}`);
const owner = fc.oneof(email, fc.constantFrom("data-platform", "team Payments", "ops/on-call"));
const day = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2199-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const spec: fc.Arbitrary<WaiverTagSpec> = fc.record(
  { ruleId: fc.constantFrom(...ALL_RULES.map((r) => r.id)), reason, owner, until: day },
  { requiredKeys: ["ruleId", "reason"] },
);

describe("waiver tags within AWS's tag rules", () => {
  it("writes every waiver the format can express as tags valid on every AWS service", () => {
    fc.assert(
      fc.property(spec, (s) => {
        for (const [key, value] of Object.entries(waiverTags(s))) {
          expect(key).toMatch(IAM_TAG);
          expect(key.length).toBeGreaterThanOrEqual(1);
          expect(key.length).toBeLessThanOrEqual(AWS_TAG_KEY_MAX);
          expect(key.toLowerCase().startsWith("aws:")).toBe(false);
          expect(value).toMatch(IAM_TAG);
          expect(value.length).toBeLessThanOrEqual(AWS_TAG_VALUE_MAX);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("reads back what it wrote, beside other tags and other rules' waivers", () => {
    fc.assert(
      fc.property(spec, spec, (s, other) => {
        const tags = { "data-classification": "restricted", ...(other.ruleId === s.ruleId ? {} : waiverTags(other)), ...waiverTags(s) };
        const state = read(tags, s.ruleId);
        expect(state).toEqual({
          kind: s.until !== undefined && s.until < TODAY ? "expired" : "active",
          waiver: { ruleId: s.ruleId, reason: s.reason, source: "tag", ...(s.owner ? { owner: s.owner } : {}), ...(s.until ? { until: s.until } : {}) },
        });
      }),
      { numRuns: 500 },
    );
  });

  it("refuses, rather than writes, a waiver AWS would refuse or the reader would read otherwise", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.option(fc.string({ maxLength: 40 }), { nil: undefined }), (r, o) => {
        let tags: Record<string, string>;
        try {
          tags = waiverTags({ ruleId: "CDG-ENC-002", reason: r, ...(o === undefined ? {} : { owner: o }) });
        } catch (e) {
          expect(e).toBeInstanceOf(WaiverTagError);
          return;
        }
        for (const [k, v] of Object.entries(tags)) expect(`${k}${v}`).toMatch(IAM_TAG);
        expect(read(tags)).toMatchObject({ kind: "active", waiver: { reason: r } });
      }),
      { numRuns: 500 },
    );
  });

  it("names each problem of a waiver it cannot write", () => {
    expect(() => waiverTags({ ruleId: "CDG-ENC-002", reason: "ticket SEC-1; approved", owner: " x@example.com", until: "2027-02-30" })).toThrow(
      new WaiverTagError([
        "reason holds a character AWS refuses (allowed: letters, digits, spaces, _ . : / = + - @)",
        "owner starts or ends with a space (the reader trims it)",
        "until '2027-02-30' is not a real date written YYYY-MM-DD",
      ]),
    );
    expect(() => waiverTags({ ruleId: "CDG-ENC-002", reason: "r".repeat(257) })).toThrow("reason is longer than 256 characters");
    expect(() => waiverTags({ ruleId: "CDG-ENC-002", reason: "ok" }, "aws:waive:")).toThrow("starts with the reserved 'aws:'");
    expect(() => waiverTags({ ruleId: "CDG-ENC-002", reason: "ok" }, `${"p".repeat(120)}:`)).toThrow("is longer than 128 characters");
    expect(() => waiverTags({ ruleId: "not a rule", reason: "ok" })).toThrow("rule 'not a rule' is not a rule id");
  });

  it("writes one tag per field", () => {
    expect(waiverTags({ ruleId: "CDG-ENC-002", reason: "moving to the orders key SEC-142", owner: "data@example.com", until: "2027-03-31" })).toEqual({
      "cdguard:waive:CDG-ENC-002": "moving to the orders key SEC-142",
      "cdguard:waive:CDG-ENC-002:owner": "data@example.com",
      "cdguard:waive:CDG-ENC-002:until": "2027-03-31",
    });
  });
});

describe("reading waiver tags", () => {
  const key = "cdguard:waive:CDG-ENC-002";

  it("reads the reason, expiry and owner, each from its own tag", () => {
    expect(read({ [key]: " reason with until=2020-01-01 in it ", [`${key}:until`]: "2027-01-31", [`${key}:owner`]: "a@example.com" })).toEqual({
      kind: "active",
      waiver: { ruleId: "CDG-ENC-002", reason: "reason with until=2020-01-01 in it", until: "2027-01-31", owner: "a@example.com", source: "tag" },
    });
    expect(read({ [key]: "r", [`${key}:until`]: "2026-11-29" })).toMatchObject({ kind: "expired" });
    expect(read({ [key]: "r", [`${key}:until`]: TODAY })).toMatchObject({ kind: "active" });
  });

  it("still reads the old form, with an owner tag beside it", () => {
    expect(read({ [key]: "migrating to the orders key, ticket SEC-142; until=2027-03-31", [`${key}:owner`]: "a@example.com" })).toEqual({
      kind: "active",
      waiver: { ruleId: "CDG-ENC-002", reason: "migrating to the orders key, ticket SEC-142", until: "2027-03-31", owner: "a@example.com", source: "tag" },
    });
  });

  it.each([
    [{ [`${key}:until`]: "2027-01-31" }, `waiver tag '${key}:until' has no tag '${key}' beside it giving the reason`],
    [{ [key]: "r", [`${key}:until`]: "31/01/2027" }, `waiver tag '${key}:until' is not a date written YYYY-MM-DD`],
    [{ [key]: "r", [`${key}:until`]: "2027-02-29" }, `waiver tag '${key}:until' is not a date written YYYY-MM-DD`],
    [{ [key]: "r", [`${key}:owner`]: " " }, `waiver tag '${key}:owner' names no owner`],
    [{ [key]: "r", [`${key}:untill`]: "2027-01-31" }, `waiver tag '${key}:untill': 'untill' is not a waiver field (until, owner)`],
    [{ [key]: "r; until=2027-01-31", [`${key}:until`]: "2027-01-31" }, `waiver tag '${key}:until' repeats the date that '${key}' gives ('; until=')`],
    [{ [key]: "r; until=2027-02-30" }, `waiver tag '${key}': field 2 (fields are separated by ';') is not 'until=YYYY-MM-DD'`],
    [{ [key]: "  " }, `waiver tag '${key}' gives no reason`],
  ])("names the problem of %j", (tags, problem) => {
    expect(read(tags)).toEqual({ kind: "invalid", problem });
  });

  it("ignores the waivers of other rules, even those whose id starts alike", () => {
    expect(read({ "cdguard:waive:CDG-ENC-0021": "r", "cdguard:waive:CDG-ENC-001:until": "2027-01-31" })).toEqual({ kind: "none" });
  });
});
