import { isUnknown } from "../core/value";
import type { ActionInfo } from "./actions";
import { denyOnAllow, prepareDeny, type ActionSide, type AllowResources, type DenyCandidate, type DenyOnAllow, type PreparedDeny } from "./shadow";

// Finds, for one Allow, the Deny statements that can affect it without comparing it with every Deny
// of the document. Each Deny is prepared once (principals, conditions, expanded actions). Denies that
// answer every Allow the same, for certain (Resource `*`, no unknown part), are merged into per-action
// tables. The others are filed by the services their Action element names and, when their Resource
// list is known and names no `*`, by the literal beginning (up to the first wildcard) of each pattern
// in a trie: such a Deny can only cover an Allow whose every resource starts with one of them, which
// the trie finds in O(length of the ARN). Every Deny the index returns is then judged exactly as
// before (denyOnAllow): the index only skips pairs that answer "no" for every action.

/**
 * A character trie of lowercase literal prefixes, each node holding the Denies whose patterns end
 * there, by the services their Action element names (under `any` for NotAction or unknown entries).
 */
interface TrieNode {
  readonly next: Map<string, TrieNode>;
  any: number[] | undefined;
  byService: Map<string, number[]> | undefined;
}

function trieNode(): TrieNode {
  return { next: new Map(), any: undefined, byService: undefined };
}

function push(list: number[] | undefined, at: number): number[] {
  if (list === undefined) return [at];
  if (list[list.length - 1] !== at) list.push(at);
  return list;
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The literal beginning of a Resource pattern, lowercased: `arn:aws:s3:::orders/*` -> `arn:aws:s3:::orders/`.
 * It stops at the first wildcard and at the first non-ASCII character (whose case mapping may depend
 * on context or map to ASCII). Sound for resourceCovers: a pattern covers an ASCII ARN only if the
 * ARN's lowercase text starts with it (partition, service, region and account compare
 * case-insensitively, the rest exactly; literal characters of the covering pattern must meet the same
 * literal characters, never a wildcard).
 */
export function literalPrefix(pattern: string): string {
  let end = 0;
  while (end < pattern.length) {
    const c = pattern.charCodeAt(end);
    if (c === 42 /* * */ || c === 63 /* ? */ || c > 127) break;
    end++;
  }
  return pattern.slice(0, end).toLowerCase();
}

/** Denies grouped by the services their Action element names; a NotAction or unknown one under `any`. */
class ServiceBuckets {
  private readonly all: number[] = [];
  private readonly any: number[] = [];
  private readonly byService = new Map<string, number[]>();

  add(at: number, services: ReadonlySet<string> | undefined): void {
    this.all.push(at);
    if (services === undefined) {
      this.any.push(at);
      return;
    }
    for (const s of services) {
      const list = this.byService.get(s);
      if (list === undefined) this.byService.set(s, [at]);
      else list.push(at);
    }
  }

  /** Adds the Denies that may name an action of one of `services` (all of them when undefined). */
  collect(services: ReadonlySet<string> | undefined, out: Collector): void {
    if (services === undefined || services.size > this.byService.size) {
      for (const at of this.all) out.add(at);
      return;
    }
    for (const at of this.any) out.add(at);
    for (const s of services) for (const at of this.byService.get(s) ?? []) out.add(at);
  }
}

/** Deny positions gathered for one Allow, each once. */
class Collector {
  private seen: Uint32Array;
  /** Per Deny: how many of the Allow's resources, in order, its patterns may cover (valid when hitRound matches). */
  private hits: Uint32Array;
  private hitRound: Uint32Array;
  private round = 0;
  found: number[] = [];

  constructor(size: number) {
    this.seen = new Uint32Array(size);
    this.hits = new Uint32Array(size);
    this.hitRound = new Uint32Array(size);
  }

  start(): void {
    if (this.round === 0xffffffff) {
      this.seen.fill(0);
      this.hitRound.fill(0);
      this.round = 0;
    }
    this.round++;
    this.found = [];
  }

  add(at: number): void {
    if (this.seen[at] === this.round) return;
    this.seen[at] = this.round;
    this.found.push(at);
  }

