// Finds the repository root (the directory whose package.json is customer-data-guard's) from a module
// directory, so code works both from its TypeScript source and compiled under dist/.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

export function repoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "customer-data-guard") {
      return dir;
    }
    if (dirname(dir) === dir) throw new Error(`no customer-data-guard package.json above ${from}`);
  }
}
