// The round trip of `cdguard scan --format pulumi-state`, shared by its tests: an account's recorded SDK
// answers through the scanner's own sources and merge, written as a v7 state document, read back by the
// Pulumi adapter; verdicts compared by rule, model (a resource written from a model counts as that model)
// and status.
import { expect } from "vitest";
import type { AdaptContext } from "../../src/adapters/aws/context";
import type { EngineResource } from "../../src/adapters/pulumi/engine-resource";
import { buildInventory } from "../../src/adapters/pulumi/inventory";
import { evaluate } from "../../src/core/evaluate";
import type { Finding } from "../../src/core/finding";
import { configFor } from "../../src/core/pack-config";
import type { AnyRule } from "../../src/core/rule";
import { settingsFor } from "../../src/core/settings";
import { analyzerResourcesOf, type StateFile } from "../../src/engine-client/state-file";
import type { Fetched } from "../../src/fetchers/aws/fetched";
import type { Inventory } from "../../src/models/inventory";
import { pulumiStateOf, type PulumiStateDocument, type PulumiStateOptions } from "../../src/reports/pulumi-state";
import { ALL_RULES } from "../../src/rules";

/**
 * `--format pulumi-state` writes stores, keys, network and IAM, not the privacy-hygiene settings (parameter groups,
 * trails, logging, lifecycle, backups, detectors...): the file's verdicts are compared with the scanner's on the
 * other pillars (README, "pulumi-state").
 */
export const STATE_COMPARED_RULES = ALL_RULES.filter((r) => r.pillar !== "hygiene");
import { mergeContributions } from "../../src/scanner/merge";
import { ALL_SOURCES, keyDirectory } from "../../src/scanner/sources";

export const ok = <T>(value: T): Fetched<T> => ({ ok: true, value });
export const tagList = (t: Record<string, string>) => Object.entries(t).map(([Key, Value]) => ({ Key, Value }));
export const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
export const allow = (Action: unknown, Resource: unknown, extra: Record<string, unknown> = {}) => ({ Effect: "Allow", Action, Resource, ...extra });

/** One fetcher's answer, and the region it was asked in. */
export type RecordedAnswer = readonly [fetcher: string, region: string, answer: unknown];

/** The recorded answers through the scanner's sources and merge, as `scanAccount` builds an account. */
export function scannedInventory(answers: readonly RecordedAnswer[], account: string): Inventory {
  const kms = new Map(answers.filter(([name]) => name === "kms-keys").map(([, region, raw]) => [region, raw]));
  const ctx: AdaptContext = { account, partition: "aws", ...keyDirectory(kms, account, "aws") };
  const contributions = answers.map(([name, , raw]) => {
    const source = ALL_SOURCES.find((s) => s.fetcher.name === name);
    if (source === undefined) throw new Error(`no source ${name}`);
    return source.adapt(raw, ctx);
  });
  const { inventory, gaps } = mergeContributions(contributions);
  expect(gaps).toEqual([]);
  return inventory;
}

export const TODAY = "2026-11-30";
export const SCOPE = { id: "scope", type: "test", name: "scope", label: "scope" };
/** Pack config: rule slug -> its settings. */
export type PackEntries = Readonly<Record<string, Readonly<Record<string, unknown>>>>;
export type RuleSettings = (rule: AnyRule) => ReturnType<typeof settingsFor>;

/** The rules' settings for pack config `entries`. */
export const settingsOf =
  (entries: PackEntries): RuleSettings =>
  (rule) =>
    settingsFor(rule, configFor(rule, entries));

export const ruleOf = (v: string): string => v.slice(0, v.indexOf(" "));
export const modelOf = (v: string): string => v.split(" ")[1] ?? "";

export interface RoundTrip {
  readonly written: PulumiStateDocument;
  readonly state: StateFile;
  /** The file's resources as the engine sends them: inputs without dependencies (Analyze), outputs with them (AnalyzeStack). */
  engine(call: "analyze" | "analyzeStack"): EngineResource[];
  readonly omittedIds: ReadonlySet<string>;
  /** `rule model status`, sorted, once each. */
  verdicts(findings: readonly Finding[]): string[];
  judge(rules: readonly AnyRule[], inventory: Inventory, settings?: RuleSettings): Finding[];
  /** Every rule's verdicts on the scan's inventory. */
  readonly allScanned: readonly string[];
  /** Those on models the file holds (a model left out has no verdicts from it). */
  readonly scanned: readonly string[];
  /** Every rule's verdicts on the Pulumi adapter's inventory of the whole file (the stack view). */
  readonly fromState: readonly string[];
}

export function roundTrip(inventory: Inventory, options: PulumiStateOptions, entries: PackEntries): RoundTrip {
  const written = pulumiStateOf(inventory, options);
  const state = written.state;
  const defaults = settingsOf(entries);
  const engine = (call: "analyze" | "analyzeStack"): EngineResource[] =>
    analyzerResourcesOf(state, call).map((r) => ({
      urn: r.urn,
      type: r.type,
      name: r.name,
      props: r.properties,
      // The pack gets no dependencies in Analyze; AnalyzeStack's are the state's.
      propertyDependencies: call === "analyze" ? {} : r.propertyDependencies,
      ...(call === "analyzeStack" ? { plannedState: true } : {}),
    }));
  const verdict = (f: Finding): string => `${f.rule.id} ${written.origins.get(f.resource.id) ?? f.resource.id} ${f.status}`;
  const verdicts = (findings: readonly Finding[]): string[] => [...new Set(findings.map(verdict))].sort();
  const judge = (rules: readonly AnyRule[], inv: Inventory, settings = defaults): Finding[] =>
    evaluate(rules, inv, settings, { scope: SCOPE, today: TODAY });
  const omittedIds = new Set(written.omitted.map((o) => o.id));
  const allScanned = verdicts(judge(STATE_COMPARED_RULES, inventory));
  return {
    written,
    state,
    engine,
    omittedIds,
    verdicts,
    judge,
    allScanned,
    scanned: allScanned.filter((v) => !omittedIds.has(modelOf(v))),
    fromState: verdicts(judge(STATE_COMPARED_RULES, buildInventory(engine("analyzeStack")))),
  };
}

/** What is in `a` and not in `b`. */
export const only = (a: readonly string[], b: readonly string[]): string[] => a.filter((v) => !b.includes(v));