  /** Notes that the Deny may cover resource number `j`; true once it may cover resources 0..j all. */
  hit(at: number, j: number): boolean {
    if (this.hitRound[at] !== this.round) {
      this.hitRound[at] = this.round;
      this.hits[at] = 0;
    }
    if (this.hits[at] !== j) return false;
    this.hits[at] = j + 1;
    return true;
  }
}

/**
 * Denies whose answers are the same for every Allow and never "maybe" (no unknown part; Resource `*`
 * or none): only "certainly takes away" and "certainly narrows to a scope" matter for them, and those
 * do not depend on which Deny says so, so they are merged into per-action tables.
 */
export class CertainDenies {
  /** By action ordinal: 1 when a Deny covers (or narrows) the action because its Action element lists it. */
  private coversListed = new Uint8Array(0);
  private scopesListed = new Uint8Array(0);
  /** For Denies that cover (or narrow) every action they do not list (NotAction): how many, and per action how many list it. */
  private coversUnlisted = 0;
  private scopesUnlisted = 0;
  private coverExceptions = new Int32Array(0);
  private scopeExceptions = new Int32Array(0);
  private any = false;

  get empty(): boolean {
    return !this.any;
  }

  add(d: DenyOnAllow): void {
    this.any = true;
    const size = d.listedActions.reduce((max, a) => Math.max(max, a.ordinal + 1), 0);
    if (size > this.coversListed.length) this.grow(size);
    if (d.coverageIfListed.coverage === "yes") for (const a of d.listedActions) this.coversListed[a.ordinal] = 1;
    if (d.scopesIfListed.coverage === "yes") for (const a of d.listedActions) this.scopesListed[a.ordinal] = 1;
    if (d.coverageOtherwise.coverage === "yes") {
      this.coversUnlisted++;
      for (const a of d.listedActions) (this.coverExceptions[a.ordinal] as number)++;
    }
    if (d.scopesOtherwise.coverage === "yes") {
      this.scopesUnlisted++;
      for (const a of d.listedActions) (this.scopeExceptions[a.ordinal] as number)++;
    }
  }

  private grow(size: number): void {
    const copy = <T extends Uint8Array | Int32Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.coversListed = copy(this.coversListed, new Uint8Array(size));
    this.scopesListed = copy(this.scopesListed, new Uint8Array(size));
    this.coverExceptions = copy(this.coverExceptions, new Int32Array(size));
    this.scopeExceptions = copy(this.scopeExceptions, new Int32Array(size));
  }

  /** Whether one of these Denies certainly takes the action away. */
  covers(a: ActionInfo): boolean {
    const o = a.ordinal;
    return this.coversListed[o] === 1 || (this.coversUnlisted > 0 && (this.coverExceptions[o] ?? 0) < this.coversUnlisted);
  }

  /** Whether one of these Denies certainly narrows the action to a scope. */
  scopes(a: ActionInfo): boolean {
    const o = a.ordinal;
    return this.scopesListed[o] === 1 || (this.scopesUnlisted > 0 && (this.scopeExceptions[o] ?? 0) < this.scopesUnlisted);
  }
}

const ANY_RESOURCES: AllowResources = { element: "none", known: [], unknowns: [] };

/** Whether a Deny's answers cannot depend on the Allow: an unknown statement, no Resource element, or Resource `*`. */
function sameForEveryAllow(p: PreparedDeny): boolean {
  const s = p.statement;
  if (s === undefined || s.resources === undefined) return true;
  const r = s.resources;
  return !isUnknown(r) && r.element === "Resource" && r.values.includes("*");
}

function certain(d: DenyOnAllow): boolean {
  return [d.coverageIfListed, d.coverageOtherwise, d.scopesIfListed, d.scopesOtherwise].every((r) => r.coverage !== "maybe");
}

export class DenyIndex {
  private readonly prepared: PreparedDeny[] = [];
  /** Answers of the Denies that answer the same for every Allow (by position), computed once. */
  private readonly fixed = new Map<number, DenyOnAllow>();
  /** Denies that answer every Allow the same and for certain, merged. */
  readonly certain = new CertainDenies();
  /** Denies that may reach any Allow, whatever its resources. */
  private readonly always = new ServiceBuckets();
  /** NotResource Denies: they reach only Allows with a Resource element. */
  private readonly notResource = new ServiceBuckets();
  /** Known Resource lists without `*`: they reach only Allows whose resources they cover. */
  private readonly byPrefix = new ServiceBuckets();
  private readonly trie: TrieNode = trieNode();
  private collector: Collector | undefined;

