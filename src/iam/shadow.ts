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

/** What a Deny's Action or NotAction element says, depending only on whether it lists an action. */
export interface ActionSide {
  /** Keys of the catalogue actions the known entries name (empty for an unknown element). */
  readonly listed: ReadonlySet<string>;
  /** The same actions, each once. */
  readonly listedActions: readonly ActionInfo[];
  /** Services of the listed actions. */
  readonly services: ReadonlySet<string>;
  /** Coverage of an action the element lists, and of one it does not. */
  readonly ifListed: CoverageResult;
  readonly otherwise: CoverageResult;
}

interface Listing {
  readonly listed: ReadonlySet<string>;
  readonly listedActions: readonly ActionInfo[];
  readonly services: ReadonlySet<string>;
}

const actionSides = new WeakMap<ActionElement, ActionSide>();
const NOTHING_LISTED: Listing = { listed: new Set(), listedActions: [], services: new Set() };
/** Listings by the patterns' lowercase text: Denies naming the same actions share one. */
const listings = new Map<string, Listing>();
const LISTING_CACHE_LIMIT = 2000;

function listingOf(patterns: readonly string[]): Listing {
  const key = patterns.map((p) => p.toLowerCase()).join("\n");
  let listing = listings.get(key);
  if (listing === undefined) {
    const actions = new Set<ActionInfo>();
    for (const p of patterns) for (const a of expandAction(p)) actions.add(a);
    const listedActions = [...actions];
    listing = {
      listed: new Set(listedActions.map((a) => a.key)),
      listedActions,
      services: new Set(listedActions.map((a) => a.service)),
    };
    if (listings.size >= LISTING_CACHE_LIMIT) listings.clear();
    listings.set(key, listing);
  }
  return listing;
}

/** Expands an element's patterns once; a Deny is then checked against every granted action in O(1). */
export function actionSide(actions: Val<ActionElement> | undefined): ActionSide {
  if (actions === undefined) return { ...NOTHING_LISTED, ifListed: NO, otherwise: NO };
  if (isUnknown(actions)) {
    const open = maybe(actions);
    return { ...NOTHING_LISTED, ifListed: open, otherwise: open };
  }
  let side = actionSides.get(actions);
  if (side === undefined) {
    const known: string[] = [];
    let pending: Unknown | undefined;
    for (const v of actions.values) {
      if (isUnknown(v)) pending ??= v;
      else known.push(v.text);
    }
    const listing = listingOf(known);
    const unlisted = pending === undefined ? undefined : maybe(pending);
    // NotAction: a listed action is excepted; otherwise an unknown entry might except it too.
    side =
      actions.element === "Action"
        ? { ...listing, ifListed: YES, otherwise: unlisted ?? NO }
        : { ...listing, ifListed: NO, otherwise: unlisted ?? YES };
    actionSides.set(actions, side);
  }
  return side;
}

export function actionCoverage(actions: Val<ActionElement> | undefined, action: ActionInfo): CoverageResult {
  const side = actionSide(actions);
  return side.listed.has(action.key) ? side.ifListed : side.otherwise;
}

