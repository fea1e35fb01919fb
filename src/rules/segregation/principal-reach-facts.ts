import { isUnknown, unknown, type Unknown } from "../../core/value";
import { expandAction, mayMatchServiceArn, parsePolicy, resourceMatches, type Statement } from "../../iam";
import { hasWildcard } from "../../iam/wildcard";
import type { DataStore } from "../../models/data-store";
import type { IamAttachedPolicy, IamInventory, IamManagedPolicy, IamPrincipal } from "../../models/iam";
import type { KmsKey } from "../../models/kms-key";
import { storeFacts } from "../../models/store-kind-facts";
import { CUSTOMER_DATA_SERVICES } from "../iam/customer-data-services-facts";

const DATA_SERVICES: ReadonlySet<string> = new Set(CUSTOMER_DATA_SERVICES);

/** A store or KMS key whose reach is looked for, as policy resources name it. */
export interface ReachTarget {
  readonly id: string;
  /** The ARNs it is known by. */
  readonly arns: readonly string[];
  /** The service part of its ARNs; none for a store IAM cannot name (a logical database). */
  readonly service?: string;
  /** Set when its ARN is not known yet (a new stack's preview). */
  readonly arnUnknown?: Unknown;
}

/** A document a principal holds, with the resources its unknown values came from. */
interface HeldDocument {
  readonly document: unknown;
  readonly sources: readonly string[];
}

export interface Reach {
  /** Ids of stores (and keys) the principal's Allow statements on data actions reach. */
  readonly reached: ReadonlySet<string>;
  /**
   * Ids of stores (and keys) a document that is not known at all (one `pulumi.jsonStringify` or
   * `pulumi.interpolate` output in preview) is built from: it likely reaches them, and may reach more.
   */
  readonly inferred: ReadonlySet<string>;
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
      const missing = policy === undefined ? missingPolicy(a) : unreadDocument(policy);
      if (missing !== undefined) undetermined ??= missing;
      else if (policy !== undefined) held.push({ document: policy.document, sources: policy.documentSources ?? [] });
    }
  }
  return { held, ...(undetermined ? { undetermined } : {}) };
}

/** Why an attachment naming no policy of the inventory leaves the reach open; undefined when it attaches nothing. */
function missingPolicy(a: IamAttachedPolicy): Unknown | undefined {
  if (isUnknown(a.policyArn)) return a.policyArn;
  return a.policyArn === undefined ? undefined : unknown("not-fetched", `the document of policy ${a.policyArn} is not part of the inventory`);
}

/**
 * An AWS managed policy whose document was not read (not listed by the account, not in the pack's
 * catalogue). A customer policy's unknown document is judged by where its values came from.
 */
const unreadDocument = (policy: IamManagedPolicy): Unknown | undefined =>
  policy.awsManaged && isUnknown(policy.document) ? policy.document : undefined;

/** The services whose ARNs a statement's data actions act on: "any" for `*` and NotAction. */
type ActedOn = "any" | ReadonlySet<string>;

/** Resources of one service that give access to another's stores: IAM database authentication to RDS. */
const STORE_SERVICE: ReadonlyMap<string, string> = new Map([["rds-db", "rds"]]);

/**
 * What a statement's data actions act on, by the catalogue's resource types: `logs:*` on `*` reaches
 * log groups, not tables. An action the catalogue does not know is taken to act on its own service.
 */
function dataActedOn(s: Statement): ActedOn | Unknown {
  if (isUnknown(s.actions)) return s.actions;
  if (!s.actions) return new Set();
  if (s.actions.element === "NotAction") return "any";
  const services = new Set<string>();
  for (const a of s.actions.values) {
    if (isUnknown(a)) return a;
    if (a.service === "*") return "any";
    if (!DATA_SERVICES.has(a.service) && !hasWildcard(a.service)) continue;
    const actions = expandAction(a.text).filter((info) => DATA_SERVICES.has(info.service));
    if (actions.length === 0 && DATA_SERVICES.has(a.service)) services.add(a.service);
    for (const info of actions) for (const t of info.resourceArns) services.add(STORE_SERVICE.get(t.service) ?? t.service);
  }
  return services;
}

/**
 * The stores a principal can read or write: statements whose resources match a store's known
 * ARN, and in preview, when resources are unknown, the stores the document's values came from. A
 * statement that may name a store whose ARN is not known yet leaves the reach open.
 */