  constructor(denies: readonly DenyCandidate[]) {
    for (const deny of denies) {
      const p = prepareDeny(deny);
      if (p === undefined) continue;
      const at = this.prepared.length;
      this.prepared.push(p);
      if (sameForEveryAllow(p)) {
        const d = denyOnAllow(p, at, ANY_RESOURCES);
        if (d === undefined) continue;
        if (certain(d)) {
          this.certain.add(d);
          continue;
        }
        this.fixed.set(at, d);
      }
      // An Action element without unknown entries reaches only the actions it lists, hence their services.
      const services = p.action.otherwise.coverage === "no" ? p.action.services : undefined;
      const r = p.statement?.resources;
      if (p.statement === undefined || r === undefined || isUnknown(r)) this.always.add(at, services);
      else if (r.element === "NotResource") this.notResource.add(at, services);
      else if (r.values.some((v) => isUnknown(v) || v === "*")) this.always.add(at, services);
      else {
        this.byPrefix.add(at, services);
        for (const v of r.values) if (!isUnknown(v)) this.insert(literalPrefix(v), at, services);
      }
    }
  }

  private insert(prefix: string, at: number, services: ReadonlySet<string> | undefined): void {
    let node = this.trie;
    for (let i = 0; i < prefix.length; i++) {
      const ch = prefix[i] as string;
      let child = node.next.get(ch);
      if (child === undefined) node.next.set(ch, (child = trieNode()));
      node = child;
    }
    if (services === undefined) node.any = push(node.any, at);
    else {
      const byService = (node.byService ??= new Map());
      for (const s of services) byService.set(s, push(byService.get(s), at));
    }
  }

  /**
   * Visits the Denies with a pattern whose literal prefix begins `text` (lowercased) and that may name
   * an action of `services` (any service when undefined). A Deny may be visited more than once.
   */
  private prefixesOf(text: string, services: ReadonlySet<string> | undefined, visit: (at: number) => void): void {
    let node: TrieNode | undefined = this.trie;
    const lower = text.toLowerCase();
    let i = 0;
    while (node !== undefined) {
      if (node.any !== undefined) for (const at of node.any) visit(at);
      const byService = node.byService;
      if (byService !== undefined) {
        if (services === undefined || services.size > byService.size) {
          for (const list of byService.values()) for (const at of list) visit(at);
        } else for (const s of services) for (const at of byService.get(s) ?? []) visit(at);
      }
      if (i >= lower.length) break;
      node = node.next.get(lower[i] as string);
      i++;
    }
  }

  /**
   * The Denies that affect some action of an Allow with these resources whose candidate actions
   * belong to `services` (undefined: any service), in document order.
   */
  onAllow(
    resources: AllowResources,
    services: ReadonlySet<string> | undefined,
    touches: (action: ActionSide) => boolean = () => true,
  ): DenyOnAllow[] {
    const found = (this.collector ??= new Collector(this.prepared.length));
    found.start();
    this.always.collect(services, found);
    if (resources.element === "Resource") {
      this.notResource.collect(services, found);
      const known = resources.known;
      // An ARN with non-ASCII text is compared with every such Deny: case folding is not per character there.
      if (known.length === 0 || known.some((r) => NON_ASCII.test(r))) this.byPrefix.collect(services, found);
      else {
        // Such a Deny covers the Allow only if its patterns cover every known resource.
        const last = known.length - 1;
        known.forEach((r, j) =>
          this.prefixesOf(r, services, (at) => {
            if (found.hit(at, j) && j === last) found.add(at);
          }),
        );
      }
    }
    const out: DenyOnAllow[] = [];
    const positions = found.found.length > 1 ? Int32Array.from(found.found).sort() : found.found;
    for (const at of positions) {
      const p = this.prepared[at] as PreparedDeny;
      // A Deny whose Action element lists none of the Allow's actions changes nothing.
      if (p.action.otherwise.coverage === "no" && !touches(p.action)) continue;
      const d = this.fixed.get(at) ?? denyOnAllow(p, at, resources);
      if (d !== undefined) out.push(d);
    }
    return out;
  }
}
