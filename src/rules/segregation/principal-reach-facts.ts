import { isUnknown, type Unknown } from "../../core/value";
import { parsePolicy, resourceMatches, type Statement } from "../../iam";
import type { DataStore } from "../../models/data-store";
import type { IamInventory, IamPrincipal } from "../../models/iam";
import { CUSTOMER_DATA_SERVICES } from "../iam/customer-data-services-facts";

const DATA_SERVICES: ReadonlySet<string> = new Set(CUSTOMER_DATA_SERVICES);

/** A document a principal holds, with the resources its unknown values came from. */
interface HeldDocument {
  readonly document: unknown;
  readonly sources: readonly string[];
}

export interface Reach {
  /** Ids of stores (and keys) the principal's Allow statements on data actions reach. */
  readonly reached: ReadonlySet<string>;
  /** Set when a document or statement could not be read: the reach may be wider. */
  readonly undetermined?: Unknown;
}

/** Inline and attached documents of a principal and, for a user, of its groups. */
function heldDocuments(principal: IamPrincipal, iam: IamInventory): { held: HeldDocument[]; undetermined?: Unknown } {
  const policies = new Map(iam.policies.map((p) => [p.ref.id, p]));
  const groups = principal.kind === "user" && !isUnknown(principal.groups)
    ? iam.principals.filter((g) => g.kind === "group" && (principal.groups as readonly string[]).some((n) => n === g.ref.id || n === g.name))
    : [];
  const held: HeldDocument[] = [];
  let undetermined: Unknown | undefined = isUnknown(principal.groups) ? principal.groups : undefined;
  for (const p of [principal, ...groups]) {
    for (const i of p.inlinePolicies) held.push({ document: i.document, sources: i.documentSources ?? [] });
    for (const a of p.attachedPolicies) {
      const policy = a.policyRef ? policies.get(a.policyRef) : undefined;
      if (policy && !(isUnknown(policy.document) && policy.awsManaged)) {
        held.push({ document: policy.document, sources: policy.documentSources ?? [] });
      } else if (isUnknown(a.policyArn)) undetermined ??= a.policyArn;
    }
  }
  return { held, ...(undetermined ? { undetermined } : {}) };
}

const grantsData = (s: Statement): boolean | Unknown => {
  if (isUnknown(s.actions)) return s.actions;
  if (!s.actions) return false;
  if (s.actions.element === "NotAction") return true;
  for (const a of s.actions.values) {
    if (isUnknown(a)) return a;
    if (a.service === "*" || DATA_SERVICES.has(a.service)) return true;
  }
  return false;
};

/**
 * The stores a principal can read or write: statements whose resources match a store's known
 * ARN, and in preview, when resources are unknown, the stores the document's values came from.
 */
export function reachOf(principal: IamPrincipal, iam: IamInventory, targets: readonly { id: string; arns: readonly string[] }[]): Reach {
  const { held, undetermined: fromGroups } = heldDocuments(principal, iam);
  const reached = new Set<string>();
  let undetermined = fromGroups;
  const targetIds = new Set(targets.map((t) => t.id));
  for (const h of held) {
    const parsed = parsePolicy(h.document, { kind: "identity" });
    if (parsed.status === "unknown") {
      if (h.sources.some((s) => targetIds.has(s))) undetermined ??= parsed.unknown;
      continue;
    }
    if (parsed.status === "malformed") continue;
    for (const s of parsed.document.statements) {
      if (isUnknown(s)) {
        undetermined ??= s;
        continue;
      }
      const data = grantsData(s);
      if (isUnknown(data)) undetermined ??= data;
      if (data !== true) continue;
      if (isUnknown(s.effect)) {
        undetermined ??= s.effect;
        continue;
      }
      if (s.effect === "Deny") continue;
      for (const id of statementReach(s, h.sources, targets, targetIds)) reached.add(id);
    }
  }
  return { reached, ...(undetermined ? { undetermined } : {}) };
}

function statementReach(s: Statement, sources: readonly string[], targets: readonly { id: string; arns: readonly string[] }[], targetIds: Set<string>): string[] {
  if (!s.resources || isUnknown(s.resources)) return sources.filter((id) => targetIds.has(id));
  if (s.resources.element === "NotResource") return targets.map((t) => t.id);
  const out: string[] = [];
  let sawUnknown = false;
  for (const pattern of s.resources.values) {
    if (isUnknown(pattern)) {
      sawUnknown = true;
      continue;
    }
    for (const t of targets) if (t.arns.some((arn) => resourceMatches(pattern, arn) === true)) out.push(t.id);
  }
  if (sawUnknown) out.push(...sources.filter((id) => targetIds.has(id)));
  return out;
}

/** ARNs a store is known by: its id when it is an ARN, an S3 bucket's ARN from its name. */
export function knownArns(store: DataStore): string[] {
  const arns: string[] = [];
  if (store.ref.id.startsWith("arn:")) arns.push(store.ref.id, `${store.ref.id}/*`);
  if (store.kind === "s3-bucket" && store.physicalName) {
    arns.push(`arn:aws:s3:::${store.physicalName}`, `arn:aws:s3:::${store.physicalName}/*`);
  }
  return arns;
}

