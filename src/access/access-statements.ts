import { logsIntoData, readsData } from "./data-actions";
import { isUnknown, type Unknown } from "../core/value";
import { expandAction, mayMatchServiceArn, parseArn, parsePolicy, resourceCovers, resourceMatches, type ActionInfo, type PolicyKind, type PrincipalElement, type Statement } from "../iam";
import { globMatches, hasWildcard } from "../iam/wildcard";
import type { AccessLevel } from "./model";
import { actingServices, storeServiceActions, type AccessTarget, type TargetIndex } from "./access-targets";

// One policy statement prepared once for the access map: its actions expanded with the catalogue,
// its resources kept as patterns, and per store the actions it grants (or denies) there.

export interface PlannedStatement {
  readonly label: string;
  readonly effect: "Allow" | "Deny";
  /** Condition keys; empty when unconditional. */
  readonly conditions: readonly string[];
  readonly principals?: PrincipalElement;
  readonly actions: { readonly not: boolean; readonly infos: readonly ActionInfo[]; readonly unknown?: Unknown };
  readonly resources: { readonly not: boolean; readonly patterns: readonly string[]; readonly unknown?: Unknown } | "any";
  /** Store services its actions may act on. */
  readonly services: ReadonlySet<string>;
}

/** A statement that could not be read: what is unknown, and which store levels it may grant. */
export interface UnreadStatement {
  readonly label: string;
  readonly unknown: Unknown;
}

export type PlannedDocument =
  | { readonly status: "ok"; readonly statements: readonly PlannedStatement[]; readonly unread: readonly UnreadStatement[] }
  | { readonly status: "unknown"; readonly unknown: Unknown }
  | { readonly status: "malformed"; readonly problem: string };

/**
 * The access level(s) of an action: "read" when it reads the store's data (data-actions.ts; reading
 * settings is no level at all), "write" for the catalogue's Write level and data logins, "manage" for
 * Permissions management and Tagging (tags decide classification and segment).
 */
export function levelsOf(info: ActionInfo): AccessLevel[] {
  const out: AccessLevel[] = [];
  const l = info.accessLevels;
  if (readsData(info.key)) out.push("read");
  if (logsIntoData(info.key)) return ["read", "write"];
  if (l.has("Write")) out.push("write");
  if (l.has("Permissions management") || l.has("Tagging")) out.push("manage");
  return out;
}

const labelOf = (s: Statement): string => (typeof s.sid === "string" && s.sid !== "" ? s.sid : s.path);

/** Parses a document and plans its statements against the services stores live in. */
export function planDocument(document: unknown, kind: PolicyKind, storeServices: ReadonlySet<string>): PlannedDocument {
  const parsed = parsePolicy(document, { kind });
  if (parsed.status === "unknown") return { status: "unknown", unknown: parsed.unknown };
  if (parsed.status === "malformed") {
    const first = parsed.problems[0];
    return { status: "malformed", problem: first ? `${first.path} ${first.problem}` : "it is malformed" };
  }
  const statements: PlannedStatement[] = [];
  const unread: UnreadStatement[] = [];
  parsed.document.statements.forEach((s, i) => {
    if (isUnknown(s)) return unread.push({ label: `Statement[${i}]`, unknown: s });
    const label = labelOf(s);
    if (isUnknown(s.effect)) return unread.push({ label, unknown: s.effect });
    if (isUnknown(s.conditions)) return unread.push({ label, unknown: s.conditions });
    if (isUnknown(s.principals)) return unread.push({ label, unknown: s.principals });
    const actions = planActions(s, storeServices);
    if (isUnknown(actions)) return unread.push({ label, unknown: actions });
    const resources = planResources(s);
    if (isUnknown(resources)) return unread.push({ label, unknown: resources });
    const services = actions.not ? storeServices : servicesOf(actions.infos, storeServices);
    statements.push({
      label,
      effect: s.effect,
      conditions: [...new Set(s.conditions.map((c) => c.key))],
      ...(s.principals ? { principals: s.principals } : {}),
      actions,
      resources,
      services,
    });
  });
  return { status: "ok", statements, unread };
}

