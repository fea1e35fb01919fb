// The three packs `npm run bench` compares: ours (a customer-data-guard checkout, built), AWSGuard
// (the incumbent, from the dev dependency @pulumi/awsguard) and the floor (our policy list with empty
// bodies, to show what @pulumi/policy itself costs).
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { repoRoot } from "../src/engine-client/repo-root";

export type PackKey = "ours" | "awsguard" | "floor";

export interface BenchPack {
  readonly key: PackKey;
  readonly label: string;
  readonly dir: string;
}

/** One policy of the floor pack, as policies.json holds it. */
export interface FloorPolicy {
  readonly name: string;
  readonly description: string;
  readonly enforcementLevel: "advisory" | "mandatory";
  readonly scope: "resource" | "stack";
}

export interface PackSet {
  readonly ours: BenchPack;
  readonly awsguard: BenchPack;
  readonly floor: BenchPack;
  readonly all: readonly BenchPack[];
  readonly floorPolicies: readonly FloorPolicy[];
  /** Removes the floor's temporary directory. */
  cleanup(): void;
}

/** Where the committed pack templates live (bench/packs), from source or from the compiled bench. */
export const packsDir = (): string => join(repoRoot(__dirname), "bench", "packs");

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
}

/** Checks that `dir` is a built customer-data-guard pack the CLI could start. */
export function checkOurPack(dir: string): void {
  const manifest = join(dir, "package.json");
  if (!existsSync(join(dir, "PulumiPolicy.yaml")) || !existsSync(manifest)) {
    throw new Error(`${dir} is not a policy pack (no PulumiPolicy.yaml or package.json)`);
  }
  const main = readJson(manifest).main;
  if (typeof main !== "string" || !existsSync(join(dir, main))) {
    throw new Error(`${dir}: package.json main ${JSON.stringify(main)} does not exist; run npm run build there`);
  }
}

interface RuleLike {
  slug: string;
  id: string;
  title: string;
  severity: string;
  scope: "resource" | "stack";
}

/** The compiled rule list of the pack in `dir` (package.json exports "./rules", else dist/src/rules). */
export function loadRules(dir: string): RuleLike[] {
  const exportsField = readJson(join(dir, "package.json")).exports as Record<string, unknown> | undefined;
  const target = typeof exportsField?.["./rules"] === "string" ? (exportsField["./rules"] as string) : "dist/src/rules/index.js";
  const file = resolve(dir, target);
  if (!existsSync(file)) throw new Error(`${file} does not exist; run npm run build in ${dir}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const rules = (require(file) as { ALL_RULES?: RuleLike[] }).ALL_RULES;
  if (!Array.isArray(rules) || rules.length === 0) throw new Error(`${file} exports no ALL_RULES`);
  return rules;
}

/** Our policies with empty bodies: names, descriptions and levels as src/pulumi/policy.ts makes them. */
export function floorPolicies(dir: string): FloorPolicy[] {
  const rules: FloorPolicy[] = loadRules(dir).map((r) => ({
    name: r.slug,
    description: `${r.title} [${r.id}]`,
    enforcementLevel: r.severity === "high" || r.severity === "critical" ? "mandatory" : "advisory",
    scope: r.scope,
  }));
  // The pack-wide settings entry is a (no-op) resource policy of our pack too.
  const settings: FloorPolicy = {
    name: "pack-settings",
    description: "Settings shared by every policy of this pack (tag keys, classification, accounts...); it checks nothing itself.",
    enforcementLevel: "advisory",
    scope: "resource",
  };
  return [...rules, settings];
}

/**
 * Writes the floor pack to a temporary directory whose node_modules links to the measured pack's, so
 * the floor runs on exactly the @pulumi/policy and @pulumi/pulumi our pack runs on.
 */
function materializeFloor(ourDir: string, policies: readonly FloorPolicy[]): string {
  const dir = mkdtempSync(join(tmpdir(), "cdg-bench-floor-"));
  const template = join(packsDir(), "floor");
  for (const f of ["PulumiPolicy.yaml", "package.json", "index.js"]) copyFileSync(join(template, f), join(dir, f));
  writeFileSync(join(dir, "policies.json"), `${JSON.stringify(policies, null, 2)}\n`);
  symlinkSync(join(ourDir, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

export function preparePacks(ourDirInput: string): PackSet {
  const ourDir = resolve(ourDirInput);
  checkOurPack(ourDir);
  const awsguardDir = join(packsDir(), "awsguard");
  try {
    require.resolve("@pulumi/awsguard", { paths: [awsguardDir] });
  } catch {
    throw new Error(`@pulumi/awsguard does not resolve from ${awsguardDir}: install the dev dependencies (npm ci)`);
  }
  const policies = floorPolicies(ourDir);
  const floorDir = materializeFloor(ourDir, policies);
  const ours: BenchPack = { key: "ours", label: "customer-data-guard", dir: ourDir };
  const awsguard: BenchPack = { key: "awsguard", label: "AWSGuard", dir: awsguardDir };
  const floor: BenchPack = { key: "floor", label: "floor (empty policies)", dir: floorDir };
  return {
    ours, awsguard, floor,
    all: [ours, awsguard, floor],
    floorPolicies: policies,
    cleanup: () => rmSync(floorDir, { recursive: true, force: true }),
  };
}
