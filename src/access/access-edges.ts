import type { ActionInfo } from "../iam";
import type { PlannedStatement } from "./access-statements";
import type { AccessEdge, AccessGrant, AccessLevel, AccessLimit } from "./model";

// One edge from the grants of one (principal, store, level): what denies, the boundary and Block
// Public Access take away, and how sure the answer is.

export interface PendingGrant {
  readonly via: AccessGrant["via"];
  /** A grant of a policy the principal holds: the only kind its permissions boundary limits. */
  readonly identity: boolean;
  readonly policy: string;
  readonly statement: string;
  readonly actions: readonly (ActionInfo | string)[];
  readonly conditions: readonly string[];
  readonly block?: { readonly limit: AccessLimit } | { readonly unknown: string };
}

export interface DenyEffect {
  /** The actions the Deny names on this store. */
  readonly actions: ReadonlySet<ActionInfo>;
  readonly limit: AccessLimit;
}

export type Boundary = { readonly unknown: string } | { readonly plan: readonly PlannedStatement[]; readonly label: string };

export interface BoundaryOnStore {
  readonly allowed: ReadonlySet<ActionInfo>;
  readonly conditional: ReadonlySet<ActionInfo>;
}

const MAX_ACTIONS = 5;

/**
 * Condition keys of a Deny that judge how a request is made, not who makes it or from where
 * (deny plain HTTP, old TLS, uploads without encryption): every principal can meet them, so such a
 * Deny is listed as a limit but leaves the edge allowed.
 */
const HOW_NOT_WHO: ReadonlySet<string> = new Set(["aws:securetransport", "s3:tlsversion", "s3:x-amz-server-side-encryption", "s3:x-amz-server-side-encryption-aws-kms-key-id"]);
const RANK = { allowed: 3, conditional: 2, unknown: 1, denied: 0 } as const;
type Status = AccessEdge["status"];

export function decideEdge(
  key: { readonly principal: string; readonly store: string; readonly level: AccessLevel },
  grants: readonly PendingGrant[],
  unknownReasons: readonly string[],
  denies: readonly DenyEffect[],
  boundary: Boundary | undefined,
  boundaryOnStore: BoundaryOnStore | undefined,
): AccessEdge {
  const limits = new Map<string, AccessLimit>();
  const addLimit = (l: AccessLimit) => limits.set(`${l.kind}|${l.policy}|${l.statement ?? ""}`, l);
  const reasons = [...unknownReasons];
  let best: Status | undefined;
  const raise = (s: Status) => {
    if (best === undefined || RANK[s] > RANK[best]) best = s;
  };
  for (const g of grants) {
    if (g.block && "limit" in g.block) {
      addLimit(g.block.limit);
      raise("denied");
      continue;
    }
    let remaining = g.actions;
    for (const d of denies) {
      if (!d.limit.unconditional) continue;
      const kept = remaining.filter((a) => typeof a === "string" || !d.actions.has(a));
      if (kept.length < remaining.length) addLimit(d.limit);
      remaining = kept;
    }
    let conditional = g.conditions.length > 0;
    let uncertain = g.block !== undefined ? (g.block as { unknown: string }).unknown : undefined;
    if (g.identity && boundary) {
      if ("unknown" in boundary) uncertain ??= boundary.unknown;
      else if (boundaryOnStore) {
        const kept = remaining.filter((a) => typeof a === "string" || boundaryOnStore.allowed.has(a) || boundaryOnStore.conditional.has(a));
        const boundaryLimit: AccessLimit = { kind: "boundary", policy: boundary.label, unconditional: true, conditions: [] };
        if (kept.length < remaining.length) addLimit(boundaryLimit);
        if (kept.length > 0 && kept.every((a) => typeof a !== "string" && !boundaryOnStore.allowed.has(a))) {
          conditional = true;
          addLimit({ ...boundaryLimit, unconditional: false });
        }
        remaining = kept;
      }
    }
    if (remaining.length === 0) {
      raise("denied");
      continue;
    }
    const conditionalDenies = denies.filter((d) => !d.limit.unconditional && remaining.some((a) => typeof a !== "string" && d.actions.has(a)));
    for (const d of conditionalDenies) addLimit(d.limit);
    const narrowing = conditionalDenies.filter((d) => !d.limit.conditions.every((k) => HOW_NOT_WHO.has(k.toLowerCase())));
    if (remaining.every((a) => typeof a !== "string" && narrowing.some((d) => d.actions.has(a)))) conditional = true;
    if (uncertain !== undefined) {
      reasons.push(uncertain);
      raise("unknown");
    } else raise(conditional ? "conditional" : "allowed");
  }
  if (reasons.length > 0 && (best === undefined || best === "denied")) best = "unknown";
  const status: Status = best ?? "unknown";
  const unique = [...new Set(reasons)];
  return {
    principal: key.principal,
    store: key.store,
    level: key.level,
    status,
    grants: mergeGrants(grants),
    limits: [...limits.values()],
    ...(status === "unknown" && unique.length > 0 ? { reason: unique.join("; ") } : {}),
  };
}

/** One grant per (via, policy, statement), its actions merged, at most five named. */
function mergeGrants(grants: readonly PendingGrant[]): AccessGrant[] {
  const merged = new Map<string, PendingGrant[]>();
  for (const g of grants) {
    const k = `${g.via}|${g.policy}|${g.statement}`;
    const list = merged.get(k);
    if (list === undefined) merged.set(k, [g]);
    else list.push(g);
  }
  return [...merged.values()].map((list) => {
    const g = list[0] as PendingGrant;
    const { actions, actionCount } = list.length === 1 ? summaryOf(g.actions) : summarize(list.flatMap((x) => x.actions));
    return { via: g.via, policy: g.policy, statement: g.statement, actions, actionCount, conditions: g.conditions };
  });
}

// A statement's actions on stores of one kind are one shared array: summarised once.
const summaries = new WeakMap<readonly (ActionInfo | string)[], { actions: string[]; actionCount: number }>();

function summaryOf(actions: readonly (ActionInfo | string)[]): { actions: string[]; actionCount: number } {
  let s = summaries.get(actions);
  if (s === undefined) summaries.set(actions, (s = summarize(actions)));
  return s;
}

function summarize(actions: readonly (ActionInfo | string)[]): { actions: string[]; actionCount: number } {
  const ids = new Set(actions.map((a) => (typeof a === "string" ? a : a.id)));
  return { actions: [...ids].slice(0, MAX_ACTIONS), actionCount: ids.size };
}
