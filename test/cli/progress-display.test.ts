import { describe, expect, it } from "vitest";
import { progressDisplay } from "../../src/cli/progress-display";

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { isTTY, chunks, write: (t: string) => chunks.push(t) > 0 };
}

function drive(d: ReturnType<typeof progressDisplay>): void {
  d.accountStarted("123456789012", ["us-east-1", "eu-west-1"]);
  d.fetched("123456789012", "us-east-1", "s3-buckets", 12, 0);
  d.fetched("123456789012", "eu-west-1", "sns-topics", 0, 1);
  d.accountDone("123456789012", 40, 3);
  d.finish();
}

describe("scan progress on stderr", () => {
  it("writes plain lines when stderr is not a terminal", () => {
    const s = stream(false);
    drive(progressDisplay(s, { quiet: false, env: {} }));
    expect(s.chunks.join("")).toBe(
      [
        "scan: account 123456789012, 2 region(s): us-east-1, eu-west-1",
        "scan: 123456789012 us-east-1 s3-buckets: 12 resource(s)",
        "scan: 123456789012 eu-west-1 sns-topics: 0 resource(s), 1 not listed",
        "scan: account 123456789012 judged: 40 finding(s), 3 not assessed",
        "",
      ].join("\n"),
    );
  });

  it("redraws one status line on a terminal, in colour unless NO_COLOR is set, and clears it at the end", () => {
    const coloured = stream(true);
    drive(progressDisplay(coloured, { quiet: false, env: {} }));
    expect(coloured.chunks.at(-2)).toContain("\x1b[2m");
    expect(coloured.chunks.at(-2)).toContain("2 region(s), 2 fetches done, 12 resources, 1 gap(s)");
    expect(coloured.chunks.at(-1)).toBe("\r\x1b[2K");
    const plain = stream(true);
    drive(progressDisplay(plain, { quiet: false, env: { NO_COLOR: "1" } }));
    expect(plain.chunks.join("")).not.toContain("\x1b[2m");
  });

  it("writes nothing with --quiet", () => {
    for (const tty of [true, false]) {
      const s = stream(tty);
      drive(progressDisplay(s, { quiet: true, env: {} }));
      expect(s.chunks).toEqual([]);
    }
  });
});