export function reachOf(principal: IamPrincipal, iam: IamInventory, targets: readonly ReachTarget[]): Reach {
  const { held, undetermined: fromHeld } = heldDocuments(principal, iam);
  const reached = new Set<string>();
  const inferred = new Set<string>();
  let undetermined = fromHeld;
  const targetIds = new Set(targets.map((t) => t.id));
  for (const h of held) {
    const parsed = parsePolicy(h.document, { kind: "identity" });
    if (parsed.status === "unknown") {
      const named = h.sources.filter((s) => targetIds.has(s));
      if (named.length > 0) undetermined ??= parsed.unknown;
      for (const id of named) inferred.add(id);
      continue;
    }
    if (parsed.status === "malformed") continue;
    for (const s of parsed.document.statements) {
      if (isUnknown(s)) {
        undetermined ??= s;
        continue;
      }
      const actedOn = dataActedOn(s);
      if (isUnknown(actedOn)) {
        undetermined ??= actedOn;
        continue;
      }
      if (actedOn !== "any" && actedOn.size === 0) continue;
      if (isUnknown(s.effect)) {
        undetermined ??= s.effect;
        continue;
      }
      if (s.effect === "Deny") continue;
      const reachable = actedOn === "any" ? targets : targets.filter((t) => t.service !== undefined && actedOn.has(t.service));
      const reach = statementReach(s, h.sources, reachable);
      for (const id of reach.reached) reached.add(id);
      undetermined ??= reach.undetermined;
    }
  }
  for (const id of reached) inferred.delete(id);
  return { reached, inferred, ...(undetermined ? { undetermined } : {}) };
}

type StatementReach = Omit<Reach, "inferred">;

function statementReach(s: Statement, sources: readonly string[], targets: readonly ReachTarget[]): StatementReach {
  const targetIds = new Set(targets.map((t) => t.id));
  const fromSources = () => sources.filter((id) => targetIds.has(id));
  if (!s.resources || isUnknown(s.resources)) return { reached: new Set(fromSources()) };
  if (s.resources.element === "NotResource") return { reached: new Set(targets.map((t) => t.id)) };
  const reached = new Set<string>();
  let undetermined: Unknown | undefined;
  let sawUnknown = false;
  for (const pattern of s.resources.values) {
    if (isUnknown(pattern)) {
      sawUnknown = true;
      continue;
    }
    for (const t of targets) {
      const names = patternNames(pattern, t);
      if (names === true) reached.add(t.id);
      else if (names !== false) undetermined ??= names;
    }
  }
  if (sawUnknown) for (const id of fromSources()) reached.add(id);
  return { reached, ...(undetermined ? { undetermined } : {}) };
}

/** Whether a Resource pattern names the target; Unknown when it may and the target's ARN is not known. */
function patternNames(pattern: string, t: ReachTarget): boolean | Unknown {
  if (t.service === undefined) return false;
  if (pattern === "*" || t.arns.some((arn) => resourceMatches(pattern, arn) === true)) return true;
  return t.arnUnknown !== undefined && mayMatchServiceArn(pattern, t.service) ? t.arnUnknown : false;
}

/** A store as a target: ARNs from its id when that is one (the scanner's), its ARN output, an S3 bucket's name. */
export function storeTarget(store: DataStore): ReachTarget {
  const arns = new Set<string>();
  const add = (arn: string) => arns.add(arn).add(`${arn}/*`);
  if (store.ref.id.startsWith("arn:")) add(store.ref.id);
  if (typeof store.arn === "string") add(store.arn);
  if (store.kind === "s3-bucket" && store.physicalName) add(`arn:aws:s3:::${store.physicalName}`);
  const service = storeFacts(store.kind, store.variant).arnService;
  return {
    id: store.ref.id,
    arns: [...arns],
    ...(service === undefined ? {} : { service }),
    ...(isUnknown(store.arn) && arns.size === 0 ? { arnUnknown: store.arn } : {}),
  };
}

/** A KMS key as a target: by its ARN once known. */
export function keyTarget(key: KmsKey): ReachTarget {
  return {
    id: key.ref.id,
    arns: typeof key.arn === "string" ? [key.arn] : [],
    service: "kms",
    ...(isUnknown(key.arn) ? { arnUnknown: key.arn } : {}),
  };
}
