import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../engine-client/repo-root";

/** This tool's name and version, from its package.json (found from source and from dist alike). */
export const TOOL: { readonly name: string; readonly version: string } = (() => {
  const pkg = JSON.parse(readFileSync(join(repoRoot(__dirname), "package.json"), "utf8")) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
})();
