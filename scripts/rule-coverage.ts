import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { AnyRule } from "../src/core/rule";

/** Where each front's tests live: a test file there that names a rule covers it for that front. */
const FRONTS = {
  pack: ["test/rules", "test/pulumi", "test/e2e", "test/realcli"],
  scanner: ["test/scanner", "test/fetchers", "test/adapters/aws", "test/cli/scan.test.ts"],
} as const;
export type Front = keyof typeof FRONTS;

/** Rule id -> front -> test files naming the rule (by id, policy name or export name). */
export type RuleCoverage = ReadonlyMap<string, Readonly<Record<Front, readonly string[]>>>;

export function ruleCoverage(root: string, rules: readonly AnyRule[], exportNames: ReadonlyMap<AnyRule, string>): RuleCoverage {
  const files = (dirs: readonly string[]) => dirs.flatMap((d) => testFiles(join(root, d))).map((f) => ({ path: relative(root, f), text: readFileSync(f, "utf8") }));
  const byFront = { pack: files(FRONTS.pack), scanner: files(FRONTS.scanner) };
  const out = new Map<string, Record<Front, string[]>>();
  for (const rule of rules) {
    const names = [rule.id, rule.slug, exportNames.get(rule)].filter((n): n is string => n !== undefined);
    const naming = (fs: { path: string; text: string }[]) => fs.filter((f) => names.some((n) => f.text.includes(n))).map((f) => f.path).sort();
    out.set(rule.id, { pack: naming(byFront.pack), scanner: naming(byFront.scanner) });
  }
  return out;
}

function testFiles(dir: string): string[] {
  if (dir.endsWith(".test.ts")) return [dir];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) return e === "node_modules" || e === "fixtures" ? [] : testFiles(p);
    return e.endsWith(".test.ts") ? [p] : [];
  });
}

/** Each rule's export name in src/rules (`dataStoreEncryptedAtRest`), which tests import it by. */
export function ruleExportNames(exported: Record<string, unknown>, rules: readonly AnyRule[]): Map<AnyRule, string> {
  const out = new Map<AnyRule, string>();
  for (const [name, value] of Object.entries(exported)) if (rules.includes(value as AnyRule)) out.set(value as AnyRule, name);
  return out;
}
