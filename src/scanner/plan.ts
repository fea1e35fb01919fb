import type { AnyRule } from "../core/rule";
import type { InventoryPart } from "../models/inventory";
import type { AnySource } from "./source";

/** The inventory parts the rules read. */
export function partsRead(rules: readonly AnyRule[]): Set<InventoryPart> {
  const parts = new Set(rules.flatMap((r) => r.reads as InventoryPart[]));
  // Stores name their keys by ARN: only the keys' own answers tell AWS-managed from customer-managed.
  if (parts.has("stores")) parts.add("keys");
  return parts;
}

/**
 * The sources a scan runs: those feeding a part some rule reads. Tags alone do not make a source
 * needed: every source gives the tags of what it reads.
 */
export function sourcesFor(rules: readonly AnyRule[], sources: readonly AnySource[]): AnySource[] {
  const parts = partsRead(rules);
  return sources.filter((s) => judgedParts(s).some((p) => parts.has(p)));
}

/** The rules a source's answers are judged by: a source that could not list leaves them a gap. */
export function rulesJudging(source: AnySource, rules: readonly AnyRule[]): AnyRule[] {
  const parts = new Set(judgedParts(source));
  return rules.filter((r) => (r.reads as InventoryPart[]).some((p) => parts.has(p)));
}

const judgedParts = (s: AnySource): InventoryPart[] => s.feeds.filter((p) => p !== "tags");
