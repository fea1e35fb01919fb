import type { Unknown } from "../core/value";
import { serviceActions, type ActionInfo } from "../iam";
import type { DataStore } from "../models/data-store";
import { storeFacts } from "../models/store-kind-facts";
import { storeTarget } from "../rules/segregation/principal-reach-facts";
import { literalPrefix } from "../iam/deny-index";
import { globMatches } from "../iam/wildcard";

// Stores as IAM names them, indexed for the access map: by service (a statement's actions only reach
// stores of their services) and by ARN (a literal Resource finds its store without a scan).

/** Resources of another service that grant access to a store's service (IAM database authentication). */
const EXTRA_SERVICES: ReadonlyMap<string, readonly string[]> = new Map([["rds", ["rds-db"]]]);

export interface AccessTarget {
  readonly store: DataStore;
  readonly id: string;
  /** The service of the store's ARNs; undefined for a store IAM cannot name (a logical database). */
  readonly service?: string;
  /** The store's own ARNs (no `/*` forms). */
  readonly arns: readonly string[];
  /** Set when its ARN is not known yet (a new stack's preview). */
  readonly arnUnknown?: Unknown;
  /** Decides which ARN formats its ARNs take: stores of one kind share them. */
  readonly shapeKey: string;
  /** What separates the store's ARN from the parts below it: `bucket/key`, `log-group:name:log-stream:x`. */
  readonly childSeparator: "/" | ":";
}

export function accessTarget(store: DataStore): AccessTarget {
  const t = storeTarget(store);
  const service = storeFacts(store.kind, store.variant).arnService;
  const arns = t.arns.filter((a) => !a.endsWith("/*"));
  return {
    store,
    id: store.ref.id,
    ...(service === undefined ? {} : { service }),
    arns,
    ...(t.arnUnknown ? { arnUnknown: t.arnUnknown } : {}),
    shapeKey: `${store.kind}|${store.variant ?? ""}|${arns.length > 0 ? "arn" : "no-arn"}`,
    childSeparator: store.kind === "log-group" ? ":" : "/",
  };
}

/** The services whose actions can reach a store of `service`. */
export const actingServices = (service: string): readonly string[] => [service, ...(EXTRA_SERVICES.get(service) ?? [])];

/** Every resource-level action that can act on a store of `service` (`s3:ListAllMyBuckets` acts on none). */
const storeActionsCache = new Map<string, readonly ActionInfo[]>();
export function storeServiceActions(service: string): readonly ActionInfo[] {
  let list = storeActionsCache.get(service);
  if (list === undefined) {
    list = actingServices(service).flatMap((s) => serviceActions(s).filter((a) => a.resourceLevel));
    storeActionsCache.set(service, list);
  }
  return list;
}

export class TargetIndex {
  readonly byService = new Map<string, AccessTarget[]>();
  private readonly byArn = new Map<string, AccessTarget[]>();
  readonly services: ReadonlySet<string>;

  constructor(readonly targets: readonly AccessTarget[]) {
    for (const t of targets) {
      if (t.service === undefined) continue;
      for (const s of actingServices(t.service)) push(this.byService, s, t);
      for (const arn of t.arns) push(this.byArn, arn.toLowerCase(), t);
    }
    this.services = new Set(this.byService.keys());
  }

  /**
   * Targets a literal (wildcard-free) Resource may name: its store's ARN, or a path below it
   * (`arn:aws:s3:::bucket/reports/x.csv`), plus the stores whose ARN is not known yet.
   */
  literal(pattern: string, services: ReadonlySet<string>): AccessTarget[] {
    const out: AccessTarget[] = [];
    let prefix = pattern.toLowerCase();
    // Up through the parts below an ARN (`/` for most, `:` for log streams), never into the ARN's fixed fields.
    const resourceStart = nthIndexOf(prefix, ":", 5);
    for (;;) {
      out.push(...(this.byArn.get(prefix) ?? []));
      const cut = Math.max(prefix.lastIndexOf("/"), prefix.lastIndexOf(":"));
      if (cut <= resourceStart) break;
      prefix = prefix.slice(0, cut);
    }
    for (const s of services) for (const t of this.byService.get(s) ?? []) if (t.arnUnknown) out.push(t);
    return out;
  }

  /** Targets of the services whose ARN service part the pattern may name. */
  ofServices(pattern: string | undefined, services: ReadonlySet<string>): AccessTarget[] {
    const patternService = pattern?.split(":")[2];
    const prefix = pattern === undefined ? "" : literalPrefix(pattern);
    // A pattern with a literal beginning past the service (`arn:aws:s3:::orders-*`) only matches ARNs
    // starting with it (lowercased: a superset of what it matches): a range of the sorted ARNs.
    if (prefix.split(":").length > 3) return this.withPrefix(prefix, services);
    const out: AccessTarget[] = [];
    for (const s of services) {
      const list = this.byService.get(s);
      if (list === undefined) continue;
      for (const t of list) if (patternService === undefined || t.service === undefined || globMatches(patternService, t.service, true)) out.push(t);
    }
    return out;
  }

  private sorted: { readonly arn: string; readonly target: AccessTarget }[] | undefined;

  private withPrefix(prefix: string, services: ReadonlySet<string>): AccessTarget[] {
    this.sorted ??= this.targets.flatMap((target) => target.arns.map((arn) => ({ arn: arn.toLowerCase(), target }))).sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
    const list = this.sorted;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((list[mid] as { arn: string }).arn < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: AccessTarget[] = [];
    for (let i = lo; i < list.length && (list[i] as { arn: string }).arn.startsWith(prefix); i++) out.push((list[i] as { target: AccessTarget }).target);
    // Stores whose ARN the pattern continues below (`arn:aws:s3:::orders/*`), and those with no ARN yet.
    out.push(...this.literal(prefix, services));
    return out;
  }

  private readonly matches = new Map<string, Map<AccessTarget, number>>();

  /**
   * Which forms of a target a pattern names, as bits (1 the store's ARN, 2 `arn/*`), computed once
   * per (pattern, store, Allow or Deny) however many documents repeat the pattern.
   */
  patternForms(pattern: string, t: AccessTarget, deny: boolean, compute: () => number): number {
    const key = deny ? `D${pattern}` : `A${pattern}`;
    let byTarget = this.matches.get(key);
    if (byTarget === undefined) this.matches.set(key, (byTarget = new Map()));
    let v = byTarget.get(t);
    if (v === undefined) byTarget.set(t, (v = compute()));
    return v;
  }
}

function nthIndexOf(text: string, char: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(char, at + 1);
    if (at < 0) return text.length;
  }
  return at;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
