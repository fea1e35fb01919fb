import { closest } from "fastest-levenshtein";
import { ConfigError } from "./config";
import type { AnyRule, OptionSchema } from "./rule";
import { checkValue, settingsFor, SHARED_SETTINGS } from "./settings";

/**
 * The entry of a pack's configuration that holds settings for every rule at once: the shared settings
 * (tag keys, classification defaults...) and any rule option (own and trusted accounts, private ranges...),
 * which then applies to every rule that has it. A rule's own entry overrides it.
 */
export const PACK_SETTINGS = "pack-settings";

/** Configuration entries by name, as the engine's Configure call carries them (levels left out). */
export type ConfigEntries = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** Settings of the run rather than of a rule: only the pack-wide entry (and `all`) takes them. */
export const PACK_ONLY_SETTINGS: Record<string, OptionSchema> = {
  waiversFile: {
    type: "string",
    description:
      "A waivers file (README, Waivers) applied to every policy: an absolute path, or a path relative to the policy pack's directory (the pack's working directory; the engine does not tell a pack where the program is).",
  },
};

/** The waivers file the configuration names: `pack-settings` first, then `all` (as shared settings are read). */
export function waiversFileSetting(entries: ConfigEntries): string | undefined {
  for (const source of [entries[PACK_SETTINGS], entries.all]) {
    const value = source?.waiversFile;
    if (typeof value === "string") return value;
  }
  return undefined;
}

/** Names the engine itself gives meaning to: `all` lends its enforcement level to every policy. */
const ENGINE_NAMES: readonly string[] = ["all"];

/** Every setting the pack-wide entry accepts, with the schema it is checked against. */
export function packWideSchema(rules: readonly AnyRule[]): Record<string, OptionSchema> {
  const out: Record<string, OptionSchema> = { ...SHARED_SETTINGS, ...PACK_ONLY_SETTINGS };
  for (const rule of rules) for (const [k, s] of Object.entries((rule.options ?? {}) as Record<string, OptionSchema>)) out[k] ??= s;
  return out;
}

/**
 * Every mistake in a pack's configuration, each naming the entry and key and the nearest valid name:
 * entries for policies the pack does not have, options a policy does not take, and bad values (checked
 * by merging each rule's settings exactly as evaluation will).
 */
export function packConfigProblems(entries: ConfigEntries, rules: readonly AnyRule[]): string[] {
  const problems: string[] = [];
  const slugs = rules.map((r) => r.slug);
  const bySlug = new Map(rules.map((r) => [r.slug, r]));
  const wide = packWideSchema(rules);
  for (const [name, props] of Object.entries(entries)) {
    const rule = bySlug.get(name);
    if (!rule && name !== PACK_SETTINGS && !ENGINE_NAMES.includes(name)) {
      problems.push(`'${name}' is not a policy of this pack${suggest(name, [...slugs, PACK_SETTINGS])}`);
      continue;
    }
    const valid = rule ? [...Object.keys(rule.options ?? {}), ...Object.keys(SHARED_SETTINGS)] : Object.keys(wide);
    for (const [key, value] of Object.entries(props)) {
      if (rule && key in PACK_ONLY_SETTINGS) {
        problems.push(`'${name}': '${key}' is a setting of the whole pack: set it in '${PACK_SETTINGS}'`);
        continue;
      }
      if (!valid.includes(key)) {
        problems.push(`'${name}': '${key}' is not a setting of ${rule ? "this policy" : "the pack"}${suggest(key, valid)}`);
        continue;
      }
      const schema = rule ? (((rule.options ?? {}) as Record<string, OptionSchema>)[key] ?? SHARED_SETTINGS[key]) : wide[key];
      const problem = schema ? checkValue(value, schema) : undefined;
      if (problem) problems.push(`'${name}': '${key}' ${problem}`);
      else if (key === "waiversFile" && typeof value === "string" && value.trim() === "") problems.push(`'${name}': 'waiversFile' is empty`);
    }
  }
  if (problems.length > 0) return problems;
  // Values valid one by one may still be refused together (an empty tag key...): merge as evaluation does.
  for (const rule of rules) {
    try {
      settingsFor(rule, configFor(rule, entries));
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      problems.push(...e.problems.map((p) => `'${rule.slug}': ${p}`));
    }
  }
  return [...new Set(problems)];
}

/** A rule's raw settings: the pack-wide ones it takes, overlaid with its own entry. */
export function configFor(rule: AnyRule, entries: ConfigEntries, own: Readonly<Record<string, unknown>> = entries[rule.slug] ?? {}): Record<string, unknown> {
  const accepted = new Set([...Object.keys(rule.options ?? {}), ...Object.keys(SHARED_SETTINGS)]);
  const out: Record<string, unknown> = {};
  for (const source of [entries.all ?? {}, entries[PACK_SETTINGS] ?? {}]) {
    for (const [k, v] of Object.entries(source)) if (accepted.has(k)) out[k] = v;
  }
  return { ...out, ...own };
}

function suggest(name: string, valid: readonly string[]): string {
  if (valid.length === 0) return "";
  return ` (did you mean '${closest(name, [...valid])}'?)`;
}
