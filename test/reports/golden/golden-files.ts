// Golden files of the report renderers: each renderer's output for the sample reports and for every
// example report under examples/reports/, kept beside this file. `UPDATE_GOLDEN=1` rewrites them; read
// the diff before committing it.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CanonicalReport } from "../../../src/reports/report";
import type { Renderer } from "../../../src/reports/render/renderer";
import { SAMPLE_PREVIEW_REPORT, SAMPLE_SCAN_REPORT } from "../sample-report";

export const GOLDEN_DIR = __dirname;
export const EXAMPLE_REPORTS_DIR = join(__dirname, "..", "..", "..", "examples", "reports");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

/** The example reports, by name without ".json"; none when the folder does not exist. */
export function exampleReports(): { readonly name: string; readonly report: CanonicalReport }[] {
  if (!existsSync(EXAMPLE_REPORTS_DIR)) return [];
  return readdirSync(EXAMPLE_REPORTS_DIR)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => ({ name: basename(file, ".json"), report: JSON.parse(readFileSync(join(EXAMPLE_REPORTS_DIR, file), "utf8")) as CanonicalReport }));
}

/** `rendered` must equal the golden file `fileName` byte for byte (or, with UPDATE_GOLDEN=1, becomes it). */
export function expectGolden(fileName: string, rendered: string): void {
  const path = join(GOLDEN_DIR, fileName);
  if (UPDATE) {
    writeFileSync(path, rendered);
    return;
  }
  if (!existsSync(path)) throw new Error(`${path} does not exist: run the test with UPDATE_GOLDEN=1 to write it, then read it`);
  expect(rendered).toBe(readFileSync(path, "utf8"));
}

/**
 * The renderer's golden tests: the two sample reports and every example report, each rendered twice (the
 * same bytes both times). Without example reports the folder must be absent or hold no report.
 */
export function describeGoldenFiles(renderer: Renderer): void {
  describe(`${renderer.format} golden files`, () => {
    const examples = exampleReports();
    const cases = [
      { file: `sample-scan${renderer.extension}`, report: SAMPLE_SCAN_REPORT },
      { file: `sample-preview${renderer.extension}`, report: SAMPLE_PREVIEW_REPORT },
      ...examples.map(({ name, report }) => ({ file: `${name}${renderer.extension}`, report })),
    ];
    for (const { file, report } of cases) {
      it(`renders ${file} as the golden file`, () => {
        const rendered = renderer.render(report);
        expect(renderer.render(report)).toBe(rendered);
        expectGolden(file, rendered);
      });
    }
    if (examples.length === 0) {
      it("has no example report to render", () => {
        const files = existsSync(EXAMPLE_REPORTS_DIR) ? readdirSync(EXAMPLE_REPORTS_DIR).filter((f) => f.endsWith(".json")) : [];
        expect(files).toEqual([]);
      });
    }
  });
}
