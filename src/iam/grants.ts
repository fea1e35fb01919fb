import { isUnknown, type Unknown } from "../core/value";
import { actionOrdinalLimit, allActions, expandAction, type ActionInfo } from "./actions";
import type { StatementRef, UnknownAction, UnknownVerdict } from "./findings";
import { GRANT_FINDING_KINDS } from "./findings";
import type { ActionPattern, PolicyDocument, Statement } from "./model";
import { DenyIndex, type CertainDenies } from "./deny-index";
import type { ActionSide, AllowResources, CoverageResult, DenyCandidate, DenyOnAllow } from "./shadow";

/** What one Allow statement grants once Deny statements are taken into account. */
export interface Grant {
  readonly ref: StatementRef;
  readonly statement: Statement;
  readonly element: "Action" | "NotAction";
  /** The known action patterns as written (for NotAction: the exceptions). */
  readonly patterns: readonly ActionPattern[];
  /** Catalogue actions granted for certain. */
  readonly actions: readonly ActionInfo[];
  /** Actions a Deny takes away for certain. */
  readonly shadowed: readonly ActionInfo[];
  /** Actions a Deny might take away, depending on a value that is not known. */
  readonly doubtful: readonly string[];
  /** The unknown behind the first doubtful action. */
  readonly doubtfulBecause: Unknown | undefined;
  /** Keys of granted actions a Deny narrows to a scope (`StringNotEquals aws:PrincipalOrgID ...`). */
  readonly denyScoped: ReadonlySet<string>;
  /** Keys of granted actions a Deny might narrow to a scope, with the unknown that decides it. */
  readonly denyScopeOpen: ReadonlyMap<string, Unknown>;
  /** An unknown entry of the Action list: the statement may grant more than `actions`. */
  readonly openActionEntry: Unknown | undefined;
  readonly resources: AllowResources;
}

export interface GrantCollection {
  readonly grants: readonly Grant[];
  readonly unknowns: UnknownVerdict[];
  readonly unknownActions: UnknownAction[];
}

export function statementRef(statement: Statement): StatementRef {
  const sid = statement.sid;
  return typeof sid === "string" && sid !== "" ? { index: statement.index, sid } : { index: statement.index };
}

function everything(path: string, statements: StatementRef[], unknown: Unknown, message: string): UnknownVerdict {
  return { statements, path, unknown, affects: GRANT_FINDING_KINDS, message };
}

export function denyCandidates(document: PolicyDocument): DenyCandidate[] {
  const out: DenyCandidate[] = [];
  document.statements.forEach((statement, index) => {
    if (isUnknown(statement) || statement.effect !== "Allow") out.push({ index, statement });
  });
  return out;
}

export function allowResources(statement: Statement): AllowResources {
  const r = statement.resources;
  if (r === undefined) return { element: "none", known: [], unknowns: [] };
  if (isUnknown(r)) return { element: "Resource", known: [], unknowns: [r] };
  const known: string[] = [];
  const unknowns: Unknown[] = [];
  for (const v of r.values) {
    if (isUnknown(v)) unknowns.push(v);
    else known.push(v);
  }
  return { element: r.element, known, unknowns };
}

/** Reads every Allow statement of a well-formed document into grants, noting what is unknown. */
export function collectGrants(document: PolicyDocument): GrantCollection {
  const denies = new DenyIndex(denyCandidates(document));
  const applied = new AppliedCache();
  const grants: Grant[] = [];
  const unknowns: UnknownVerdict[] = [];
  const unknownActions: UnknownAction[] = [];
  document.statements.forEach((statement, index) => {
    if (isUnknown(statement)) {
      unknowns.push(
        everything(`Statement[${index}]`, [{ index }], statement, `Statement[${index}] is not known, so what it allows or denies is not assessed`),
      );
      return;
    }
    const ref = statementRef(statement);
    if (isUnknown(statement.effect)) {
      unknowns.push(
        everything(`${statement.path}.Effect`, [ref], statement.effect, `${statement.path}.Effect is not known, so whether it allows or denies is not assessed`),
      );
      return;
    }
    if (statement.effect !== "Allow") return;
    const grant = readGrant(statement, ref, denies, applied, unknowns, unknownActions);
    if (grant !== undefined) grants.push(grant);
  });
  return { grants, unknowns, unknownActions };
}

