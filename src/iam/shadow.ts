import { isUnknown, type Unknown, type Val } from "../core/value";
import { expandAction, type ActionInfo } from "./actions";
import { resourceCovers, resourceMatches } from "./arn";
import type { ActionElement, PrincipalElement, ResourceElement, Statement } from "./model";
import { conditionsDenyOutsideScope } from "./scoping";
import { hasWildcard } from "./wildcard";

// Decides whether Deny statements take away what an Allow grants. Only a Deny without conditions
// (and applying to every principal) shadows; one that might, because part of it is unknown, leaves
// the grant in doubt rather than granted.

export type Coverage = "yes" | "maybe" | "no";

/** A statement that denies, or might deny (its Effect, or the whole statement, is unknown). */
export interface DenyCandidate {
  readonly index: number;
  /** The statement, or the Unknown that stands for all of it. */
  readonly statement: Val<Statement>;
}

/** What an Allow names as resources, with its unknown entries set apart. */
export interface AllowResources {
  /** `none` when the statement has no Resource element (trust policies): it then covers everything. */
  readonly element: ResourceElement["element"] | "none";
  readonly known: readonly string[];
  readonly unknowns: readonly Unknown[];
}

export interface CoverageResult {
  readonly coverage: Coverage;
  /** Why a `maybe`: the unknown that leaves it open. */
  readonly unknown?: Unknown;
}

const NO: CoverageResult = { coverage: "no" };
const YES: CoverageResult = { coverage: "yes" };

function maybe(unknown: Unknown): CoverageResult {
  return { coverage: "maybe", unknown };
}

/** The weakest of several results: all must hold for a Deny to apply. */
function weakest(results: readonly CoverageResult[]): CoverageResult {
  let pending: CoverageResult | undefined;
  for (const r of results) {
    if (r.coverage === "no") return NO;
    if (r.coverage === "maybe") pending ??= r;
  }
  return pending ?? YES;
}

interface ActionIndex {
  /** Keys of the catalogue actions the known entries name. */
  readonly listed: ReadonlySet<string>;
  readonly firstUnknown: Unknown | undefined;
}

const actionIndexes = new WeakMap<ActionElement, ActionIndex>();

/** Expands an element's patterns once; a Deny is then checked against every granted action in O(1). */
function indexOf(actions: ActionElement): ActionIndex {
  let index = actionIndexes.get(actions);
  if (index === undefined) {
    const listed = new Set<string>();
    let firstUnknown: Unknown | undefined;
    for (const v of actions.values) {
      if (isUnknown(v)) firstUnknown ??= v;
      else for (const a of expandAction(v.text)) listed.add(a.key);
    }
    index = { listed, firstUnknown };
    actionIndexes.set(actions, index);
  }
  return index;
}

export function actionCoverage(actions: Val<ActionElement> | undefined, action: ActionInfo): CoverageResult {
  if (actions === undefined) return NO;
  if (isUnknown(actions)) return maybe(actions);
  const { listed: set, firstUnknown: pending } = indexOf(actions);
  const listed = set.has(action.key);
  if (actions.element === "Action") return listed ? YES : pending === undefined ? NO : maybe(pending);
  // NotAction: a listed action is excepted; otherwise an unknown entry might except it too.
  return listed ? NO : pending === undefined ? YES : maybe(pending);
}

