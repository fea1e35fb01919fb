import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listLocations, readText, StorageError, writeText } from "../../src/storage/report-store";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "cdg-storage-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function failure(run: () => Promise<unknown>): Promise<StorageError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof StorageError) return e;
    throw e;
  }
  throw new Error("expected a StorageError, but it succeeded");
}

describe("local reports", () => {
  it("writes atomically: the text is there whole and no temporary file is left", async () => {
    const path = join(dir, "report.json");
    await writeText(path, "old");
    await writeText(path, '{"findings":[]}\n');
    expect(readFileSync(path, "utf8")).toBe('{"findings":[]}\n');
    expect(readdirSync(dir)).toEqual(["report.json"]);
    expect(await readText(path)).toBe('{"findings":[]}\n');
  });

  it("creates missing parent directories", async () => {
    const path = join(dir, "runs", "2026-11-30", "shard-3.jsonl");
    await writeText(path, "{}\n");
    expect(readFileSync(path, "utf8")).toBe("{}\n");
  });

  it("reads a missing file as not-found, naming the path", async () => {
    const path = join(dir, "baseline.json");
    const e = await failure(() => readText(path));
    expect(e.code).toBe("not-found");
    expect(e.message).toBe(`${path}: no such file`);
  });

  it("refuses to read a directory and to write to a directory path", async () => {
    expect((await failure(() => readText(dir))).message).toBe(`${dir}: is a directory, not a file`);
    const e = await failure(() => writeText(`${dir}/`, "x"));
    expect(e.code).toBe("invalid-location");
    expect(e.message).toContain("names a directory");
  });

  it("removes its temporary file when the final rename fails", async () => {
    const path = join(dir, "report.json");
    mkdirSync(path);
    writeFileSync(join(path, "keep"), "x");
    const e = await failure(() => writeText(path, "new"));
    expect(e.code).toBe("invalid-location");
    expect(e.message).toBe(`${path}: is a directory, not a file`);
    expect(readdirSync(dir)).toEqual(["report.json"]);
    expect(readdirSync(path)).toEqual(["keep"]);
  });

  // Root reads and writes regardless of permissions, so this one needs an ordinary user.
  it.skipIf(process.getuid?.() === 0)("reports an unreadable file as access-denied, and a failed write leaves the old file and no temporary one", async () => {
    const path = join(dir, "secret.json");
    writeFileSync(path, "{}");
    chmodSync(path, 0o000);
    expect((await failure(() => readText(path))).code).toBe("access-denied");
    chmodSync(path, 0o644);
    chmodSync(dir, 0o500);
    try {
      const e = await failure(() => writeText(path, "new"));
      expect(e.code).toBe("access-denied");
      expect(e.message).toBe(`${path}: permission denied (cannot write)`);
    } finally {
      chmodSync(dir, 0o700);
    }
    expect(readFileSync(path, "utf8")).toBe("{}");
    expect(readdirSync(dir)).toEqual(["secret.json"]);
  });

  it("lists the shard files under a directory at any depth, sorted, skipping other and hidden names", async () => {
    mkdirSync(join(dir, "b"));
    mkdirSync(join(dir, "a"));
    for (const f of ["shard-2.jsonl", "a/shard-1.jsonl", "b/report.json", "notes.md", ".shard-9.jsonl", "._x.json", ".r.json.123.tmp", "shard-10.jsonl"]) {
      writeFileSync(join(dir, f), "{}");
    }
    symlinkSync(dir, join(dir, "loop"));
    expect(await listLocations(dir)).toEqual([join(dir, "a/shard-1.jsonl"), join(dir, "b/report.json"), join(dir, "shard-10.jsonl"), join(dir, "shard-2.jsonl")]);
    expect(await listLocations(`${dir}/`, {}, { suffixes: [".md"] })).toEqual([join(dir, "notes.md")]);
  });

  it("lists a missing directory as not-found and refuses a file", async () => {
    const missing = join(dir, "nope");
    const e = await failure(() => listLocations(missing));
    expect(e.code).toBe("not-found");
    expect(e.message).toBe(`${missing}: no such directory`);
    writeFileSync(join(dir, "f.json"), "{}");
    expect((await failure(() => listLocations(join(dir, "f.json")))).code).toBe("invalid-location");
    expect(existsSync(missing)).toBe(false);
  });
});
