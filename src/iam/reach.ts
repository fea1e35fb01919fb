import { isUnknown, type Unknown, type Val } from "../core/value";
import type { ActionInfo, ArnTemplate } from "./actions";
import { parseArn, reachesAllOf, reachesAllOfTemplate, resourceCovers } from "./arn";
import type { Grant } from "./grants";
import type { ConditionEntry } from "./model";
import { conditionsScope } from "./scoping";
import { hasWildcard } from "./wildcard";

// How far a grant reaches: whether an action is granted on every resource it could touch.

/**
 * Per Resource pattern and ARN format (shared by the actions of a resource type): answers of
 * reachesAllOfTemplate (isUnscopedFor) and reachesAllOf, so that a grant of thousands of actions
 * compares each of its patterns with each format once.
 */
class PatternAnswers {
  /** The pattern's service when it is an ARN naming one service without wildcards: other formats never match. */
  private readonly service: string | undefined;
  private readonly reachedBy = new WeakMap<ArnTemplate, boolean>();
  private readonly coveredBy = new WeakMap<ArnTemplate, boolean>();

  constructor(private readonly pattern: string) {
    const service = parseArn(pattern)?.service;
    this.service = service === undefined || hasWildcard(service) ? undefined : service.toLowerCase();
  }

  /** reachesAllOfTemplate(pattern, t). */
  reached(t: ArnTemplate): boolean {
    if (this.service !== undefined && this.service !== t.service) return false;
    let v = this.reachedBy.get(t);
    if (v === undefined) this.reachedBy.set(t, (v = reachesAllOfTemplate(this.pattern, t)));
    return v;
  }

  /** reachesAllOf(pattern, t.service, t.resource). */
  covered(t: ArnTemplate): boolean {
    if (this.service !== undefined && this.service !== t.service) return false;
    let v = this.coveredBy.get(t);
    if (v === undefined) this.coveredBy.set(t, (v = reachesAllOf(this.pattern, t.service, t.resource)));
    return v;
  }
}

const patternAnswers = new Map<string, PatternAnswers>();
const PATTERN_CACHE_LIMIT = 5_000;

function answersFor(pattern: string): PatternAnswers {
  let answers = patternAnswers.get(pattern);
  if (answers === undefined) {
    if (patternAnswers.size >= PATTERN_CACHE_LIMIT) patternAnswers.clear();
    patternAnswers.set(pattern, (answers = new PatternAnswers(pattern)));
  }
  return answers;
}

/** Whether the Resource element alone leaves the action unscoped (Unknown when that turns on an unknown ARN). */
export function resourcesUnscopedFor(grant: Grant, action: ActionInfo): Val<boolean> {
  const r = grant.resources;
  if (r.element === "none") return true;
  if (r.element === "NotResource") return notResourceReach(grant.resources, action);
  for (const p of r.known) {
    if (p === "*") return true;
    const answers = answersFor(p);
    if (action.resourceArns.some((t) => answers.reached(t))) return true;
  }
  return r.unknowns[0] ?? false;
}

/** NotResource reaches all but some resources (unscoped), unless its exceptions cover every resource of the action. */
function notResourceReach(r: Grant["resources"], action: ActionInfo): Val<boolean> {
  const excludesAll =
    r.known.includes("*") ||
    (action.resourceArns.length > 0 && action.resourceArns.every((t) => r.known.some((p) => answersFor(p).covered(t))));
  if (excludesAll) return false;
  return r.unknowns[0] ?? true;
}

/** Whether the grant covers every resource of every service (Resource `*` or `arn:*`). */
export function resourcesCoverAll(grant: Grant): Val<boolean> {
  const r = grant.resources;
  if (r.element === "none") return true;
  if (r.element === "NotResource") return false;
  if (r.known.some((p) => resourceCovers(p, "arn:*:*:*:*:*"))) return true;
  return r.unknowns[0] ?? false;
}

const scopeCache = new WeakMap<object, Val<boolean>>();

export function conditionsScopeCached(conditions: Val<readonly ConditionEntry[]>): Val<boolean> {
  if (isUnknown(conditions)) return conditions;
  let v = scopeCache.get(conditions);
  if (v === undefined) {
    v = conditionsScope(conditions);
    scopeCache.set(conditions, v);
  }
  return v;
}

/**
 * Whether the action is granted on all its resources, once scoping conditions and scoping Denies
 * are counted. Actions without resource-level permissions are never unscoped: nothing better exists.
 */
export function effectivelyUnscoped(grant: Grant, action: ActionInfo): Val<boolean> {
  if (!action.resourceLevel) return false;
  if (grant.denyScoped.has(action.key)) return false;
  const scoped = conditionsScopeCached(grant.statement.conditions);
  if (scoped === true) return false;
  const unscoped = resourcesUnscopedFor(grant, action);
  if (unscoped !== true) return unscoped;
  if (isUnknown(scoped)) return scoped;
  return grant.denyScopeOpen.get(action.key) ?? true;
}

export function firstUnknownOf(values: readonly Val<boolean>[]): Unknown | undefined {
  return values.find((v): v is Unknown => isUnknown(v));
}

/** The condition keys of a grant's statement, as written, without repeats. */
export function conditionKeysOf(grant: Grant): string[] {
  const c = grant.statement.conditions;
  return isUnknown(c) ? [] : [...new Set(c.map((e) => e.key))];
}
