import { describe, expect, it } from "vitest";
import { findingId, uniqueFindingIds } from "../../src/reports/finding-id";
import { reportOutputs } from "../../src/reports/report-outputs";

describe("finding ids", () => {
  it("depend on the rule and the resource only, and differ when either does", () => {
    const id = findingId("CDG-ENC-001", "arn:aws:s3:::orders");
    expect(id).toMatch(/^CDG-ENC-001-[0-9a-f]{16}$/);
    expect(findingId("CDG-ENC-001", "arn:aws:s3:::orders")).toBe(id);
    expect(findingId("CDG-ENC-002", "arn:aws:s3:::orders")).not.toBe(id);
    expect(findingId("CDG-ENC-001", "arn:aws:s3:::orders2")).not.toBe(id);
  });

  it("stay unique when a rule reports one resource twice, the first keeping the plain id", () => {
    const f = (message: string) => ({ ruleId: "CDG-IAM-001", resourceId: "arn:aws:iam::1:role/a", message });
    const ids = uniqueFindingIds([f("statement 1"), f("statement 2"), f("statement 2")]);
    expect(ids[0]).toBe(findingId("CDG-IAM-001", "arn:aws:iam::1:role/a"));
    expect(new Set(ids).size).toBe(3);
    expect(ids[1]).toMatch(/^CDG-IAM-001-[0-9a-f]{16}-[0-9a-f]{8}$/);
  });
});

describe("where several formats are written", () => {
  const ext = (f: string) => ({ json: ".json", sarif: ".sarif", "pulumi-state": ".state.json" })[f] ?? `.${f}`;
  it("uses --out as given for one format, and its stem with each extension for several", () => {
    expect(reportOutputs(["sarif"], "out/report.json", ext)).toEqual([{ format: "sarif", path: "out/report.json" }]);
    expect(reportOutputs(["json"], undefined, ext)).toEqual([{ format: "json", path: undefined }]);
    expect(reportOutputs(["json", "sarif", "pulumi-state"], "out/report.json", ext).map((o) => o.path)).toEqual([
      "out/report.json",
      "out/report.sarif",
      "out/report.state.json",
    ]);
    expect(reportOutputs(["json", "pulumi-state"], "out/report.state.json", ext).map((o) => o.path)).toEqual(["out/report.json", "out/report.state.json"]);
  });

  it("refuses several formats without a path", () => {
    expect(() => reportOutputs(["json", "sarif"], undefined, ext)).toThrow(/need --out/);
  });
});
