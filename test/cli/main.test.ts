import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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

describe("cdguard config check", () => {
  const dir = mkdtempSync(join(tmpdir(), "cdg-config-"));
  const write = (name: string, text: string): string => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it("accepts the documented shared-settings form, in JSON and YAML", () => {
    const json = write("ok.json", JSON.stringify({ all: "mandatory", "pack-settings": { classificationTagKey: "sensitivity" }, "kms-key-deletion-window-sufficient": { minimumDays: 30 } }));
    const yaml = write("ok.yaml", "pack-settings:\n  ownAccountIds: ['111111111111']\nkms-key-rotation-enabled: advisory\n");
    for (const file of [json, yaml]) {
      const r = spawnSync(process.execPath, [cli, "config", "check", file], { encoding: "utf8" });
      expect([r.status, r.stdout]).toEqual([0, `${file}: ${file === json ? 3 : 2} entries, no problems\n`]);
    }
  });

  it("names every mistake with the nearest valid name and exits 1", () => {
    const file = write("bad.json", JSON.stringify({ all: { classificationTagKey: "x" }, "kms-key-rotation-enabeld": "advisory", "kms-key-deletion-window-sufficient": { minimumDay: 30 } }));
    const r = spawnSync(process.execPath, [cli, "config", "check", file], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("'all' needs an enforcementLevel");
    expect(r.stderr).toContain("'kms-key-rotation-enabeld' is not a policy of this pack (did you mean 'kms-key-rotation-enabled'?)");
    expect(r.stderr).toContain("'minimumDay' is not a setting of this policy (did you mean 'minimumDays'?)");
    expect(r.stderr).not.toContain("    at ");
  });

  it("names a file it cannot read or parse and exits 2, without a stack trace", () => {
    const missing = spawnSync(process.execPath, [cli, "config", "check", join(dir, "nope.json")], { encoding: "utf8" });
    expect([missing.status, missing.stderr]).toEqual([2, `cdguard: cannot read ${join(dir, "nope.json")}: ENOENT\n`]);
    const broken = spawnSync(process.execPath, [cli, "config", "check", write("broken.json", "{nope")], { encoding: "utf8" });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^cdguard: .*broken\.json is not valid JSON/);
  });
});
