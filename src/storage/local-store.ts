import { mkdirSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { writeFileAtomic } from "../reports/write-atomic";
import { StorageError, type StorageErrorCode } from "./storage-error";
import { isListed } from "./listing";

export async function readLocal(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    throw localFailure(e, path, "read");
  }
}

/** Writes whole or not at all (a temporary file renamed over the target); creates missing parent directories. */
export function writeLocal(path: string, text: string): void {
  if (path.endsWith("/") || path.endsWith("\\")) throw new StorageError("invalid-location", path, "names a directory; give a file name to write to");
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, text);
  } catch (e) {
    throw localFailure(e, path, "write");
  }
}

/** Every file under `dir` (at any depth) whose name ends with one of `suffixes`, sorted by path. */
export async function listLocal(dir: string, suffixes: readonly string[]): Promise<string[]> {
  try {
    if (!(await stat(dir)).isDirectory()) throw new StorageError("invalid-location", dir, "is a file, not a directory to list");
    const found: string[] = [];
    await walk(dir, suffixes, found);
    return found.sort(compareText);
  } catch (e) {
    if (e instanceof StorageError) throw e;
    throw localFailure(e, dir, "list");
  }
}

async function walk(dir: string, suffixes: readonly string[], found: string[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    // Symbolic links to directories are not followed: a link cycle must not make a merge run forever.
    if (entry.isDirectory()) await walk(path, suffixes, found);
    else if ((entry.isFile() || (entry.isSymbolicLink() && (await stat(path)).isFile())) && isListed(entry.name, suffixes)) found.push(path);
  }
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function localFailure(e: unknown, path: string, doing: "read" | "write" | "list"): StorageError {
  const errno = (e as { code?: unknown }).code;
  const code = typeof errno === "string" ? errno : "unknown error";
  const known: Record<string, [StorageErrorCode, string]> = {
    ENOENT: ["not-found", doing === "list" ? "no such directory" : doing === "write" ? "its directory does not exist" : "no such file"],
    EACCES: ["access-denied", `permission denied (cannot ${doing})`],
    EPERM: ["access-denied", `permission denied (cannot ${doing})`],
    EISDIR: ["invalid-location", "is a directory, not a file"],
    ENOTDIR: ["invalid-location", "a part of the path is not a directory"],
    EROFS: ["access-denied", "the file system is read-only"],
    ENOSPC: ["failed", "no space left on the device"],
  };
  const [storageCode, detail] = known[code] ?? ["failed", `could not ${doing} (${code})`];
  return new StorageError(storageCode, path, detail);
}
