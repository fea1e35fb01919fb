// Every example gives exactly the diagnostics recorded in test/e2e/golden/diagnostics.json (made before
// the evaluation core moved out of the Pulumi front); regenerate only for an intended change, with
// CDG_UPDATE_GOLDEN=1.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { goldenDiagnostics, type GoldenEntry } from "./golden-diagnostics";
import { startPack, type PackClient } from "../../src/engine-client/harness";
import { repoRoot } from "../../src/engine-client/repo-root";

const root = repoRoot(__dirname);
const file = join(__dirname, "golden", "diagnostics.json");
let pack: PackClient;

beforeAll(async () => {
  pack = await startPack(root);
  await pack.configure({});
});
afterAll(async () => {
  await pack?.close();
});

it("gives the recorded diagnostics on every example, in preview and with all values known", async () => {
  const actual = await goldenDiagnostics(pack, root);
  if (process.env.CDG_UPDATE_GOLDEN === "1") {
    writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
  }
  const expected = JSON.parse(readFileSync(file, "utf8")) as GoldenEntry[];
  expect(actual).toEqual(expected);
}, 300_000);
