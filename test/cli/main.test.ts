import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_RULES } from "../../src/rules";

const cli = join(__dirname, "..", "..", "dist", "src", "cli", "main.js");

describe("cdguard", () => {
  it("lists every rule", () => {
    const out = execFileSync(process.execPath, [cli, "rules"], { encoding: "utf8" });
    expect(out.trim().split("\n").map((l) => l.split(/\s+/)[0])).toEqual(ALL_RULES.map((r) => r.id));
  });

  it("names an unknown command and exits 2", () => {
    const r = spawnSync(process.execPath, [cli, "scna"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("cdguard: unknown command 'scna'");
  });
});
