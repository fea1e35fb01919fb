import { describe, expect, it } from "vitest";
import { ACCOUNT_WIDE, parseShard, scanUnits, unitsDigest, unitsOfShard } from "../../src/scanner/org/units";
import { decodeAnswer, encodeAnswer } from "../../src/scanner/shards/answer-codec";
import { inPool } from "../../src/scanner/org/pool";

const accounts = ["333333333333", "111111111111", "222222222222"];
const regions = ["us-west-2", "eu-west-1", "us-east-1"];

describe("scan units and shards", () => {
  it("orders units one way whatever the input order: accounts by id, the account-wide unit first, then regions", () => {
    const units = scanUnits(accounts, regions);
    expect(units.slice(0, 4)).toEqual([
      { account: "111111111111", region: ACCOUNT_WIDE },
      { account: "111111111111", region: "eu-west-1" },
      { account: "111111111111", region: "us-east-1" },
      { account: "111111111111", region: "us-west-2" },
    ]);
    expect(scanUnits([...accounts].reverse(), [...regions].reverse())).toEqual(units);
    expect(unitsDigest(scanUnits([...accounts].reverse(), regions))).toBe(unitsDigest(units));
    expect(unitsDigest(scanUnits(accounts.slice(1), regions))).not.toBe(unitsDigest(units));
  });

  it("puts every unit in exactly one shard, in contiguous runs of nearly equal length, for any N", () => {
    for (const count of [1, 2, 5, 12, 17, 90]) {
      const units = scanUnits(
        Array.from({ length: count }, (_, i) => String(100000000000 + i)),
        ["us-east-1", "eu-west-1"],
      );
      for (const total of [1, 2, 3, 4, 7, 8, 16, 300]) {
        const shards = Array.from({ length: total }, (_, i) => unitsOfShard(units, { index: i + 1, total }));
        expect(shards.flat(), `${units.length} units in ${total}`).toEqual(units);
        const sizes = shards.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    }
  });

  it("reads I/N, and names what is wrong otherwise", () => {
    expect(parseShard("3/16")).toEqual({ index: 3, total: 16 });
    expect(parseShard(" 1/1 ")).toEqual({ index: 1, total: 1 });
    for (const bad of ["0/4", "5/4", "1/0", "a/b", "3", "-1/4", "1/4/2", "1.5/4", ""]) expect(() => parseShard(bad), bad).toThrow(`--shard: '${bad}' is not I/N`);
  });
});

describe("the shard file's answer codec", () => {
  it("brings back Dates, Maps, Sets, bytes and bigints, and objects that look like its tags", () => {
    const answer = {
      CreationDate: new Date("2026-11-30T10:00:00.000Z"),
      params: new Map([["rds.force_ssl", { ok: true, value: [{ ParameterValue: "1", Modified: new Date(0) }] }]]),
      aliases: new Set(["alias/aws/s3", "key-1"]),
      blob: new Uint8Array([0, 255, 7]),
      big: 2n ** 70n,
      nested: [{ $cdg: "date", v: "not a tag, a value" }, null, "x", 3, false],
      invalid: new Date(NaN),
      gone: undefined,
    };
    const back = decodeAnswer(JSON.parse(JSON.stringify(encodeAnswer(answer)))) as typeof answer;
    expect(back.CreationDate).toEqual(answer.CreationDate);
    expect(back.params).toEqual(answer.params);
    expect(back.aliases).toEqual(answer.aliases);
    expect(back.blob).toEqual(answer.blob);
    expect(back.big).toBe(answer.big);
    expect(back.nested).toEqual(answer.nested);
    expect(Number.isNaN(back.invalid.getTime())).toBe(true);
    expect("gone" in back).toBe(false);
  });

  it("refuses a tag it does not know instead of guessing", () => {
    expect(() => decodeAnswer({ $cdg: "regexp", v: "x" })).toThrow(/unknown tag "regexp"/);
  });
});

describe("inPool", () => {
  it("keeps at most `limit` at once and answers in the items' order", async () => {
    let running = 0;
    let most = 0;
    const out = await inPool([5, 1, 4, 2, 3], 2, async (n) => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, n * 3));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });
});
