import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadWaiversFile, parseWaiversFile, WaiversFileError } from "../../src/core/waiver-file";
import { repoRoot } from "../../src/engine-client/repo-root";
import { ALL_RULES } from "../../src/rules";

const FILE = "waivers.yaml";
const parse = (text: string) => parseWaiversFile(text, FILE, ALL_RULES);

/** The problems of a file, as `line: message`. */
function problemsOf(text: string): string[] {
  try {
    parse(text);
  } catch (e) {
    if (!(e instanceof WaiversFileError)) throw e;
    expect(e.file).toBe(FILE);
    return e.problems.map((p) => `${p.line ?? "-"}: ${p.message}`);
  }
  throw new Error("the file was accepted");
}

const entry = (fields: Record<string, string>): string =>
  `  - ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("\n    ")}\n`;
const GOOD = { rule: "CDG-ENC-002", resource: '"arn:aws:s3:::legacy-*"', reason: "moving to the orders key", owner: "data@example.com", expires: "2027-03-31" };

describe("the waivers file", () => {
  it("loads the example file: every entry with its rule id, pattern, reason, owner, expiry and line", () => {
    const path = join(repoRoot(__dirname), "examples", "waivers.yaml");
    const file = loadWaiversFile(path, ALL_RULES);
    expect(file.path).toBe(path);
    expect(file.waivers.map((w) => [w.ruleId, w.line, w.until])).toEqual([
      ["CDG-ENC-002", 6, "2027-01-31"],
      ["CDG-ENC-001", 13, "2027-06-30"], // named by its slug
      ["CDG-IAM-003", 20, "2027-03-31"],
      ["CDG-ENC-001", 27, "2026-06-30"],
    ]);
    expect(file.waivers[0]).toEqual({
      ruleId: "CDG-ENC-002",
      resource: "urn:pulumi:*::shop-data-violations::aws:dynamodb/table:Table::payment-methods",
      reason: "Payments team moves the table to the payments key in the January release (SEC-188)",
      owner: "payments-platform@example.com",
      until: "2027-01-31",
      source: path,
      line: 6,
    });
  });

  it("reads every value as text: a date stays the date written, a number stays its digits", () => {
    const [w] = parse(`waivers:\n${entry({ ...GOOD, reason: "12", expires: "2027-03-31" })}`).waivers;
    expect(w).toMatchObject({ reason: "12", until: "2027-03-31", resource: "arn:aws:s3:::legacy-*" });
  });

  it("holds no waivers when empty or when the list is empty", () => {
    expect(parse("").waivers).toEqual([]);
    expect(parse("# nothing waived yet\n").waivers).toEqual([]);
    expect(parse("waivers: []\n").waivers).toEqual([]);
    expect(parse("waivers:\n").waivers).toEqual([]);
  });

  it("names each missing or empty field, on the line of its entry or value", () => {
    const { owner: _o, expires: _e, ...partial } = GOOD;
    expect(problemsOf(`waivers:\n${entry(GOOD)}${entry(partial)}${entry({ ...GOOD, reason: '""' })}`)).toEqual([
      "7: waiver 2 has no 'owner'",
      "7: waiver 2 has no 'expires'",
      "12: waiver 3: 'reason' is empty",
    ]);
  });

  it.each([
    ["a date in another shape", "2027-3-31", "expires '2027-3-31' is not a date written YYYY-MM-DD"],
    ["an impossible date", "2027-02-30", "expires '2027-02-30' is not a real date"],
    ["a month that does not exist", "2027-13-01", "expires '2027-13-01' is not a real date"],
  ])("refuses %s with its line", (_what, expires, message) => {
    expect(problemsOf(`waivers:\n${entry(GOOD)}${entry({ ...GOOD, expires })}`)).toEqual([`11: waiver 2: ${message}`]);
  });

  it("refuses an unknown rule with the nearest one, and accepts a slug", () => {
    expect(problemsOf(`waivers:\n${entry({ ...GOOD, rule: "CDG-ENC-02" })}`)).toEqual([
      "2: waiver 1: 'CDG-ENC-02' is not a rule (did you mean 'CDG-ENC-002'?)",
    ]);
    expect(parse(`waivers:\n${entry({ ...GOOD, rule: "kms-key-rotation-enabled" })}`).waivers[0]?.ruleId).toBe("CDG-ENC-003");
  });

  it("refuses a misspelled field, a value that is not text and an entry that is not a mapping", () => {
    expect(problemsOf(`waivers:\n${entry(GOOD)}    expiry: 2027-01-01\n  - just text\n  - ${Object.entries({ ...GOOD, owner: "[a, b]" }).map(([k, v]) => `${k}: ${v}`).join("\n    ")}\n`)).toEqual([
      "7: waiver 1: 'expiry' is not a waiver field (did you mean 'expires'?)",
      "8: waiver 2 is not a mapping of rule, resource, reason, owner, expires",
      "12: waiver 3: 'owner' must be text",
    ]);
  });

  it("refuses a file that is not a list of waivers, and YAML errors, by line", () => {
    expect(problemsOf("- rule: CDG-ENC-001\n")).toEqual(["1: expected a mapping holding a 'waivers' list"]);
    expect(problemsOf("waiver:\n  - rule: x\n")).toEqual(["1: 'waiver' is not a key of a waivers file (did you mean 'waivers'?)", "1: there is no 'waivers' list"]);
    expect(problemsOf("waivers: none\n")).toEqual(["1: 'waivers' must be a list of waivers"]);
    expect(problemsOf(`waivers:\n${entry(GOOD)}    owner: twice@example.com\n`)).toEqual(["7: Map keys must be unique"]);
  });

  it("accepts a pattern that matches nothing", () => {
    expect(parse(`waivers:\n${entry({ ...GOOD, resource: "arn:aws:nothing:::here" })}`).waivers).toHaveLength(1);
  });

  it("throws an error whose message names the file and line of every problem, and one for a file it cannot read", () => {
    const dir = mkdtempSync(join(tmpdir(), "cdguard-waivers-"));
    const path = join(dir, "waivers.yaml");
    writeFileSync(path, `waivers:\n${entry({ ...GOOD, rule: "CDG-XXX-001", expires: "soon" })}`);
    const error = (() => {
      try {
        loadWaiversFile(path, ALL_RULES);
      } catch (e) {
        return e as WaiversFileError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(WaiversFileError);
    expect(error?.line).toBe(2);
    expect(error?.message).toBe(`${path}:2: waiver 1: 'CDG-XXX-001' is not a rule (did you mean 'CDG-ENC-001'?)\n${path}:6: waiver 1: expires 'soon' is not a date written YYYY-MM-DD`);
    expect(() => loadWaiversFile(join(dir, "missing.yaml"), ALL_RULES)).toThrow(`${join(dir, "missing.yaml")}: cannot read the waivers file (ENOENT)`);
    rmSync(dir, { recursive: true, force: true });
  });
});
