import { isUnknown, type Unknown } from "../core/value";
import { allActions, expandAction, type ActionInfo } from "./actions";
import type { StatementRef, UnknownAction, UnknownVerdict } from "./findings";
import { GRANT_FINDING_KINDS } from "./findings";
import type { ActionPattern, PolicyDocument, Statement } from "./model";
import { denyEvaluator, type AllowResources, type DenyCandidate } from "./shadow";

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
  const denies = denyCandidates(document);
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
    const grant = readGrant(statement, ref, denies, unknowns, unknownActions);
    if (grant !== undefined) grants.push(grant);
  });
  return { grants, unknowns, unknownActions };
}

function readGrant(
  statement: Statement,
  ref: StatementRef,
  denies: readonly DenyCandidate[],
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
  const relevantDenies = denies.filter((d) => d.index !== statement.index);
  const applied = applyDenies(candidates, relevantDenies, resources);
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

function applyDenies(
  candidates: readonly ActionInfo[],
  denies: readonly DenyCandidate[],
  resources: AllowResources,
): DeniesApplied {
  // Without Deny statements the (cached) candidate list is the grant itself: no copy, and the
  // risk profile computed for it is reused across documents.
  if (denies.length === 0) {
    return { actions: candidates, shadowed: [], doubtfulByDeny: new Map(), denyScoped: new Set(), denyScopeOpen: new Map() };
  }
  const evaluators = denies.map((deny) => denyEvaluator(deny, resources));
  const actions: ActionInfo[] = [];
  const shadowed: ActionInfo[] = [];
  const doubtfulByDeny = new Map<number, { unknown: Unknown; actions: string[] }>();
  const denyScoped = new Set<string>();
  const denyScopeOpen = new Map<string, Unknown>();
  for (const action of candidates) {
    const coverages = evaluators.map((e) => ({ deny: e.deny, result: e.coverage(action) }));
    if (coverages.some((c) => c.result.coverage === "yes")) {
      shadowed.push(action);
      continue;
    }
    const open = coverages.filter((c) => c.result.coverage === "maybe");
    for (const { deny, result } of open) {
      if (result.unknown === undefined) continue;
      const entry = doubtfulByDeny.get(deny.index) ?? { unknown: result.unknown, actions: [] };
      entry.actions.push(action.id);
      doubtfulByDeny.set(deny.index, entry);
    }
    if (open.length > 0) continue;
    actions.push(action);
    const scopes = evaluators.map((e) => e.scopes(action));
    if (scopes.some((c) => c.coverage === "yes")) denyScoped.add(action.key);
    else {
      const maybeScoped = scopes.find((c) => c.coverage === "maybe")?.unknown;
      if (maybeScoped !== undefined) denyScopeOpen.set(action.key, maybeScoped);
    }
  }
  return { actions, shadowed, doubtfulByDeny, denyScoped, denyScopeOpen };
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
