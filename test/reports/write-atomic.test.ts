import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../src/reports/write-atomic";

const root = join(__dirname, "..", "..");

describe("reports are written atomically", () => {
  it("replaces the old report whole", () => {
    const dir = mkdtempSync(join(tmpdir(), "cdg-atomic-"));
    const path = join(dir, "report.json");
    writeFileSync(path, "old");
    writeFileAtomic(path, "new report");
    expect(readFileSync(path, "utf8")).toBe("new report");
    expect(readdirSync(dir)).toEqual(["report.json"]);
  });

  it("leaves the previous report intact when the writing process is killed midway", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cdg-atomic-kill-"));
    const path = join(dir, "report.json");
    const previous = JSON.stringify({ previous: "report" });
    writeFileSync(path, previous);
    // A child writes a 400 MB report; it is killed as soon as its temporary file has data.
    const script = `require(${JSON.stringify(join(root, "dist", "src", "reports", "write-atomic.js"))}).writeFileAtomic(${JSON.stringify(path)}, "x".repeat(400 * 1024 * 1024));`;
    const child = spawn(process.execPath, ["-e", script], { stdio: "ignore" });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    let partial = 0;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const tmp = readdirSync(dir).find((f) => f.endsWith(".tmp"));
      const size = tmp && existsSync(join(dir, tmp)) ? statSync(join(dir, tmp)).size : 0;
      if (size > 0) {
        child.kill("SIGKILL");
        partial = size;
        break;
      }
      await new Promise((r) => setTimeout(r, 1));
    }
    expect(await exited).toBe("SIGKILL");
    expect(partial).toBeGreaterThan(0);
    expect(readFileSync(path, "utf8")).toBe(previous);
  }, 90_000);

  it("fails with the file named when the directory does not exist, writing nothing", () => {
    const path = join(mkdtempSync(join(tmpdir(), "cdg-atomic-missing-")), "no", "report.json");
    expect(() => writeFileAtomic(path, "x")).toThrow(/report\.json/);
  });
});