function resourceCoverage(deny: Val<ResourceElement> | undefined, allow: AllowResources): CoverageResult {
  if (deny === undefined) return YES;
  if (isUnknown(deny)) return maybe(deny);
  const denyKnown = deny.values.filter((v): v is string => !isUnknown(v));
  const denyUnknown = deny.values.find((v): v is Unknown => isUnknown(v));
  if (deny.element === "Resource") {
    if (denyKnown.includes("*")) return YES;
    if (allow.element !== "Resource") return denyUnknown === undefined ? NO : maybe(denyUnknown);
    const uncovered = allow.known.filter((r) => !denyKnown.some((d) => resourceCovers(d, r)));
    if (uncovered.length === 0 && allow.unknowns.length === 0) return YES;
    // An uncovered resource might be covered by an unknown Deny entry; an unknown allowed one by anything.
    const open = denyUnknown ?? (uncovered.length === 0 ? allow.unknowns[0] : undefined);
    return open === undefined ? NO : maybe(open);
  }
  // NotResource: the Deny reaches a resource no exception matches. Only literal ARNs are judged.
  if (allow.element !== "Resource" || allow.known.some(hasWildcard)) return NO;
  const reached = allow.known.every((r) => !denyKnown.some((d) => resourceMatches(d, r) === true));
  if (!reached) return NO;
  const open = denyUnknown ?? allow.unknowns[0];
  return open === undefined ? YES : maybe(open);
}

function principalCoverage(principals: Val<PrincipalElement> | undefined): CoverageResult {
  if (principals === undefined) return YES;
  if (isUnknown(principals)) return maybe(principals);
  if (principals.element === "NotPrincipal") return NO;
  const everyone = principals.entries.some((e) => e.type === "AWS" && e.value === "*");
  if (everyone) return YES;
  const open = principals.entries.find((e) => isUnknown(e.value));
  return open !== undefined && isUnknown(open.value) ? maybe(open.value) : NO;
}

/** Answers, for one Deny and one Allow's resources, which of the Allow's actions the Deny affects. */
export interface DenyEvaluator {
  readonly deny: DenyCandidate;
  /** Whether the Deny always takes the action away. */
  readonly coverage: (action: ActionInfo) => CoverageResult;
  /**
   * Whether the Deny narrows the action to a scope: it covers the action and resources, applies to
   * every principal, and fires only outside a scope (`StringNotEquals aws:PrincipalOrgID ...`).
   */
  readonly scopes: (action: ActionInfo) => CoverageResult;
}

const never = (): CoverageResult => NO;

/** Works out once what does not depend on the action (principals, resources, conditions). */
export function denyEvaluator(deny: DenyCandidate, resources: AllowResources): DenyEvaluator {
  const s = deny.statement;
  if (isUnknown(s)) {
    const open = maybe(s);
    return { deny, coverage: () => open, scopes: never };
  }
  const reach = weakest([principalCoverage(s.principals), resourceCoverage(s.resources, resources)]);
  if (reach.coverage === "no") return { deny, coverage: never, scopes: never };
  const withAction = (action: ActionInfo): CoverageResult => {
    const byAction = actionCoverage(s.actions, action);
    return byAction.coverage === "no" ? NO : weakest([byAction, reach]);
  };
  return { deny, coverage: coverageOf(s, withAction), scopes: scopesOf(s, withAction) };
}

function coverageOf(s: Statement, withAction: (a: ActionInfo) => CoverageResult): (a: ActionInfo) => CoverageResult {
  let conditionOpen: Unknown | undefined;
  if (isUnknown(s.conditions)) conditionOpen = s.conditions;
  else if (s.conditions.length > 0) return never;
  // A statement whose Effect is unknown might be a Deny: at most "maybe".
  const open = (isUnknown(s.effect) ? s.effect : undefined) ?? conditionOpen;
  if (open === undefined) return withAction;
  return (action) => (withAction(action).coverage === "no" ? NO : maybe(open));
}

function scopesOf(s: Statement, withAction: (a: ActionInfo) => CoverageResult): (a: ActionInfo) => CoverageResult {
  const outside = conditionsDenyOutsideScope(s.conditions);
  if (outside === false) return never;
  // With an unknown Effect the statement might be such a Deny: at most "maybe".
  const open = (isUnknown(s.effect) ? s.effect : undefined) ?? (isUnknown(outside) ? outside : undefined);
  if (open === undefined) return withAction;
  return (action) => (withAction(action).coverage === "no" ? NO : maybe(open));
}
