import { isUnknown } from "../core/value";
import { awsManagedPolicyDocument, type ActionInfo } from "../iam";
import { awsManagedPolicyName, type IamInventory, type IamManagedPolicy, type IamPrincipal } from "../models/iam";
import type { Inventory } from "../models/inventory";
import type { ResourcePolicy } from "../models/exposure";
import { DocumentReader, notKnown } from "./access-documents";
import { accessTarget, TargetIndex, type AccessTarget } from "./access-targets";
import { decideEdge, type Boundary, type BoundaryOnStore, type DenyEffect, type PendingGrant } from "./access-edges";
import { actionsOnStore, formsNamed, type PlannedStatement } from "./access-statements";
import type { AccessEdge, AccessLevel, AccessPrincipal, InventoryGap } from "./model";
import { ACCESS_LEVELS } from "./model";
import { principalCovered, PrincipalRegistry } from "./principal-registry";
import { storeAccess, type StoreAccess } from "./resource-grants";

// The access map: for every store, the principals whose identity policies or the store's own
// policies, ACLs and shares let them read, write or manage it, with the statements that grant it and
// the denies, boundaries and Block Public Access settings that take it away.
//
// Simplifications (documented in the report): an action counts on a store when a Resource pattern
// names the store's ARN form it accepts (objects `bucket/*` or the bucket itself), judged per store
// kind; a Deny only removes an action when its Resource covers the whole form; Deny statements of a
// permissions boundary are not applied; conditions are never evaluated, only named.

export interface AccessMap {
  readonly principals: AccessPrincipal[];
  readonly access: AccessEdge[];
  readonly gaps: InventoryGap[];
}

/** A document a principal holds, named for grants ("inline policy 'x' of role y", "managed policy Z (via group g)"). */
interface Held {
  readonly document: unknown;
  readonly sources: readonly string[];
  readonly label: string;
}

type Pending = Map<string, Map<AccessLevel, { grants: PendingGrant[]; unknownReasons: string[] }>>;