function readGrant(
  statement: Statement,
  ref: StatementRef,
  denies: DenyIndex,
  cache: AppliedCache,
  unknowns: UnknownVerdict[],
  unknownActions: UnknownAction[],
): Grant | undefined {
  const element = statement.actions;
  const path = `${statement.path}.${isUnknown(element) || element === undefined ? "Action" : element.element}`;
  if (element === undefined) return undefined;
  if (isUnknown(element)) {
    unknowns.push(everything(path, [ref], element, `${path} is not known, so what it allows is not assessed`));
    return undefined;
  }
  const patterns: ActionPattern[] = [];
  let openEntry: Unknown | undefined;
  for (const v of element.values) {
    if (isUnknown(v)) openEntry ??= v;
    else patterns.push(v);
  }
  if (openEntry !== undefined) {
    const message =
      element.element === "Action"
        ? `${path} has an entry that is not known; what it adds is not assessed`
        : `${path} has an entry that is not known, so what the statement allows is not assessed`;
    unknowns.push(everything(path, [ref], openEntry, message));
    // A NotAction with an unknown exception could except anything: nothing certain is granted.
    if (element.element === "NotAction") return undefined;
  }
  const named = expandPatterns(patterns, ref, unknownActions);
  const candidates = element.element === "Action" ? named : complementOf(patterns, named);
  const resources = allowResources(statement);
  // An Allow statement is never a Deny candidate, so every candidate applies to it.
  const applied = cache.get(candidates, resources, () =>
    applyDenies(candidates, denies.certain, denies.onAllow(resources, servicesOf(candidates), listsSomeOf(candidates))),
  );
  for (const [denyIndex, { unknown, actions: ids }] of applied.doubtfulByDeny) {
    unknowns.push(
      everything(
        `Statement[${denyIndex}]`,
        [ref, { index: denyIndex }],
        unknown,
        `Statement[${denyIndex}] may deny ${listText(ids)} allowed by ${statement.path}; it depends on a value that is not known`,
      ),
    );
  }
  const doubtful = [...new Set([...applied.doubtfulByDeny.values()].flatMap((d) => d.actions))];
  return {
    ref,
    statement,
    element: element.element,
    patterns,
    actions: applied.actions,
    shadowed: applied.shadowed,
    doubtful,
    doubtfulBecause: applied.doubtfulByDeny.values().next().value?.unknown,
    denyScoped: applied.denyScoped,
    denyScopeOpen: applied.denyScopeOpen,
    openActionEntry: openEntry,
    resources,
  };
}

interface DeniesApplied {
  readonly actions: readonly ActionInfo[];
  readonly shadowed: readonly ActionInfo[];
  /** Per Deny statement index: the actions it may take away and the unknown that decides it. */
  readonly doubtfulByDeny: ReadonlyMap<number, { readonly unknown: Unknown; readonly actions: readonly string[] }>;
  readonly denyScoped: ReadonlySet<string>;
  readonly denyScopeOpen: ReadonlyMap<string, Unknown>;
}

const NOTHING_APPLIED = { doubtfulByDeny: new Map(), denyScoped: new Set<string>(), denyScopeOpen: new Map() } as const;

/**
 * The results of applyDenies within one document, by candidate list and resources: identical Allow
 * statements (and repeated resource lists over the same actions) are judged once. Only Allows whose
 * resources are all known are cached: an unknown resource stands for itself in the verdicts.
 */
class AppliedCache {
  private readonly byCandidates = new WeakMap<readonly ActionInfo[], Map<string, DeniesApplied>>();

