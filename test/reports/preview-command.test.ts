// `cdguard preview-report`, run in-process through its commander command (main.ts registers it).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { previewReportCommand } from "../../src/cli/preview-report-command";
import { UsageError } from "../../src/cli/select-rules";
import { parseReport } from "../../src/reports/read-report";

const fixture = join(__dirname, "fixtures", "preview-shop-dev.jsonl");
const dir = mkdtempSync(join(tmpdir(), "cdg-preview-report-"));
const run = (...args: string[]) => previewReportCommand().exitOverride().configureOutput({ writeErr: () => undefined }).parseAsync(args, { from: "user" });

afterEach(() => {
  vi.restoreAllMocks();
});

describe("cdguard preview-report", () => {
  it("writes the canonical report to --out", async () => {
    const out = join(dir, "preview.json");
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    await run("--event-log", fixture, "--out", out);
    const report = parseReport(readFileSync(out, "utf8"), out);
    expect(report.scope).toEqual({ front: "pulumi", project: "shop", stack: "dev", operation: "preview" });
    expect(report.findings).toHaveLength(12);
    expect(stderr).toHaveBeenCalledWith(`cdguard preview-report: wrote ${out}\n`);
  });

  it("writes to standard output without --out", async () => {
    let written = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      written += String(chunk);
      return true;
    });
    await run("--event-log", fixture);
    expect(parseReport(written, "stdout").findings).toHaveLength(12);
  });

  it("turns an unreadable or malformed event log into a usage error naming the file and line", async () => {
    await expect(run("--event-log", join(dir, "missing.jsonl"))).rejects.toThrow(new UsageError(`--event-log ${join(dir, "missing.jsonl")}: cannot read it (ENOENT)`));
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, "not json\n");
    await expect(run("--event-log", bad)).rejects.toThrow(new UsageError(`--event-log ${bad}:1: not JSON; an event log has one JSON engine event per line`));
    await expect(run("--event-log", fixture, "--format", "no-such-format")).rejects.toThrow(UsageError);
  });

  it("requires --event-log", async () => {
    await expect(run()).rejects.toThrow(/required option '--event-log <file>' not specified/);
  });
});
