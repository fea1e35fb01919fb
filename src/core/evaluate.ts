import type { Tags } from "./classification";
import type { Finding, FindingRule, FindingWaiver } from "./finding";
import type { ResourceRef } from "./ref";
import type { AnyRule, Outcome, RuleContext } from "./rule";
import { isUnknown, type Val } from "./value";
import { chooseWaiver } from "./waiver-choice";
import type { FileWaiver } from "./waiver-file";
import { todayUtc, waiverFromTags } from "./waivers";

/** What evaluation reads of an inventory beyond what the rules read: the tags that carry waivers. */
export interface WaiverTags {
  readonly tags?: ReadonlyMap<string, Val<Tags | undefined>>;
}

export interface EvaluateOptions {
  /** What the inventory describes (a stack, one resource, an account): named when a rule cannot run. */
  readonly scope: ResourceRef;
  /** YYYY-MM-DD that waivers' expiry dates are judged on; default today (UTC). */
  readonly today?: string;
  /** Waivers of a waivers file (loadWaiversFile), beside those the resources' tags carry. */
  readonly waivers?: readonly FileWaiver[];
}

/**
 * Runs each rule over the inventory and turns its outcomes into findings: a rule that throws (or an
 * inventory that cannot be built, when given as a function) is "not assessed" for the whole scope,
 * waivers (a failing resource's tags, the waivers file) are applied, and not-applicable outcomes are dropped.
 */
export function evaluate<I extends WaiverTags>(
  rules: readonly AnyRule[],
  inventory: I | (() => I),
  contextOf: (rule: AnyRule) => RuleContext<unknown>,
  opts: EvaluateOptions,
): Finding[] {
  const waivers: WaiverSources = { today: opts.today ?? todayUtc(), file: opts.waivers ?? [] };
  const findings: Finding[] = [];
  let built: I | undefined = typeof inventory === "function" ? undefined : inventory;
  for (const rule of rules) {
    const meta = findingRule(rule);
    let outcomes: Outcome[];
    try {
      built ??= (inventory as () => I)();
      outcomes = rule.evaluate(built, contextOf(rule));
    } catch (e) {
      const message = `${rule.id} could not evaluate: ${e instanceof Error ? e.message : String(e)}`;
      findings.push({ rule: meta, resource: opts.scope, status: "not-assessed", reason: "error", message, evaluationError: true });
      continue;
    }
    for (const o of outcomes) {
      const finding = toFinding(meta, o, built, contextOf(rule), waivers);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

interface WaiverSources {
  readonly today: string;
  readonly file: readonly FileWaiver[];
}

function toFinding(rule: FindingRule, o: Outcome, inventory: WaiverTags, ctx: RuleContext<unknown>, waivers: WaiverSources): Finding | undefined {
  const base = { rule, resource: o.resource, message: o.message };
  switch (o.status) {
    case "not-applicable":
      return undefined;
    case "pass":
      return { ...base, status: "pass" };
    case "unknown":
      return { ...base, status: "not-assessed", ...(o.reason ? { reason: o.reason } : {}) };
    case "fail": {
      const waiver = waiverOf(rule.id, o.resource, inventory, ctx, waivers);
      if (waiver === undefined) return { ...base, status: "fail" };
      return { ...base, status: waiver.state === "active" ? "waived" : "fail", waiver };
    }
  }
}

function waiverOf(ruleId: string, resource: ResourceRef, inventory: WaiverTags, ctx: RuleContext<unknown>, waivers: WaiverSources): FindingWaiver | undefined {
  const tags = inventory.tags?.get(resource.id);
  const tag = waiverFromTags(isUnknown(tags) ? undefined : tags, ruleId, ctx.config, waivers.today);
  return chooseWaiver(ruleId, resource.id, tag, waivers.file, waivers.today);
}

export function findingRule(rule: AnyRule): FindingRule {
  return { id: rule.id, slug: rule.slug, title: rule.title, pillar: rule.pillar, severity: rule.severity, frameworks: rule.frameworks };
}