  get(candidates: readonly ActionInfo[], resources: AllowResources, compute: () => DeniesApplied): DeniesApplied {
    if (resources.unknowns.length > 0) return compute();
    const key = `${resources.element}\u0000${resources.known.join("\u0000")}`;
    let byResources = this.byCandidates.get(candidates);
    if (byResources === undefined) this.byCandidates.set(candidates, (byResources = new Map()));
    let hit = byResources.get(key);
    if (hit === undefined) byResources.set(key, (hit = compute()));
    return hit;
  }
}

/**
 * Where each action of the candidate list sits, by action ordinal: a table shared by every call and
 * stamped per call, so that filling it costs one write per candidate and no allocation.
 */
let slotStamp = new Uint32Array(0);
let slotPosition = new Int32Array(0);
let stamp = 0;

function stampPositions(candidates: readonly ActionInfo[]): number {
  const limit = actionOrdinalLimit();
  if (slotStamp.length < limit) {
    slotStamp = new Uint32Array(Math.max(limit, slotStamp.length * 2));
    slotPosition = new Int32Array(slotStamp.length);
    stamp = 0;
  }
  if (stamp === 0xffffffff) {
    slotStamp.fill(0);
    stamp = 0;
  }
  stamp++;
  for (let i = 0; i < candidates.length; i++) {
    const o = (candidates[i] as ActionInfo).ordinal;
    // A repeated action keeps its first position, as a scan would meet it first.
    if (slotStamp[o] !== stamp) {
      slotStamp[o] = stamp;
      slotPosition[o] = i;
    }
  }
  return stamp;
}

/** Whether a Deny's Action element lists one of the candidates (the smaller side is scanned). */
function listsSomeOf(candidates: readonly ActionInfo[]): (side: ActionSide) => boolean {
  let stamped: number | undefined;
  return (side) => {
    if (side.listedActions.length <= candidates.length) {
      stamped ??= stampPositions(candidates);
      const at = stamped;
      return side.listedActions.some((a) => slotStamp[a.ordinal] === at);
    }
    return candidates.some((a) => side.listed.has(a.key));
  };
}

const servicesOfList = new WeakMap<readonly ActionInfo[], ReadonlySet<string>>();
/** Lists longer than this (NotAction, `*`) span nearly every service: they are not narrowed by service. */
const SERVICE_FILTER_LIMIT = 1000;

/** The services of a candidate list, to skip Denies of other services; undefined for any service. */
function servicesOf(actions: readonly ActionInfo[]): ReadonlySet<string> | undefined {
  if (actions.length > SERVICE_FILTER_LIMIT) return undefined;
  let services = servicesOfList.get(actions);
  if (services === undefined) {
    services = new Set(actions.map((a) => a.service));
    servicesOfList.set(actions, services);
  }
  return services;
}

const SHADOWED = 1;
const DOUBTFUL = 2;
const GRANTED = 3;

/**
 * Takes the Deny statements away from an Allow's candidate actions. Equivalent to asking every Deny
 * about every action, in document order, but the Denies that answer every Allow alike for certain are
 * looked up per action in merged tables, each other Deny only visits the actions its element lists (a
 * NotAction or unknown element: the others), and positions already decided drop out of later passes:
 * the cost is the candidates plus what the Denies list, not their product.
 */
