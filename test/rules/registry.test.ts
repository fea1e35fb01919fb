import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AREA_OF_PILLAR, FRAMEWORKS, PILLARS } from "../../src/core/rule";
import { policyTags } from "../../src/pulumi/policy";
import { ALL_RULES } from "../../src/rules";
import { docsFiles } from "../../scripts/docs-files";
import { ruleCoverage, ruleExportNames } from "../../scripts/rule-coverage";
import * as rulesModule from "../../src/rules";

const root = join(__dirname, "..", "..");
const camel = (slug: string) => slug.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

describe("rule registry", () => {
  it("ids and slugs are unique and well formed", () => {
    expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
    expect(new Set(ALL_RULES.map((r) => r.slug)).size).toBe(ALL_RULES.length);
    for (const r of ALL_RULES) {
      expect(r.id).toMatch(new RegExp(`^CDG-${AREA_OF_PILLAR[r.pillar]}-\\d{3}$`));
      expect(r.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it.each(ALL_RULES.map((r) => [r.id, r] as const))("%s lives in its own file named by its slug and exports its camelCase", (_id, r) => {
    const source = readFileSync(join(root, "src", "rules", r.pillar, `${r.slug}.ts`), "utf8");
    expect(source).toContain(`export const ${camel(r.slug)} = defineRule`);
  });

  it.each(ALL_RULES.map((r) => [r.id, r] as const))("%s is documented and mapped to frameworks", (_id, r) => {
    expect(r.title.length).toBeGreaterThan(10);
    expect(r.rationale.length).toBeGreaterThan(80);
    expect(r.remediation.length).toBeGreaterThan(30);
    expect(r.links.length).toBeGreaterThan(0);
    const mapped = FRAMEWORKS.filter((f) => (r.frameworks[f]?.length ?? 0) > 0);
    expect(mapped.length).toBeGreaterThan(0);
    for (const [, schema] of Object.entries(r.options ?? {})) expect((schema as { description: string }).description).not.toBe("");
  });

  it.each(ALL_RULES.map((r) => [r.id, r] as const))("%s carries its id and exactly one pillar tag", (_id, r) => {
    const tags = policyTags(r);
    expect(tags).toContain(r.id);
    expect(tags.filter((t) => (Object.values(PILLARS) as string[]).includes(t))).toEqual([PILLARS[r.pillar]]);
  });

  it.each(ALL_RULES.map((r) => [r.id, r] as const))("%s has a test file with compliant, violating and unknown cases", (_id, r) => {
    const test = readFileSync(join(root, "test", "rules", r.pillar, `${r.slug}.test.ts`), "utf8");
    expect(test).toMatch(/compliant/);
    expect(test).toMatch(/violation/);
    expect(test).toMatch(/unknown/);
  });

  it("ids run in order without gaps within each pillar", () => {
    for (const area of Object.values(AREA_OF_PILLAR)) {
      const numbers = ALL_RULES.filter((r) => r.id.startsWith(`CDG-${area}-`)).map((r) => Number(r.id.slice(-3)));
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
  });

  it("every rule file is registered", () => {
    const files = Object.keys(PILLARS).flatMap((p) => {
      try {
        return readdirSync(join(root, "src", "rules", p)).filter((f) => !f.endsWith("-facts.ts") && f !== "index.ts");
      } catch {
        return [];
      }
    });
    expect(files.map((f) => f.replace(/\.ts$/, "")).sort()).toEqual(ALL_RULES.map((r) => r.slug).sort());
  });

  it("RULES.md and scanner-iam-policy.json are up to date (run `npm run docs`)", () => {
    for (const [file, text] of docsFiles(root)) expect(readFileSync(join(root, file), "utf8"), file).toBe(text);
  });

  it("every rule is tested in both fronts: the pack and the scanner", () => {
    const coverage = ruleCoverage(root, ALL_RULES, ruleExportNames(rulesModule as Record<string, unknown>, ALL_RULES));
    for (const rule of ALL_RULES) {
      expect(coverage.get(rule.id)?.pack.length, `${rule.id} pack tests`).toBeGreaterThan(0);
      expect(coverage.get(rule.id)?.scanner.length, `${rule.id} scanner tests`).toBeGreaterThan(0);
    }
  });
});
