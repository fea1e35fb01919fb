// How the harness reports packs that fail: every error carries the pack's stderr, and no process
// outlives its test.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startPack, type PackClient } from "../../src/engine-client/harness";
import { resourceOf } from "../../src/engine-client/resource-builder";

const FIXTURES = join(__dirname, "fixtures");
const started: PackClient[] = [];
const temp: string[] = [];

afterAll(async () => {
  await Promise.all(started.map((p) => p.close()));
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function pidIn(message: string): number {
  const m = /\(pid (\d+)\)/.exec(message);
  if (!m?.[1]) throw new Error(`no pid in: ${message}`);
  return Number(m[1]);
}

describe("startPack failures", () => {
  it("reports a pack that crashes while loading, with its stderr", async () => {
    const err = await startPack(join(FIXTURES, "broken-pack")).then(() => null, (e: Error) => e);
    expect(err?.message).toMatch(/exited \(code [1-9]\d*, signal null\) before printing its port/);
    expect(err?.message).toContain("boom-from-broken-pack");
  }, 30_000);

  it("times out a pack that never prints its port, kills it, and shows its stderr", async () => {
    const err = await startPack(join(FIXTURES, "silent-pack"), { startTimeoutMs: 6000 }).then(() => null, (e: Error) => e);
    expect(err?.message).toMatch(/did not print its port within 6000 ms/);
    expect(err?.message).toContain("silent-pack is up but will never print a port");
    expect(alive(pidIn(err?.message ?? ""))).toBe(false);
  }, 30_000);

  it("refuses a directory without PulumiPolicy.yaml, as the engine does", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cdg-e2e-"));
    temp.push(dir);
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "x", version: "1.0.0", main: "index.js" }));
    await expect(startPack(dir)).rejects.toThrow(/failed to load Pulumi policy project located at/);
  });
});

describe("a pack dying mid-run", () => {
  it("fails the RPC with the pack's stderr and leaves no process behind", async () => {
    const pack = await startPack(join(FIXTURES, "tiny-pack"));
    started.push(pack);
    const crasher = resourceOf({ project: "project", stack: "stack" }, "test:index:Probe", "crasher", { behaviour: "crash" });
    const err = await pack.analyze(crasher).then(() => null, (e: Error) => e);
    expect(err?.message).toMatch(/Analyze\(.*crasher\) failed \(the pack process has exited\)/);
    expect(err?.message).toContain("tiny-pack crashing on purpose");
    await pack.close();
    expect(alive(pack.pid)).toBe(false);
  }, 30_000);

  it("close() stops a healthy pack", async () => {
    const pack = await startPack(join(FIXTURES, "tiny-pack"));
    started.push(pack);
    expect(alive(pack.pid)).toBe(true);
    await pack.close();
    expect(alive(pack.pid)).toBe(false);
  }, 30_000);
});