function planActions(s: Statement, storeServices: ReadonlySet<string>): PlannedStatement["actions"] | Unknown {
  if (isUnknown(s.actions)) return s.actions;
  if (s.actions === undefined) return { not: false, infos: [] };
  const infos = new Set<ActionInfo>();
  let unknownPart: Unknown | undefined;
  for (const a of s.actions.values) {
    if (isUnknown(a)) {
      unknownPart ??= a;
      continue;
    }
    if (a.service !== "*" && !hasWildcard(a.service) && !storeServices.has(a.service)) continue;
    for (const info of expandAction(a.text)) if (info.resourceLevel && storeServices.has(info.service)) infos.add(info);
  }
  const not = s.actions.element === "NotAction";
  // An unknown entry of NotAction may except anything: nothing can be said of the statement.
  if (not && unknownPart) return unknownPart;
  return { not, infos: [...infos], ...(unknownPart ? { unknown: unknownPart } : {}) };
}

function planResources(s: Statement): PlannedStatement["resources"] | Unknown {
  if (isUnknown(s.resources)) return s.resources;
  if (s.resources === undefined) return "any";
  const patterns: string[] = [];
  let unknownPart: Unknown | undefined;
  for (const r of s.resources.values) {
    if (isUnknown(r)) unknownPart ??= r;
    else patterns.push(r);
  }
  const not = s.resources.element === "NotResource";
  if (not && unknownPart) return unknownPart;
  if (!not && !unknownPart && patterns.includes("*")) return "any";
  return { not, patterns, ...(unknownPart ? { unknown: unknownPart } : {}) };
}

/** Store services reached by the actions (an `rds-db` action reaches RDS). */
function servicesOf(infos: readonly ActionInfo[], storeServices: ReadonlySet<string>): ReadonlySet<string> {
  const out = new Set<string>();
  for (const info of infos) out.add(info.service);
  for (const s of storeServices) if (actingServices(s).some((a) => out.has(a))) out.add(s);
  return new Set([...out].filter((s) => storeServices.has(s)));
}

/** The stores a statement may concern; each is then judged exactly by `statementOnStore`. */
export function candidateTargets(plan: PlannedStatement, index: TargetIndex): AccessTarget[] {
  const seen = new Set<AccessTarget>();
  const add = (list: readonly AccessTarget[]) => {
    for (const t of list) seen.add(t);
  };
  const { resources } = plan;
  if (resources === "any" || resources.not) add(index.ofServices(undefined, plan.services));
  else
    for (const p of resources.patterns) {
      if (hasWildcard(p)) add(index.ofServices(p, plan.services));
      else add(index.literal(p, plan.services));
    }
  return [...seen];
}

/** Which of a store's ARN forms a statement's resources name: the store itself, what lies below it (`arn/*`), or everything. */
export interface FormMatch {
  readonly all: boolean;
  readonly base: boolean;
  readonly child: boolean;
  /** Set when a pattern may name the store but its ARN is not known yet. */
  readonly unknown?: Unknown;
}

const NONE: FormMatch = { all: false, base: false, child: false };
const ALL: FormMatch = { all: true, base: true, child: true };

/**
 * Whether the statement's resources name the store. An Allow names it when a pattern matches one
 * of its ARN forms or a path below it; a Deny only when a pattern covers the whole form, so a
 * Deny on `bucket/private/*` does not remove reading the rest of the bucket.
 */
export function formsNamed(plan: PlannedStatement, t: AccessTarget, index: TargetIndex): FormMatch {
  const { resources } = plan;
  if (resources === "any") return ALL;
  if (t.service === undefined) return NONE;
  const deny = plan.effect === "Deny";
  if (resources.not) {
    // NotResource: the forms its exceptions leave out (for an Allow, exceptions must cover them).
    if (t.arns.length === 0) return t.arnUnknown ? { ...NONE, unknown: t.arnUnknown } : ALL;
    const excepted = (form: string) => resources.patterns.some((p) => (deny ? namesForm(p, form) : resourceCovers(p, form)));
    const base = t.arns.some((a) => !excepted(a));
    const child = t.arns.some((a) => !excepted(`${a}${t.childSeparator}*`));
    return { all: base && child, base, child };
  }
  let base = false;
  let child = false;
  let unknownPart: Unknown | undefined;
  for (const p of resources.patterns) {
    if (p === "*") return ALL;
    if (t.arns.length === 0) {
      if (t.arnUnknown && mayMatchServiceArn(p, t.service)) unknownPart ??= t.arnUnknown;
      continue;
    }
    const bits = index.patternForms(p, t, deny, () => {
      let b = 0;
      for (const a of t.arns) {
        if (deny ? resourceCovers(p, a) : resourceMatches(p, a) === true) b |= 1;
        if (deny ? resourceCovers(p, `${a}${t.childSeparator}*`) : namesForm(p, `${a}${t.childSeparator}*`)) b |= 2;
      }
      return b;
    });
    if (bits & 1) base = true;
    if (bits & 2) child = true;
  }
  return { all: false, base, child, ...(unknownPart ? { unknown: unknownPart } : {}) };
}

