// Where `npm run demo -- <path>` finds a program: a directory with a Pulumi.yaml (its `main`, or index.ts), or a
// TypeScript file whose directory has one. Errors name the path and what is missing.
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";

export interface ProgramLocation {
  readonly dir: string;
  /** The program file, relative to `dir`. */
  readonly entry: string;
}

export class ProgramPathError extends Error {}

function projectFile(dir: string): string | undefined {
  return ["Pulumi.yaml", "Pulumi.yml"].map((f) => join(dir, f)).find((f) => existsSync(f));
}

/** The entry a project names: Pulumi.yaml `main` (a file, or a directory holding index.ts), else index.ts. */
function entryOf(dir: string, project: string): string {
  let main: unknown;
  try {
    main = (parseYaml(readFileSync(project, "utf8")) as { main?: unknown } | null)?.main;
  } catch (e) {
    throw new ProgramPathError(`${project} is not valid YAML: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
  }
  if (typeof main !== "string" || main === "") return "index.ts";
  const target = join(dir, main);
  return existsSync(target) && statSync(target).isDirectory() ? join(main, "index.ts") : main;
}

export function locateProgram(path: string): ProgramLocation {
  const full = resolve(path);
  if (!existsSync(full)) throw new ProgramPathError(`${path} does not exist`);
  if (statSync(full).isDirectory()) {
    const project = projectFile(full);
    if (!project) throw new ProgramPathError(`${path} has no Pulumi.yaml: point the demo at a Pulumi project directory`);
    const entry = entryOf(full, project);
    if (!entry.endsWith(".ts")) throw new ProgramPathError(`${path}: the demo runs TypeScript programs, and ${entry} is not one`);
    if (!existsSync(join(full, entry))) throw new ProgramPathError(`${path} has no ${entry}: name the program file instead`);
    return { dir: full, entry };
  }
  if (!full.endsWith(".ts")) throw new ProgramPathError(`${path} is not a TypeScript file`);
  if (!projectFile(dirname(full))) throw new ProgramPathError(`${dirname(path) || "."} has no Pulumi.yaml beside ${basename(full)}`);
  return { dir: dirname(full), entry: basename(full) };
}