export function buildAccessMap(inventory: Inventory, opts: { readonly ownAccounts: readonly string[] }): AccessMap {
  const iam = inventory.iam ?? { principals: [], policies: [], inlinePolicies: [], attachments: [] };
  const registry = new PrincipalRegistry(new Set([...opts.ownAccounts, ...(inventory.ownAccountIds ?? [])]));
  const targets = inventory.stores.map(accessTarget);
  const targetsById = new Map(targets.map((t) => [t.id, t]));
  const index = new TargetIndex(targets);
  const reader = new DocumentReader(index, targetsById);
  const gaps: InventoryGap[] = [];
  const edges: AccessEdge[] = [];
  const policies = new Map(iam.policies.map((p) => [p.ref.id, p]));
  for (const p of iam.principals) registry.addIam(p);

  const stores = new Map<string, StoreAccess>();
  const policiesByStore = resourcePoliciesByStore(inventory, targets, gaps);
  for (const t of targets) {
    const sa = storeAccess(t, index, policiesByStore.get(t.id) ?? [], inventory.exposures?.get(t.id), registry, (d) => reader.plan(d, "resource"));
    stores.set(t.id, sa);
    for (const reason of sa.gaps) gaps.push({ subject: t.id, reason });
  }

  // actionsOnStore shares one array per (statement, store kind, forms named): one Set per array.
  const denySets = new WeakMap<readonly ActionInfo[], ReadonlySet<ActionInfo>>();
  const deniedOn = (plan: PlannedStatement, t: AccessTarget): ReadonlySet<ActionInfo> => {
    const actions = actionsOnStore(plan, t, formsNamed(plan, t, index));
    let set = denySets.get(actions);
    if (set === undefined) denySets.set(actions, (set = new Set(actions)));
    return set;
  };

  // Identity side: every IAM principal, with its groups' documents for a user.
  const pendingByPrincipal = new Map<string, Pending>();
  const identityDenies = new Map<string, { plan: PlannedStatement; policy: string }[]>();
  const boundaries = new Map<string, Boundary | undefined>();
  for (const p of iam.principals) {
    const principal = registry.get(p.ref.id) as AccessPrincipal;
    const pending: Pending = new Map();
    pendingByPrincipal.set(principal.id, pending);
    const { held, gaps: heldGaps } = heldDocuments(p, iam, policies);
    for (const reason of heldGaps) gaps.push({ subject: principal.id, reason });
    const denies: { plan: PlannedStatement; policy: string }[] = [];
    for (const h of held) {
      const reach = reader.reach(h.document, h.sources);
      const name = (text: string) => text.replaceAll("{doc}", h.label);
      for (const reason of reach.gaps) gaps.push({ subject: principal.id, reason: name(reason) });
      for (const d of reach.denies) denies.push({ plan: d, policy: h.label });
      for (const [storeId, levels] of reach.grants)
        for (const [level, list] of levels)
          for (const g of list)
            slot(pending, storeId, level).grants.push({ via: "identity", identity: true, policy: h.label, statement: g.statement, actions: g.actions, conditions: g.conditions });
      for (const [storeId, u] of reach.unknowns) for (const level of u.levels) slot(pending, storeId, level).unknownReasons.push(name(u.reason));
    }
    identityDenies.set(principal.id, denies);
    boundaries.set(principal.id, boundaryOf(p, policies, (d) => reader.plan(d, "identity")));
  }

  // Resource side: grants the stores give by themselves.
  for (const [storeId, sa] of stores) {
    for (const g of sa.grants) {
      let pending = pendingByPrincipal.get(g.principal.id);
      if (pending === undefined) pendingByPrincipal.set(g.principal.id, (pending = new Map()));
      slot(pending, storeId, g.level).grants.push({ ...g, identity: false });
    }
    for (const u of sa.unknowns) {
      let pending = pendingByPrincipal.get(u.principal.id);
      if (pending === undefined) pendingByPrincipal.set(u.principal.id, (pending = new Map()));
      for (const level of u.levels) slot(pending, storeId, level).unknownReasons.push(u.reason);
    }
  }

  for (const [principalId, pending] of pendingByPrincipal) {
    const principal = registry.get(principalId) as AccessPrincipal;
    const boundary = boundaries.get(principalId);
    for (const [storeId, levels] of pending) {
      const t = targetsById.get(storeId);
      if (t === undefined) continue;
      const denies: DenyEffect[] = [];
      for (const d of identityDenies.get(principalId) ?? []) denies.push(denyEffect(d.plan, d.policy, deniedOn(d.plan, t)));
      for (const d of stores.get(storeId)?.denies ?? []) {
        const entries = d.plan.principals?.entries ?? [];
        const covered = d.plan.principals?.element === "NotPrincipal" ? !principalCovered(entries, principal) : principalCovered(entries, principal);
        if (covered) denies.push(denyEffect(d.plan, d.policy, deniedOn(d.plan, t)));
      }
      const boundaryOnStore = boundary && "plan" in boundary ? boundaryAllows(boundary, t, index) : undefined;
      const applying = denies.filter((d) => d.actions.size > 0);
      for (const level of ACCESS_LEVELS) {
        const p = levels.get(level);
        if (p === undefined) continue;
        edges.push(decideEdge({ principal: principalId, store: storeId, level }, p.grants, p.unknownReasons, applying, boundary, boundaryOnStore));
      }
    }
  }

  const levelOrder = (l: AccessLevel) => ACCESS_LEVELS.indexOf(l);
  edges.sort((a, b) => cmp(a.store, b.store) || cmp(a.principal, b.principal) || levelOrder(a.level) - levelOrder(b.level));
  const principals = registry.all().sort((a, b) => cmp(a.id, b.id));
  return { principals, access: edges, gaps: uniqueGaps(gaps) };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function slot(pending: Pending, storeId: string, level: AccessLevel): { grants: PendingGrant[]; unknownReasons: string[] } {
  let levels = pending.get(storeId);
  if (levels === undefined) pending.set(storeId, (levels = new Map()));
  let s = levels.get(level);
  if (s === undefined) levels.set(level, (s = { grants: [], unknownReasons: [] }));
  return s;
}

function denyEffect(plan: PlannedStatement, policy: string, actions: ReadonlySet<ActionInfo>): DenyEffect {
  return { actions, limit: { kind: "deny", policy, statement: plan.label, unconditional: plan.conditions.length === 0, conditions: plan.conditions } };
}

/** Resource policies by the store they govern (joined id, an S3 bucket's name, or a known ARN). */
function resourcePoliciesByStore(inventory: Inventory, targets: readonly AccessTarget[], gaps: InventoryGap[]): Map<string, ResourcePolicy[]> {
  const byName = new Map<string, string>();
  for (const t of targets) {
    byName.set(t.id, t.id);
    for (const arn of t.arns) byName.set(arn, t.id);
    if (t.store.kind === "s3-bucket" && t.store.physicalName) byName.set(t.store.physicalName, t.id);
  }
  const out = new Map<string, ResourcePolicy[]>();
  for (const p of inventory.resourcePolicies ?? []) {
    if (isUnknown(p.target)) {
      gaps.push({ subject: p.ref.id, reason: `${p.origin} governs a resource that ${notKnown(p.target)}: who it grants access to is not assessed` });
      continue;
    }
    const storeId = p.target === undefined ? undefined : byName.get(p.target);
    if (storeId === undefined) continue;
    const list = out.get(storeId);
    if (list === undefined) out.set(storeId, [p]);
    else list.push(p);
  }
  return out;
}

function principalLabel(p: IamPrincipal): string {
  return `${p.kind} ${typeof p.name === "string" ? p.name : p.ref.name}`;
}

function managedName(policy: IamManagedPolicy | undefined, arn: string | undefined): string {
  if (policy && typeof policy.name === "string") return policy.name;
  if (arn) return arn.slice(arn.lastIndexOf("/") + 1);
  return policy?.ref.name ?? "(unnamed)";
}

/** The documents a principal holds: its own and, for a user, its groups'. */
function heldDocuments(p: IamPrincipal, iam: IamInventory, policies: ReadonlyMap<string, IamManagedPolicy>): { held: Held[]; gaps: string[] } {
  const held: Held[] = [];
  const gaps: string[] = [];
  const groups: IamPrincipal[] = [];
  if (p.kind === "user") {
    if (isUnknown(p.groups)) gaps.push(`the groups of ${principalLabel(p)} are not known (${p.groups.detail}): what they grant is not assessed`);
    else {
      for (const g of p.groups) {
        const group = iam.principals.find((x) => x.kind === "group" && (x.ref.id === g || x.name === g));
        if (group) groups.push(group);
        else gaps.push(`group ${g} of ${principalLabel(p)} is not part of the inventory: what it grants is not assessed`);
      }
    }
  }
  for (const holder of [p, ...groups]) {
    const via = holder === p ? "" : ` (via group ${typeof holder.name === "string" ? holder.name : holder.ref.name})`;
    for (const i of holder.inlinePolicies)
      held.push({ document: i.document, sources: i.documentSources ?? [], label: `inline policy '${i.name}' of ${principalLabel(holder)}${via}` });
    for (const a of holder.attachedPolicies) {
      const arn = typeof a.policyArn === "string" ? a.policyArn : undefined;
      const policy = a.policyRef ? policies.get(a.policyRef) : undefined;
      const label = `managed policy ${managedName(policy, arn)}${via}`;
      if (isUnknown(a.policyArn) && !policy) {
        gaps.push(`a managed policy attached to ${principalLabel(holder)}${via} ${notKnown(a.policyArn)}: its reach is not assessed`);
        continue;
      }
      const document = policy ? policy.document : arn && awsManagedPolicyName(arn) ? awsManagedPolicyDocument(arn) : undefined;
      if (document === undefined) {
        if (arn) gaps.push(`the document of ${label} is not part of the inventory: its reach is not assessed`);
        continue;
      }
      if (isUnknown(document) && (policy?.awsManaged ?? true)) {
        gaps.push(`the document of ${label} ${notKnown(document)}: its reach is not assessed`);
        continue;
      }
      held.push({ document, sources: policy?.documentSources ?? [], label });
    }
  }
  return { held, gaps };
}

/** The principal's permissions boundary, planned; undefined when none is set or the front does not read it. */
function boundaryOf(p: IamPrincipal, policies: ReadonlyMap<string, IamManagedPolicy>, plan: (d: unknown) => ReturnType<DocumentReader["plan"]>): Boundary | undefined {
  const b = p.permissionsBoundary;
  if (b === undefined) return undefined;
  if (isUnknown(b)) return { unknown: `the permissions boundary of ${principalLabel(p)} ${notKnown(b)}` };
  const policy = p.permissionsBoundaryRef ? policies.get(p.permissionsBoundaryRef) : undefined;
  const label = `permissions boundary ${managedName(policy, b)}`;
  const document = policy && !isUnknown(policy.document) ? policy.document : awsManagedPolicyName(b) ? awsManagedPolicyDocument(b) : policy?.document;
  if (document === undefined) return { unknown: `the document of ${label} is not part of the inventory` };
  const planned = plan(document);
  if (planned.status === "unknown") return { unknown: `the document of ${label} ${notKnown(planned.unknown)}` };
  if (planned.status === "malformed") return { unknown: `the document of ${label} is malformed (${planned.problem})` };
  return { plan: planned.statements, label };
}

/** What the boundary allows on one store: unconditionally, and only under conditions. */
const boundaryCache = new WeakMap<readonly PlannedStatement[], Map<AccessTarget, BoundaryOnStore>>();

function boundaryAllows(b: Extract<Boundary, { plan: unknown }>, t: AccessTarget, index: TargetIndex): BoundaryOnStore {
  let byTarget = boundaryCache.get(b.plan);
  if (byTarget === undefined) boundaryCache.set(b.plan, (byTarget = new Map()));
  let v = byTarget.get(t);
  if (v === undefined) byTarget.set(t, (v = computeBoundaryAllows(b, t, index)));
  return v;
}

function computeBoundaryAllows(b: Extract<Boundary, { plan: unknown }>, t: AccessTarget, index: TargetIndex): BoundaryOnStore {
  const allowed = new Set<ActionInfo>();
  const conditional = new Set<ActionInfo>();
  for (const s of b.plan) {
    if (s.effect !== "Allow") continue;
    for (const a of actionsOnStore(s, t, formsNamed(s, t, index))) (s.conditions.length === 0 ? allowed : conditional).add(a);
  }
  return { allowed, conditional };
}

function uniqueGaps(gaps: readonly InventoryGap[]): InventoryGap[] {
  const seen = new Map<string, InventoryGap>();
  for (const g of gaps) seen.set(`${g.subject}\n${g.reason}`, g);
  return [...seen.values()].sort((a, b) => cmp(a.subject, b.subject) || cmp(a.reason, b.reason));
}