/** An Allow pattern names `arn/*` when it matches it or a literal path below `arn`. */
function namesForm(pattern: string, childForm: string): boolean {
  if (resourceMatches(pattern, childForm) === true) return true;
  const base = childForm.slice(0, -1);
  return pattern.toLowerCase().startsWith(base.toLowerCase());
}

// Which actions a form accepts, by the catalogue's ARN formats: `s3:GetObject` takes objects
// (`bucket/*`), `s3:ListBucket` the bucket. Stores of one kind share formats, so the answer is
// kept per kind (the first store of the kind seen stands for the others).
const acceptance = new Map<string, Map<ActionInfo, boolean>>();

function accepts(info: ActionInfo, t: AccessTarget, form: "base" | "child"): boolean {
  const key = `${t.shapeKey}|${form}`;
  let byAction = acceptance.get(key);
  if (byAction === undefined) acceptance.set(key, (byAction = new Map()));
  let v = byAction.get(info);
  if (v === undefined) byAction.set(info, (v = computeAccepts(info, t, form)));
  return v;
}

function computeAccepts(info: ActionInfo, t: AccessTarget, form: "base" | "child"): boolean {
  const arn = t.arns[0];
  const parts = arn === undefined ? undefined : parseArn(arn);
  if (parts === undefined) return true;
  const sep = t.childSeparator;
  const baseCount = parts.resource.split(sep).length - 1;
  return info.resourceArns.some((tpl) => {
    if (tpl.service !== t.service) return true; // another service's resource (rds-db): not comparable
    const segments = tpl.resource.split(sep);
    if (form === "base") return segments.length - 1 === baseCount && globMatches(tpl.resource, parts.resource, false);
    // A form below the store: more parts than the store's, and its leading parts name the store.
    return segments.length - 1 > baseCount && globMatches(segments.slice(0, baseCount + 1).join(sep), parts.resource, false);
  });
}

/** The actions a statement grants or denies on a store; empty when it does not name it. */
export function actionsOnStore(plan: PlannedStatement, t: AccessTarget, forms: FormMatch): readonly ActionInfo[] {
  if (t.service === undefined || (!forms.base && !forms.child)) return [];
  // Stores of one kind named the same way get the same actions: one shared array.
  const key = `${t.shapeKey}|${forms.all ? "all" : `${forms.base}|${forms.child}`}`;
  let byKey = actionsCache.get(plan);
  if (byKey === undefined) actionsCache.set(plan, (byKey = new Map()));
  let list = byKey.get(key);
  if (list === undefined) byKey.set(key, (list = computeActionsOnStore(plan, t, t.service, forms)));
  return list;
}

const actionsCache = new WeakMap<PlannedStatement, Map<string, readonly ActionInfo[]>>();

function computeActionsOnStore(plan: PlannedStatement, t: AccessTarget, service: string, forms: FormMatch): readonly ActionInfo[] {
  const acting = actingServices(service);
  const pool = plan.actions.not ? storeServiceActions(service) : plan.actions.infos;
  const except = plan.actions.not ? new Set(plan.actions.infos) : undefined;
  const out: ActionInfo[] = [];
  for (const info of pool) {
    if (except?.has(info) || !acting.includes(info.service)) continue;
    if (forms.all || (forms.base && accepts(info, t, "base")) || (forms.child && accepts(info, t, "child"))) out.push(info);
  }
  return out;
}

/** The actions a statement may grant on a store if its unknown parts name it (for unknown edges). */
export function actionsOfService(plan: PlannedStatement, t: AccessTarget): readonly ActionInfo[] {
  return actionsOnStore(plan, t, ALL);
}
