import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { parse as parseYaml } from "yaml";
import { packConfigProblems, type ConfigEntries } from "../core/pack-config";
import { ALL_RULES } from "../rules";

const LEVELS = ["advisory", "mandatory", "remediate", "disabled"];

export interface ConfigCheck {
  readonly problems: readonly string[];
  readonly entries: number;
}

/** A policy config file read: its problems, each policy's settings, and the levels it sets. */
export interface PolicyConfigFile {
  readonly problems: readonly string[];
  readonly entries: ConfigEntries;
  /** Policy name (or `all`) -> enforcement level, where the file sets one. */
  readonly levels: Readonly<Record<string, string>>;
}

/**
 * Checks a `--policy-pack-config` file against the pack offline, as the pack checks it at Configure, plus
 * what the engine refuses before (a bad level, an entry for a policy the pack lacks without a level).
 */
export function checkConfigFile(file: string): ConfigCheck {
  const read = readPolicyConfig(file);
  return { problems: read.problems, entries: Object.keys(read.entries).length };
}

/** Reads and checks a policy config file (JSON or YAML); throws only when it cannot be read or parsed. */
export function readPolicyConfig(file: string): PolicyConfigFile {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new Error(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let raw: unknown;
  try {
    raw = extname(file) === ".json" ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new Error(`${file} is not valid ${extname(file) === ".json" ? "JSON" : "YAML or JSON"}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new Error(`${file} must hold an object of policy names`);
  const problems: string[] = [];
  const entries: Record<string, Record<string, unknown>> = {};
  const levels: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value === "string") {
      if (!LEVELS.includes(value)) problems.push(`'${name}': enforcement level '${value}' is not one of ${LEVELS.join(", ")}`);
      entries[name] = {};
      levels[name] = value;
    } else if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      const { enforcementLevel, ...props } = value as Record<string, unknown>;
      if (enforcementLevel !== undefined && !LEVELS.includes(String(enforcementLevel))) {
        problems.push(`'${name}': enforcement level '${String(enforcementLevel)}' is not one of ${LEVELS.join(", ")}`);
      }
      if (name === "all" && enforcementLevel === undefined) problems.push(`'all' needs an enforcementLevel (the engine refuses it without one)`);
      entries[name] = props;
      if (typeof enforcementLevel === "string") levels[name] = enforcementLevel;
    } else {
      problems.push(`'${name}' must be an enforcement level or an object`);
    }
  }
  return { problems: [...problems, ...packConfigProblems(entries as ConfigEntries, ALL_RULES)], entries, levels };
}