function applyDenies(candidates: readonly ActionInfo[], certain: CertainDenies, pairs: readonly DenyOnAllow[]): DeniesApplied {
  // Without Deny statements the (cached) candidate list is the grant itself: no copy, and the
  // risk profile computed for it is reused across documents.
  if (pairs.length === 0 && (certain.empty || !candidates.some((a) => certain.covers(a) || certain.scopes(a)))) {
    return { actions: candidates, shadowed: [], ...NOTHING_APPLIED };
  }
  const n = candidates.length;
  const keyAt = (i: number): string => (candidates[i] as ActionInfo).key;
  const state = new Uint8Array(n);
  let stamped: number | undefined;
  /** Visits the positions of `among` (whose state is `live`) that the Deny's element lists. */
  const visitListed = (pair: DenyOnAllow, among: readonly number[], live: (i: number) => boolean, visit: (i: number) => void): void => {
    if (pair.listedActions.length < among.length) {
      stamped ??= stampPositions(candidates);
      for (const a of pair.listedActions) {
        if (slotStamp[a.ordinal] !== stamped) continue;
        const i = slotPosition[a.ordinal] as number;
        if (live(i)) visit(i);
      }
    } else for (const i of among) if (live(i) && pair.listed.has(keyAt(i))) visit(i);
  };

  // 1. Shadowed: some Deny certainly covers the action.
  let live: number[] = [];
  for (let i = 0; i < n; i++) {
    if (certain.covers(candidates[i] as ActionInfo)) state[i] = SHADOWED;
    else live.push(i);
  }
  for (const pair of pairs) {
    if (pair.coverageOtherwise.coverage !== "yes") continue;
    live = live.filter((i) => {
      if (pair.listed.has(keyAt(i))) return true;
      state[i] = SHADOWED;
      return false;
    });
  }
  let removed = 0;
  for (const pair of pairs) {
    if (pair.coverageIfListed.coverage !== "yes") continue;
    visitListed(pair, live, (i) => state[i] === 0, (i) => {
      state[i] = SHADOWED;
      removed++;
    });
    if (removed * 2 > live.length) {
      live = live.filter((i) => state[i] === 0);
      removed = 0;
    }
  }
  if (removed > 0) live = live.filter((i) => state[i] === 0);

  // 2. Doubtful: no Deny certainly covers the action, some might. Each such Deny records it.
  const records = new Map<DenyOnAllow, number[]>();
  const record = (pair: DenyOnAllow, i: number): void => {
    const list = records.get(pair);
    if (list === undefined) records.set(pair, [i]);
    else list.push(i);
    state[i] = DOUBTFUL;
  };
  const notShadowed = (i: number): boolean => state[i] !== SHADOWED;
  for (const pair of pairs) {
    if (pair.coverageOtherwise.coverage === "maybe") for (const i of live) if (!pair.listed.has(keyAt(i))) record(pair, i);
    if (pair.coverageIfListed.coverage === "maybe") visitListed(pair, live, notShadowed, (i) => record(pair, i));
  }
  const granted = live.filter((i) => state[i] === 0);
  for (const i of granted) state[i] = GRANTED;

  // 3. Narrowed to a scope: by any Deny for certain, else (open) by the first Deny that might.
  const scope = new Uint8Array(n);
  const scopeOpen = new Map<number, Unknown>();
  let rest: number[] = [];
  for (const i of granted) {
    if (!certain.empty && certain.scopes(candidates[i] as ActionInfo)) scope[i] = 1;
    else rest.push(i);
  }
  for (const pair of pairs) {
    if (pair.scopesOtherwise.coverage !== "yes") continue;
    rest = rest.filter((i) => {
      if (pair.listed.has(keyAt(i))) return true;
      scope[i] = 1;
      return false;
    });
  }
  const unscoped = (i: number): boolean => state[i] === GRANTED && scope[i] === 0;
  for (const pair of pairs) {
    if (pair.scopesIfListed.coverage === "yes") visitListed(pair, rest, unscoped, (i) => (scope[i] = 1));
  }
  rest = rest.filter((i) => scope[i] === 0);
  const open = (i: number, result: CoverageResult): void => {
    scope[i] = 2;
    if (result.unknown !== undefined) scopeOpen.set(i, result.unknown);
  };
  for (const pair of pairs) {
    if (rest.length === 0) break;
    const otherwise = pair.scopesOtherwise;
    const ifListed = pair.scopesIfListed;
    if (otherwise.coverage === "maybe") {
      rest = rest.filter((i) => {
        if (pair.listed.has(keyAt(i))) {
          if (ifListed.coverage !== "maybe") return true;
          open(i, ifListed);
          return false;
        }
        open(i, otherwise);
        return false;
      });
    } else if (ifListed.coverage === "maybe") {
      let assigned = 0;
      visitListed(pair, rest, unscoped, (i) => {
        open(i, ifListed);
        assigned++;
      });
      if (assigned > 0) rest = rest.filter((i) => scope[i] === 0);
    }
  }

  const actions: ActionInfo[] = [];
  const shadowed: ActionInfo[] = [];
  const denyScoped = new Set<string>();
  const denyScopeOpen = new Map<string, Unknown>();
  for (let i = 0; i < n; i++) {
    const action = candidates[i] as ActionInfo;
    if (state[i] === SHADOWED) shadowed.push(action);
    else if (state[i] === GRANTED) {
      actions.push(action);
      if (scope[i] === 1) denyScoped.add(action.key);
      else {
        const why = scope[i] === 2 ? scopeOpen.get(i) : undefined;
        if (why !== undefined) denyScopeOpen.set(action.key, why);
      }
    }
  }
  return { actions, shadowed, doubtfulByDeny: doubtfulEntries(candidates, records), denyScoped, denyScopeOpen };
}

