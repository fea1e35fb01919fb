import type { Unknown } from "../core/value";
import type { ActionInfo, PolicyKind } from "../iam";
import type { AccessLevel } from "./model";
import { ACCESS_LEVELS } from "./model";
import { actionsOfService, actionsOnStore, candidateTargets, formsNamed, levelsOf, planDocument, type PlannedDocument, type PlannedStatement } from "./access-statements";
import type { AccessTarget, TargetIndex } from "./access-targets";

// What one identity document (or boundary) allows on each store, computed once per document and
// shared by every principal holding it (a managed policy attached to 500 roles is read once).

export interface StatementGrant {
  readonly statement: string;
  readonly actions: readonly ActionInfo[];
  readonly conditions: readonly string[];
}

export interface UnknownReach {
  readonly levels: ReadonlySet<AccessLevel>;
  readonly reason: string;
}

export interface DocumentReach {
  /** Store id -> level -> the statements granting it. */
  readonly grants: ReadonlyMap<string, ReadonlyMap<AccessLevel, readonly StatementGrant[]>>;
  /** Store id -> levels an unknown part may grant, and what is unknown (`{doc}` stands for the document's name). */
  readonly unknowns: ReadonlyMap<string, UnknownReach>;
  readonly denies: readonly PlannedStatement[];
  /** Gaps of the holder; `{doc}` stands for the document's name. */
  readonly gaps: readonly string[];
}

/** How a reason names something not known: "not known until deploy" in preview, else the detail. */
export function notKnown(u: Unknown): string {
  return u.reason === "preview" ? `is not known until deploy (${u.detail})` : `is not known (${u.detail})`;
}

export class DocumentReader {
  private readonly plans = new Map<unknown, PlannedDocument>();
  private readonly reaches = new Map<unknown, Map<string, DocumentReach>>();

  constructor(
    private readonly index: TargetIndex,
    private readonly targets: ReadonlyMap<string, AccessTarget>,
  ) {}

  plan(document: unknown, kind: PolicyKind): PlannedDocument {
    const key = kind === "identity" ? document : { kind, document };
    let p = kind === "identity" ? this.plans.get(key) : undefined;
    if (p === undefined) {
      p = planDocument(document, kind, this.index.services);
      if (kind === "identity") this.plans.set(key, p);
    }
    return p;
  }

  /** The reach of an identity document whose unknown values came from `sources`. */
  reach(document: unknown, sources: readonly string[]): DocumentReach {
    const sourceKey = sources.join("\n");
    let bySources = this.reaches.get(document);
    if (bySources === undefined) this.reaches.set(document, (bySources = new Map()));
    let r = bySources.get(sourceKey);
    if (r === undefined) bySources.set(sourceKey, (r = this.computeReach(document, sources)));
    return r;
  }

  private computeReach(document: unknown, sources: readonly string[]): DocumentReach {
    const grants = new Map<string, Map<AccessLevel, StatementGrant[]>>();
    const unknowns = new Map<string, { levels: Set<AccessLevel>; reason: string }>();
    const denies: PlannedStatement[] = [];
    const gaps: string[] = [];
    const named = sources.filter((s) => this.targets.has(s));
    const markUnknown = (storeId: string, levels: Iterable<AccessLevel>, reason: string) => {
      let u = unknowns.get(storeId);
      if (u === undefined) unknowns.set(storeId, (u = { levels: new Set(), reason }));
      for (const l of levels) u.levels.add(l);
    };
    const plan = this.plan(document, "identity");
    if (plan.status === "unknown") {
      const reason = `the document of {doc} ${notKnown(plan.unknown)}`;
      for (const id of named) markUnknown(id, ACCESS_LEVELS, reason);
      gaps.push(`${reason}: its reach is not assessed`);
      return { grants, unknowns, denies, gaps };
    }
    if (plan.status === "malformed") {
      gaps.push(`the document of {doc} is malformed (${plan.problem}): AWS would reject it, its reach is not assessed`);
      return { grants, unknowns, denies, gaps };
    }
    for (const u of plan.unread) {
      const reason = `${u.label} of {doc} ${notKnown(u.unknown)}`;
      for (const id of named) markUnknown(id, ACCESS_LEVELS, reason);
      gaps.push(`${reason}: its reach is not assessed`);
    }
    for (const s of plan.statements) {
      if (s.effect === "Deny") {
        denies.push(s);
        continue;
      }
      const partly = s.actions.unknown ?? (s.resources === "any" ? undefined : s.resources.unknown);
      if (partly) {
        const reason = `${s.label} of {doc} ${notKnown(partly)}`;
        gaps.push(`${reason}: its reach may be wider`);
        for (const id of named) markUnknown(id, s.actions.unknown ? ACCESS_LEVELS : levelsIn(actionsOfService(s, this.target(id))), reason);
      }
      for (const t of candidateTargets(s, this.index)) {
        const forms = formsNamed(s, t, this.index);
        if (forms.unknown) markUnknown(t.id, s.actions.unknown ? ACCESS_LEVELS : levelsIn(actionsOfService(s, t)), `the ARN of ${t.store.ref.label} '${t.store.ref.name}' ${notKnown(forms.unknown)}, and ${s.label} of {doc} may name it`);
        const actions = actionsOnStore(s, t, forms);
        if (actions.length === 0) continue;
        if (s.actions.unknown) markUnknown(t.id, ACCESS_LEVELS, `${s.label} of {doc} ${notKnown(s.actions.unknown)}`);
        addGrants(grants, t.id, s, actions);
      }
    }
    return { grants, unknowns, denies, gaps };
  }

  private target(id: string): AccessTarget {
    const t = this.targets.get(id);
    if (t === undefined) throw new Error(`no store ${id}`);
    return t;
  }
}

export function levelsIn(actions: readonly ActionInfo[]): Set<AccessLevel> {
  const out = new Set<AccessLevel>();
  for (const a of actions) for (const l of levelsOf(a)) out.add(l);
  return out;
}

/** Splits a statement's actions on a store by level. */
export function addGrants(grants: Map<string, Map<AccessLevel, StatementGrant[]>>, storeId: string, s: PlannedStatement, actions: readonly ActionInfo[]): void {
  const byLevel = splitByLevel(actions);
  if (byLevel.size === 0) return;
  let levels = grants.get(storeId);
  if (levels === undefined) grants.set(storeId, (levels = new Map()));
  for (const [l, list] of byLevel) {
    const existing = levels.get(l);
    const g: StatementGrant = { statement: s.label, actions: list, conditions: s.conditions };
    if (existing === undefined) levels.set(l, [g]);
    else existing.push(g);
  }
}

const splits = new WeakMap<readonly ActionInfo[], ReadonlyMap<AccessLevel, readonly ActionInfo[]>>();

/** Actions by level; kept per (shared) action array so that edges share their lists. */
export function splitByLevel(actions: readonly ActionInfo[]): ReadonlyMap<AccessLevel, readonly ActionInfo[]> {
  let out = splits.get(actions);
  if (out === undefined) {
    const byLevel = new Map<AccessLevel, ActionInfo[]>();
    for (const a of actions)
      for (const l of levelsOf(a)) {
        const list = byLevel.get(l);
        if (list === undefined) byLevel.set(l, [a]);
        else list.push(a);
      }
    splits.set(actions, (out = byLevel));
  }
  return out;
}