export function resourceCoverage(deny: Val<ResourceElement> | undefined, allow: AllowResources): CoverageResult {
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

export function principalCoverage(principals: Val<PrincipalElement> | undefined): CoverageResult {
  if (principals === undefined) return YES;
  if (isUnknown(principals)) return maybe(principals);
  if (principals.element === "NotPrincipal") return NO;
  const everyone = principals.entries.some((e) => e.type === "AWS" && e.value === "*");
  if (everyone) return YES;
  const open = principals.entries.find((e) => isUnknown(e.value));
  return open !== undefined && isUnknown(open.value) ? maybe(open.value) : NO;
}

/**
 * How a Deny's conditions and Effect turn "the Deny reaches the action" into an answer: `never`
 * (it cannot apply), `plain` (it applies exactly when it reaches), or `open` (it might: at most maybe).
 */
type Mode = { readonly kind: "never" } | { readonly kind: "plain" } | { readonly kind: "open"; readonly result: CoverageResult };

const NEVER: Mode = { kind: "never" };
const PLAIN: Mode = { kind: "plain" };

/** What can be worked out about one Deny once for the whole document: all but the Allow's resources. */
export interface PreparedDeny {
  readonly deny: DenyCandidate;
  /** The known statement; undefined when the whole statement is unknown (it then might deny anything). */
  readonly statement: Statement | undefined;
  readonly principal: CoverageResult;
  readonly action: ActionSide;
  /** Whether the Deny always takes an action away (no conditions). */
  readonly coverage: Mode;
  /** Whether the Deny narrows an action to a scope (`StringNotEquals aws:PrincipalOrgID ...`). */
  readonly scopes: Mode;
}

/** Prepares a Deny candidate; undefined when it can never deny or narrow anything. */
export function prepareDeny(deny: DenyCandidate): PreparedDeny | undefined {
  const s = deny.statement;
  if (isUnknown(s)) {
    const open = maybe(s);
    return {
      deny,
      statement: undefined,
      principal: YES,
      action: { ...NOTHING_LISTED, ifListed: open, otherwise: open },
      coverage: { kind: "open", result: open },
      scopes: NEVER,
    };
  }
  const principal = principalCoverage(s.principals);
  if (principal.coverage === "no") return undefined;
  const action = actionSide(s.actions);
  if (action.ifListed.coverage === "no" && action.otherwise.coverage === "no") return undefined;
  const coverage = coverageMode(s);
  const scopes = scopesMode(s);
  if (coverage.kind === "never" && scopes.kind === "never") return undefined;
  return { deny, statement: s, principal, action, coverage, scopes };
}

function coverageMode(s: Statement): Mode {
  let conditionOpen: Unknown | undefined;
  if (isUnknown(s.conditions)) conditionOpen = s.conditions;
  else if (s.conditions.length > 0) return NEVER;
  // A statement whose Effect is unknown might be a Deny: at most "maybe".
  const open = (isUnknown(s.effect) ? s.effect : undefined) ?? conditionOpen;
  return open === undefined ? PLAIN : { kind: "open", result: maybe(open) };
}

function scopesMode(s: Statement): Mode {
  const outside = conditionsDenyOutsideScope(s.conditions);
  if (outside === false) return NEVER;
  // With an unknown Effect the statement might be such a Deny: at most "maybe".
  const open = (isUnknown(s.effect) ? s.effect : undefined) ?? (isUnknown(outside) ? outside : undefined);
  return open === undefined ? PLAIN : { kind: "open", result: maybe(open) };
}

/** One Deny against one Allow's resources: its answers for an action its element lists, and for one it does not. */
export interface DenyOnAllow {
  readonly deny: DenyCandidate;
  /** Position of the Deny among the document's Deny candidates (document order). */
  readonly order: number;
  readonly listed: ReadonlySet<string>;
  readonly listedActions: readonly ActionInfo[];
  readonly coverageIfListed: CoverageResult;
  readonly coverageOtherwise: CoverageResult;
  readonly scopesIfListed: CoverageResult;
  readonly scopesOtherwise: CoverageResult;
}

function applyMode(mode: Mode, withAction: CoverageResult): CoverageResult {
  if (mode.kind === "never" || withAction.coverage === "no") return NO;
  return mode.kind === "plain" ? withAction : mode.result;
}

/** The Deny's answers for the Allow's resources; undefined when it affects none of the Allow's actions. */
export function denyOnAllow(p: PreparedDeny, order: number, resources: AllowResources): DenyOnAllow | undefined {
  let ifListed: CoverageResult;
  let otherwise: CoverageResult;
  if (p.statement === undefined) {
    ifListed = p.action.ifListed;
    otherwise = p.action.otherwise;
  } else {
    const reach = weakest([p.principal, resourceCoverage(p.statement.resources, resources)]);
    if (reach.coverage === "no") return undefined;
    const withAction = (byAction: CoverageResult): CoverageResult => (byAction.coverage === "no" ? NO : weakest([byAction, reach]));
    ifListed = withAction(p.action.ifListed);
    otherwise = withAction(p.action.otherwise);
  }
  const out: DenyOnAllow = {
    deny: p.deny,
    order,
    listed: p.action.listed,
    listedActions: p.action.listedActions,
    coverageIfListed: applyMode(p.coverage, ifListed),
    coverageOtherwise: applyMode(p.coverage, otherwise),
    scopesIfListed: applyMode(p.scopes, ifListed),
    scopesOtherwise: applyMode(p.scopes, otherwise),
  };
  const none = [out.coverageIfListed, out.coverageOtherwise, out.scopesIfListed, out.scopesOtherwise].every((r) => r.coverage === "no");
  return none ? undefined : out;
}