/**
 * Per Deny, the actions it may take away, ordered as asking every Deny about every action in turn
 * would first meet them: by the first such action, then by the Deny's place in the document.
 */
function doubtfulEntries(
  candidates: readonly ActionInfo[],
  records: ReadonlyMap<DenyOnAllow, number[]>,
): Map<number, { unknown: Unknown; actions: string[] }> {
  const entries = [...records].map(([pair, positions]) => {
    positions.sort((a, b) => a - b);
    const first = positions[0] as number;
    const listed = pair.listed.has((candidates[first] as ActionInfo).key);
    const unknown = (listed ? pair.coverageIfListed : pair.coverageOtherwise).unknown as Unknown;
    return { pair, first, unknown, positions };
  });
  entries.sort((a, b) => a.first - b.first || a.pair.order - b.pair.order);
  const out = new Map<number, { unknown: Unknown; actions: string[] }>();
  for (const e of entries) {
    out.set(e.pair.deny.index, { unknown: e.unknown, actions: e.positions.map((i) => (candidates[i] as ActionInfo).id) });
  }
  return out;
}

const CACHE_LIMIT = 2000;
const unions = new Map<string, readonly ActionInfo[]>();
const complements = new Map<string, readonly ActionInfo[]>();

function remember(cache: Map<string, readonly ActionInfo[]>, key: string, value: readonly ActionInfo[]): readonly ActionInfo[] {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** The catalogue actions the patterns name, without repeats; patterns naming none are noted as unknown. */
function expandPatterns(
  patterns: readonly ActionPattern[],
  ref: StatementRef,
  unknownActions: UnknownAction[],
): readonly ActionInfo[] {
  const expansions = patterns.map((p) => expandAction(p.text));
  patterns.forEach((p, i) => {
    if (expansions[i]?.length === 0) unknownActions.push({ statement: ref, action: p.text });
  });
  if (expansions.length === 1) return expansions[0] ?? [];
  const key = patterns.map((p) => p.text.toLowerCase()).join("\n");
  const cached = unions.get(key);
  if (cached !== undefined) return cached;
  const union = new Set<ActionInfo>();
  for (const list of expansions) for (const a of list) union.add(a);
  return remember(unions, key, [...union]);
}

/** Every catalogue action except the given ones (what a NotAction grants). */
function complementOf(patterns: readonly ActionPattern[], excluded: readonly ActionInfo[]): readonly ActionInfo[] {
  const key = patterns.map((p) => p.text.toLowerCase()).join("\n");
  const cached = complements.get(key);
  if (cached !== undefined) return cached;
  const out = new Set(excluded);
  return remember(complements, key, allActions().filter((a) => !out.has(a)));
}

/** `a, b, c and 4 more`: keeps messages short when a wildcard expands to hundreds of actions. */
export function listText(items: readonly string[], limit = 5): string {
  if (items.length <= limit) return items.join(", ");
  return `${items.slice(0, limit).join(", ")} and ${items.length - limit} more`;
}
