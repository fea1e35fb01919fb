import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { parseReport } from "../../src/reports/read-report";
import { SAMPLE_PREVIEW_REPORT, SAMPLE_SCAN_REPORT } from "../reports/sample-report";

const cli = join(__dirname, "..", "..", "dist", "src", "cli", "main.js");
const dir = mkdtempSync(join(tmpdir(), "cdg-report-cli-"));
const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });

describe("cdguard schema", () => {
  it("prints the report's JSON Schema, which a JSON Schema validator compiles and the sample reports satisfy", () => {
    const r = run(["schema"]);
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout) as { $schema: string };
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    const validate = new Ajv2020({ allErrors: true, strictRequired: false }).compile(schema);
    expect(validate(SAMPLE_SCAN_REPORT)).toBe(true);
    expect(validate(SAMPLE_PREVIEW_REPORT)).toBe(true);
    expect(validate({ ...SAMPLE_SCAN_REPORT, findings: [{ ...SAMPLE_SCAN_REPORT.findings[0], status: "failed" }] })).toBe(false);
  });
});

describe("cdguard report", () => {
  const from = join(dir, "scan.json");
  writeFileSync(from, JSON.stringify(SAMPLE_SCAN_REPORT));

  it("re-renders a report without rescanning", () => {
    const out = join(dir, "again.json");
    const r = run(["report", "--from", from, "--format", "json", "--out", out]);
    expect([r.status, r.stderr]).toEqual([0, `cdguard report: wrote ${out}\n`]);
    expect(parseReport(readFileSync(out, "utf8"), out)).toEqual(SAMPLE_SCAN_REPORT);
  });

  it("renders every format in one run, each beside --out with its extension", () => {
    const out = join(dir, "all", "report");
    mkdirSync(join(dir, "all"));
    const r = run(["report", "--from", from, "--format", "json,sarif,html,markdown,csv,junit,ocsf", "--out", out]);
    expect(r.status).toBe(0);
    expect(readdirSync(join(dir, "all")).sort()).toEqual(["report.csv", "report.html", "report.json", "report.md", "report.ocsf.json", "report.sarif", "report.xml"]);
    expect((JSON.parse(readFileSync(`${out}.sarif`, "utf8")) as { version: string }).version).toBe("2.1.0");
    expect(readFileSync(`${out}.html`, "utf8")).toMatch(/^<!DOCTYPE html>/i);
  });

  it("writes to stdout without --out", () => {
    const r = run(["report", "--from", from]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(SAMPLE_SCAN_REPORT);
  });

  it("names the file and what is wrong with it, exit 2, no stack trace", () => {
    const write = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const cases: [string[], RegExp][] = [
      [["report"], /required option '--from <file>' not specified/],
      [["report", "--from", join(dir, "missing.json")], /--from .*missing\.json: cannot read the report \(ENOENT\)/],
      [["report", "--from", write("text.json", "not json")], /--from .*text\.json: not JSON/],
      [["report", "--from", write("other.json", "{}")], /--from .*other\.json: not a customer-data-guard report \(no schemaVersion\)/],
      [["report", "--from", write("v1.json", JSON.stringify({ ...SAMPLE_SCAN_REPORT, schemaVersion: "1.0" }))], /v1\.json: report schema version 1\.0 is not readable by this cdguard \(it reads 2\.x\)/],
      [
        ["report", "--from", write("bad.json", JSON.stringify({ ...SAMPLE_SCAN_REPORT, findings: [{ ...SAMPLE_SCAN_REPORT.findings[0], status: "failed" }] }))],
        /bad\.json: not a valid report:\n {2}- \/findings\/0\/status must be equal to one of the allowed values: "fail", "pass", "not-assessed", "waived"/,
      ],
      [["report", "--from", from, "--format", "pdf"], /--format: 'pdf' is not a format; choose from json/],
      [["report", "--from", from, "--format", "json,json", "--out", join(dir, "x.json")], /'json' is given twice/],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      expect([r.status, r.stderr], args.join(" ")).toEqual([2, expect.stringMatching(message)]);
      expect(r.stderr).not.toContain("    at ");
    }
  });
});
