import { describe, expect, it } from "vitest";
import { boundList, boundMessage, boundRuns, boundText, boundValue, MESSAGE_LIMIT, VALUE_LIMIT } from "../../src/core/bounded-text";

describe("bounded text", () => {
  it("keeps a short value and cuts a long one, counting what it left out", () => {
    expect(boundValue("orders")).toBe("orders");
    const long = "a".repeat(VALUE_LIMIT + 5);
    expect(boundValue(long)).toBe(`${"a".repeat(VALUE_LIMIT)}… (5 more characters)`);
    expect(boundValue("abcdef", 5)).toBe("abcde… (1 more character)");
  });

  it("never splits a surrogate pair", () => {
    const cut = boundValue(`${"a".repeat(4)}😀xyz`, 5);
    expect(cut).toBe("aaaa… (5 more characters)");
  });

  it("bounds a whole message to a few KB", () => {
    const m = boundMessage("word ".repeat(10_000));
    expect(m.length).toBeLessThan(MESSAGE_LIMIT + 40);
    expect(m).toMatch(/… \(45904 more characters\)$/);
  });

  it("cuts every run without white space that is longer than a value may be", () => {
    const arn = `arn:aws:iam::123456789012:role/${"r".repeat(1000)}`;
    const text = boundRuns(`role ${arn} may assume ${arn}`);
    expect(text).toBe(`role ${boundValue(arn)} may assume ${boundValue(arn)}`);
    expect(text).toContain(`… (${arn.length - VALUE_LIMIT} more characters)`);
  });

  it("keeps one count when a run an earlier cut ended is cut again", () => {
    const once = boundValue("x".repeat(10_000), 4096);
    expect(boundRuns(`name ${once} end`)).toBe(`name ${"x".repeat(VALUE_LIMIT)}… (${10_000 - VALUE_LIMIT} more characters) end`);
  });

  it("lists a few items and counts the rest", () => {
    expect(boundList(["a", "b", "c"], (s) => s, ", ", 2)).toBe("a, b (and 1 more)");
    expect(boundList(["a"], (s) => s)).toBe("a");
  });

  it("bounds 1 MB quickly", () => {
    const started = Date.now();
    const text = boundText(`${"y".repeat(1024 * 1024)} and ${"z ".repeat(512 * 1024)}`);
    expect(text.length).toBeLessThan(MESSAGE_LIMIT + 40);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
